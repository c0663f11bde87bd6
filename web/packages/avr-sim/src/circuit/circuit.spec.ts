/** PreparedCircuit: resolutions of an Uno's pins through a resistor, reused for a state seen before. */
import { describe, expect, it } from "vitest";
import type { McuPinDrive } from "./board-pins";
import { PART_CATALOG } from "../parts/catalog";
import { PreparedCircuit, type PartContext } from "./circuit";

describe("PreparedCircuit", () => {
  it("resolves each pin state once and gives the same resolution back for it", () => {
    const prepared = new PreparedCircuit(
      {
        components: [
          { id: "uno", kind: "uno" },
          { id: "r", kind: "resistor", props: { ohms: 1000 } },
        ],
        wires: [
          ["uno.D2", "r.1"],
          ["r.2", "uno.D3"],
        ],
      },
      PART_CATALOG,
    );
    const drives = new Map<number, McuPinDrive>([[2, "high"]]);
    const context: PartContext = {
      mcuDrive: (_component, pin) => drives.get(pin) ?? "input",
      isClosed: () => false,
    };

    const high = prepared.resolve(context);
    expect(high.levelOf("uno.D3")).toEqual({ strength: "weak", volts: 5 });
    expect(prepared.resolve(context)).toBe(high);

    drives.set(2, "low");
    const low = prepared.resolve(context);
    expect(low).not.toBe(high);
    expect(low.levelOf("uno.D3")).toEqual({ strength: "weak", volts: 0 });

    drives.set(3, "high");
    expect(prepared.resolve(context).warnings).toEqual([]); // two outputs through 1 kΩ: no short
    expect(prepared.resolve(context).levelOf("uno.D3")).toEqual({ strength: "strong", volts: 5 });

    drives.set(2, "high");
    drives.delete(3);
    expect(prepared.resolve(context)).toBe(high);
  });
});

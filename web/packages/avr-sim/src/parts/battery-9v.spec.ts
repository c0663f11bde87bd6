import { describe, expect, it } from "vitest";
import { PreparedCircuit } from "../circuit/circuit";
import { PART_CATALOG } from "./catalog";
import { isLedLit } from "./led";

describe("9 V battery", () => {
  it("lights an LED through a resistor, and shorts against the board's 5V", () => {
    const circuit = new PreparedCircuit(
      {
        components: [
          { id: "bat", kind: "battery-9v" },
          { id: "r1", kind: "resistor", props: { ohms: 470 } },
          { id: "led1", kind: "led", props: { color: "blue" } },
        ],
        wires: [
          ["bat.+", "r1.1"],
          ["r1.2", "led1.A"],
          ["led1.C", "bat.-"],
        ],
      },
      PART_CATALOG,
    );
    const resolution = circuit.resolve({ mcuDrive: () => "input", isClosed: () => false });
    expect(resolution.levelOf("led1.A")).toEqual({ strength: "weak", volts: 9 });
    expect(isLedLit(resolution, "led1", 3)).toBe(true);
    expect(resolution.warnings).toEqual([]);

    const shorted = new PreparedCircuit(
      {
        components: [
          { id: "bat", kind: "battery-9v" },
          { id: "uno", kind: "uno" },
        ],
        wires: [["bat.+", "uno.5V"]],
      },
      PART_CATALOG,
    ).resolve({ mcuDrive: () => "input", isClosed: () => false });
    expect(shorted.warnings.map((w) => [w.kind, w.pins])).toEqual([
      ["contention", ["bat.+", "uno.5V"]],
    ]);
  });
});

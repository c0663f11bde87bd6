import { describe, expect, it } from "vitest";
import { mcuTracePins } from "./trace-pins";

describe("mcuTracePins", () => {
  it("offers each board's I/O pins, and no other part's", () => {
    const pins = mcuTracePins({
      components: [
        { id: "uno1", kind: "uno" },
        { id: "led1", kind: "led" },
        { id: "nano2", kind: "nano" },
      ],
      wires: [],
    });
    const uno = pins.filter((pin) => pin.ref.startsWith("uno1."));
    expect(uno.map((pin) => pin.ref.slice(5))).toEqual([
      ...Array.from({ length: 14 }, (_, n) => `D${n}`),
      ...Array.from({ length: 6 }, (_, n) => `A${n}`),
    ]);
    expect(uno[13]).toEqual({ ref: "uno1.D13", label: "uno1 D13" });
    // The Nano also has the analog-only A6 and A7.
    expect(
      pins
        .filter((pin) => pin.ref.startsWith("nano2."))
        .map((pin) => pin.label)
        .slice(-2),
    ).toEqual(["nano2 A6", "nano2 A7"]);
    expect(pins.some((pin) => pin.ref.startsWith("led1."))).toBe(false);
  });
});

/** 7-segment displays on a running Uno: a sketch counts 0..9, the segments decode to the digit. */
import { describe, expect, it } from "vitest";
import { AvrSimulation } from "../avr-simulation";
import { BOARDS } from "../boards";
import type { ComponentSpec } from "../circuit/circuit";
import { buildSketch } from "../test-support/arduino-sketch";
import { CircuitSimulation } from "./circuit-simulation";
import { decodeDigit, litSegments, SEGMENTS } from "./seven-segment";

/** Segments a..g, dp on D2..D9; `ON` is the level that lights a segment. */
const counter = (on: string) => `
const byte DIGITS[10] = {0x3F, 0x06, 0x5B, 0x4F, 0x66, 0x6D, 0x7D, 0x07, 0x7F, 0x6F}; // bit 0 = a
void setup() { for (int pin = 2; pin <= 9; pin++) pinMode(pin, OUTPUT); }
void loop() {
  for (int digit = 0; digit < 10; digit++) {
    for (int s = 0; s < 8; s++) digitalWrite(2 + s, (DIGITS[digit] >> s) & 1 ? ${on} : !${on});
    delay(100);
  }
}`;

function start(common: "cathode" | "anode", comTo: string | null) {
  const display: ComponentSpec = { id: "seg", kind: "7segment", props: { common } };
  const resistors = SEGMENTS.map((_, i) => ({
    id: `r${i}`,
    kind: "resistor",
    props: { ohms: 220 },
  }));
  const circuit = new CircuitSimulation(
    {
      components: [{ id: "uno", kind: "uno" }, display, ...resistors],
      wires: [
        ...SEGMENTS.flatMap((segment, i): [string, string][] => [
          [`uno.D${2 + i}`, `r${i}.1`],
          [`r${i}.2`, `seg.${segment}`],
        ]),
        ...(comTo ? ([["seg.COM.1", comTo]] as [string, string][]) : []),
      ],
    },
    {
      uno: new AvrSimulation(BOARDS.uno, buildSketch(counter(common === "anode" ? "LOW" : "HIGH"))),
    },
  );
  const digits: (number | null)[] = [];
  circuit.runFor(50);
  for (let i = 0; i < 10; i++) {
    digits.push(decodeDigit(litSegments(circuit.resolution, display)));
    circuit.runFor(100);
  }
  return { circuit, digits };
}

describe("7-segment display", () => {
  it("shows the digits 0..9 with a common cathode on GND", () => {
    const { circuit, digits } = start("cathode", "uno.GND");
    expect(digits).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(circuit.warnings).toEqual([]);
  });

  it("shows the digits 0..9 with a common anode on 5V", () => {
    expect(start("anode", "uno.5V").digits).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("stays dark with its common pin unconnected", () => {
    const { circuit, digits } = start("cathode", null);
    expect(digits.every((d) => d === null)).toBe(true);
    expect(litSegments(circuit.resolution, { id: "seg", kind: "7segment" })).toEqual([]);
  });

  it("decodes only digit patterns", () => {
    expect(decodeDigit(["B", "C", "DP"])).toBe(1);
    expect(decodeDigit(["A"])).toBeNull();
  });
});

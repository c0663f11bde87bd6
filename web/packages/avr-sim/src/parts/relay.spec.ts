/** Relay module on a running Uno: D7 switches 5V between two LEDs, only with the module powered. */
import { describe, expect, it } from "vitest";
import { AvrSimulation } from "../avr-simulation";
import { BOARDS } from "../boards";
import type { PinRef } from "../circuit/elements";
import { buildSketch } from "../test-support/arduino-sketch";
import { CircuitSimulation } from "./circuit-simulation";

const SKETCH = `void setup() { pinMode(7, OUTPUT); }
void loop() { digitalWrite(7, HIGH); delay(100); digitalWrite(7, LOW); delay(100); }`;

function start(powered: boolean) {
  const wires: [PinRef, PinRef][] = [
    ["k1.IN", "uno.D7"],
    ["k1.COM", "uno.5V"],
    ["k1.NO", "r1.1"],
    ["r1.2", "on.A"],
    ["on.C", "uno.GND"],
    ["k1.NC", "r2.1"],
    ["r2.2", "off.A"],
    ["off.C", "uno.GND.2"],
  ];
  if (powered) wires.push(["k1.VCC", "uno.5V"], ["k1.GND", "uno.GND"]);
  const circuit = new CircuitSimulation(
    {
      components: [
        { id: "uno", kind: "uno" },
        { id: "k1", kind: "relay" },
        { id: "r1", kind: "resistor", props: { ohms: 220 } },
        { id: "r2", kind: "resistor", props: { ohms: 220 } },
        { id: "on", kind: "led" },
        { id: "off", kind: "led" },
      ],
      wires,
    },
    { uno: new AvrSimulation(BOARDS.uno, buildSketch(SKETCH)) },
  );
  const seen: string[] = [];
  circuit.runFor(50);
  for (let i = 0; i < 4; i++) {
    seen.push(circuit.isLedLit("on") ? "NO" : circuit.isLedLit("off") ? "NC" : "-");
    circuit.runFor(100);
  }
  return { circuit, seen };
}

describe("relay", () => {
  it("joins COM to NO while IN is HIGH, to NC otherwise", () => {
    const { circuit, seen } = start(true);
    expect(seen).toEqual(["NO", "NC", "NO", "NC"]);
    expect(circuit.warnings).toEqual([]);
  });

  it("stays on NC without power", () => {
    expect(start(false).seen).toEqual(["NC", "NC", "NC", "NC"]);
  });
});

/** PIR on a running Uno: the sketch mirrors its output to D13; no power, no signal. */
import { describe, expect, it } from "vitest";
import { AvrSimulation } from "../avr-simulation";
import { BOARDS } from "../boards";
import type { PinRef } from "../circuit/elements";
import { buildSketch } from "../test-support/arduino-sketch";
import { CircuitSimulation } from "./circuit-simulation";

const SKETCH = `void setup() { pinMode(2, INPUT); pinMode(13, OUTPUT); }
void loop() { digitalWrite(13, digitalRead(2)); }`;

function start(powered: boolean) {
  const wires: [PinRef, PinRef][] = [["pir.OUT", "uno.D2"]];
  if (powered) wires.push(["pir.VCC", "uno.5V"], ["pir.GND", "uno.GND"]);
  return new CircuitSimulation(
    {
      components: [
        { id: "uno", kind: "uno" },
        { id: "pir", kind: "pir" },
      ],
      wires,
    },
    { uno: new AvrSimulation(BOARDS.uno, buildSketch(SKETCH)) },
  );
}

describe("PIR motion sensor", () => {
  it("raises OUT while motion is on", () => {
    const circuit = start(true);
    const seen: (number | null)[] = [];
    for (const motion of [false, true, false, true]) {
      circuit.setControl("pir", "motion", motion);
      circuit.runFor(10);
      seen.push(circuit.resolution.levelOf("uno.D13").volts);
    }
    expect(seen).toEqual([0, 5, 0, 5]);
    expect(circuit.resolution.levelOf("uno.D2").volts).toBe(3.3);
    expect(circuit.warnings).toEqual([]);
  });

  it("gives no signal without power", () => {
    const circuit = start(false);
    circuit.setControl("pir", "motion", true);
    circuit.runFor(10);
    expect(circuit.resolution.levelOf("uno.D13").volts).toBe(0);
    expect(circuit.warnings.map((w) => w.kind)).toEqual(["floating-input"]);
  });
});

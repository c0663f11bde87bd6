/** Buzzer on a running Uno: tone(8, 440) sounds at 440 Hz, noTone(8) is silent. */
import { describe, expect, it } from "vitest";
import { AvrSimulation } from "../avr-simulation";
import { BOARDS } from "../boards";
import { buildSketch } from "../test-support/arduino-sketch";
import { Buzzer } from "./buzzer";
import { CircuitSimulation } from "./circuit-simulation";

const SKETCH = `void setup() {}
void loop() { tone(8, 440); delay(300); noTone(8); delay(300); tone(8, 1000); delay(300); noTone(8); delay(300); }`;

describe("buzzer", () => {
  it("sounds at the frequency of tone() and falls silent with noTone()", () => {
    const circuit = new CircuitSimulation(
      {
        components: [
          { id: "uno", kind: "uno" },
          { id: "bz", kind: "buzzer" },
        ],
        wires: [
          ["bz.2", "uno.D8"],
          ["bz.1", "uno.GND"],
        ],
      },
      { uno: new AvrSimulation(BOARDS.uno, buildSketch(SKETCH)) },
    );
    const buzzer = circuit.partBehaviour("bz", Buzzer);
    const heard: number[] = [];
    for (let step = 0; step < 4; step++) {
      circuit.runFor(step === 0 ? 200 : 300); // into the middle of each 300 ms step
      heard.push(buzzer.frequency(circuit.nowUs));
    }
    expect(Math.abs(heard[0]! - 440) / 440).toBeLessThan(0.01);
    expect(heard[1]).toBe(0);
    expect(Math.abs(heard[2]! - 1000) / 1000).toBeLessThan(0.01);
    expect(heard[3]).toBe(0);
  });

  it("is silent with a leg unconnected", () => {
    const circuit = new CircuitSimulation(
      {
        components: [
          { id: "uno", kind: "uno" },
          { id: "bz", kind: "buzzer" },
        ],
        wires: [["bz.2", "uno.D8"]],
      },
      { uno: new AvrSimulation(BOARDS.uno, buildSketch(SKETCH)) },
    );
    circuit.runFor(200);
    expect(circuit.partBehaviour("bz", Buzzer).frequency(circuit.nowUs)).toBe(0);
  });
});

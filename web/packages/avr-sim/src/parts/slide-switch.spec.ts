/** Slide switch on a running Uno: D2 reads the side the switch is slid to. */
import { describe, expect, it } from "vitest";
import { AvrSimulation } from "../avr-simulation";
import { BOARDS } from "../boards";
import { buildSketch } from "../test-support/arduino-sketch";
import { CircuitSimulation } from "./circuit-simulation";

describe("slide switch", () => {
  it("joins its middle pin to pin 1 at position 0 and to pin 3 at position 1", () => {
    const circuit = new CircuitSimulation(
      {
        components: [
          { id: "uno", kind: "uno" },
          { id: "sw", kind: "slide-switch" },
        ],
        wires: [
          ["sw.1", "uno.GND"],
          ["sw.2", "uno.D2"],
          ["sw.3", "uno.5V"],
        ],
      },
      {
        uno: new AvrSimulation(
          BOARDS.uno,
          buildSketch(`void setup() { pinMode(2, INPUT); pinMode(13, OUTPUT); }
void loop() { digitalWrite(13, digitalRead(2)); }`),
        ),
      },
    );
    const seen: (number | null)[] = [];
    for (const position of [0, 1, 0, 1]) {
      circuit.setControl("sw", "position", position);
      circuit.runFor(10);
      seen.push(circuit.resolution.levelOf("uno.D13").volts);
    }
    expect(seen).toEqual([0, 5, 0, 5]);
    expect(circuit.warnings).toEqual([]);
  });
});

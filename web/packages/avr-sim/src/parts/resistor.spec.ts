/** Resistor as a pull-down on a running Uno, and its value checks. */
import { describe, expect, it } from "vitest";
import { AvrSimulation } from "../avr-simulation";
import { BOARDS } from "../boards";
import { CircuitError, PreparedCircuit } from "../circuit/circuit";
import { buildSketch } from "../test-support/arduino-sketch";
import { PART_CATALOG } from "./catalog";
import { CircuitSimulation } from "./circuit-simulation";

describe("resistor", () => {
  it("pulls a button input down: LOW released, HIGH pressed to 5V", () => {
    const sketch = `void setup() { pinMode(2, INPUT); pinMode(13, OUTPUT); }
void loop() { digitalWrite(13, digitalRead(2)); }`;
    const circuit = new CircuitSimulation(
      {
        components: [
          { id: "uno", kind: "uno" },
          { id: "pd", kind: "resistor", props: { ohms: 10_000 } },
          { id: "btn", kind: "push-button" },
        ],
        wires: [
          ["uno.D2", "pd.1"],
          ["pd.2", "uno.GND"],
          ["uno.D2", "btn.1.l"],
          ["btn.2.l", "uno.5V"],
        ],
      },
      { uno: new AvrSimulation(BOARDS.uno, buildSketch(sketch)) },
    );
    circuit.runFor(10);
    expect(circuit.resolution.levelOf("uno.D2")).toEqual({ strength: "weak", volts: 0 });
    expect(circuit.resolution.levelOf("uno.D13").volts).toBe(0);
    circuit.setPressed("btn", true);
    circuit.runFor(10);
    expect(circuit.resolution.levelOf("uno.D13").volts).toBe(5);
    expect(circuit.warnings).toEqual([]);
  });

  it("rejects a value that is not a positive number", () => {
    const withOhms = (ohms: number | string) =>
      new PreparedCircuit(
        { components: [{ id: "r", kind: "resistor", props: { ohms } }], wires: [] },
        PART_CATALOG,
      );
    expect(() => withOhms(0)).toThrow(new CircuitError("r: ohms must be a positive number"));
    expect(() => withOhms("10k")).toThrow(CircuitError);
    expect(() => withOhms(4700)).not.toThrow();
  });
});

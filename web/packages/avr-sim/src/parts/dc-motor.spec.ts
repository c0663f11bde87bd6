/** DC motor on a running Uno: speed from the PWM duty, and a warning when a pin drives it. */
import { describe, expect, it } from "vitest";
import { AvrSimulation } from "../avr-simulation";
import { BOARDS } from "../boards";
import { buildSketch } from "../test-support/arduino-sketch";
import { CircuitSimulation } from "./circuit-simulation";
import { DcMotor } from "./dc-motor";

describe("DC motor", () => {
  it("runs at the PWM duty and warns when wired straight to the pin", () => {
    const circuit = new CircuitSimulation(
      {
        components: [
          { id: "uno", kind: "uno" },
          { id: "m1", kind: "dc-motor" },
        ],
        wires: [
          ["m1.+", "uno.D9"],
          ["m1.-", "uno.GND"],
        ],
      },
      {
        uno: new AvrSimulation(
          BOARDS.uno,
          buildSketch("void setup() { analogWrite(9, 128); }\nvoid loop() {}"),
        ),
      },
    );
    circuit.runFor(300);
    expect(
      circuit.partBehaviour("m1", DcMotor).speed(circuit.nowUs, 100 * (510 / 250)),
    ).toBeCloseTo(128 / 255, 2);
    expect(circuit.warnings.map((w) => [w.kind, w.pins])).toEqual([
      ["driven-from-pin", ["m1.+", "m1.-"]],
    ]);
  });

  it("runs from a battery switched by a relay without a warning", () => {
    const circuit = new CircuitSimulation(
      {
        components: [
          { id: "uno", kind: "uno" },
          { id: "k1", kind: "relay" },
          { id: "bat", kind: "battery-9v" },
          { id: "m1", kind: "dc-motor" },
        ],
        wires: [
          ["k1.VCC", "uno.5V"],
          ["k1.GND", "uno.GND"],
          ["k1.IN", "uno.D7"],
          ["k1.COM", "bat.+"],
          ["k1.NO", "m1.-"],
          ["m1.+", "bat.-"],
          ["bat.-", "uno.GND.2"],
        ],
      },
      {
        uno: new AvrSimulation(
          BOARDS.uno,
          buildSketch(
            "void setup() { pinMode(7, OUTPUT); digitalWrite(7, HIGH); }\nvoid loop() {}",
          ),
        ),
      },
    );
    circuit.runFor(100);
    // Wired the other way round, it turns backwards at full speed.
    expect(circuit.partBehaviour("m1", DcMotor).speed(circuit.nowUs)).toBe(-1);
    expect(circuit.warnings).toEqual([]);
  });
});

/** Servo on a running Uno with the Servo library: 0/90/180°, and no movement without power. */
import { describe, expect, it } from "vitest";
import { AvrSimulation } from "../avr-simulation";
import { BOARDS } from "../boards";
import { buildSketch } from "../test-support/arduino-sketch";
import { CircuitSimulation } from "./circuit-simulation";
import { Servo, servoAngleOfPulse } from "./servo";

/** Sweeps 0 → 90 → 180°, 500 ms each. */
const SKETCH = `#include <Servo.h>
Servo servo;
void setup() { servo.attach(9); }
void loop() { servo.write(0); delay(500); servo.write(90); delay(500); servo.write(180); delay(500); }`;

function start(powered: boolean) {
  const circuit = new CircuitSimulation(
    {
      components: [
        { id: "uno", kind: "uno" },
        { id: "servo1", kind: "servo" },
      ],
      wires: [
        ["servo1.PWM", "uno.D9"],
        ...(powered
          ? ([
              ["servo1.V+", "uno.5V"],
              ["servo1.GND", "uno.GND"],
            ] as [string, string][])
          : []),
      ],
    },
    { uno: new AvrSimulation(BOARDS.uno, buildSketch(SKETCH)) },
  );
  return { circuit, servo: circuit.partBehaviour("servo1", Servo) };
}

describe("servo", () => {
  it("turns to 0, 90 and 180° as the sketch writes them", () => {
    const { circuit, servo } = start(true);
    const angles: number[] = [];
    for (let i = 0; i < 3; i++) {
      circuit.runFor(i === 0 ? 400 : 500); // 100 ms before each step's end
      angles.push(servo.angle);
    }
    expect(angles[0]).toBeCloseTo(0, 0);
    expect(Math.abs(angles[1]! - 90)).toBeLessThan(1);
    expect(Math.abs(angles[2]! - 180)).toBeLessThan(1);
    expect(servo.lastPulseUs).toBeGreaterThan(2350);
    expect(circuit.warnings).toEqual([]);
  });

  it("does not move without power on V+ and GND", () => {
    const { circuit, servo } = start(false);
    for (let i = 0; i < 3; i++) {
      circuit.runFor(500);
      expect(servo.angle).toBe(90);
    }
    expect(servo.lastPulseUs).toBeNull();
  });

  it("maps the Servo library's pulse range onto 0..180°", () => {
    expect(servoAngleOfPulse(544)).toBe(0);
    expect(servoAngleOfPulse(1472)).toBe(90);
    expect(servoAngleOfPulse(2400)).toBe(180);
    expect(servoAngleOfPulse(3000)).toBe(180);
  });
});

/** HC-SR04 on a running Uno: pulseIn measures the echo of a set distance. */
import { describe, expect, it } from "vitest";
import { AvrSimulation } from "../avr-simulation";
import { BOARDS } from "../boards";
import type { PinRef } from "../circuit/elements";
import { buildSketch } from "../test-support/arduino-sketch";
import { serialLinesSince } from "../test-support/serial-lines";
import { UsartTerminal } from "../usart-terminal";
import { CircuitSimulation } from "./circuit-simulation";
import { echoWidthUs } from "./hc-sr04";

/** Prints the echo's width in µs every 60 ms (0 when pulseIn times out). */
const SKETCH = `void setup() { Serial.begin(115200); pinMode(9, OUTPUT); pinMode(10, INPUT); }
void loop() {
  digitalWrite(9, LOW); delayMicroseconds(2);
  digitalWrite(9, HIGH); delayMicroseconds(10);
  digitalWrite(9, LOW);
  Serial.println(pulseIn(10, HIGH, 50000UL));
  delay(60);
}`;

function start(powered: boolean) {
  const sim = new AvrSimulation(BOARDS.uno, buildSketch(SKETCH));
  const serial = new UsartTerminal(sim.usarts[0]!, () => sim.cycles);
  const wires: [PinRef, PinRef][] = [
    ["sonar.TRIG", "uno.D9"],
    ["sonar.ECHO", "uno.D10"],
  ];
  if (powered) wires.push(["sonar.VCC", "uno.5V"], ["sonar.GND", "uno.GND"]);
  const circuit = new CircuitSimulation(
    {
      components: [
        { id: "uno", kind: "uno" },
        { id: "sonar", kind: "hc-sr04" },
      ],
      wires,
    },
    { uno: sim },
  );
  /** The widths the sketch printed while running `ms` more. */
  const measure = (ms: number) => {
    const before = serial.text().length;
    circuit.runFor(ms);
    return serialLinesSince(serial, before).map(Number);
  };
  return { circuit, measure };
}

describe("HC-SR04", () => {
  it("echoes for 2 · distance / 343 m/s after a 10 µs trigger: 100 cm within 2 %", () => {
    const { circuit, measure } = start(true);
    circuit.setControl("sonar", "distanceCm", 100);
    const widths = measure(300);
    expect(widths.length).toBeGreaterThanOrEqual(3);
    const expected = echoWidthUs(100); // 5831 µs
    expect(expected).toBeCloseTo(5830.9, 1);
    for (const width of widths) expect(Math.abs(width - expected) / expected).toBeLessThan(0.02);
    const centimetres = (widths.at(-1)! * 0.0343) / 2;
    expect(Math.abs(centimetres - 100)).toBeLessThan(2);

    circuit.setControl("sonar", "distanceCm", 25);
    measure(100); // a measurement may be under way
    const near = measure(200);
    for (const width of near)
      expect(Math.abs(width - echoWidthUs(25)) / echoWidthUs(25)).toBeLessThan(0.02);
    expect(circuit.warnings).toEqual([]);
  });

  it("does not answer without power", () => {
    const { circuit, measure } = start(false);
    expect(measure(300).every((width) => width === 0)).toBe(true);
    expect(circuit.warnings.map((w) => w.kind)).toEqual(["floating-input"]);
  });
});

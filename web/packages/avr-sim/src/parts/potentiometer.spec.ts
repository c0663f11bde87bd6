/** Potentiometers on a running Uno: the sketch reports analogRead(A0) over serial. */
import { describe, expect, it } from "vitest";
import { AvrSimulation } from "../avr-simulation";
import { BOARDS } from "../boards";
import { buildSketch } from "../test-support/arduino-sketch";
import { serialLinesSince } from "../test-support/serial-lines";
import { UsartTerminal } from "../usart-terminal";
import { CircuitSimulation } from "./circuit-simulation";

const SKETCH = `void setup() { Serial.begin(115200); }
void loop() { Serial.println(analogRead(A0)); delay(5); }`;

function start(kind: string, wires: [string, string][]) {
  const sim = new AvrSimulation(BOARDS.uno, buildSketch(SKETCH));
  const serial = new UsartTerminal(sim.usarts[0]!, () => sim.cycles);
  const circuit = new CircuitSimulation(
    {
      components: [
        { id: "uno", kind: "uno" },
        { id: "pot", kind },
      ],
      wires,
    },
    { uno: sim },
  );
  /** The last value the sketch printed after running `ms` more. */
  const read = (ms = 30) => {
    const before = serial.text().length;
    circuit.runFor(ms);
    return Number(serialLinesSince(serial, before).at(-1));
  };
  return { circuit, read };
}

const WIRED: [string, string][] = [
  ["pot.VCC", "uno.5V"],
  ["pot.SIG", "uno.A0"],
  ["pot.GND", "uno.GND"],
];

describe.each(["potentiometer", "slide-potentiometer"])("%s", (kind) => {
  it("gives analogRead values across the range as the wiper moves", () => {
    const { circuit, read } = start(kind, WIRED);
    const seen: number[] = [];
    for (const position of [0, 0.25, 0.5, 0.75, 1]) {
      circuit.setControl("pot", "position", position);
      seen.push(read());
    }
    expect(seen[0]).toBe(0);
    expect(seen[1]).toBeCloseTo(256, -1);
    expect(Math.abs(seen[2]! - 512)).toBeLessThanOrEqual(1);
    expect(seen[3]).toBeCloseTo(767, -1);
    expect(seen[4]).toBe(1023);
    expect(circuit.warnings).toEqual([]);
  });

  it("passes nothing on without its power pins: the input floats", () => {
    const { circuit, read } = start(kind, [["pot.SIG", "uno.A0"]]);
    circuit.setControl("pot", "position", 1);
    expect(read()).toBe(0);
    expect(circuit.resolution.levelOf("uno.A0").volts).toBeNull();
    expect(circuit.warnings.map((w) => w.kind)).toEqual(["floating-input"]);
  });
});

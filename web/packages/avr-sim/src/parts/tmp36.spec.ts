/** TMP36 on a running Uno: the sketch's °C from analogRead, and no output without power. */
import { describe, expect, it } from "vitest";
import { AvrSimulation } from "../avr-simulation";
import { BOARDS } from "../boards";
import type { PinRef } from "../circuit/elements";
import { buildSketch } from "../test-support/arduino-sketch";
import { serialLinesSince } from "../test-support/serial-lines";
import { UsartTerminal } from "../usart-terminal";
import { CircuitSimulation } from "./circuit-simulation";
import { tmp36Volts } from "./tmp36";

const SKETCH = `void setup() { Serial.begin(115200); }
void loop() { Serial.println((analogRead(A0) * 5000.0 / 1024 - 500) / 10); delay(10); }`;

function start(powered: boolean) {
  const sim = new AvrSimulation(BOARDS.uno, buildSketch(SKETCH));
  const serial = new UsartTerminal(sim.usarts[0]!, () => sim.cycles);
  const wires: [PinRef, PinRef][] = [["t.VOUT", "uno.A0"]];
  if (powered) wires.push(["t.VCC", "uno.5V"], ["t.GND", "uno.GND"]);
  const circuit = new CircuitSimulation(
    {
      components: [
        { id: "uno", kind: "uno" },
        { id: "t", kind: "tmp36" },
      ],
      wires,
    },
    { uno: sim },
  );
  const read = () => {
    const before = serial.text().length;
    circuit.runFor(40);
    return Number(serialLinesSince(serial, before).at(-1));
  };
  return { circuit, read };
}

describe("TMP36", () => {
  it("outputs 500 mV + 10 mV/°C", () => {
    const { circuit, read } = start(true);
    for (const celsius of [-20, 0, 25, 100]) {
      circuit.setControl("t", "celsius", celsius);
      expect(Math.abs(read() - celsius)).toBeLessThan(0.6);
      expect(circuit.resolution.levelOf("uno.A0").volts).toBeCloseTo(tmp36Volts(celsius), 9);
    }
    expect(tmp36Volts(25)).toBeCloseTo(0.75, 9);
    expect(circuit.warnings).toEqual([]);
  });

  it("drives nothing without power", () => {
    const { circuit, read } = start(false);
    circuit.setControl("t", "celsius", 25);
    expect(read()).toBe(-50); // analogRead 0
    expect(circuit.resolution.levelOf("uno.A0").volts).toBeNull();
    expect(circuit.warnings.map((w) => w.kind)).toEqual(["floating-input"]);
  });
});

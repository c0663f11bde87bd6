/** Photoresistor and NTC modules on a running Uno, read back with Wokwi's formulas in the sketch. */
import { describe, expect, it } from "vitest";
import { AvrSimulation } from "../avr-simulation";
import { BOARDS } from "../boards";
import type { PinRef } from "../circuit/elements";
import { buildSketch } from "../test-support/arduino-sketch";
import { serialLinesSince } from "../test-support/serial-lines";
import { UsartTerminal } from "../usart-terminal";
import { ldrOhms, ntcOhms } from "./analog-sensors";
import { CircuitSimulation } from "./circuit-simulation";

/** Prints lux (photoresistor on A0) and °C (NTC on A1), computed as Wokwi's examples do. */
const SKETCH = `void setup() { Serial.begin(115200); }
void loop() {
  float volts = analogRead(A0) / 1024.0 * 5;
  float resistance = 2000 * volts / (1 - volts / 5);
  float lux = pow(50 * 1e3 * pow(10, 0.7) / resistance, 1 / 0.7);
  int raw = analogRead(A1);
  float celsius = 1 / (log(1 / (1023.0 / raw - 1)) / 3950 + 1.0 / 298.15) - 273.15;
  Serial.print(lux); Serial.print(' '); Serial.println(celsius);
  delay(10);
}`;

function start(powered: boolean) {
  const sim = new AvrSimulation(BOARDS.uno, buildSketch(SKETCH));
  const serial = new UsartTerminal(sim.usarts[0]!, () => sim.cycles);
  const wires: [PinRef, PinRef][] = [
    ["ldr.AO", "uno.A0"],
    ["ntc.OUT", "uno.A1"],
    ["ldr.GND", "uno.GND"],
    ["ntc.GND", "uno.GND"],
  ];
  if (powered) wires.push(["ldr.VCC", "uno.5V"], ["ntc.VCC", "uno.5V"]);
  const circuit = new CircuitSimulation(
    {
      components: [
        { id: "uno", kind: "uno" },
        { id: "ldr", kind: "photoresistor" },
        { id: "ntc", kind: "ntc" },
      ],
      wires,
    },
    { uno: sim },
  );
  const read = () => {
    const before = serial.text().length;
    circuit.runFor(40);
    return serialLinesSince(serial, before).at(-1)!.split(" ").map(Number);
  };
  return { circuit, read };
}

describe("photoresistor and NTC", () => {
  it("give the divider voltage of the set light and temperature", () => {
    const { circuit, read } = start(true);
    for (const [lux, celsius] of [
      [10, -10],
      [500, 25],
      [2000, 60],
    ] as const) {
      circuit.setControl("ldr", "lux", lux);
      circuit.setControl("ntc", "celsius", celsius);
      const [luxRead, celsiusRead] = read();
      expect(circuit.resolution.levelOf("uno.A0").volts).toBeCloseTo(
        (5 * ldrOhms(lux)) / (ldrOhms(lux) + 10_000),
        6,
      );
      expect(Math.abs(luxRead! - lux) / lux).toBeLessThan(0.05);
      expect(Math.abs(celsiusRead! - celsius)).toBeLessThan(0.5);
    }
    expect(ntcOhms(25)).toBeCloseTo(10_000, 6);
    expect(circuit.warnings).toEqual([]);
  });

  it("read 0 V without VCC", () => {
    const { circuit, read } = start(false);
    read();
    expect(circuit.resolution.levelOf("uno.A0").volts).toBe(0);
    expect(circuit.resolution.levelOf("uno.A1").volts).toBe(0);
  });
});

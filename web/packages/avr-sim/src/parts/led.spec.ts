/** LED on a running Uno: real sketches built by the Arduino build service. */
import { describe, expect, it } from "vitest";
import { AvrSimulation } from "../avr-simulation";
import { BOARDS } from "../boards";
import type { Circuit } from "../circuit/circuit";
import { buildSketch } from "../test-support/arduino-sketch";
import { CircuitSimulation } from "./circuit-simulation";
import { LedBrightness } from "./led";

const BLINK = `
void setup() { pinMode(13, OUTPUT); }
void loop() { digitalWrite(13, HIGH); delay(1000); digitalWrite(13, LOW); delay(1000); }`;

/** Uno D13 → 220 Ω (c10–c14) → LED anode e15 … cathode e16 → top ground rail → GND. */
function blinkOnBreadboard(withCathode = true): Circuit {
  return {
    components: [
      { id: "uno", kind: "uno" },
      { id: "bb", kind: "breadboard", props: { size: "half" } },
      { id: "r1", kind: "resistor", props: { ohms: 220 } },
      { id: "led1", kind: "led", props: { color: "red" } },
    ],
    wires: [
      ["uno.D13", "bb.a10"],
      ["r1.1", "bb.c10"],
      ["r1.2", "bb.c15"],
      ["led1.A", "bb.e15"],
      ...(withCathode ? ([["led1.C", "bb.e16"]] as const) : []),
      ["bb.a16", "bb.tn16"],
      ["bb.tn1", "uno.GND"],
    ],
  };
}

function run(circuit: Circuit, sketch: string): CircuitSimulation {
  return new CircuitSimulation(circuit, {
    uno: new AvrSimulation(BOARDS.uno, buildSketch(sketch)),
  });
}

describe("LED", () => {
  it("blinks with Blink on D13 through 220 Ω on a breadboard", () => {
    const circuit = run(blinkOnBreadboard(), BLINK);
    const seen: boolean[] = [];
    for (let second = 0; second < 4; second++) {
      circuit.runFor(500);
      seen.push(circuit.isLedLit("led1"));
      circuit.runFor(500);
    }
    expect(seen).toEqual([true, false, true, false]);
    expect(circuit.warnings).toEqual([]);
    expect(circuit.ledBrightness("led1", 200)).toBe(0); // 3.5..3.7 s: off
  });

  it("stays dark with its cathode leg unconnected", () => {
    const circuit = run(blinkOnBreadboard(false), BLINK);
    let everLit = false;
    for (let ms = 0; ms < 2500; ms += 100) {
      circuit.runFor(100);
      everLit ||= circuit.isLedLit("led1");
    }
    expect(everLit).toBe(false);
    expect(circuit.ledBrightness("led1", 1000)).toBe(0);
  });

  it("shows analogWrite(9, 64) as about 25 % brightness", () => {
    const circuit = run(
      {
        components: [
          { id: "uno", kind: "uno" },
          { id: "r1", kind: "resistor", props: { ohms: 220 } },
          { id: "led1", kind: "led", props: { color: "green" } },
        ],
        wires: [
          ["uno.D9", "r1.1"],
          ["r1.2", "led1.A"],
          ["led1.C", "uno.GND.2"],
        ],
      },
      "void setup() { analogWrite(9, 64); }\nvoid loop() {}",
    );
    circuit.runFor(300);
    // Timer 1's phase-correct PWM runs at 490 Hz: over 100 periods the share is the duty itself,
    // over an arbitrary 20 ms (9.8 periods) it is within a part of a period.
    expect(circuit.ledBrightness("led1", 100 * (510 / 250))).toBeCloseTo(64 / 255, 3);
    expect(circuit.ledBrightness("led1", 20)).toBeGreaterThan(0.23);
    expect(circuit.ledBrightness("led1", 20)).toBeLessThan(0.27);
  });

  it("warns about no series resistor when wired straight from a pin to GND", () => {
    const circuit = run(
      {
        components: [
          { id: "uno", kind: "uno" },
          { id: "led1", kind: "led" },
        ],
        wires: [
          ["uno.D13", "led1.A"],
          ["led1.C", "uno.GND"],
        ],
      },
      BLINK,
    );
    circuit.runFor(500);
    expect(circuit.isLedLit("led1")).toBe(true);
    expect(circuit.warnings).toEqual([
      {
        kind: "no-series-resistor",
        pins: ["led1.A", "led1.C"],
        message: "led1: no series resistor between uno.D13 and uno.GND (add about 220 Ω)",
      },
    ]);
  });
});

describe("LedBrightness", () => {
  it("averages the lit share over a window", () => {
    const led = new LedBrightness();
    led.record(0, true);
    led.record(1000, false);
    led.record(4000, true);
    expect(led.brightness(5000, 5000)).toBeCloseTo(2 / 5);
    expect(led.brightness(5000, 1000)).toBe(1);
    expect(led.brightness(3000, 2000)).toBe(0);
  });
});

/** Push button on a running Uno: the sketch's digitalRead follows presses. */
import { describe, expect, it } from "vitest";
import { AvrSimulation } from "../avr-simulation";
import { BOARDS } from "../boards";
import type { Circuit } from "../circuit/circuit";
import { buildSketch } from "../test-support/arduino-sketch";
import { CircuitSimulation } from "./circuit-simulation";

/** Lights D13's LED while D2 reads LOW. */
const mirror = (mode: string) => `
void setup() { pinMode(2, ${mode}); pinMode(13, OUTPUT); }
void loop() { digitalWrite(13, digitalRead(2) == LOW ? HIGH : LOW); }`;

/**
 * The button straddles the centre gap: side 1 in column 20 (e20, f20), side 2 in column 22 (e22, f22).
 * D2 → a20; j22 → bottom ground rail → GND. D13 → 220 Ω → LED → GND shows what the sketch read.
 */
const CIRCUIT: Circuit = {
  components: [
    { id: "uno", kind: "uno" },
    { id: "bb", kind: "breadboard" },
    { id: "btn", kind: "push-button" },
    { id: "r1", kind: "resistor", props: { ohms: 220 } },
    { id: "led1", kind: "led" },
  ],
  wires: [
    ["btn.1.l", "bb.e20"],
    ["btn.1.r", "bb.f20"],
    ["btn.2.l", "bb.e22"],
    ["btn.2.r", "bb.f22"],
    ["uno.D2", "bb.a20"],
    ["bb.j22", "bb.bn22"],
    ["bb.bn1", "uno.GND"],
    ["uno.D13", "r1.1"],
    ["r1.2", "led1.A"],
    ["led1.C", "uno.GND.2"],
  ],
};

function start(mode: string): CircuitSimulation {
  return new CircuitSimulation(CIRCUIT, {
    uno: new AvrSimulation(BOARDS.uno, buildSketch(mirror(mode))),
  });
}

describe("push button", () => {
  it("reads LOW while pressed and HIGH when released with INPUT_PULLUP", () => {
    const circuit = start("INPUT_PULLUP");
    const seen: boolean[] = [];
    for (const pressed of [false, true, false, true, false]) {
      circuit.setPressed("btn", pressed);
      circuit.runFor(20);
      seen.push(circuit.isLedLit("led1"));
      expect(circuit.resolution.levelOf("uno.D2").volts).toBe(pressed ? 0 : 5);
    }
    expect(seen).toEqual([false, true, false, true, false]);
    expect(circuit.warnings).toEqual([]);
  });

  it("warns about a floating input without a pull-up or pull-down", () => {
    const circuit = start("INPUT");
    circuit.runFor(20);
    expect(circuit.warnings.map((w) => [w.kind, w.pins])).toEqual([["floating-input", ["uno.D2"]]]);
    circuit.setPressed("btn", true); // pressed, the pin is on GND and reads LOW
    circuit.runFor(20);
    expect(circuit.warnings).toEqual([]);
    expect(circuit.isLedLit("led1")).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
// The avr-sim package's own helper: builds a sketch with the repo's build service (real avr-gcc).
import { buildSketch } from "../../../../packages/avr-sim/src/test-support/arduino-sketch";
import { BLINK_SKETCH } from "../sketch/examples";
import { MAX_SLICE_MS, SketchSession } from "./sketch-session";

const ECHO_SKETCH = `
void setup() { Serial.begin(9600); Serial.println("ready"); }
void loop() { if (Serial.available()) Serial.write(Serial.read()); }
`;

const PWM_SKETCH = `
void setup() { pinMode(9, OUTPUT); analogWrite(9, 64); }
void loop() {}
`;

const text = (bytes: number[]) => new TextDecoder().decode(Uint8Array.from(bytes));

describe("SketchSession", () => {
  it("runs Blink: pin 13 follows the one-second rhythm", () => {
    const session = new SketchSession(buildSketch(BLINK_SKETCH));
    const levelAt = (ms: number) => {
      session.run(ms - session.run(0).simulatedMs);
      return session.run(0).pins.find((p) => p.pin === 13)?.value;
    };
    expect(levelAt(500)).toBe(1);
    expect(levelAt(1500)).toBe(0);
    expect(levelAt(2500)).toBe(1);
  }, 120_000);

  it("reports the share of a slice a PWM pin is high", () => {
    const session = new SketchSession(buildSketch(PWM_SKETCH));
    session.run(10);
    const pin9 = session.run(20).pins.find((p) => p.pin === 9)!;
    expect(pin9.duty).toBeGreaterThan(0.2);
    expect(pin9.duty).toBeLessThan(0.3); // 64 / 255
  }, 120_000);

  it("passes Serial output on once and types input at the sketch's baud rate", () => {
    const session = new SketchSession(buildSketch(ECHO_SKETCH));
    expect(session.baud).toBeNull();
    const first = session.run(50);
    expect(text(first.serial)).toBe("ready\r\n");
    expect(first.baud).toBeGreaterThan(9500);
    expect(first.baud).toBeLessThan(9700);
    session.type("hello\n");
    const echoed = session.run(20); // 6 bytes at ~1 ms each
    expect(text(echoed.serial)).toBe("hello\n");
    expect(session.run(20).serial).toEqual([]);
  }, 120_000);

  it("paces: a slice runs the wall time that passed, capped, times the speed", () => {
    const session = new SketchSession(buildSketch(BLINK_SKETCH));
    expect(session.advance(16).simulatedMs).toBeCloseTo(16, 2);
    expect(session.advance(1000).simulatedMs).toBeCloseTo(16 + MAX_SLICE_MS, 2);
    expect(session.advance(10, 2).simulatedMs).toBeCloseTo(16 + MAX_SLICE_MS + 20, 2);
  }, 120_000);
});

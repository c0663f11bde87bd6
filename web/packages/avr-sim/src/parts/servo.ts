/**
 * Hobby servo (SG90-style): pins `GND`, `V+`, `PWM` as on the Wokwi element. Its angle follows the
 * width of the pulses on `PWM`, 544 µs → 0° to 2400 µs → 180° (the Arduino Servo library's range),
 * measured from rising to falling edge; pulses outside 400..2600 µs are ignored as noise. It only
 * moves while `V+` is at least 4.5 V above `GND` — unpowered it keeps its angle, like the real one.
 */
import type { PartKind } from "../circuit/circuit";
import { pinRef } from "../circuit/elements";
import type { CircuitResolution } from "../circuit/resolve-levels";
import { isPowered, logicLevel, type PartBehaviour } from "./part-behaviour";

export const SERVO_MIN_PULSE_US = 544;
export const SERVO_MAX_PULSE_US = 2400;

export function servoAngleOfPulse(widthUs: number): number {
  const share = (widthUs - SERVO_MIN_PULSE_US) / (SERVO_MAX_PULSE_US - SERVO_MIN_PULSE_US);
  return Math.min(180, Math.max(0, share * 180));
}

export const SERVO_KIND: PartKind = {
  kind: "servo",
  isStatic: true,
  pins: () => ["GND", "V+", "PWM"],
  elements: () => [],
};

export class Servo implements PartBehaviour {
  /** Degrees, 0..180; a servo starts where it was left (90° here). */
  angle = 90;
  /** Width of the last pulse taken (µs), null before the first. */
  lastPulseUs: number | null = null;
  private pulseStart: number | null = null;
  private high = false;

  constructor(readonly id: string) {}

  observe(resolution: CircuitResolution, nowUs: number): void {
    const high = logicLevel(resolution, pinRef(this.id, "PWM")) === true;
    if (high === this.high) return;
    this.high = high;
    if (high) {
      this.pulseStart = nowUs;
      return;
    }
    if (this.pulseStart === null) return;
    const width = nowUs - this.pulseStart;
    this.pulseStart = null;
    if (width < 400 || width > 2600) return;
    if (!isPowered(resolution, this.id, "V+", "GND")) return;
    this.lastPulseUs = width;
    this.angle = servoAngleOfPulse(width);
  }
}

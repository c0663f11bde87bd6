/**
 * DC motor: pins `+` and `-`. It runs while `+` is at least 2.5 V above `-` (backwards the other way
 * round); its speed is the running share over a window — an `analogWrite` duty — signed by the
 * direction. A motor takes far more current than an I/O pin gives (40 mA at most), so one wired
 * straight to a board's I/O pin gets a "driven-from-pin" warning: it needs a transistor, driver or
 * relay between them.
 */
import type { PartKind } from "../circuit/circuit";
import { pinRef } from "../circuit/elements";
import type { CircuitResolution } from "../circuit/resolve-levels";
import { LedBrightness } from "./led";
import type { PartBehaviour } from "./part-behaviour";

const RUN_VOLTS = 2.5;
/** A board's I/O pin (`uno.D9`, `mega.A3`): what may not drive a motor. */
const IO_PIN = /\.[DA]\d+$/;

export const DC_MOTOR_KIND: PartKind = {
  kind: "dc-motor",
  isStatic: true,
  pins: () => ["+", "-"],
  elements: () => [],
  check: (component, resolution) => {
    const pins = ["+", "-"].flatMap((leg) => {
      const net = resolution.netOf(pinRef(component.id, leg));
      if (net === undefined) return [];
      return resolution
        .suppliesOf(net)
        .map((s) => s.pin)
        .filter((pin) => IO_PIN.test(pin));
    });
    return pins.length
      ? [
          {
            kind: "driven-from-pin",
            pins: [pinRef(component.id, "+"), pinRef(component.id, "-")],
            message: `${component.id}: a motor driven straight from ${pins.join(", ")} draws more current than a pin gives (use a transistor or motor driver)`,
          },
        ]
      : [];
  },
};

export class DcMotor implements PartBehaviour {
  private readonly forward = new LedBrightness();
  private readonly backward = new LedBrightness();

  constructor(readonly id: string) {}

  observe(resolution: CircuitResolution, nowUs: number): void {
    const plus = resolution.levelOf(pinRef(this.id, "+")).volts;
    const minus = resolution.levelOf(pinRef(this.id, "-")).volts;
    const across = plus === null || minus === null ? 0 : plus - minus;
    this.forward.record(nowUs, across >= RUN_VOLTS);
    this.backward.record(nowUs, -across >= RUN_VOLTS);
  }

  /** −1..1: the share of the last `windowMs` it ran, negative when backwards. */
  speed(nowUs: number, windowMs = 20): number {
    const window = windowMs * 1000;
    return this.forward.brightness(nowUs, window) - this.backward.brightness(nowUs, window);
  }
}

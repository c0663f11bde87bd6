/**
 * HC-SR04 ultrasonic distance sensor: pins `VCC`, `TRIG`, `ECHO`, `GND`. A HIGH pulse of at least
 * 10 µs on TRIG starts a measurement when it ends: after the 40 kHz burst (`ECHO_DELAY_US`) ECHO
 * goes HIGH for the sound's round trip, 2 · distance / 343 m/s (58.3 µs per cm), or for 38 ms
 * when nothing is in range (2..400 cm). The distance is the control or prop `distanceCm` (default
 * 100). Without power on VCC/GND it does nothing and ECHO drives nothing; powered and idle it holds
 * ECHO LOW.
 */
import type { ComponentSpec, PartKind } from "../circuit/circuit";
import { pinRef } from "../circuit/elements";
import type { CircuitResolution } from "../circuit/resolve-levels";
import {
  isPowered,
  logicLevel,
  numberSetting,
  type PartBehaviour,
  type PartHost,
} from "./part-behaviour";

export const SPEED_OF_SOUND_M_PER_S = 343;
export const MIN_TRIGGER_US = 10;
/** From the end of the trigger to the rise of ECHO: eight 40 kHz periods and the module's set-up. */
export const ECHO_DELAY_US = 460;
const NO_ECHO_US = 38_000;

/** ECHO's HIGH time for a distance; the no-echo timeout outside 2..400 cm. */
export function echoWidthUs(distanceCm: number): number {
  if (!(distanceCm >= 2 && distanceCm <= 400)) return NO_ECHO_US;
  return (2 * (distanceCm / 100) * 1e6) / SPEED_OF_SOUND_M_PER_S;
}

export const HC_SR04_KIND: PartKind = {
  kind: "hc-sr04",
  pins: () => ["VCC", "TRIG", "ECHO", "GND"],
  elements: (component, context) => {
    const echo = context.control?.(component.id, "echo");
    return typeof echo === "boolean"
      ? [{ type: "supply", pin: pinRef(component.id, "ECHO"), volts: echo ? 5 : 0 }]
      : [];
  },
};

export class HcSr04 implements PartBehaviour {
  private triggerStart: number | null = null;
  private triggerHigh = false;
  private measuring = false;
  /** Bumped on power loss, so echo edges scheduled before it are dropped. */
  private generation = 0;

  constructor(
    readonly component: ComponentSpec,
    private readonly host: PartHost,
  ) {}

  get id(): string {
    return this.component.id;
  }

  /** The distance it measures now (cm). */
  distanceCm(): number {
    return numberSetting(
      this.component,
      this.host.control(this.id, "distanceCm"),
      "distanceCm",
      100,
    );
  }

  observe(resolution: CircuitResolution, nowUs: number): void {
    if (!isPowered(resolution, this.id, "VCC", "GND")) {
      if (this.host.control(this.id, "echo") !== undefined) {
        this.generation++;
        this.measuring = false;
        this.host.setControl(this.id, "echo", undefined);
      }
      this.triggerHigh = false;
      this.triggerStart = null;
      return;
    }
    if (this.host.control(this.id, "echo") === undefined)
      this.host.setControl(this.id, "echo", false);
    const high = logicLevel(resolution, pinRef(this.id, "TRIG")) === true;
    if (high === this.triggerHigh) return;
    this.triggerHigh = high;
    if (high) {
      this.triggerStart = nowUs;
      return;
    }
    const width = this.triggerStart === null ? 0 : nowUs - this.triggerStart;
    this.triggerStart = null;
    if (width < MIN_TRIGGER_US || this.measuring) return;
    this.measuring = true;
    const generation = this.generation;
    const echo = echoWidthUs(this.distanceCm());
    this.host.schedule(ECHO_DELAY_US, () => {
      if (generation !== this.generation) return;
      this.host.setControl(this.id, "echo", true);
      this.host.schedule(echo, () => {
        if (generation !== this.generation) return;
        this.measuring = false;
        this.host.setControl(this.id, "echo", false);
      });
    });
  }
}

/**
 * Which tones to play for the buzzers the simulation reports: the pure half of the buzzer sound.
 * Every sounding buzzer gets a tone of its own (keyed by component id) at the frequency its view
 * gives; `planTones` says which tones to start, retune and stop to get from what plays to that.
 * The frequency is the sketch's, in simulated time (a 440 Hz `tone()` sounds at 440 Hz whatever
 * the speed setting), so a melody keeps its pitch when the simulation runs slow.
 */
import type { PartView } from "@ohmcloud/avr-sim";

/** Tones outside what people hear (a 31 kHz PWM on a buzzer pin) are not played. */
export const AUDIBLE_HZ = { min: 20, max: 20_000 } as const;
/** Measured frequencies wobble a little from update to update; smaller changes are not retuned. */
export const RETUNE_TOLERANCE_HZ = 0.5;

/** The frequency of each buzzer sounding an audible tone, by component id. */
export function buzzerTones(parts: Readonly<Record<string, PartView>>): Map<string, number> {
  const tones = new Map<string, number>();
  for (const [id, view] of Object.entries(parts)) {
    if (view.type !== "buzzer" || view.frequencyHz === null) continue;
    const hz = view.frequencyHz;
    if (hz >= AUDIBLE_HZ.min && hz <= AUDIBLE_HZ.max) tones.set(id, hz);
  }
  return tones;
}

export interface TonePlan {
  readonly start: readonly (readonly [id: string, hz: number])[];
  readonly retune: readonly (readonly [id: string, hz: number])[];
  readonly stop: readonly string[];
}

/** The changes that take `playing` to `wanted` (both: frequency by buzzer id). */
export function planTones(
  playing: ReadonlyMap<string, number>,
  wanted: ReadonlyMap<string, number>,
): TonePlan {
  const start: [string, number][] = [];
  const retune: [string, number][] = [];
  for (const [id, hz] of wanted) {
    const now = playing.get(id);
    if (now === undefined) start.push([id, hz]);
    else if (Math.abs(now - hz) > RETUNE_TOLERANCE_HZ) retune.push([id, hz]);
  }
  const stop = [...playing.keys()].filter((id) => !wanted.has(id));
  return { start, retune, stop };
}

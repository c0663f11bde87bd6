/**
 * The waveform's time axis: evenly spaced "nice" ticks (1, 2, 5 × 10ⁿ) over a span of simulated
 * microseconds, and times written with an SI unit (ns, µs, ms, s) and only the decimals the
 * resolution needs.
 */

export interface TimeTick {
  readonly tUs: number;
  readonly label: string;
}

const UNITS = [
  { name: "s", us: 1e6 },
  { name: "ms", us: 1e3 },
  { name: "µs", us: 1 },
  { name: "ns", us: 1e-3 },
] as const;

function unitFor(magnitudeUs: number) {
  return UNITS.find((unit) => magnitudeUs >= unit.us) ?? UNITS[UNITS.length - 1]!;
}

/**
 * `tUs` in the unit that suits `magnitudeUs` (by default the time itself), with as many decimals as
 * needed to tell apart times `resolutionUs` apart: `formatTime(1500, 100)` = "1.5 ms".
 */
export function formatTime(tUs: number, resolutionUs: number, magnitudeUs = Math.abs(tUs)): string {
  const unit = unitFor(magnitudeUs);
  const steps = resolutionUs > 0 ? resolutionUs / unit.us : 1;
  const decimals = Math.min(Math.max(-Math.floor(Math.log10(steps) + 1e-9), 0), 9);
  return `${(tUs / unit.us).toFixed(decimals)} ${unit.name}`;
}

/** The step between ticks for at most `maxTicks` over `spanUs`: 1, 2 or 5 times a power of ten. */
export function tickStep(spanUs: number, maxTicks: number): number {
  const raw = spanUs / Math.max(maxTicks, 1);
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= raw * (1 - 1e-9))!;
}

/** Ticks at the multiples of a nice step inside [fromUs, toUs], all labelled in one unit. */
export function timeTicks(fromUs: number, toUs: number, maxTicks: number): TimeTick[] {
  if (!(toUs > fromUs)) return [];
  const step = tickStep(toUs - fromUs, maxTicks);
  const magnitude = Math.max(Math.abs(fromUs), Math.abs(toUs));
  const ticks: TimeTick[] = [];
  for (let i = Math.ceil(fromUs / step - 1e-9) || 0; i * step <= toUs * (1 + 1e-12) + 1e-9; i++) {
    const tUs = i * step;
    ticks.push({ tUs, label: formatTime(tUs, step, magnitude) });
  }
  return ticks;
}

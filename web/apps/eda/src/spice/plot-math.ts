/**
 * Numbers the results view derives from simulation vectors: complex values as magnitude, dB and
 * (unwrapped) phase; values between samples for cursors; the −3 dB frequency of a response; the
 * time a trace first crosses a level. Vectors are plain arrays as the API returns them
 * (`values`, and `imag` for complex ones).
 */

/** 20·log10(1/√2): the "−3 dB" level, exactly. */
export const MINUS_3DB = -10 * Math.log10(2);

export function magnitude(re: number, im = 0): number {
  return Math.hypot(re, im);
}

/** 20·log10 |re + j·im|; −Infinity for 0. */
export function decibels(re: number, im = 0): number {
  return 20 * Math.log10(Math.hypot(re, im));
}

/** The phase of re + j·im in degrees, in (−180, 180]. */
export function phaseDegrees(re: number, im = 0): number {
  return (Math.atan2(im, re) * 180) / Math.PI;
}

/** Removes jumps of more than 180° between neighbours by adding multiples of 360°. */
export function unwrapDegrees(phases: readonly number[]): number[] {
  const result: number[] = [];
  let offset = 0;
  phases.forEach((phase, i) => {
    if (i > 0) {
      const jump = phase - phases[i - 1]!;
      // Only jumps of more than 180° are wraps; exactly 180° is left alone.
      if (Math.abs(jump) > 180)
        offset -= 360 * Math.sign(jump) * Math.ceil((Math.abs(jump) - 180) / 360);
    }
    result.push(phase + offset);
  });
  return result;
}

export interface ComplexViews {
  real: number[];
  imag: number[];
  magnitude: number[];
  db: number[];
  /** Degrees, unwrapped. */
  phase: number[];
}

/** Every view of a complex vector; `imag` missing means a real vector. */
export function complexViews(real: readonly number[], imag?: readonly number[]): ComplexViews {
  const im = real.map((_, i) => imag?.[i] ?? 0);
  return {
    real: [...real],
    imag: im,
    magnitude: real.map((re, i) => magnitude(re, im[i])),
    db: real.map((re, i) => decibels(re, im[i])),
    phase: unwrapDegrees(real.map((re, i) => phaseDegrees(re, im[i]))),
  };
}

export interface InterpolateOptions {
  /** Interpolate on a log x axis (frequency sweeps). */
  logX?: boolean;
}

/**
 * The value of the curve (xs, ys) at x, linear between samples; xs must be monotonic (rising or
 * falling). Null outside the curve's range or for an empty curve.
 */
export function interpolate(
  xs: readonly number[],
  ys: readonly number[],
  x: number,
  options: InterpolateOptions = {},
): number | null {
  const n = Math.min(xs.length, ys.length);
  if (n === 0 || !Number.isFinite(x)) return null;
  const first = xs[0]!;
  const last = xs[n - 1]!;
  const rising = last >= first;
  if (x < Math.min(first, last) || x > Math.max(first, last)) return null;
  if (n === 1) return ys[0]!;
  // The first index i with xs[i] at or beyond x in the direction of the curve.
  let low = 0;
  let high = n - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (rising ? xs[middle]! < x : xs[middle]! > x) low = middle + 1;
    else high = middle;
  }
  if (xs[low] === x || low === 0) return ys[low]!;
  return between(xs[low - 1]!, ys[low - 1]!, xs[low]!, ys[low]!, x, options.logX ?? false);
}

function between(x0: number, y0: number, x1: number, y1: number, x: number, logX: boolean): number {
  if (x1 === x0) return y1;
  const t = logX && x0 > 0 && x1 > 0 ? Math.log(x / x0) / Math.log(x1 / x0) : (x - x0) / (x1 - x0);
  return y0 + t * (y1 - y0);
}

export interface CursorReadout {
  x1: number;
  y1: number | null;
  x2: number;
  y2: number | null;
  dx: number;
  dy: number | null;
  /** 1/Δx (a frequency when x is time); null when Δx is 0. */
  inverseDx: number | null;
}

/** What two cursors at x1 and x2 on the curve (xs, ys) read. */
export function cursorReadout(
  xs: readonly number[],
  ys: readonly number[],
  x1: number,
  x2: number,
  options: InterpolateOptions = {},
): CursorReadout {
  const y1 = interpolate(xs, ys, x1, options);
  const y2 = interpolate(xs, ys, x2, options);
  const dx = x2 - x1;
  return {
    x1,
    y1,
    x2,
    y2,
    dx,
    dy: y1 === null || y2 === null ? null : y2 - y1,
    inverseDx: dx === 0 ? null : 1 / dx,
  };
}

export type Crossing = "rising" | "falling" | "either";

/**
 * The first x (at or after `from`) where the curve crosses `level` in the given direction,
 * interpolated linearly (on a log x axis with `logX`); null if it never does. A sample exactly at
 * the level counts when the curve arrives there from the other side.
 */
export function firstCrossing(
  xs: readonly number[],
  ys: readonly number[],
  level: number,
  options: InterpolateOptions & { direction?: Crossing; from?: number } = {},
): number | null {
  const direction = options.direction ?? "either";
  const n = Math.min(xs.length, ys.length);
  const from = options.from ?? -Infinity;
  for (let i = 1; i < n; i += 1) {
    const x0 = xs[i - 1]!;
    const x1 = xs[i]!;
    if (x1 < from) continue;
    const y0 = ys[i - 1]! - level;
    const y1 = ys[i]! - level;
    const rising = y0 < 0 && y1 >= 0;
    const falling = y0 > 0 && y1 <= 0;
    if (
      !(direction === "rising" ? rising : direction === "falling" ? falling : rising || falling)
    ) {
      continue;
    }
    let x: number;
    if (options.logX && x0 > 0 && x1 > 0) {
      x = x0 * (x1 / x0) ** (y0 / (y0 - y1));
    } else {
      x = x0 + ((x1 - x0) * y0) / (y0 - y1);
    }
    if (x >= from) return x;
  }
  return null;
}

export interface BandwidthOptions {
  /** The values are magnitudes (default) or already in dB. */
  input?: "magnitude" | "db";
  /**
   * The level the −3 dB is taken from: the first point (default; a low-pass's DC gain), the
   * maximum, or a given dB level.
   */
  reference?: "first" | "max" | number;
  /** "up" (default): the first fall below the level above the reference frequency (a low-pass
   * corner, or the top of a band); "down": scanning downwards (a high-pass corner, or the bottom
   * of a band). */
  search?: "up" | "down";
}

/**
 * The −3 dB frequency of a response (freqs rising), interpolated linearly in dB on a log frequency
 * axis; null if the response never drops 3 dB below the reference.
 */
export function minus3dBFrequency(
  freqs: readonly number[],
  values: readonly number[],
  options: BandwidthOptions = {},
): number | null {
  const n = Math.min(freqs.length, values.length);
  if (n === 0) return null;
  const db = values
    .slice(0, n)
    .map((value) => (options.input === "db" ? value : 20 * Math.log10(Math.abs(value))));
  const reference = options.reference ?? "first";
  let start = 0;
  let level: number;
  if (reference === "max") {
    start = db.reduce((best, value, i) => (value > db[best]! ? i : best), 0);
    level = db[start]!;
  } else if (reference === "first") {
    level = db[0]!;
  } else {
    level = reference;
  }
  if (options.search === "down" && reference === "first") {
    // A high-pass is referenced to its top end.
    start = n - 1;
    level = db[n - 1]!;
  }
  const target = level + MINUS_3DB;
  const xs = freqs.slice(0, n);
  const step = options.search === "down" ? -1 : 1;
  for (let i = start + step; i >= 0 && i < n; i += step) {
    if (db[i]! <= target) {
      // The frequency where dB(f) = target, linear in log f between the two samples.
      const previous = i - step;
      const logF = between(
        db[previous]!,
        Math.log(xs[previous]!),
        db[i]!,
        Math.log(xs[i]!),
        target,
        false,
      );
      return Math.exp(logF);
    }
  }
  return null;
}

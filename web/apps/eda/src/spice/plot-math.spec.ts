import { describe, expect, it } from "vitest";
import {
  complexViews,
  cursorReadout,
  decibels,
  firstCrossing,
  interpolate,
  magnitude,
  MINUS_3DB,
  minus3dBFrequency,
  phaseDegrees,
  unwrapDegrees,
} from "./plot-math";

// RC low-pass, R = 1k, C = 1u: H(jω) = 1 / (1 + jωRC), corner fc = 1 / (2πRC) ≈ 159.15 Hz.
const RC = 1e-3;
const fc = 1 / (2 * Math.PI * RC);
const lowPass = (f: number, order = 1) => {
  // (1 / (1 + jx))^order
  let re = 1;
  let im = 0;
  const x = 2 * Math.PI * f * RC;
  const d = 1 + x * x;
  for (let i = 0; i < order; i += 1) {
    [re, im] = [(re - im * -x) / d, (im + re * -x) / d];
  }
  return { re, im };
};
/** Frequencies 1 Hz … 1 MHz, `perDecade` points per decade, as `.ac dec` gives them. */
const decades = (perDecade: number) =>
  Array.from({ length: 6 * perDecade + 1 }, (_, i) => 10 ** (i / perDecade));

describe("complex values", () => {
  it("magnitude, dB and phase of the RC low-pass at its corner", () => {
    const { re, im } = lowPass(fc);
    expect(magnitude(re, im)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(decibels(re, im)).toBeCloseTo(-3.0103, 4);
    expect(MINUS_3DB).toBeCloseTo(-3.0103, 4);
    expect(phaseDegrees(re, im)).toBeCloseTo(-45, 10);
    expect(decibels(0)).toBe(-Infinity);
    expect(decibels(-10)).toBeCloseTo(20, 12);
    expect(phaseDegrees(-1, 0)).toBe(180);
  });

  it("unwraps phase", () => {
    expect(unwrapDegrees([170, -170, -150, 170, 10])).toEqual([170, 190, 210, 170, 10]);
    expect(unwrapDegrees([-170, 170])).toEqual([-170, -190]);
    expect(unwrapDegrees([0, 180, 0, 900])).toEqual([0, 180, 0, 180]);
    expect(unwrapDegrees([])).toEqual([]);
  });

  it("gives every view of a third-order response, phase running past −180°", () => {
    const freqs = decades(20);
    const points = freqs.map((f) => lowPass(f, 3));
    const views = complexViews(
      points.map((p) => p.re),
      points.map((p) => p.im),
    );
    const last = views.phase.length - 1;
    expect(views.phase[0]).toBeCloseTo((-3 * (Math.atan(2 * Math.PI * RC) * 180)) / Math.PI, 8);
    expect(views.phase[last]).toBeCloseTo(
      (-3 * (Math.atan(2 * Math.PI * 1e6 * RC) * 180)) / Math.PI,
      8,
    );
    expect(views.phase[last]!).toBeLessThan(-180);
    for (let i = 1; i <= last; i += 1)
      expect(views.phase[i]!).toBeLessThanOrEqual(views.phase[i - 1]!);
    expect(views.db[last]).toBeCloseTo(
      20 * Math.log10(magnitude(points[last]!.re, points[last]!.im)),
      10,
    );
    expect(views.real[5]).toBe(points[5]!.re);
    expect(views.imag[5]).toBe(points[5]!.im);
  });

  it("treats a vector without imag as real", () => {
    expect(complexViews([1, -2])).toEqual({
      real: [1, -2],
      imag: [0, 0],
      magnitude: [1, 2],
      db: [0, 20 * Math.log10(2)],
      phase: [0, 180],
    });
  });
});

describe("interpolate and cursors", () => {
  const xs = [0, 1, 2, 4];
  const ys = [0, 10, 20, 0];

  it("interpolates linearly, and on a log axis", () => {
    expect(interpolate(xs, ys, 0)).toBe(0);
    expect(interpolate(xs, ys, 0.25)).toBe(2.5);
    expect(interpolate(xs, ys, 2)).toBe(20);
    expect(interpolate(xs, ys, 3)).toBe(10);
    expect(interpolate(xs, ys, 4)).toBe(0);
    expect(interpolate(xs, ys, -0.1)).toBeNull();
    expect(interpolate(xs, ys, 4.1)).toBeNull();
    expect(interpolate([], [], 1)).toBeNull();
    expect(interpolate([1], [7], 1)).toBe(7);
    expect(interpolate([1, 100], [0, 2], 10, { logX: true })).toBeCloseTo(1, 12);
    // Falling x, as a .dc sweep with a negative step gives.
    expect(interpolate([5, 4, 3], [50, 40, 30], 3.5)).toBe(35);
  });

  it("reads two cursors", () => {
    expect(cursorReadout(xs, ys, 0.5, 3)).toEqual({
      x1: 0.5,
      y1: 5,
      x2: 3,
      y2: 10,
      dx: 2.5,
      dy: 5,
      inverseDx: 0.4,
    });
    expect(cursorReadout(xs, ys, 1, 1)).toMatchObject({ dx: 0, dy: 0, inverseDx: null });
    expect(cursorReadout(xs, ys, 1, 9)).toMatchObject({ y2: null, dy: null, dx: 8 });
  });
});

describe("crossings", () => {
  it("finds v(out) of an RC step response at t = RC (63.2 %)", () => {
    const times = Array.from({ length: 501 }, (_, i) => (i * 5 * RC) / 500);
    const v = times.map((t) => 1 - Math.exp(-t / RC));
    const t = firstCrossing(times, v, 1 - Math.exp(-1), { direction: "rising" });
    expect(Math.abs(t! - RC) / RC).toBeLessThan(1e-3);
    expect(interpolate(times, v, RC)).toBeCloseTo(0.632, 3);
    expect(firstCrossing(times, v, 2)).toBeNull();
    expect(firstCrossing(times, v, 0.5, { direction: "falling" })).toBeNull();
  });

  it("respects direction and start", () => {
    const xs = [0, 1, 2, 3, 4];
    const ys = [0, 2, 0, 2, 0];
    expect(firstCrossing(xs, ys, 1)).toBe(0.5);
    expect(firstCrossing(xs, ys, 1, { direction: "falling" })).toBe(1.5);
    expect(firstCrossing(xs, ys, 1, { direction: "rising", from: 1 })).toBe(2.5);
    expect(firstCrossing(xs, ys, 1, { from: 3.6 })).toBeNull();
  });
});

describe("minus3dBFrequency", () => {
  it("finds the RC corner within 0.1 % from 10 points per decade", () => {
    const freqs = decades(10);
    const mags = freqs.map((f) => {
      const { re, im } = lowPass(f);
      return magnitude(re, im);
    });
    const found = minus3dBFrequency(freqs, mags)!;
    expect(Math.abs(found - fc) / fc).toBeLessThan(1e-3);
    const db = mags.map((m) => 20 * Math.log10(m));
    expect(minus3dBFrequency(freqs, db, { input: "db", reference: "max" })).toBe(found);
  });

  it("finds a high-pass corner scanning down", () => {
    const freqs = decades(10);
    // High-pass: |H| = x / √(1 + x²)
    const mags = freqs.map((f) => {
      const x = 2 * Math.PI * f * RC;
      return x / Math.sqrt(1 + x * x);
    });
    const found = minus3dBFrequency(freqs, mags, { search: "down" })!;
    expect(Math.abs(found - fc) / fc).toBeLessThan(1e-3);
    expect(minus3dBFrequency(freqs, mags)).toBeNull();
  });

  it("measures a band from its peak, and from a given level", () => {
    const freqs = [10, 100, 1000, 10000];
    const db = [-10, 0, -2, -10];
    const up = minus3dBFrequency(freqs, db, { input: "db", reference: "max" })!;
    // −3.0103 dB lies between 1 kHz (−2) and 10 kHz (−10), linear in log f.
    expect(up).toBeCloseTo(1000 * 10 ** ((-MINUS_3DB - 2) / 8), 9);
    const down = minus3dBFrequency(freqs, db, { input: "db", reference: "max", search: "down" })!;
    // Between 10 Hz (−10) and 100 Hz (0).
    expect(down).toBeCloseTo(10 * 10 ** ((10 + MINUS_3DB) / 10), 9);
    // From a level of +3 dB: the target −0.0103 dB lies between 100 Hz (0) and 1 kHz (−2).
    const level = minus3dBFrequency(freqs, db, { input: "db", reference: 3 })!;
    expect(level).toBeCloseTo(100 * 10 ** (-(3 + MINUS_3DB) / 2), 9);
    expect(minus3dBFrequency([], [])).toBeNull();
  });
});

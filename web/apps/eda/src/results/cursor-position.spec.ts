import { describe, expect, it } from "vitest";
import { parseSi } from "../spice/si-value";
import { cursorText, readCursorEntry, xRange } from "./cursor-position";

describe("xRange", () => {
  it("spans rising and falling xs, ignoring non-finite ones", () => {
    expect(xRange([0, 1e-3, 2e-3])).toEqual({ min: 0, max: 2e-3 });
    expect(xRange([5, 2.5, 0])).toEqual({ min: 0, max: 5 });
    expect(xRange([Number.NaN, 1, 3])).toEqual({ min: 1, max: 3 });
    expect(xRange([])).toBeNull();
  });
});

describe("cursorText", () => {
  it("writes positions the SPICE parser reads back, mega as meg", () => {
    const cases: [number, string][] = [
      [0.001, "1m"],
      [159.15494309, "159.155"],
      [1500, "1.5k"],
      [2e6, "2meg"],
      [1e-5, "10µ"],
      [-2.5e-3, "-2.5m"],
      [0, "0"],
    ];
    for (const [x, text] of cases) {
      expect(cursorText(x)).toBe(text);
      const back = parseSi(text);
      expect(back.ok && back.value).toBeCloseTo(Number(x.toPrecision(6)), 12);
    }
  });
});

describe("readCursorEntry", () => {
  const time = { min: 0, max: 4e-3 };
  const freq = { min: 10, max: 1e7 };

  it("reads SPICE numbers, with or without the axis unit", () => {
    expect(readCursorEntry("1m", time, "s")).toEqual({ ok: true, x: 1e-3 });
    expect(readCursorEntry("1.5ms", time, "s")).toEqual({ ok: true, x: 1.5e-3 });
    expect(readCursorEntry("159.15", freq, "Hz")).toEqual({ ok: true, x: 159.15 });
    expect(readCursorEntry("1.5k", freq, "Hz")).toEqual({ ok: true, x: 1500 });
    expect(readCursorEntry(" 2meg ", freq, "Hz")).toEqual({ ok: true, x: 2e6 });
    expect(readCursorEntry("2 MEGHz", freq, "Hz")).toEqual({ ok: true, x: 2e6 });
    expect(readCursorEntry("2.5", { min: 0, max: 5 })).toEqual({ ok: true, x: 2.5 });
  });

  it("refuses text that is not a number, or another unit", () => {
    const bad = readCursorEntry("abc", time, "s");
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toContain("not a number");
    const unit = readCursorEntry("1mV", time, "s");
    expect(!unit.ok && unit.message).toContain("the unit V does not fit here");
    expect(readCursorEntry("1", null, "s").ok).toBe(false);
  });

  it("clamps a position off the plot and says so", () => {
    const late = readCursorEntry("5m", time, "s");
    expect(late).toEqual({
      ok: true,
      x: 4e-3,
      note: "5 ms is outside the plot (0 s to 4 ms): placed at 4 ms",
    });
    const early = readCursorEntry("-1m", time, "s");
    expect(early.ok && early.x).toBe(0);
    expect(early.ok && early.note).toContain("placed at 0 s");
  });

  it("passes on the parser's warning about M being milli", () => {
    const entry = readCursorEntry("1MHz", freq, "Hz");
    expect(entry.ok && entry.x).toBe(10);
    expect(entry.ok && entry.note).toContain("M means milli");
    expect(entry.ok && entry.note).toContain("placed at 10 Hz");
  });
});

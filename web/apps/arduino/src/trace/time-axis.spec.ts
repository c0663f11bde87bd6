import { describe, expect, it } from "vitest";
import { formatTime, tickStep, timeTicks } from "./time-axis";

describe("formatTime", () => {
  it("picks the SI unit by magnitude and the decimals by resolution", () => {
    expect(formatTime(1500, 100)).toBe("1.5 ms");
    expect(formatTime(1500, 1)).toBe("1.500 ms");
    expect(formatTime(2_000_000, 500_000)).toBe("2.0 s");
    expect(formatTime(2_000_000, 1_000_000)).toBe("2 s");
    expect(formatTime(42, 1)).toBe("42 µs");
    expect(formatTime(0.25, 0.05)).toBe("250 ns");
  });

  it("writes a small time in the unit of a larger one when asked", () => {
    expect(formatTime(0, 200_000, 3_000_000)).toBe("0.0 s");
    expect(formatTime(500, 100, 2000)).toBe("0.5 ms");
  });
});

describe("tickStep", () => {
  it("rounds up to 1, 2 or 5 times a power of ten", () => {
    expect(tickStep(1000, 10)).toBe(100);
    expect(tickStep(1000, 8)).toBe(200);
    expect(tickStep(1000, 3)).toBe(500);
    expect(tickStep(7, 10)).toBeCloseTo(1, 12);
    expect(tickStep(3e6, 5)).toBe(1e6);
  });
});

describe("timeTicks", () => {
  it("places ticks on multiples of the step inside the range", () => {
    expect(timeTicks(0, 3_000_000, 6)).toEqual([
      { tUs: 0, label: "0.0 s" },
      { tUs: 500_000, label: "0.5 s" },
      { tUs: 1_000_000, label: "1.0 s" },
      { tUs: 1_500_000, label: "1.5 s" },
      { tUs: 2_000_000, label: "2.0 s" },
      { tUs: 2_500_000, label: "2.5 s" },
      { tUs: 3_000_000, label: "3.0 s" },
    ]);
    expect(timeTicks(1230, 1990, 4).map((tick) => tick.label)).toEqual([
      "1.4 ms",
      "1.6 ms",
      "1.8 ms",
    ]);
  });

  it("is empty for an empty range", () => {
    expect(timeTicks(5, 5, 10)).toEqual([]);
  });
});

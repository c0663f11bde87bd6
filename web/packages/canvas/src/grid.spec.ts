import { describe, expect, it } from "vitest";
import { snapToGrid, snapToPitch } from "./grid";

describe("snapToPitch", () => {
  it("rounds to the nearest multiple of the pitch", () => {
    expect(snapToPitch(12, 10)).toBe(10);
    expect(snapToPitch(16, 10)).toBe(20);
    expect(snapToPitch(-12, 10)).toBe(-10);
    expect(snapToPitch(-16, 10)).toBe(-20);
  });

  it("rounds halves up, towards +infinity, on both sides of zero", () => {
    expect(snapToPitch(5, 10)).toBe(10);
    expect(snapToPitch(-5, 10)).toBe(0);
  });

  it("never returns -0", () => {
    expect(Object.is(snapToPitch(-0.1, 10), 0)).toBe(true);
  });

  it("works with fractional pitches", () => {
    expect(snapToPitch(0.26, 0.25)).toBe(0.25);
    expect(snapToPitch(0.4, 0.25)).toBe(0.5);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])("rejects pitch %s", (pitch) => {
    expect(() => snapToPitch(1, pitch)).toThrow(RangeError);
  });
});

describe("snapToGrid", () => {
  it("snaps both axes independently", () => {
    expect(snapToGrid({ x: 13, y: 27 }, 10)).toEqual({ x: 10, y: 30 });
  });

  it("leaves points already on the grid unchanged", () => {
    expect(snapToGrid({ x: -50, y: 100 }, 25)).toEqual({ x: -50, y: 100 });
  });
});

import { describe, expect, it } from "vitest";
import { FIT_ALL, followLive, MIN_SPAN_US, panBy, visibleRange, zoomAt } from "./trace-viewport";

const bounds = { t0: 0, t1: 10_000 };

describe("visibleRange", () => {
  it("shows the whole recording when fitting", () => {
    expect(visibleRange(FIT_ALL, bounds)).toEqual({ fromUs: 0, toUs: 10_000 });
    expect(visibleRange(FIT_ALL, { t0: 5, t1: 5 })).toEqual({ fromUs: 5, toUs: 5 + MIN_SPAN_US });
  });

  it("follows the live end with a span, filling from the left until it is long enough", () => {
    const view = { follow: true, spanUs: 2000, startUs: 0 };
    expect(visibleRange(view, bounds)).toEqual({ fromUs: 8000, toUs: 10_000 });
    expect(visibleRange(view, { t0: 0, t1: 500 })).toEqual({ fromUs: 0, toUs: 2000 });
  });

  it("stays put when not following", () => {
    expect(visibleRange({ follow: false, spanUs: 1000, startUs: 300 }, bounds)).toEqual({
      fromUs: 300,
      toUs: 1300,
    });
  });
});

describe("zoomAt", () => {
  it("keeps the time under the mouse in place", () => {
    const view = zoomAt({ follow: false, spanUs: 4000, startUs: 2000 }, bounds, 3000, 0.5);
    expect(view).toEqual({ follow: false, spanUs: 2000, startUs: 2500 });
    const { fromUs, toUs } = visibleRange(view, bounds);
    // 3000 was a quarter into the view and still is
    expect((3000 - fromUs) / (toUs - fromUs)).toBeCloseTo(0.25, 12);
  });

  it("keeps following the live end while following", () => {
    const view = zoomAt(FIT_ALL, bounds, 1234, 0.1);
    expect(view).toEqual({ follow: true, spanUs: 1000, startUs: 9000 });
    expect(visibleRange(view, { t0: 0, t1: 20_000 })).toEqual({ fromUs: 19_000, toUs: 20_000 });
  });

  it("goes no narrower than the minimum span and fits when zoomed out past everything", () => {
    expect(zoomAt(FIT_ALL, bounds, 0, 1e-9).spanUs).toBe(MIN_SPAN_US);
    expect(zoomAt({ follow: false, spanUs: 4000, startUs: 0 }, bounds, 0, 4)).toEqual({
      ...FIT_ALL,
      follow: false,
    });
  });
});

describe("panBy and followLive", () => {
  it("moves the view, stops following, and keeps half of it on the recording", () => {
    const following = { follow: true, spanUs: 2000, startUs: 0 };
    expect(panBy(following, bounds, -500)).toEqual({ follow: false, spanUs: 2000, startUs: 7500 });
    expect(panBy(following, bounds, 5000).startUs).toBe(9000);
    expect(panBy(following, bounds, -1e9).startUs).toBe(-1000);
  });

  it("returns to the live end at the same zoom", () => {
    const view = followLive({ follow: false, spanUs: 2000, startUs: 123 });
    expect(visibleRange(view, bounds)).toEqual({ fromUs: 8000, toUs: 10_000 });
  });
});

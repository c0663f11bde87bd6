import { describe, expect, it } from "vitest";
import { fitViewport, MIN_ZOOM, zoomStep } from "./view-fit";

describe("fitViewport", () => {
  const stage = { width: 800, height: 600 };

  it("centres a large drawing and scales it down to fit", () => {
    const view = fitViewport({ x: 100, y: 50, width: 1504, height: 300 }, stage);
    expect(view.scale).toBeCloseTo((800 - 48) / 1504);
    const centre = view.worldToScreen({ x: 100 + 752, y: 200 });
    expect(centre.x).toBeCloseTo(400);
    expect(centre.y).toBeCloseTo(300);
    // Both ends are on screen within the margin.
    expect(view.worldToScreen({ x: 100, y: 50 }).x).toBeCloseTo(24);
    expect(view.worldToScreen({ x: 1604, y: 350 }).x).toBeCloseTo(776);
  });

  it("does not enlarge a small drawing beyond 1:1, nor shrink below the minimum", () => {
    expect(fitViewport({ x: 0, y: 0, width: 40, height: 40 }, stage).scale).toBe(1);
    expect(fitViewport({ x: 0, y: 0, width: 1e6, height: 10 }, stage).scale).toBe(MIN_ZOOM);
  });

  it("shows the origin at 1:1 when there is nothing to fit", () => {
    const view = fitViewport(null, stage);
    expect([view.origin, view.scale]).toEqual([{ x: 0, y: 0 }, 1]);
  });
});

describe("zoomStep", () => {
  it("zooms about the centre of the stage", () => {
    const stage = { width: 400, height: 200 };
    const before = fitViewport(null, stage);
    const world = before.screenToWorld({ x: 200, y: 100 });
    const after = zoomStep(before, 1, stage);
    expect(after.scale).toBeCloseTo(1.25);
    expect(after.worldToScreen(world).x).toBeCloseTo(200);
    expect(zoomStep(after, -1, stage).scale).toBeCloseTo(1);
  });
});

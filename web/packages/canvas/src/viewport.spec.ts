import { describe, expect, it } from "vitest";
import type { Point } from "./point";
import { Viewport } from "./viewport";

function expectClose(actual: Point, expected: Point): void {
  expect(actual.x).toBeCloseTo(expected.x, 9);
  expect(actual.y).toBeCloseTo(expected.y, 9);
}

describe("Viewport", () => {
  it("is the identity transform by default", () => {
    const view = new Viewport();
    expect(view.worldToScreen({ x: 3, y: -4 })).toEqual({ x: 3, y: -4 });
    expect(view.screenToWorld({ x: 3, y: -4 })).toEqual({ x: 3, y: -4 });
  });

  it("maps world to screen through origin and scale", () => {
    const view = new Viewport({ origin: { x: 10, y: 20 }, scale: 2 });
    expect(view.worldToScreen({ x: 10, y: 20 })).toEqual({ x: 0, y: 0 });
    expect(view.worldToScreen({ x: 15, y: 25 })).toEqual({ x: 10, y: 10 });
    expect(view.screenToWorld({ x: 10, y: 10 })).toEqual({ x: 15, y: 25 });
  });

  it("round-trips screen -> world -> screen", () => {
    const view = new Viewport({ origin: { x: -7.5, y: 3.25 }, scale: 1.7 });
    const screen = { x: 123.4, y: -56.7 };
    expectClose(view.worldToScreen(view.screenToWorld(screen)), screen);
  });

  it("pans so the drawing follows the pointer", () => {
    const view = new Viewport({ scale: 4 });
    const grabbed = view.screenToWorld({ x: 100, y: 100 });
    const panned = view.panBy({ x: 40, y: -20 });
    // The world point that was under the pointer is now under the moved pointer.
    expectClose(panned.worldToScreen(grabbed), { x: 140, y: 80 });
    expect(panned.scale).toBe(4);
  });

  it("zooms around the anchor, keeping the world point under it fixed", () => {
    const view = new Viewport({ origin: { x: 5, y: -5 }, scale: 1.5 });
    const anchor = { x: 200, y: 150 };
    const before = view.screenToWorld(anchor);
    const zoomed = view.zoomAt(anchor, 2);
    expect(zoomed.scale).toBe(3);
    expectClose(zoomed.screenToWorld(anchor), before);
    expectClose(zoomed.worldToScreen(before), anchor);
  });

  it("clamps zoom to its limits and still keeps the anchor fixed", () => {
    const view = new Viewport({ scale: 1, minScale: 0.5, maxScale: 4 });
    const anchor = { x: 50, y: 80 };
    const zoomedIn = view.zoomAt(anchor, 100);
    expect(zoomedIn.scale).toBe(4);
    expectClose(zoomedIn.screenToWorld(anchor), view.screenToWorld(anchor));
    expect(view.zoomAt(anchor, 0.01).scale).toBe(0.5);
  });

  it("does not change the original viewport", () => {
    const view = new Viewport({ origin: { x: 1, y: 2 }, scale: 3 });
    view.panBy({ x: 10, y: 10 });
    view.zoomAt({ x: 0, y: 0 }, 2);
    expect(view.origin).toEqual({ x: 1, y: 2 });
    expect(view.scale).toBe(3);
  });

  it("rejects invalid scales, limits and zoom factors", () => {
    expect(() => new Viewport({ scale: 0 })).toThrow(RangeError);
    expect(() => new Viewport({ minScale: 2, maxScale: 1 })).toThrow(RangeError);
    expect(() => new Viewport().zoomAt({ x: 0, y: 0 }, -1)).toThrow(RangeError);
  });
});

import type { Point } from "./point";

/** Rounds a coordinate to the nearest multiple of `pitch` (halves round up, towards +infinity). */
export function snapToPitch(value: number, pitch: number): number {
  assertPositivePitch(pitch);
  // `+ 0` turns -0 into 0 so snapped points compare equal with `===` and Object.is.
  return Math.round(value / pitch) * pitch + 0;
}

/** Returns the grid point nearest to `point` on a square grid of the given pitch. */
export function snapToGrid(point: Point, pitch: number): Point {
  return { x: snapToPitch(point.x, pitch), y: snapToPitch(point.y, pitch) };
}

function assertPositivePitch(pitch: number): void {
  if (!(pitch > 0) || !Number.isFinite(pitch)) {
    throw new RangeError(`grid pitch must be a positive finite number, got ${pitch}`);
  }
}

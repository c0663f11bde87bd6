import type { Command } from "./commands";
import { addItems } from "./commands";
import type { Point } from "./point";
import type { Scene } from "./scene";
import type { XY } from "./schematic";

export type WiringState =
  | { readonly status: "idle" }
  | {
      readonly status: "drawing";
      /** Committed vertices, the first being the start. */
      readonly points: readonly XY[];
      /** Route to the next point along x first (then y), or y first. */
      readonly horizontalFirst: boolean;
    };

export interface WireToolOptions {
  /** Snaps a pointer position (to pins, then the grid); the identity when absent. */
  readonly snap?: (point: Point) => Point;
  /** Makes a fresh id for the finished wire. */
  readonly newId: () => string;
}

/**
 * The wire-drawing tool: `start` at a point, each `click` adds an orthogonal bend towards the point
 * (horizontal then vertical, or the other way after `toggleDirection`), `doubleClick` or `escape` ends
 * and returns the command that adds the wire (undefined when nothing was drawn).
 */
export class WireTool {
  private current: WiringState = { status: "idle" };
  private readonly options: WireToolOptions;

  constructor(options: WireToolOptions) {
    this.options = options;
  }

  get state(): WiringState {
    return this.current;
  }

  start(point: Point, horizontalFirst = true): void {
    this.current = { status: "drawing", points: [this.snap(point)], horizontalFirst };
  }

  /** Swaps the routing order of the segment being drawn. */
  toggleDirection(): void {
    if (this.current.status === "drawing") {
      this.current = { ...this.current, horizontalFirst: !this.current.horizontalFirst };
    }
  }

  /** The polyline to show while the pointer is at `cursor`: the committed points and the route to it. */
  preview(cursor: Point): XY[] {
    if (this.current.status !== "drawing") return [];
    return simplify([...this.current.points, ...this.route(this.snap(cursor))]);
  }

  /** Commits the route to `point` (starts the wire when idle). */
  click(point: Point): void {
    if (this.current.status !== "drawing") {
      this.start(point);
      return;
    }
    const target = this.snap(point);
    this.current = {
      ...this.current,
      points: simplify([...this.current.points, ...this.route(target)]),
    };
  }

  /** Commits the route to `point` and ends the wire. */
  doubleClick(scene: Scene, point: Point): Command | undefined {
    this.click(point);
    return this.finish(scene);
  }

  /** Ends the wire with the committed points (the uncommitted route is dropped). */
  escape(scene: Scene): Command | undefined {
    return this.finish(scene);
  }

  private finish(scene: Scene): Command | undefined {
    const state = this.current;
    this.current = { status: "idle" };
    if (state.status !== "drawing" || state.points.length < 2) return undefined;
    return addItems(
      scene,
      [{ kind: "wire", item: { id: this.options.newId(), points: state.points } }],
      "Draw wire",
    );
  }

  private snap(point: Point): XY {
    const snapped = this.options.snap?.(point) ?? point;
    return [snapped.x, snapped.y];
  }

  private route(target: XY): XY[] {
    if (this.current.status !== "drawing") return [];
    const last = this.current.points[this.current.points.length - 1] as XY;
    const bend: XY = this.current.horizontalFirst ? [target[0], last[1]] : [last[0], target[1]];
    return [bend, target];
  }
}

/** Drops repeated points and the middle of three collinear axis-aligned points. */
export function simplify(points: readonly XY[]): XY[] {
  const out: XY[] = [];
  for (const point of points) {
    const last = out[out.length - 1];
    if (last !== undefined && last[0] === point[0] && last[1] === point[1]) continue;
    const before = out[out.length - 2];
    if (
      before !== undefined &&
      last !== undefined &&
      ((before[0] === last[0] && last[0] === point[0]) ||
        (before[1] === last[1] && last[1] === point[1])) &&
      // keep a vertex where the wire turns back on itself
      (last[0] - before[0]) * (point[0] - last[0]) + (last[1] - before[1]) * (point[1] - last[1]) >
        0
    ) {
      out[out.length - 1] = point;
      continue;
    }
    out.push(point);
  }
  return out;
}

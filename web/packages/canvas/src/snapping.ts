import { snapToGrid } from "./grid";
import type { Point } from "./point";
import type { Scene } from "./scene";
import type { SymbolLookup } from "./schematic";
import { placedPins } from "./schematic";

export const DEFAULT_GRID = 50;

export interface SnapOptions {
  readonly symbols: SymbolLookup;
  /** Grid pitch in mils. */
  readonly grid?: number;
  /** Pin ends (and wire ends) closer than this, in mils, win over the grid. */
  readonly radius?: number;
}

export interface Snap {
  readonly point: Point;
  readonly target: "pin" | "wire-end" | "grid";
  /** The component and pin number snapped to, for `pin`; the wire id for `wire-end`. */
  readonly id?: string;
  readonly pin?: string;
}

/** Snaps to the nearest pin end or wire end within the radius (pins first on a tie), else to the grid. */
export function snapPoint(scene: Scene, point: Point, options: SnapOptions): Snap {
  const radius = options.radius ?? 25;
  let best: Snap | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  const consider = (x: number, y: number, snap: Omit<Snap, "point">): void => {
    const distance = Math.hypot(point.x - x, point.y - y);
    if (distance <= radius && distance < bestDistance) {
      best = { point: { x, y }, ...snap };
      bestDistance = distance;
    }
  };
  for (const component of scene.schematic.components) {
    const symbol = options.symbols(component.symbol);
    if (symbol === undefined) continue;
    for (const { pin, position } of placedPins(component, symbol)) {
      consider(position[0], position[1], { target: "pin", id: component.id, pin: pin.number });
    }
  }
  for (const wire of scene.schematic.wires) {
    for (const end of [wire.points[0], wire.points[wire.points.length - 1]]) {
      if (end !== undefined) consider(end[0], end[1], { target: "wire-end", id: wire.id });
    }
  }
  return best ?? { point: snapToGrid(point, options.grid ?? DEFAULT_GRID), target: "grid" };
}

import type { Point } from "./point";
import type { Scene, SceneItem } from "./scene";
import type { Box, Label, SymbolLookup, XY } from "./schematic";
import { boxAround, componentBox, placedPins } from "./schematic";

/** What a point hits, most specific first. */
export type Hit =
  | { readonly kind: "pin"; readonly id: string; readonly pin: string; readonly position: XY }
  | { readonly kind: "junction"; readonly id: string }
  | { readonly kind: "no_connect"; readonly id: string }
  | { readonly kind: "label"; readonly id: string }
  | { readonly kind: "wire"; readonly id: string; readonly segment: number }
  | { readonly kind: "component"; readonly id: string };

export interface HitTestOptions {
  readonly symbols: SymbolLookup;
  /** How far from an item a point still hits it, in mils. */
  readonly tolerance?: number;
  /** Label text metrics in mils, for the label's box (text is not measured here). */
  readonly labelCharWidth?: number;
  readonly labelHeight?: number;
}

const PRIORITY: Record<Hit["kind"], number> = {
  pin: 0,
  junction: 1,
  no_connect: 2,
  label: 3,
  wire: 4,
  component: 5,
};

/** Everything under `point` within the tolerance: pins, then junctions, flags, labels, wires, bodies; nearest first within a kind. */
export function hitTest(scene: Scene, point: Point, options: HitTestOptions): Hit[] {
  const tolerance = options.tolerance ?? 10;
  const found: { hit: Hit; distance: number }[] = [];
  const consider = (hit: Hit, distance: number): void => {
    if (distance <= tolerance) found.push({ hit, distance });
  };
  const s = scene.schematic;
  for (const component of s.components) {
    const symbol = options.symbols(component.symbol);
    if (symbol === undefined) continue;
    for (const { pin, position } of placedPins(component, symbol)) {
      consider(
        { kind: "pin", id: component.id, pin: pin.number, position },
        distanceTo(point, position),
      );
    }
    consider(
      { kind: "component", id: component.id },
      distanceToBox(point, componentBox(component, symbol)),
    );
  }
  for (const junction of s.junctions) {
    consider({ kind: "junction", id: junction.id }, distanceTo(point, junction.position));
  }
  for (const flag of s.no_connects) {
    consider({ kind: "no_connect", id: flag.id }, distanceTo(point, flag.position));
  }
  for (const label of s.labels) {
    consider({ kind: "label", id: label.id }, distanceToBox(point, labelBox(label, options)));
  }
  for (const wire of s.wires) {
    let best = Number.POSITIVE_INFINITY;
    let segment = 0;
    for (let i = 0; i + 1 < wire.points.length; i++) {
      const distance = distanceToSegment(point, wire.points[i] as XY, wire.points[i + 1] as XY);
      if (distance < best) [best, segment] = [distance, i];
    }
    consider({ kind: "wire", id: wire.id, segment }, best);
  }
  found.sort((a, b) => PRIORITY[a.hit.kind] - PRIORITY[b.hit.kind] || a.distance - b.distance);
  return found.map(({ hit }) => hit);
}

/** The most specific item under `point`, if any. */
export function hitTopmost(scene: Scene, point: Point, options: HitTestOptions): Hit | undefined {
  return hitTest(scene, point, options)[0];
}

/** A label's box on the sheet: the text runs from its anchor in the direction of its rotation. */
export function labelBox(
  label: Label,
  options: Pick<HitTestOptions, "labelCharWidth" | "labelHeight"> = {},
): Box {
  const length = label.text.length * (options.labelCharWidth ?? 50);
  const half = (options.labelHeight ?? 60) / 2;
  const [x, y] = label.position;
  switch (label.rotation ?? 0) {
    case 0:
      return { minX: x, minY: y - half, maxX: x + length, maxY: y + half };
    case 180:
      return { minX: x - length, minY: y - half, maxX: x, maxY: y + half };
    case 90: // counter-clockwise on the sheet: the text reads upwards
      return { minX: x - half, minY: y - length, maxX: x + half, maxY: y };
    default:
      return { minX: x - half, minY: y, maxX: x + half, maxY: y + length };
  }
}

/** An item's box on the sheet (components by their body; a component of unknown symbol by its origin). */
export function itemBox(
  entry: SceneItem,
  options: Pick<HitTestOptions, "symbols" | "labelCharWidth" | "labelHeight">,
): Box {
  switch (entry.kind) {
    case "component": {
      const symbol = options.symbols(entry.item.symbol);
      if (symbol !== undefined) return componentBox(entry.item, symbol);
      return boxAround([entry.item.position]) as Box;
    }
    case "wire":
      return boxAround(entry.item.points) as Box;
    case "label":
      return labelBox(entry.item, options);
    default:
      return boxAround([entry.item.position]) as Box;
  }
}

/** Ids of the items lying fully inside `box` (Excalidraw's box selection). */
export function itemsInBox(
  scene: Scene,
  box: Box,
  options: Pick<HitTestOptions, "symbols" | "labelCharWidth" | "labelHeight">,
): string[] {
  const ids: string[] = [];
  for (const entry of scene.entries()) {
    if (boxContains(box, itemBox(entry, options))) ids.push(entry.item.id);
  }
  return ids;
}

/** The box spanned by two corners in any order (a drag rectangle). */
export function boxFromCorners(a: Point, b: Point): Box {
  return {
    minX: Math.min(a.x, b.x),
    minY: Math.min(a.y, b.y),
    maxX: Math.max(a.x, b.x),
    maxY: Math.max(a.y, b.y),
  };
}

export function boxContains(outer: Box, inner: Box): boolean {
  return (
    inner.minX >= outer.minX &&
    inner.maxX <= outer.maxX &&
    inner.minY >= outer.minY &&
    inner.maxY <= outer.maxY
  );
}

export function distanceTo(point: Point, target: XY): number {
  return Math.hypot(point.x - target[0], point.y - target[1]);
}

/** Distance from `point` to the segment `a`-`b`. */
export function distanceToSegment(point: Point, a: XY, b: XY): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  const t =
    length2 === 0
      ? 0
      : Math.max(0, Math.min(1, ((point.x - a[0]) * dx + (point.y - a[1]) * dy) / length2));
  return Math.hypot(point.x - (a[0] + t * dx), point.y - (a[1] + t * dy));
}

function distanceToBox(point: Point, box: Box): number {
  const dx = Math.max(box.minX - point.x, 0, point.x - box.maxX);
  const dy = Math.max(box.minY - point.y, 0, point.y - box.maxY);
  return Math.hypot(dx, dy);
}

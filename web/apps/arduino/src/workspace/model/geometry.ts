/**
 * Where parts and their pins are in the workspace. Units are CSS px at zoom 1, the units
 * @wokwi/elements draw in (1 mm = 3.7795 px; the 0.1" pin pitch is 9.6 px). A part's geometry is
 * its unrotated box and pins from the box's top-left; a placed part is rotated clockwise about the
 * box's centre (as CSS `rotate()` with the default transform-origin turns the element).
 */
import { pinRef, type PartProps, type PinRef } from "@ohmcloud/avr-sim";
import type { PlacedPart, Point, Rotation, WorkspaceDoc } from "./document";
import { breadboardLayout, GRID_PITCH } from "./breadboard-geometry";
import { DRAWN_GEOMETRY } from "./drawn-geometry";
import { WOKWI_GEOMETRY } from "./wokwi-geometry";

export interface PartPin {
  /** avr-sim's pin name. */
  readonly name: string;
  readonly x: number;
  readonly y: number;
  /** What to show on hover when it says more than the name. */
  readonly label?: string;
  /** The @wokwi/elements `pinInfo` name, where it differs from `name`. */
  readonly elementPin?: string;
}

/** A part's unrotated box and its pins, from the box's top-left. */
export interface PartGeometry {
  readonly width: number;
  readonly height: number;
  readonly pins: readonly PartPin[];
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A breadboard hole and a leg count as one point within this distance. */
export const HOLE_TOLERANCE = 2;

const breadboards = new Map<string, PartGeometry>();

/** The geometry of a part of `kind` with `props`; throws for a kind without one. */
export function partGeometry(part: { kind: string; props?: PartProps }): PartGeometry {
  if (part.kind === "breadboard") {
    const key = `${String(part.props?.size)}/${String(part.props?.splitRails)}`;
    let geometry = breadboards.get(key);
    if (!geometry) breadboards.set(key, (geometry = breadboardLayout(part.props)));
    return geometry;
  }
  const geometry = WOKWI_GEOMETRY[part.kind] ?? DRAWN_GEOMETRY[part.kind];
  if (!geometry) throw new Error(`No geometry for part kind ${JSON.stringify(part.kind)}.`);
  return geometry;
}

const pinIndexes = new WeakMap<PartGeometry, ReadonlyMap<string, PartPin>>();

function pinIndex(geometry: PartGeometry): ReadonlyMap<string, PartPin> {
  let index = pinIndexes.get(geometry);
  if (!index) pinIndexes.set(geometry, (index = new Map(geometry.pins.map((p) => [p.name, p]))));
  return index;
}

export function hasPin(part: { kind: string; props?: PartProps }, pin: string): boolean {
  return pinIndex(partGeometry(part)).has(pin);
}

/** `local` (from the unrotated box's top-left) turned by `rotation` about the box's centre. */
export function rotateInBox(local: Point, geometry: PartGeometry, rotation: Rotation): Point {
  const cx = geometry.width / 2;
  const cy = geometry.height / 2;
  const dx = local.x - cx;
  const dy = local.y - cy;
  switch (rotation) {
    case 0:
      return local;
    case 90:
      return { x: cx - dy, y: cy + dx };
    case 180:
      return { x: cx - dx, y: cy - dy };
    case 270:
      return { x: cx + dy, y: cy - dx };
  }
}

/** Where pin `pin` of `part` is in the workspace; throws if the part has no such pin. */
export function pinPosition(part: PlacedPart, pin: string): Point {
  const geometry = partGeometry(part);
  const local = pinIndex(geometry).get(pin);
  if (!local) throw new Error(`${part.id} (${part.kind}) has no pin ${JSON.stringify(pin)}.`);
  const turned = rotateInBox(local, geometry, part.rotation);
  return { x: part.x + turned.x, y: part.y + turned.y };
}

/** Every pin of `part` where it is in the workspace. */
export function placedPins(part: PlacedPart): { ref: PinRef; name: string; at: Point }[] {
  const geometry = partGeometry(part);
  return geometry.pins.map((pin) => {
    const turned = rotateInBox(pin, geometry, part.rotation);
    return {
      ref: pinRef(part.id, pin.name),
      name: pin.name,
      at: { x: part.x + turned.x, y: part.y + turned.y },
    };
  });
}

/** The part's box as drawn (rotated), in workspace units. */
export function partBounds(part: PlacedPart): Box {
  const { width, height } = partGeometry(part);
  if (part.rotation === 0 || part.rotation === 180) return { x: part.x, y: part.y, width, height };
  return {
    x: part.x + (width - height) / 2,
    y: part.y + (height - width) / 2,
    width: height,
    height: width,
  };
}

function boxContains(box: Box, point: Point): boolean {
  return (
    point.x >= box.x &&
    point.x <= box.x + box.width &&
    point.y >= box.y &&
    point.y <= box.y + box.height
  );
}

/**
 * The pin nearest `point` within `tolerance`, as a pin ref. Part pins win over breadboard holes (a
 * leg in a hole is picked as the leg); among parts at the same distance, the topmost.
 */
export function pinAt(doc: WorkspaceDoc, point: Point, tolerance = 5): PinRef | null {
  let best: { ref: PinRef; distance: number; hole: boolean } | null = null;
  for (const part of doc.parts) {
    const hole = part.kind === "breadboard";
    if (best && !best.hole && hole) continue;
    const bounds = partBounds(part);
    const near: Box = {
      x: bounds.x - tolerance,
      y: bounds.y - tolerance,
      width: bounds.width + 2 * tolerance,
      height: bounds.height + 2 * tolerance,
    };
    // Pins may stick out of the box (an LED's legs), so only breadboards are culled by their box.
    if (hole && !boxContains(near, point)) continue;
    for (const pin of placedPins(part)) {
      const distance = Math.hypot(pin.at.x - point.x, pin.at.y - point.y);
      if (distance > tolerance) continue;
      const better =
        !best || (best.hole && !hole) || (best.hole === hole && distance <= best.distance);
      if (better) best = { ref: pin.ref, distance, hole };
    }
  }
  return best?.ref ?? null;
}

/** The topmost (last) part whose bounds contain `point`. */
export function partAt(doc: WorkspaceDoc, point: Point): string | null {
  for (let i = doc.parts.length - 1; i >= 0; i--)
    if (boxContains(partBounds(doc.parts[i]!), point)) return doc.parts[i]!.id;
  return null;
}

/**
 * The top-left nearest `desired` at which the part's legs land on the 0.1" grid (multiples of
 * 9.6 from the origin), so they go into the holes of a breadboard snapped the same way. Pins not
 * on a 0.1" pitch among themselves (an LED's legs are 10 px apart) land as near as they can: the
 * alignment leaving the largest miss smallest.
 */
export function snapTopLeft(
  part: { kind: string; props?: PartProps; rotation: Rotation },
  desired: Point,
): Point {
  const geometry = partGeometry(part);
  const offsets = geometry.pins.map((pin) => rotateInBox(pin, geometry, part.rotation));
  return {
    x: snapAxis(
      desired.x,
      offsets.map((o) => o.x),
    ),
    y: snapAxis(
      desired.y,
      offsets.map((o) => o.y),
    ),
  };
}

function snapAxis(desired: number, offsets: readonly number[]): number {
  const phase = (value: number) => {
    const r = value % GRID_PITCH;
    return r < 0 ? r + GRID_PITCH : r;
  };
  const miss = (value: number) => {
    const r = phase(value);
    return Math.min(r, GRID_PITCH - r);
  };
  const phases = [...new Set(offsets.map((o) => Math.round(phase(o) * 1e6) / 1e6))];
  if (phases.length === 0) return desired;
  let bestPhase = phases[0]!;
  let bestMiss = Infinity;
  for (const candidate of phases) {
    // Putting a pin with this phase on the grid: how far is the worst other pin from it?
    const worst = Math.max(...phases.map((p) => miss(p - candidate)));
    if (worst < bestMiss - 1e-9) [bestPhase, bestMiss] = [candidate, worst];
  }
  // Top-left ≡ −bestPhase (mod pitch), nearest to `desired`.
  const snapped = Math.round((desired + bestPhase) / GRID_PITCH) * GRID_PITCH - bestPhase;
  return Math.round(snapped * 1e6) / 1e6 + 0;
}

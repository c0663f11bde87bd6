/**
 * The workspace's edits as pure functions: each takes a document and returns a new one (the undo
 * stack keeps the old). Parts snap so their legs land on the 0.1" grid, where breadboard holes are.
 */
import { splitPinRef, type PartProps, type PinRef } from "@ohmcloud/avr-sim";
import { snapToGrid } from "@ohmcloud/canvas";
import {
  findPart,
  freshId,
  type DrawnWire,
  type PlacedPart,
  type Point,
  type Rotation,
  type WorkspaceDoc,
} from "./document";
import { GRID_PITCH } from "./breadboard-geometry";
import { netOf } from "./connections";
import { hasPin, snapTopLeft } from "./geometry";
import { kindInfo } from "./kinds";

export { copyItems, pasteItems, ClipboardError, CLIPBOARD_FORMAT } from "./clipboard";
export { autoPlace } from "./placement";

export const WIRE_COLORS = {
  power: "red",
  ground: "black",
  signal: "green",
} as const;

function withoutEmpty(props: PartProps | undefined): PartProps | undefined {
  return props && Object.keys(props).length > 0 ? props : undefined;
}

function withPart(part: PlacedPart, props: PartProps | undefined): PlacedPart {
  const { id, kind, x, y, rotation } = part;
  return props === undefined ? { id, kind, x, y, rotation } : { id, kind, x, y, rotation, props };
}

function replacePart(doc: WorkspaceDoc, id: string, change: (part: PlacedPart) => PlacedPart) {
  if (!findPart(doc, id)) throw new Error(`No part ${JSON.stringify(id)}.`);
  return { ...doc, parts: doc.parts.map((part) => (part.id === id ? change(part) : part)) };
}

function replaceWire(doc: WorkspaceDoc, id: string, change: (wire: DrawnWire) => DrawnWire) {
  if (!doc.wires.some((wire) => wire.id === id)) throw new Error(`No wire ${JSON.stringify(id)}.`);
  return { ...doc, wires: doc.wires.map((wire) => (wire.id === id ? change(wire) : wire)) };
}

/**
 * Adds a part of `kind` with its top-left near `at` (snapped), the kind's default props under
 * `props`, and a fresh id ("led1", "r2", "bb1"). Throws for an unknown kind.
 */
export function addPart(
  doc: WorkspaceDoc,
  kind: string,
  at: Point,
  props?: PartProps,
): { doc: WorkspaceDoc; id: string } {
  const info = kindInfo(kind);
  const merged = withoutEmpty({ ...info.defaultProps, ...props });
  const rotation: Rotation = 0;
  const { x, y } = snapTopLeft({ kind, props: merged, rotation }, at);
  const id = freshId(doc, info.idPrefix);
  const part = withPart({ id, kind, x, y, rotation }, merged);
  return { doc: { ...doc, parts: [...doc.parts, part] }, id };
}

/** Moves a part's top-left to `to`, snapped so its legs land on the grid. */
export function movePart(doc: WorkspaceDoc, id: string, to: Point): WorkspaceDoc {
  return replacePart(doc, id, (part) => ({ ...part, ...snapTopLeft(part, to) }));
}

/**
 * Moves parts and wires by `by` (snapped to whole 0.1" steps, so snapped legs stay on holes). The
 * bend points of wires named in `ids`, or running between two moved parts, move along.
 */
export function moveParts(doc: WorkspaceDoc, ids: readonly string[], by: Point): WorkspaceDoc {
  const step = snapToGrid(by, GRID_PITCH);
  if (step.x === 0 && step.y === 0) return doc;
  const chosen = new Set(ids);
  const moved = new Set(doc.parts.filter((p) => chosen.has(p.id)).map((p) => p.id));
  const on = (ref: PinRef) => moved.has(splitPinRef(ref).component);
  return {
    parts: doc.parts.map((part) =>
      moved.has(part.id) ? { ...part, x: part.x + step.x, y: part.y + step.y } : part,
    ),
    wires: doc.wires.map((wire) =>
      chosen.has(wire.id) || (on(wire.from) && on(wire.to))
        ? { ...wire, points: wire.points.map((p) => ({ x: p.x + step.x, y: p.y + step.y })) }
        : wire,
    ),
  };
}

/** Turns a part 90° clockwise about its centre (legs snapped to the grid again). */
export function rotatePart(doc: WorkspaceDoc, id: string): WorkspaceDoc {
  return replacePart(doc, id, (part) => {
    const rotation = ((part.rotation + 90) % 360) as Rotation;
    return { ...part, rotation, ...snapTopLeft({ ...part, rotation }, part) };
  });
}

/** Removes parts and/or wires by id; a removed part's wires go too. Unknown ids are ignored. */
export function removeItems(doc: WorkspaceDoc, ids: readonly string[]): WorkspaceDoc {
  const chosen = new Set(ids);
  const parts = doc.parts.filter((part) => !chosen.has(part.id));
  const gone = (ref: PinRef) => chosen.has(splitPinRef(ref).component);
  const wires = doc.wires.filter(
    (wire) => !chosen.has(wire.id) && !gone(wire.from) && !gone(wire.to),
  );
  return { parts, wires };
}

/**
 * Replaces a part's props. Wires to pins the part no longer has (a breadboard made half size) are
 * removed.
 */
export function setPartProps(doc: WorkspaceDoc, id: string, props: PartProps): WorkspaceDoc {
  const changed = replacePart(doc, id, (part) => withPart(part, withoutEmpty(props)));
  const part = findPart(changed, id)!;
  const lost = (ref: PinRef) => {
    const { component, pin } = splitPinRef(ref);
    return component === id && !hasPin(part, pin);
  };
  return { ...changed, wires: changed.wires.filter((w) => !lost(w.from) && !lost(w.to)) };
}

const GROUND_PIN = /^(GND(\.\d+)?|VSS)$/;
const POWER_PIN = /^(5V|VIN|3V3|IOREF|VCC|VDD|V\+)$/;

/** "ground", "power" or null for one pin by its own name (rails and battery leads included). */
function pinRole(doc: WorkspaceDoc, ref: PinRef): "ground" | "power" | null {
  const { component, pin } = splitPinRef(ref);
  const kind = findPart(doc, component)?.kind;
  if (kind === "breadboard")
    return /^[tb]n\d+$/.test(pin) ? "ground" : /^[tb]p\d+$/.test(pin) ? "power" : null;
  if (kind === "battery-9v") return pin === "-" ? "ground" : "power";
  return GROUND_PIN.test(pin) ? "ground" : POWER_PIN.test(pin) ? "power" : null;
}

/**
 * The colour a new wire gets from what it connects: black when either end's net (first `from`'s,
 * then `to`'s) holds a ground pin or − rail, red for 5V/VIN/3V3/VCC pins and + rails, else green.
 */
export function defaultWireColor(doc: WorkspaceDoc, from: PinRef, to: PinRef): string {
  for (const end of [from, to]) {
    const roles = [...netOf(doc, end).pins].map((pin) => pinRole(doc, pin));
    if (roles.includes("ground")) return WIRE_COLORS.ground;
    if (roles.includes("power")) return WIRE_COLORS.power;
  }
  return WIRE_COLORS.signal;
}

function assertPin(doc: WorkspaceDoc, ref: PinRef): void {
  const { component, pin } = splitPinRef(ref);
  const part = findPart(doc, component);
  if (!part || !hasPin(part, pin)) throw new Error(`No pin ${ref} in the workspace.`);
}

/**
 * Draws a wire from pin `from` to pin `to` through the bend `points`, coloured by what it connects
 * unless `color` says. Throws for a pin that does not exist or a wire from a pin to itself.
 */
export function addWire(
  doc: WorkspaceDoc,
  from: PinRef,
  to: PinRef,
  points: readonly Point[] = [],
  color?: string,
): { doc: WorkspaceDoc; id: string } {
  assertPin(doc, from);
  assertPin(doc, to);
  if (from === to) throw new Error(`A wire needs two different pins (both ends are ${from}).`);
  const id = freshId(doc, "w");
  const wire: DrawnWire = {
    id,
    from,
    to,
    points: [...points],
    color: color ?? defaultWireColor(doc, from, to),
  };
  return { doc: { ...doc, wires: [...doc.wires, wire] }, id };
}

export function setWireColor(doc: WorkspaceDoc, id: string, color: string): WorkspaceDoc {
  return replaceWire(doc, id, (wire) => ({ ...wire, color }));
}

export function setWirePoints(
  doc: WorkspaceDoc,
  id: string,
  points: readonly Point[],
): WorkspaceDoc {
  return replaceWire(doc, id, (wire) => ({ ...wire, points: [...points] }));
}

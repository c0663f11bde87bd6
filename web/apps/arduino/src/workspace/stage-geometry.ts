/**
 * Geometry the stage needs beyond the model's: a wire's drawn path (its ends at the pins, through
 * its bends), the box around the whole drawing (fit to view, export) and the items inside a
 * selection box.
 */
import { splitPinRef, type PinRef } from "@ohmcloud/avr-sim";
import { findPart, type DrawnWire, type Point, type WorkspaceDoc } from "./model/document";
import { partBounds, pinPosition, type Box } from "./model/geometry";
import { pointsBox, unionBox } from "./workspace-export";

/** Where a pin ref is in the workspace; null when its part is gone. */
export function pinRefPosition(doc: WorkspaceDoc, ref: PinRef): Point | null {
  const { component, pin } = splitPinRef(ref);
  const part = findPart(doc, component);
  if (!part) return null;
  try {
    return pinPosition(part, pin);
  } catch {
    return null; // a pin the part no longer has (a breadboard made smaller)
  }
}

/** The wire's polyline: its `from` pin, its bends, its `to` pin; null when an end is missing. */
export function wirePath(doc: WorkspaceDoc, wire: DrawnWire): Point[] | null {
  const from = pinRefPosition(doc, wire.from);
  const to = pinRefPosition(doc, wire.to);
  return from && to ? [from, ...wire.points, to] : null;
}

/** The box around every part and wire; null for an empty workspace. */
export function drawingBounds(doc: WorkspaceDoc): Box | null {
  const boxes: Box[] = doc.parts.map(partBounds);
  for (const wire of doc.wires) {
    const box = pointsBox(wirePath(doc, wire) ?? []);
    if (box) boxes.push(box);
  }
  return unionBox(boxes);
}

/** A box from two opposite corners. */
export function boxOf(a: Point, b: Point): Box {
  return {
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    width: Math.abs(a.x - b.x),
    height: Math.abs(a.y - b.y),
  };
}

/** Ids of the parts lying wholly inside `box` and of the wires whose whole path does. */
export function itemsInBox(doc: WorkspaceDoc, box: Box): string[] {
  const inside = (p: Point) =>
    p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height;
  const parts = doc.parts
    .filter((part) => {
      const b = partBounds(part);
      return inside(b) && inside({ x: b.x + b.width, y: b.y + b.height });
    })
    .map((part) => part.id);
  const wires = doc.wires
    .filter((wire) => {
      const path = wirePath(doc, wire);
      return path !== null && path.every(inside);
    })
    .map((wire) => wire.id);
  return [...parts, ...wires];
}

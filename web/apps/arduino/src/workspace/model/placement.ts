/** Where a new part goes when nobody says: a free spot right of, or else below, the parts there. */
import type { PartProps } from "@ohmcloud/avr-sim";
import type { Point, WorkspaceDoc } from "./document";
import { GRID_PITCH } from "./breadboard-geometry";
import { partBounds, partGeometry, snapTopLeft, type Box } from "./geometry";

/** Space left around placed parts. */
const GAP = 4 * GRID_PITCH;
/** Where the first part goes. */
const ORIGIN: Point = { x: 5 * GRID_PITCH, y: 5 * GRID_PITCH };
/** Rows of parts wrap below once they would reach this far right. */
const ROW_LIMIT = 1200;

/** The union of the parts' boxes, or null for an empty document. */
export function docBounds(doc: WorkspaceDoc): Box | null {
  if (doc.parts.length === 0) return null;
  const boxes = doc.parts.map(partBounds);
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * A top-left (unrotated) for a new part of `kind`: right of everything placed, level with its top,
 * or below everything when that row would grow past 1200 units; legs snapped to the grid.
 */
export function autoPlace(doc: WorkspaceDoc, kind: string, props?: PartProps): Point {
  const part = { kind, props, rotation: 0 as const };
  const bounds = docBounds(doc);
  if (!bounds) return snapTopLeft(part, ORIGIN);
  const { width } = partGeometry(part);
  const right = bounds.x + bounds.width + GAP;
  const spot =
    right + width <= ROW_LIMIT
      ? { x: right, y: bounds.y }
      : { x: bounds.x, y: bounds.y + bounds.height + GAP };
  return snapTopLeft(part, spot);
}

/**
 * The breadboard workspace as data: placed parts (a kind from avr-sim's catalog, a position and a
 * rotation) and drawn wires between pins. Immutable: every edit (edits.ts) returns a new document,
 * so undo keeps old ones and views can compare by identity. Joins of part legs to breadboard holes
 * are not stored; they follow from the geometry (connections.ts).
 */
import { isBoardId, type PartProps, type PinRef } from "@ohmcloud/avr-sim";
import type { Point } from "@ohmcloud/canvas";

export type { PartProps, PinRef } from "@ohmcloud/avr-sim";
export type { Point } from "@ohmcloud/canvas";

export type Rotation = 0 | 90 | 180 | 270;
export const ROTATIONS: readonly Rotation[] = [0, 90, 180, 270];

export interface PlacedPart {
  /** Unique among the document's parts and wires; no dots (pin refs are `<id>.<pin>`). */
  readonly id: string;
  readonly kind: string;
  /** Workspace units (CSS px at zoom 1): the part's top-left before rotation. */
  readonly x: number;
  readonly y: number;
  /** Clockwise, about the centre of the part's unrotated box. */
  readonly rotation: Rotation;
  readonly props?: PartProps;
}

export interface DrawnWire {
  readonly id: string;
  readonly from: PinRef;
  readonly to: PinRef;
  /** Bend points between the two ends. */
  readonly points: readonly Point[];
  readonly color: string;
}

export interface WorkspaceDoc {
  readonly parts: readonly PlacedPart[];
  readonly wires: readonly DrawnWire[];
}

export const EMPTY_DOC: WorkspaceDoc = { parts: [], wires: [] };

/** Whether parts of `kind` are microcontroller boards that run a sketch (uno, nano, mega2560). */
export function isMcuKind(kind: string): boolean {
  return isBoardId(kind);
}

/** The MCU boards in document order; the first is the "main" board (the project's `board`). */
export function mcuParts(doc: WorkspaceDoc): PlacedPart[] {
  return doc.parts.filter((part) => isMcuKind(part.kind));
}

export function findPart(doc: WorkspaceDoc, id: string): PlacedPart | undefined {
  return doc.parts.find((part) => part.id === id);
}

/** `prefix` + the smallest number ≥ 1 not used by any part or wire id (nor in `taken`). */
export function freshId(
  doc: WorkspaceDoc,
  prefix: string,
  taken: ReadonlySet<string> = new Set(),
): string {
  const used = new Set([...doc.parts.map((p) => p.id), ...doc.wires.map((w) => w.id), ...taken]);
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

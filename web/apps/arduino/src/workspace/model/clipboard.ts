/**
 * Copy and paste of workspace parts and wires as text (the system clipboard holds it), in a format
 * of its own so pasting something else is refused with a clear message.
 */
import { splitPinRef } from "@ohmcloud/avr-sim";
import { snapToGrid } from "@ohmcloud/canvas";
import {
  freshId,
  ROTATIONS,
  type DrawnWire,
  type PlacedPart,
  type Point,
  type WorkspaceDoc,
} from "./document";
import { GRID_PITCH } from "./breadboard-geometry";
import { isKnownKind, kindInfo } from "./kinds";

export const CLIPBOARD_FORMAT = "ohmcloud-arduino-parts";
const CLIPBOARD_VERSION = 1;

export class ClipboardError extends Error {}

/**
 * The parts and wires `ids` name, as clipboard text. Wires between copied parts come along; wires
 * to parts left behind do not (a paste could not connect them).
 */
export function copyItems(doc: WorkspaceDoc, ids: readonly string[]): string {
  const chosen = new Set(ids);
  const parts = doc.parts.filter((part) => chosen.has(part.id));
  const partIds = new Set(parts.map((part) => part.id));
  const wires = doc.wires.filter(
    (wire) =>
      partIds.has(splitPinRef(wire.from).component) && partIds.has(splitPinRef(wire.to).component),
  );
  return JSON.stringify({ format: CLIPBOARD_FORMAT, version: CLIPBOARD_VERSION, parts, wires });
}

/**
 * Adds the copied items moved by `offset` (snapped to the grid so legs stay on holes), with fresh
 * ids; returns the new ids (parts, then wires). Throws {@link ClipboardError} for text that is not
 * parts copied from this workspace.
 */
export function pasteItems(
  doc: WorkspaceDoc,
  text: string,
  offset: Point,
): { doc: WorkspaceDoc; ids: string[] } {
  const { parts, wires } = readClipboard(text);
  const by = snapToGrid(offset, GRID_PITCH);
  const renamed = new Map<string, string>();
  const taken = new Set<string>();
  const newParts = parts.map((part): PlacedPart => {
    const id = freshId(doc, kindInfo(part.kind).idPrefix, taken);
    taken.add(id);
    renamed.set(part.id, id);
    return { ...part, id, x: part.x + by.x, y: part.y + by.y };
  });
  const rename = (ref: string) => {
    const { component, pin } = splitPinRef(ref);
    const id = renamed.get(component);
    return id === undefined ? undefined : `${id}.${pin}`;
  };
  const newWires: DrawnWire[] = [];
  for (const wire of wires) {
    const from = rename(wire.from);
    const to = rename(wire.to);
    if (from === undefined || to === undefined) continue;
    const id = freshId(doc, "w", taken);
    taken.add(id);
    const points = wire.points.map((p) => ({ x: p.x + by.x, y: p.y + by.y }));
    newWires.push({ ...wire, id, from, to, points });
  }
  return {
    doc: { parts: [...doc.parts, ...newParts], wires: [...doc.wires, ...newWires] },
    ids: [...newParts.map((p) => p.id), ...newWires.map((w) => w.id)],
  };
}

const NOT_OURS = "The clipboard does not hold parts copied from the Arduino workspace.";

function readClipboard(text: string): { parts: PlacedPart[]; wires: DrawnWire[] } {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new ClipboardError(NOT_OURS);
  }
  if (!isObject(document) || document.format !== CLIPBOARD_FORMAT)
    throw new ClipboardError(NOT_OURS);
  if (document.version !== CLIPBOARD_VERSION)
    throw new ClipboardError(
      `Copied parts of an unknown version ${JSON.stringify(document.version)} cannot be pasted.`,
    );
  const { parts, wires } = document;
  if (!Array.isArray(parts) || !parts.every(isPart))
    throw new ClipboardError("The copied parts are damaged (a part lacks its id, kind or place).");
  const unknown = parts.find((part) => !isKnownKind(part.kind));
  if (unknown) throw new ClipboardError(`Unknown part kind ${JSON.stringify(unknown.kind)}.`);
  if (!Array.isArray(wires) || !wires.every(isWire))
    throw new ClipboardError("The copied wires are damaged (a wire lacks its ends or colour).");
  return { parts, wires };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value);

function isPoint(value: unknown): value is Point {
  return isObject(value) && isFiniteNumber(value.x) && isFiniteNumber(value.y);
}

function isPart(value: unknown): value is PlacedPart {
  return (
    isObject(value) &&
    typeof value.id === "string" &&
    typeof value.kind === "string" &&
    isFiniteNumber(value.x) &&
    isFiniteNumber(value.y) &&
    ROTATIONS.includes(value.rotation as never) &&
    (value.props === undefined || isObject(value.props))
  );
}

function isWire(value: unknown): value is DrawnWire {
  return (
    isObject(value) &&
    typeof value.id === "string" &&
    typeof value.from === "string" &&
    typeof value.to === "string" &&
    typeof value.color === "string" &&
    Array.isArray(value.points) &&
    value.points.every(isPoint)
  );
}

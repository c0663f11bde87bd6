import type { Command } from "./commands";
import { addItems, removeItems } from "./commands";
import type { Scene, SceneItem } from "./scene";
import { anchorPoints, ITEM_KINDS, KIND_FIELDS } from "./scene";
import type { Box, Component, Schematic, SymbolLookup, XY } from "./schematic";
import { boxAround, emptySchematic, placedPins } from "./schematic";
import { boxContains } from "./hit-test";

/**
 * Copies the selection as a format-v1 document: the selected items, plus the unselected wires lying
 * fully inside the box of the selected items (with their pins), so the wiring between copied parts comes along.
 */
export function copySelection(
  scene: Scene,
  selection: Iterable<string>,
  symbols: SymbolLookup,
): string {
  const chosen = new Set<string>();
  const points: XY[] = [];
  for (const id of selection) {
    const entry = scene.get(id);
    if (entry === undefined) continue;
    chosen.add(id);
    points.push(...anchorPoints(entry));
    if (entry.kind === "component") {
      const symbol = symbols(entry.item.symbol);
      if (symbol !== undefined) {
        points.push(...placedPins(entry.item, symbol).map((pin) => pin.position));
      }
    }
  }
  const box = boxAround(points);
  if (box !== undefined) {
    for (const wire of scene.schematic.wires) {
      if (boxContains(box, boxAround(wire.points) as Box)) chosen.add(wire.id);
    }
  }
  const document: Record<string, unknown> = { ...emptySchematic() };
  for (const kind of ITEM_KINDS) {
    const field = KIND_FIELDS[kind];
    document[field] = (scene.schematic[field] as readonly { id: string }[]).filter((item) =>
      chosen.has(item.id),
    );
  }
  return JSON.stringify(document);
}

/** Copies the selection and returns the command that deletes it. */
export function cutSelection(
  scene: Scene,
  selection: Iterable<string>,
  symbols: SymbolLookup,
): { text: string; command: Command } {
  const ids = [...selection];
  return { text: copySelection(scene, ids, symbols), command: removeItems(scene, ids, "Cut") };
}

export interface PasteResult {
  readonly command: Command;
  /** Ids of the pasted items (the new selection). */
  readonly ids: readonly string[];
}

/**
 * Pastes a copied document moved by `offset`, with fresh ids and references renumbered: each prefix
 * continues after the highest number in use (R1 pasted beside R1, R2 becomes R3). Parts sharing a
 * reference (units of one package) keep sharing their new one; unannotated `R?` stays as is.
 */
export function pasteText(
  scene: Scene,
  text: string,
  offset: XY,
  newId: () => string,
  label = "Paste",
): PasteResult {
  const document = parseClipboard(text);
  const [dx, dy] = offset;
  const move = ([x, y]: XY): XY => [x + dx, y + dy];
  const renumber = referenceRenumberer(scene);
  const entries: SceneItem[] = [];
  for (const component of document.components) {
    entries.push({
      kind: "component",
      item: {
        ...component,
        id: newId(),
        position: move(component.position),
        reference: renumber(component.reference),
      },
    });
  }
  for (const wire of document.wires) {
    entries.push({ kind: "wire", item: { ...wire, id: newId(), points: wire.points.map(move) } });
  }
  for (const kind of ["junction", "label", "no_connect"] as const) {
    for (const item of document[KIND_FIELDS[kind]]) {
      entries.push({
        kind,
        item: { ...item, id: newId(), position: move(item.position) },
      } as SceneItem);
    }
  }
  return { command: addItems(scene, entries, label), ids: entries.map((entry) => entry.item.id) };
}

/** Copies and pastes the selection at `offset` in one step. */
export function duplicateSelection(
  scene: Scene,
  selection: Iterable<string>,
  offset: XY,
  symbols: SymbolLookup,
  newId: () => string,
): PasteResult {
  return pasteText(scene, copySelection(scene, selection, symbols), offset, newId, "Duplicate");
}

function parseClipboard(text: string): Schematic {
  const value: unknown = JSON.parse(text);
  if (
    typeof value !== "object" ||
    value === null ||
    (value as { format?: unknown }).format !== "ohmcloud-schematic" ||
    (value as { version?: unknown }).version !== 1
  ) {
    throw new Error("the clipboard does not hold an OhmCloud schematic (format v1)");
  }
  const document = { ...emptySchematic(), ...(value as Partial<Schematic>) };
  for (const kind of ITEM_KINDS) {
    if (!Array.isArray(document[KIND_FIELDS[kind]])) {
      throw new Error(`clipboard: ${KIND_FIELDS[kind]} is not a list`);
    }
  }
  return document;
}

const NUMBERED = /^(.*?)(\d+)$/;

/** Maps copied references to fresh ones, per prefix after the highest number in the scene. */
function referenceRenumberer(scene: Scene): (reference: string) => string {
  const highest = new Map<string, number>();
  const note = (reference: string): void => {
    const match = NUMBERED.exec(reference);
    if (match === null) return;
    const prefix = match[1] as string;
    highest.set(prefix, Math.max(highest.get(prefix) ?? 0, Number(match[2])));
  };
  scene.schematic.components.forEach((component: Component) => note(component.reference));
  const assigned = new Map<string, string>();
  return (reference) => {
    const known = assigned.get(reference);
    if (known !== undefined) return known;
    const match = NUMBERED.exec(reference);
    if (match === null) return reference;
    const prefix = match[1] as string;
    const digits = match[2] as string;
    const next = (highest.get(prefix) ?? 0) + 1;
    highest.set(prefix, next);
    // Keep zero padding (#PWR01 -> #PWR03).
    const fresh = prefix + String(next).padStart(digits.startsWith("0") ? digits.length : 0, "0");
    assigned.set(reference, fresh);
    return fresh;
  };
}

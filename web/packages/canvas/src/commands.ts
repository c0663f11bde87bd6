import type { Change, SceneItem } from "./scene";
import { anchorPoints, invertChanges, KIND_FIELDS, Scene, withItem } from "./scene";
import type {
  Component,
  Label,
  Mirror,
  Rotation,
  Sheet,
  SymbolLookup,
  TitleBlock,
  XY,
} from "./schematic";
import { boxAround, MIRRORS, placedPins, placementMatrix, ROTATIONS } from "./schematic";
import { snapToPitch } from "./grid";

/**
 * One edit of the scene, as the primitive changes it makes. Commands are built against the scene they
 * apply to; `History` applies them and reverts them with the inverse changes.
 */
export interface Command {
  /** What the user did, for an undo menu ("Move", "Delete"). */
  readonly label: string;
  readonly changes: readonly Change[];
  /** Consecutive commands with the same key merge into one history entry (the steps of one drag). */
  readonly mergeKey?: string;
}

export function applyCommand(scene: Scene, command: Command): Scene {
  return scene.apply(command.changes);
}

export function revertCommand(scene: Scene, command: Command): Scene {
  return scene.apply(invertChanges(command.changes));
}

/**
 * `later` folded into `earlier`: replacements of one item, and edits of the document's settings, keep the
 * first `before` and the last `after`.
 */
export function mergeCommands(earlier: Command, later: Command): Command {
  const all = [...earlier.changes, ...later.changes];
  const merged = { ...earlier, changes: all };
  const first = all[0];
  const last = all[all.length - 1];
  if (
    first?.op === "document" &&
    last?.op === "document" &&
    all.every((c) => c.op === "document")
  ) {
    return { ...earlier, changes: [{ op: "document", before: first.before, after: last.after }] };
  }
  if (!all.every((change) => change.op === "replace")) return merged;
  const byId = new Map<string, { before: SceneItem; after: SceneItem }>();
  for (const change of all) {
    if (change.op !== "replace") continue;
    const id = change.before.item.id;
    const found = byId.get(id);
    if (found === undefined) byId.set(id, { before: change.before, after: change.after });
    else found.after = change.after;
  }
  const changes: Change[] = [];
  for (const { before, after } of byId.values()) {
    changes.push({ op: "replace", before, after });
  }
  return { ...earlier, changes };
}

/** Adds items at the end of their arrays. Ids must be new. */
export function addItems(scene: Scene, entries: readonly SceneItem[], label = "Add"): Command {
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  const changes: Change[] = entries.map((entry) => {
    const id = entry.item.id;
    if (scene.has(id) || seen.has(id)) throw new Error(`duplicate id ${id}`);
    seen.add(id);
    const field = KIND_FIELDS[entry.kind];
    const count = counts.get(field) ?? scene.schematic[field].length;
    counts.set(field, count + 1);
    return { op: "insert", entry, index: count };
  });
  return { label, changes };
}

/** Removes the items with these ids (unknown ids are ignored). */
export function removeItems(scene: Scene, ids: Iterable<string>, label = "Delete"): Command {
  const found: { entry: SceneItem; index: number }[] = [];
  for (const id of new Set(ids)) {
    const entry = scene.get(id);
    const index = scene.indexOf(id);
    if (entry !== undefined && index !== undefined) found.push({ entry, index });
  }
  // Highest index first within each array, so every recorded index holds while the removals run.
  found.sort((a, b) => b.index - a.index);
  return {
    label,
    changes: found.map(({ entry, index }) => ({ op: "remove", entry, index })),
  };
}

/** Deletes the selection. */
export function deleteSelection(scene: Scene, selection: Iterable<string>): Command {
  return removeItems(scene, selection, "Delete");
}

type PointMap = (point: XY) => XY;

/**
 * Moves, turns or flips the selected items with `map` (applied to every anchor point), and drags along
 * the ends of unselected wires that sat on a connection point of a selected item (rubber-banding).
 */
function transformSelection(
  scene: Scene,
  selection: Iterable<string>,
  symbols: SymbolLookup,
  label: string,
  map: PointMap,
  reorient: (entry: SceneItem) => SceneItem,
  mergeKey?: string,
): Command {
  const changes: Change[] = [];
  const moved = new Map<string, XY>(); // old connection point -> new one
  const record = (from: XY, to: XY): void => {
    moved.set(key(from), to);
  };
  const selected = new Set<string>();
  for (const id of selection) {
    const entry = scene.get(id);
    if (entry === undefined || selected.has(id)) continue;
    selected.add(id);
    let after: SceneItem;
    if (entry.kind === "wire") {
      const points = entry.item.points.map(map);
      entry.item.points.forEach((point, i) => record(point, points[i] as XY));
      after = withItem(entry, { points });
    } else {
      after = reorient(withItem(entry, { position: map(entry.item.position) }));
      if (entry.kind === "component") {
        const symbol = symbols(entry.item.symbol);
        if (symbol !== undefined) {
          const before = placedPins(entry.item, symbol);
          const now = placedPins(after.item as Component, symbol);
          before.forEach((pin, i) => record(pin.position, (now[i] as (typeof now)[0]).position));
        }
      } else {
        record(entry.item.position, (after.item as Label).position);
      }
    }
    changes.push({ op: "replace", before: entry, after });
  }
  for (const wire of scene.schematic.wires) {
    if (selected.has(wire.id)) continue;
    const points = wire.points;
    const last = points.length - 1;
    const start = moved.get(key(points[0] as XY));
    const end = moved.get(key(points[last] as XY));
    if (start === undefined && end === undefined) continue;
    const next = points.map((point, i) =>
      i === 0 && start !== undefined ? start : i === last && end !== undefined ? end : point,
    );
    changes.push({
      op: "replace",
      before: { kind: "wire", item: wire },
      after: { kind: "wire", item: { ...wire, points: next } },
    });
  }
  return mergeKey === undefined ? { label, changes } : { label, changes, mergeKey };
}

function key(point: XY): string {
  return `${point[0]},${point[1]}`;
}

/**
 * Moves the selection by `delta`, dragging attached wire ends along. Pass the same `mergeKey` for every
 * step of one drag and History keeps the drag as one entry.
 */
export function moveSelection(
  scene: Scene,
  selection: Iterable<string>,
  delta: XY,
  symbols: SymbolLookup,
  mergeKey?: string,
): Command {
  const [dx, dy] = delta;
  return transformSelection(
    scene,
    selection,
    symbols,
    "Move",
    ([x, y]) => [x + dx, y + dy],
    (entry) => entry,
    mergeKey,
  );
}

/** The centre of the selection's anchor points, snapped to the grid. */
export function selectionCentre(scene: Scene, selection: Iterable<string>, grid = 50): XY {
  const points: XY[] = [];
  for (const id of selection) {
    const entry = scene.get(id);
    if (entry !== undefined) points.push(...anchorPoints(entry));
  }
  const box = boxAround(points);
  if (box === undefined) return [0, 0];
  return [
    snapToPitch((box.minX + box.maxX) / 2, grid),
    snapToPitch((box.minY + box.maxY) / 2, grid),
  ];
}

/** Turns the selection 90° counter-clockwise (as seen on the sheet) about its centre snapped to the grid. */
export function rotateSelection(
  scene: Scene,
  selection: Iterable<string>,
  symbols: SymbolLookup,
  grid = 50,
): Command {
  const ids = [...selection];
  const [cx, cy] = selectionCentre(scene, ids, grid);
  // R(90) on the sheet (y down): (dx, dy) -> (dy, -dx).
  const map: PointMap = ([x, y]) => [cx + (y - cy), cy - (x - cx)];
  return transformSelection(scene, ids, symbols, "Rotate", map, (entry) => {
    if (entry.kind === "component") {
      return withItem(entry, { rotation: turn(entry.item.rotation ?? 0, 90) });
    }
    if (entry.kind === "label") {
      return withItem(entry, { rotation: turn(entry.item.rotation ?? 0, 90) });
    }
    return entry;
  });
}

/**
 * Flips the selection about its centre: `"x"` about the horizontal axis (upside down), `"y"` about the
 * vertical axis (left-right), the format's meaning of mirror.
 */
export function mirrorSelection(
  scene: Scene,
  selection: Iterable<string>,
  axis: "x" | "y",
  symbols: SymbolLookup,
  grid = 50,
): Command {
  const ids = [...selection];
  const [cx, cy] = selectionCentre(scene, ids, grid);
  const map: PointMap = axis === "x" ? ([x, y]) => [x, 2 * cy - y] : ([x, y]) => [2 * cx - x, y];
  return transformSelection(scene, ids, symbols, "Mirror", map, (entry) => {
    if (entry.kind === "component") {
      const [rotation, mirror] = mirrored(
        entry.item.rotation ?? 0,
        entry.item.mirror ?? "none",
        axis,
      );
      return withItem(entry, { rotation, mirror });
    }
    if (entry.kind === "label") {
      const rotation = entry.item.rotation ?? 0;
      const horizontal = rotation === 0 || rotation === 180;
      // Text reads away from its anchor: flipping across its direction turns it round.
      const flips = axis === "y" ? horizontal : !horizontal;
      return flips ? withItem(entry, { rotation: turn(rotation, 180) }) : entry;
    }
    return entry;
  });
}

function turn(rotation: Rotation, by: number): Rotation {
  return ((rotation + by) % 360) as Rotation;
}

/** The (rotation, mirror) whose placement is the sheet flip `axis` applied after (rotation, mirror). */
function mirrored(rotation: Rotation, mirror: Mirror, axis: "x" | "y"): [Rotation, Mirror] {
  const [a, b, c, d] = placementMatrix(rotation, mirror);
  const target = axis === "x" ? [a, b, -c, -d] : [-a, -b, c, d];
  // Each flip has two spellings ((θ, x) equals (θ + 180, y)): keep the part's mirror kind, else the axis's.
  const rank = (m: Mirror): number => (m === mirror ? 0 : m === axis ? 1 : 2);
  const mirrors = [...MIRRORS].sort((m, n) => rank(m) - rank(n));
  for (const m of mirrors) {
    for (const r of ROTATIONS) {
      const matrix = placementMatrix(r, m);
      if (matrix.every((value, i) => value === target[i])) return [r, m];
    }
  }
  throw new Error("unreachable: every flip of a placement is a placement");
}

/** Sets a component's value. */
export function setValue(scene: Scene, id: string, value: string): Command {
  return setComponentFields(scene, id, { value }, "Set value");
}

/** Sets a component's reference. */
export function setReference(scene: Scene, id: string, reference: string): Command {
  return setComponentFields(scene, id, { reference }, "Set reference");
}

/** Sets (or, with `undefined`, removes) one of a component's other properties. */
export function setProperty(
  scene: Scene,
  id: string,
  name: string,
  value: string | undefined,
): Command {
  const entry = componentEntry(scene, id);
  const properties = { ...entry.item.properties };
  if (value === undefined) delete properties[name];
  else properties[name] = value;
  return setComponentFields(scene, id, { properties }, "Set property");
}

/** Sets the sheet's size and orientation (an undoable edit like any other). */
export function setSheet(scene: Scene, sheet: Sheet): Command {
  const before = scene.schematic.sheet;
  return {
    label: "Set sheet",
    changes: [{ op: "document", before: { sheet: before }, after: { sheet } }],
  };
}

/** Sets the title block's fields; typing into one field merges into one history entry per field. */
export function setTitleBlock(scene: Scene, fields: Partial<TitleBlock>): Command {
  const before = scene.schematic.title_block;
  const after = { ...before, ...fields };
  return {
    label: "Set title block",
    changes: [{ op: "document", before: { title_block: before }, after: { title_block: after } }],
  };
}

/** Sets a component's unit (of a multi-unit symbol such as a dual op amp): its pins change with it. */
export function setUnit(scene: Scene, id: string, unit: number): Command {
  return setComponentFields(scene, id, { unit }, "Set unit");
}

/** Sets a label's text. */
export function setLabelText(scene: Scene, id: string, text: string): Command {
  const entry = scene.get(id);
  if (entry?.kind !== "label") throw new Error(`no label ${id}`);
  return {
    label: "Set label",
    changes: [{ op: "replace", before: entry, after: withItem(entry, { text }) }],
  };
}

function componentEntry(scene: Scene, id: string): SceneItem & { kind: "component" } {
  const entry = scene.get(id);
  if (entry?.kind !== "component") throw new Error(`no component ${id}`);
  return entry;
}

function setComponentFields(
  scene: Scene,
  id: string,
  fields: Partial<Component>,
  label: string,
): Command {
  const entry = componentEntry(scene, id);
  return { label, changes: [{ op: "replace", before: entry, after: withItem(entry, fields) }] };
}

import type { Component, Junction, Label, NoConnect, Schematic, Wire, XY } from "./schematic";
import { emptySchematic } from "./schematic";

/** An item of the scene, tagged with its kind. */
export type SceneItem =
  | { readonly kind: "component"; readonly item: Component }
  | { readonly kind: "wire"; readonly item: Wire }
  | { readonly kind: "junction"; readonly item: Junction }
  | { readonly kind: "label"; readonly item: Label }
  | { readonly kind: "no_connect"; readonly item: NoConnect };

export type ItemKind = SceneItem["kind"];

/** The schematic array holding each kind. */
export const KIND_FIELDS = {
  component: "components",
  wire: "wires",
  junction: "junctions",
  label: "labels",
  no_connect: "no_connects",
} as const satisfies Record<ItemKind, keyof Schematic>;

export const ITEM_KINDS: readonly ItemKind[] = [
  "component",
  "wire",
  "junction",
  "label",
  "no_connect",
];

/**
 * One primitive edit. Removals and insertions carry their array index so that reverting puts every item
 * back where it was: undo restores the document exactly, order included.
 */
export type Change =
  | { readonly op: "insert"; readonly entry: SceneItem; readonly index: number }
  | { readonly op: "remove"; readonly entry: SceneItem; readonly index: number }
  | { readonly op: "replace"; readonly before: SceneItem; readonly after: SceneItem }
  | { readonly op: "document"; readonly before: DocumentFields; readonly after: DocumentFields };

/** The document's own settings (not items): its sheet and title block, edited like any item. */
export type DocumentFields = Pick<Schematic, "sheet" | "title_block">;

interface Located {
  readonly kind: ItemKind;
  readonly index: number;
}

/**
 * The schematic being edited plus an id lookup. Immutable: every operation returns a new scene and shares
 * the untouched items with the old one.
 */
export class Scene {
  readonly schematic: Schematic;
  private located: Map<string, Located> | undefined;

  private constructor(schematic: Schematic) {
    this.schematic = schematic;
  }

  /** A scene over `schematic`; missing item arrays read as empty ones. */
  static from(schematic: Partial<Schematic> & Pick<Schematic, "format" | "version">): Scene {
    return new Scene({ ...emptySchematic(), ...schematic });
  }

  static empty(): Scene {
    return new Scene(emptySchematic());
  }

  /** The item with this id, if any. */
  get(id: string): SceneItem | undefined {
    const found = this.index().get(id);
    if (found === undefined) return undefined;
    return entryAt(this.schematic, found.kind, found.index);
  }

  has(id: string): boolean {
    return this.index().has(id);
  }

  /** Array index of the item with this id within its kind's array. */
  indexOf(id: string): number | undefined {
    return this.index().get(id)?.index;
  }

  /** Every item, kind by kind, in document order. */
  *entries(): IterableIterator<SceneItem> {
    const s = this.schematic;
    for (const item of s.components) yield { kind: "component", item };
    for (const item of s.wires) yield { kind: "wire", item };
    for (const item of s.junctions) yield { kind: "junction", item };
    for (const item of s.labels) yield { kind: "label", item };
    for (const item of s.no_connects) yield { kind: "no_connect", item };
  }

  /** Every id in the scene, in document order. */
  ids(): string[] {
    return [...this.entries()].map((entry) => entry.item.id);
  }

  /** The scene after applying `changes` in order. */
  apply(changes: readonly Change[]): Scene {
    if (changes.length === 0) return this;
    const arrays = new Map<ItemKind, unknown[]>();
    let document: DocumentFields = {};
    const array = (kind: ItemKind): unknown[] => {
      let found = arrays.get(kind);
      if (found === undefined) {
        found = [...this.schematic[KIND_FIELDS[kind]]];
        arrays.set(kind, found);
      }
      return found;
    };
    for (const change of changes) {
      if (change.op === "document") {
        document = { ...document, ...change.after };
      } else if (change.op === "insert") {
        array(change.entry.kind).splice(change.index, 0, change.entry.item);
      } else if (change.op === "remove") {
        const items = array(change.entry.kind);
        if (items[change.index] !== change.entry.item) {
          throw new Error(`remove: ${change.entry.item.id} is not at index ${change.index}`);
        }
        items.splice(change.index, 1);
      } else {
        const items = array(change.before.kind);
        const index = items.indexOf(change.before.item);
        if (index < 0 || change.after.kind !== change.before.kind) {
          throw new Error(`replace: ${change.before.item.id} is not in the scene`);
        }
        items[index] = change.after.item;
      }
    }
    const next: Record<string, unknown> = { ...this.schematic, ...document };
    for (const [kind, items] of arrays) next[KIND_FIELDS[kind]] = items;
    for (const key of ["sheet", "title_block"] as const) {
      if (key in next && next[key] === undefined) delete next[key];
    }
    return new Scene(next as unknown as Schematic);
  }

  private index(): Map<string, Located> {
    if (this.located === undefined) {
      const located = new Map<string, Located>();
      for (const kind of ITEM_KINDS) {
        this.schematic[KIND_FIELDS[kind]].forEach((item, index) =>
          located.set(item.id, { kind, index }),
        );
      }
      this.located = located;
    }
    return this.located;
  }
}

function entryAt(schematic: Schematic, kind: ItemKind, index: number): SceneItem | undefined {
  const item = schematic[KIND_FIELDS[kind]][index];
  return item === undefined ? undefined : ({ kind, item } as SceneItem);
}

/** The changes that undo `changes`. */
export function invertChanges(changes: readonly Change[]): Change[] {
  return changes
    .map((change): Change => {
      if (change.op === "insert") return { op: "remove", entry: change.entry, index: change.index };
      if (change.op === "remove") return { op: "insert", entry: change.entry, index: change.index };
      if (change.op === "document")
        return { op: "document", before: change.after, after: change.before };
      return { op: "replace", before: change.after, after: change.before };
    })
    .reverse();
}

/** The points that place an item: a component's origin, a wire's vertices, the others' positions. */
export function anchorPoints(entry: SceneItem): readonly XY[] {
  return entry.kind === "wire" ? entry.item.points : [entry.item.position];
}

/** The same item with new fields, keeping its kind. */
export function withItem<E extends SceneItem>(entry: E, changes: Partial<E["item"]>): E {
  return { kind: entry.kind, item: { ...entry.item, ...changes } } as E;
}

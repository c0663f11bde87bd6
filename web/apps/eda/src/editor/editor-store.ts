/**
 * The editor's state outside React: the undo history over the scene, the selection and whether the
 * document changed since it was saved. Components subscribe with `useSyncExternalStore` and call its
 * methods; every edit is a core command through `History`.
 */
import {
  copySelection,
  cutSelection,
  deleteSelection,
  duplicateSelection,
  History,
  mirrorSelection,
  pasteText,
  rotateSelection,
  Scene,
  Selection,
  type Command,
  type Schematic,
  type SymbolLookup,
  type XY,
} from "@ohmcloud/canvas";

export interface EditorSnapshot {
  readonly scene: Scene;
  readonly selection: Selection;
  readonly dirty: boolean;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** Counts the changes not made by a command of the editor's own (undo, redo, load): forms re-read. */
  readonly revision: number;
  /** Counts the documents loaded (new, open, example): the view fits a new document. */
  readonly documents: number;
}

/** A fresh object id (the format allows `A-Z a-z 0-9 _ . : -`). */
export function newId(): string {
  const random = globalThis.crypto?.randomUUID?.();
  return random ?? `id-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export class EditorStore {
  private history: History;
  private selection = Selection.empty();
  private saved: Scene;
  private snapshot: EditorSnapshot;
  private readonly listeners = new Set<() => void>();
  /** The clipboard when `navigator.clipboard` is unavailable or refuses. */
  private memoryClipboard: string | undefined;
  private revision = 0;
  private documents = 0;
  symbols: SymbolLookup;

  constructor(scene: Scene = Scene.empty(), symbols: SymbolLookup = () => undefined) {
    this.history = new History(scene);
    this.saved = scene;
    this.symbols = symbols;
    this.snapshot = this.makeSnapshot();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): EditorSnapshot => this.snapshot;

  get scene(): Scene {
    return this.history.scene;
  }

  get selected(): Selection {
    return this.selection;
  }

  /** Applies a command (undoable); `select` replaces the selection afterwards. */
  dispatch(command: Command, select?: Iterable<string>): void {
    this.history.do(command);
    if (select !== undefined) this.selection = new Selection(select);
    this.selection = this.selection.prune(this.history.scene);
    this.changed();
  }

  /** Ends a merge run (a drag's pointer-up, leaving a text field). */
  seal(): void {
    this.history.seal();
  }

  undo(): void {
    this.revision++;
    this.history.undo();
    this.selection = this.selection.prune(this.history.scene);
    this.changed();
  }

  redo(): void {
    this.revision++;
    this.history.redo();
    this.selection = this.selection.prune(this.history.scene);
    this.changed();
  }

  select(selection: Selection): void {
    this.selection = selection;
    this.changed();
  }

  /** Replaces the document (New, Open, an example): a fresh history, nothing to save. */
  load(schematic: Schematic | Scene, dirty = false): void {
    const scene = schematic instanceof Scene ? schematic : Scene.from(schematic);
    this.revision++;
    this.documents++;
    this.history = new History(scene);
    this.saved = dirty ? Scene.empty() : scene;
    this.selection = Selection.empty();
    this.changed();
  }

  markSaved(): void {
    this.saved = this.history.scene;
    this.changed();
  }

  rotate(): void {
    if (this.selection.size > 0) {
      this.dispatch(rotateSelection(this.scene, this.selection.ids, this.symbols));
    }
  }

  mirror(axis: "x" | "y"): void {
    if (this.selection.size > 0) {
      this.dispatch(mirrorSelection(this.scene, this.selection.ids, axis, this.symbols));
    }
  }

  deleteSelected(): void {
    if (this.selection.size > 0) this.dispatch(deleteSelection(this.scene, this.selection.ids));
  }

  /** The selection as schematic JSON, also kept in the in-memory clipboard. */
  copy(): string | undefined {
    if (this.selection.size === 0) return undefined;
    const text = copySelection(this.scene, this.selection.ids, this.symbols);
    this.memoryClipboard = text;
    return text;
  }

  cut(): string | undefined {
    if (this.selection.size === 0) return undefined;
    const { text, command } = cutSelection(this.scene, this.selection.ids, this.symbols);
    this.memoryClipboard = text;
    this.dispatch(command);
    return text;
  }

  /** Pastes `text` (else the in-memory clipboard) moved by `offset`; false when it is not a schematic. */
  paste(text: string | undefined, offset: XY = [100, 100]): boolean {
    const source = text ?? this.memoryClipboard;
    if (source === undefined) return false;
    try {
      const { command, ids } = pasteText(this.scene, source, offset, newId);
      this.dispatch(command, ids);
      return true;
    } catch {
      return false;
    }
  }

  get clipboardText(): string | undefined {
    return this.memoryClipboard;
  }

  duplicate(): void {
    if (this.selection.size === 0) return;
    const { command, ids } = duplicateSelection(
      this.scene,
      this.selection.ids,
      [100, 100],
      this.symbols,
      newId,
    );
    this.dispatch(command, ids);
  }

  /** Re-renders after the symbol lookup learnt new symbols. */
  refresh(): void {
    this.changed();
  }

  private makeSnapshot(): EditorSnapshot {
    return {
      scene: this.history.scene,
      selection: this.selection,
      dirty: this.history.scene !== this.saved,
      canUndo: this.history.canUndo,
      canRedo: this.history.canRedo,
      revision: this.revision,
      documents: this.documents,
    };
  }

  private changed(): void {
    this.snapshot = this.makeSnapshot();
    for (const listener of this.listeners) listener();
  }
}

/** The next free reference for `prefix` (`R` → `R3` when R1 and R2 exist; `#PWR` → `#PWR04`). */
export function nextReference(scene: Scene, prefix: string): string {
  const clean = prefix.replace(/[^A-Za-z0-9_#]/g, "") || "U";
  let highest = 0;
  for (const component of scene.schematic.components) {
    if (!component.reference.startsWith(clean)) continue;
    const rest = component.reference.slice(clean.length);
    if (/^\d+$/.test(rest)) highest = Math.max(highest, Number(rest));
  }
  const number = String(highest + 1);
  return clean + (clean.startsWith("#") ? number.padStart(2, "0") : number);
}

/** The reference prefix of a symbol id when the library did not say (`Device:R` → `R`). */
export function guessPrefix(symbol: string): string {
  if (symbol.startsWith("power:")) return "#PWR";
  const name = symbol.split(":").slice(1).join(":");
  const letter = /^[A-Za-z]/.exec(name)?.[0]?.toUpperCase();
  return letter ?? "U";
}

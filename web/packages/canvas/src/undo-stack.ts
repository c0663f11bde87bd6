/**
 * Undo and redo over immutable states (an editor document that every edit replaces rather than
 * mutates). Each entry is a state the edit produced, with a label for the menu; unchanged parts are
 * shared between states, so keeping them is cheap. Consecutive edits with the same `mergeKey` (the
 * steps of one drag) make one entry until `seal()`. For the schematic's change-log history, see
 * `History`.
 */
export class UndoStack<T> {
  private past: { state: T; label: string }[] = [];
  private future: { state: T; label: string }[] = [];
  private present: T;
  private presentLabel = "";
  private openMerge: string | undefined;

  /** `limit`: how many undo steps are kept (the oldest are dropped). */
  constructor(
    initial: T,
    private readonly limit = 200,
  ) {
    this.present = initial;
  }

  get current(): T {
    return this.present;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** What Undo would take back ("Move"), or null. */
  get undoLabel(): string | null {
    return this.canUndo ? this.presentLabel : null;
  }

  /** What Redo would do again, or null. */
  get redoLabel(): string | null {
    return this.future.at(-1)?.label ?? null;
  }

  /**
   * Makes `next` the current state as the edit `label`; drops what could be redone. Returns the
   * current state. A `next` identical to the current state is no edit.
   */
  push(next: T, label: string, mergeKey?: string): T {
    if (Object.is(next, this.present)) return this.present;
    if (mergeKey === undefined || mergeKey !== this.openMerge || this.past.length === 0) {
      this.past.push({ state: this.present, label: this.presentLabel });
      if (this.past.length > this.limit) this.past.shift();
    }
    this.present = next;
    this.presentLabel = label;
    this.future = [];
    this.openMerge = mergeKey;
    return this.present;
  }

  /** Ends the current merge run (a drag's pointer-up): the next edit is an entry of its own. */
  seal(): void {
    this.openMerge = undefined;
  }

  undo(): T {
    const previous = this.past.pop();
    if (previous !== undefined) {
      this.future.push({ state: this.present, label: this.presentLabel });
      this.present = previous.state;
      this.presentLabel = previous.label;
    }
    this.openMerge = undefined;
    return this.present;
  }

  redo(): T {
    const next = this.future.pop();
    if (next !== undefined) {
      this.past.push({ state: this.present, label: this.presentLabel });
      this.present = next.state;
      this.presentLabel = next.label;
    }
    this.openMerge = undefined;
    return this.present;
  }

  /** Starts afresh from `state` (a file opened): nothing to undo or redo. */
  reset(state: T): void {
    this.past = [];
    this.future = [];
    this.present = state;
    this.presentLabel = "";
    this.openMerge = undefined;
  }
}

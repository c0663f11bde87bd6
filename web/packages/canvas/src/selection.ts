import type { Scene } from "./scene";

/** The selected item ids. Immutable: every operation returns a new selection. */
export class Selection {
  readonly ids: ReadonlySet<string>;

  constructor(ids: Iterable<string> = []) {
    this.ids = new Set(ids);
  }

  static empty(): Selection {
    return new Selection();
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  get size(): number {
    return this.ids.size;
  }

  /**
   * A click on `id` (undefined: on empty space). Plain: select only it (or nothing); with shift: toggle
   * it and keep the rest.
   */
  click(id: string | undefined, shift = false): Selection {
    if (!shift) return new Selection(id === undefined ? [] : [id]);
    if (id === undefined) return this;
    const ids = new Set(this.ids);
    if (ids.has(id)) ids.delete(id);
    else ids.add(id);
    return new Selection(ids);
  }

  /** A box selection of `ids`: replaces the selection, or with shift adds to it. */
  box(ids: Iterable<string>, shift = false): Selection {
    return new Selection(shift ? [...this.ids, ...ids] : ids);
  }

  /** Every item of the scene. */
  static all(scene: Scene): Selection {
    return new Selection(scene.ids());
  }

  /** Drops ids no longer in the scene (after an undo, say). */
  prune(scene: Scene): Selection {
    return new Selection([...this.ids].filter((id) => scene.has(id)));
  }
}

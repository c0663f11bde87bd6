/**
 * A cache of results computed from a `PartContext`, keyed by what the computation read from it.
 * A circuit's resolution is a pure function of the live state its parts read (each MCU pin's drive,
 * a button held down, a control), and a running sketch keeps going back to the same few states
 * (an LCD's data nibbles, a servo's pulse), so resolving once per state and looking it up afterwards
 * saves most of the work of a pin change. The cache is a decision tree: each node names the read the
 * computation made next, and the value read picks the child. A lookup replays those reads on the
 * live context; a miss computes through a recording context and adds its path.
 */
import type { PartContext } from "./circuit";

type ReadValue = string | number | boolean | undefined;

interface MemoNode<T> {
  /** The next read the computation made at this point; undefined at a leaf. */
  read?: (context: PartContext) => ReadValue;
  readonly next: Map<ReadValue, MemoNode<T>>;
  result?: T;
}

/**
 * More distinct states than this (e.g. a slider moved through every position): start afresh. The
 * LCD + servo benchmark sketch goes through 114 states in 20,000 resolutions; a resolution of a
 * circuit with a full breadboard holds some tens of kB.
 */
export const CONTEXT_MEMO_CAPACITY = 256;

export class ContextMemo<T> {
  private root: MemoNode<T> = newNode();
  private size = 0;
  /** The context the tree was recorded on: another one may answer (or offer) other reads. */
  private context: PartContext | null = null;

  /**
   * `compute(context)`'s result, computed again only for reads not seen before. `compute` must
   * depend on nothing but what it reads from the context it is given (and on fixed data).
   */
  get(context: PartContext, compute: (context: PartContext) => T): T {
    if (context !== this.context) {
      this.root = newNode();
      this.size = 0;
      this.context = context;
    }
    let node = this.root;
    while (node.read) {
      const child = node.next.get(node.read(context));
      if (!child) return this.computeAndStore(context, compute);
      node = child;
    }
    return node.result !== undefined ? node.result : this.computeAndStore(context, compute);
  }

  private computeAndStore(context: PartContext, compute: (context: PartContext) => T): T {
    const reads: { read: (context: PartContext) => ReadValue; value: ReadValue }[] = [];
    const record = <V extends ReadValue>(read: (context: PartContext) => V): V => {
      const value = read(context);
      reads.push({ read, value });
      return value;
    };
    const recording: PartContext = {
      mcuDrive: (component, pin) => record((c) => c.mcuDrive(component, pin)),
      isClosed: (component) => record((c) => c.isClosed(component)),
    };
    if (context.control)
      recording.control = (component, name) => record((c) => c.control!(component, name));
    const result = compute(recording);

    if (this.size >= CONTEXT_MEMO_CAPACITY) {
      this.root = newNode();
      this.size = 0;
    }
    let node = this.root;
    for (const { read, value } of reads) {
      node.read ??= read; // a pure computation makes the same read here on every path
      let child = node.next.get(value);
      if (!child) node.next.set(value, (child = newNode()));
      node = child;
    }
    node.result = result;
    this.size++;
    return result;
  }
}

function newNode<T>(): MemoNode<T> {
  return { next: new Map() };
}

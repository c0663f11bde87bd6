/**
 * What the workspace connects electrically: drawn wires, part legs in breadboard holes (found from
 * the geometry, never stored) and, through avr-sim's circuit model, breadboard strips and rails.
 * `circuitOf` is the circuit the simulator runs; `netOf` is what a hover highlights.
 */
import {
  PART_CATALOG,
  PreparedCircuit,
  type Circuit,
  type PartContext,
  type PinRef,
} from "@ohmcloud/avr-sim";
import type { Point, WorkspaceDoc } from "./document";
import { HOLE_TOLERANCE, placedPins } from "./geometry";
import { isKnownKind, kindInfo } from "./kinds";

/** Points bucketed by cell, to find the one near a point without scanning them all. */
class PointBuckets<T> {
  private readonly cells = new Map<string, { at: Point; value: T }[]>();
  constructor(private readonly cell: number) {}

  private key(cx: number, cy: number) {
    return `${cx},${cy}`;
  }

  add(at: Point, value: T): void {
    const key = this.key(Math.floor(at.x / this.cell), Math.floor(at.y / this.cell));
    const list = this.cells.get(key);
    if (list) list.push({ at, value });
    else this.cells.set(key, [{ at, value }]);
  }

  /** The nearest value within `radius` (≤ the cell size) of `at`. */
  nearest(at: Point, radius: number): T | undefined {
    const cx = Math.floor(at.x / this.cell);
    const cy = Math.floor(at.y / this.cell);
    let best: { value: T; distance: number } | undefined;
    for (let x = cx - 1; x <= cx + 1; x++)
      for (let y = cy - 1; y <= cy + 1; y++)
        for (const entry of this.cells.get(this.key(x, y)) ?? []) {
          const distance = Math.hypot(entry.at.x - at.x, entry.at.y - at.y);
          if (distance <= radius && (!best || distance < best.distance))
            best = { value: entry.value, distance };
        }
    return best?.value;
  }
}

const plugsIn = (kind: string) => isKnownKind(kind) && kindInfo(kind).plugsIntoBreadboard;

/**
 * Every part pin lying on a breadboard hole (within 2 units), as `[leg, hole]` pin refs in part
 * order. Breadboards' own holes and the socket headers of the Uno and Mega do not plug in.
 */
export function legJoins(doc: WorkspaceDoc): [PinRef, PinRef][] {
  const holes = new PointBuckets<PinRef>(HOLE_TOLERANCE * 2);
  for (const part of doc.parts)
    if (part.kind === "breadboard") for (const pin of placedPins(part)) holes.add(pin.at, pin.ref);
  const joins: [PinRef, PinRef][] = [];
  for (const part of doc.parts) {
    if (!plugsIn(part.kind)) continue;
    for (const pin of placedPins(part)) {
      const hole = holes.nearest(pin.at, HOLE_TOLERANCE);
      if (hole !== undefined) joins.push([pin.ref, hole]);
    }
  }
  return joins;
}

/** The complete electrical circuit: every part, the drawn wires, then the leg joins. */
export function circuitOf(doc: WorkspaceDoc): Circuit {
  return {
    components: doc.parts.map(({ id, kind, props }) =>
      props === undefined ? { id, kind } : { id, kind, props },
    ),
    wires: [...doc.wires.map((w) => [w.from, w.to] as const), ...legJoins(doc)],
  };
}

export interface Net {
  readonly pins: ReadonlySet<PinRef>;
  /** Ids of the drawn wires on the net. */
  readonly wires: ReadonlySet<string>;
}

/** The circuit at rest: sketches not running (pins inputs), buttons up, controls at their props. */
const AT_REST: PartContext = { mcuDrive: () => "input", isClosed: () => false };

const netCache = new WeakMap<WorkspaceDoc, (pin: PinRef) => Net>();

function netsOf(doc: WorkspaceDoc): (pin: PinRef) => Net {
  let lookup = netCache.get(doc);
  if (lookup) return lookup;
  let nets: Net[] = [];
  let indexOf: (pin: PinRef) => number | undefined = () => undefined;
  try {
    const resolution = new PreparedCircuit(circuitOf(doc), PART_CATALOG).resolve(AT_REST);
    nets = resolution.nets.map((pins) => {
      const set = new Set(pins);
      const wires = new Set(doc.wires.filter((w) => set.has(w.from)).map((w) => w.id));
      return { pins: set, wires };
    });
    indexOf = (pin) => resolution.netOf(pin);
  } catch {
    // A part with props avr-sim refuses (a resistor of 0 Ω): no nets to show until it is fixed.
  }
  lookup = (pin) => {
    const index = indexOf(pin);
    return index === undefined ? { pins: new Set([pin]), wires: new Set() } : nets[index]!;
  };
  netCache.set(doc, lookup);
  return lookup;
}

/**
 * The pins and drawn wires statically connected to `pin` (wires, legs in holes, breadboard strips
 * and rails, parts' internal joins; not through resistors, open buttons or running sketches).
 * Cached per document, so hovering is cheap.
 */
export function netOf(doc: WorkspaceDoc, pin: PinRef): Net {
  return netsOf(doc)(pin);
}

/**
 * The workspace document ↔ the project file's `circuit` and `layout` (docs/formats/arduino-project.md).
 * Saving writes the complete circuit (drawn wires, then the legs in breadboard holes) and where each
 * part and drawn wire is. Loading follows the format's rules: a wire with a layout entry is drawn;
 * one without is a leg-in-hole join when the geometry puts that leg in that hole, else a straight
 * wire in its default colour. Parts without a position are placed automatically: on the breadboard
 * where the circuit plugs them in, if they fit there, else in free space.
 */
import { splitPinRef, type Circuit, type PinRef } from "@ohmcloud/avr-sim";
import type { LayoutWire, ProjectLayout } from "../../project/project-file";
import { circuitOf, legJoins } from "./connections";
import {
  freshId,
  ROTATIONS,
  type DrawnWire,
  type PlacedPart,
  type Point,
  type WorkspaceDoc,
} from "./document";
import { defaultWireColor } from "./edits";
import { pinPosition, rotateInBox, partGeometry } from "./geometry";
import { kindInfo } from "./kinds";
import { autoPlace } from "./placement";

/** The project file's `circuit` and `layout` for a workspace document. */
export function projectCircuitOf(doc: WorkspaceDoc): { circuit: Circuit; layout: ProjectLayout } {
  const circuit = circuitOf(doc);
  const drawn = doc.wires.map((wire): LayoutWire => ({
    color: wire.color,
    points: wire.points.map((p) => [p.x, p.y] as const),
    id: wire.id,
  }));
  const joins = circuit.wires.slice(doc.wires.length).map(() => null);
  return {
    circuit,
    layout: {
      parts: Object.fromEntries(
        doc.parts.map(({ id, x, y, rotation }) => [id, { x, y, rotation }] as const),
      ),
      wires: [...drawn, ...joins],
    },
  };
}

const joinKey = (a: PinRef, b: PinRef) => (a < b ? `${a} ${b}` : `${b} ${a}`);

/** The workspace document for a project file's circuit and optional layout. */
export function docFromProject(circuit: Circuit, layout?: ProjectLayout): WorkspaceDoc {
  const byId = new Map(circuit.components.map((c) => [c.id, c]));
  const placed: PlacedPart[] = [];
  const place = (part: PlacedPart) => placed.push(part);
  const asPart = (id: string, at: Point, rotation: PlacedPart["rotation"]): PlacedPart => {
    const { kind, props } = byId.get(id)!;
    return props === undefined
      ? { id, kind, x: at.x, y: at.y, rotation }
      : { id, kind, x: at.x, y: at.y, rotation, props };
  };
  for (const { id } of circuit.components) {
    const spot = layout?.parts[id];
    if (spot) place(asPart(id, spot, spot.rotation));
  }
  const unplaced = circuit.components.filter((c) => !layout?.parts[c.id]);
  // Breadboards first, so parts the circuit plugs into them can be put there.
  for (const { id, kind, props } of unplaced.filter((c) => c.kind === "breadboard"))
    place(asPart(id, autoPlace({ parts: placed, wires: [] }, kind, props), 0));
  for (const component of unplaced.filter((c) => c.kind !== "breadboard")) {
    const doc = { parts: placed, wires: [] };
    place(
      plugIn(doc, asPart(component.id, { x: 0, y: 0 }, 0), circuit) ??
        asPart(component.id, autoPlace(doc, component.kind, component.props), 0),
    );
  }
  const order = new Map(circuit.components.map((c, index) => [c.id, index]));
  const parts = placed.sort((a, b) => order.get(a.id)! - order.get(b.id)!);

  const withParts: WorkspaceDoc = { parts, wires: [] };
  const joins = new Set(legJoins(withParts).map(([a, b]) => joinKey(a, b)));
  const taken = new Set(
    (layout?.wires ?? []).flatMap((wire) => (wire?.id === undefined ? [] : [wire.id])),
  );
  const wires: DrawnWire[] = [];
  circuit.wires.forEach(([from, to], index) => {
    const entry = layout?.wires[index] ?? null;
    if (entry === null && joins.has(joinKey(from, to))) return;
    const id = entry?.id ?? freshId({ parts, wires }, "w", taken);
    taken.add(id);
    wires.push({
      id,
      from,
      to,
      points: entry ? entry.points.map(([x, y]) => ({ x, y })) : [],
      color: entry?.color ?? defaultWireColor(withParts, from, to),
    });
  });
  return { parts, wires };
}

/**
 * `part` placed on a breadboard of `doc` so that its legs go into the holes the circuit wires them
 * to — and into no others — trying each rotation; null when it fits nowhere (or is wired to no hole).
 */
function plugIn(doc: WorkspaceDoc, part: PlacedPart, circuit: Circuit): PlacedPart | null {
  if (!kindInfo(part.kind).plugsIntoBreadboard) return null;
  const boards = new Map(doc.parts.filter((p) => p.kind === "breadboard").map((p) => [p.id, p]));
  const wanted = new Set<string>();
  let anchor: { pin: string; hole: Point } | undefined;
  for (const [a, b] of circuit.wires)
    for (const [leg, hole] of [
      [a, b],
      [b, a],
    ] as const) {
      const legEnd = splitPinRef(leg);
      const holeEnd = splitPinRef(hole);
      const board = boards.get(holeEnd.component);
      if (legEnd.component !== part.id || !board) continue;
      wanted.add(joinKey(leg, hole));
      anchor ??= { pin: legEnd.pin, hole: pinPosition(board, holeEnd.pin) };
    }
  if (!anchor) return null;
  const geometry = partGeometry(part);
  const local = geometry.pins.find((pin) => pin.name === anchor.pin);
  if (!local) return null;
  let best: { part: PlacedPart; matched: number } | null = null;
  for (const rotation of ROTATIONS) {
    const turned = rotateInBox(local, geometry, rotation);
    const candidate = {
      ...part,
      rotation,
      x: anchor.hole.x - turned.x,
      y: anchor.hole.y - turned.y,
    };
    const joins = legJoins({ parts: [...doc.parts, candidate], wires: [] }).filter(
      ([leg]) => splitPinRef(leg).component === part.id,
    );
    if (!joins.every(([leg, hole]) => wanted.has(joinKey(leg, hole)))) continue;
    if (!best || joins.length > best.matched) best = { part: candidate, matched: joins.length };
  }
  return best?.part ?? null;
}

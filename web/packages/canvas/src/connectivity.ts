/**
 * Nets from geometry, the same rules as the server's `schematic/connectivity.py` (KiCad's, single sheet):
 *
 * - A wire connects all its vertices.
 * - Every connection point joins every wire segment it lies on, at an end or inside, whatever the slope:
 *   wire vertices (T-connections), pins, labels, junctions and no-connect flags. Wires that only cross stay
 *   apart; a junction at the crossing joins them.
 * - Items at one point are connected; labels with the same text are one net; power symbols with the same
 *   name are one net (flags, whose pins are all power outputs, name none); a hidden power-input pin of an
 *   ordinary symbol joins the net named after the pin.
 *
 * Net names: the smallest label text (global labels first), else the smallest power name, else `N$<n>`
 * numbered in the order of each net's first pin (natural order of reference, then pin number).
 */
import type { Scene } from "./scene";
import type { Label, SymbolLookup, SymbolPins, XY } from "./schematic";
import { placedPins } from "./schematic";

export interface PinRef {
  readonly componentId: string;
  readonly reference: string;
  readonly number: string;
  readonly name: string;
  readonly position: XY;
  /** A pin of a power or flag symbol (not a part of the circuit). */
  readonly power: boolean;
}

export interface Net {
  readonly name: string;
  /** In natural order of reference, then pin number. */
  readonly pins: readonly PinRef[];
  readonly wires: readonly string[];
  readonly labels: readonly string[];
  readonly labelNames: readonly string[];
  readonly powerNames: readonly string[];
  readonly isGround: boolean;
}

export interface Connectivity {
  /** Named nets by name, then `N$1`, `N$2` ... */
  readonly nets: readonly Net[];
  /** `pinKey(component id, pin number)` -> index in `nets`. */
  readonly pinNets: ReadonlyMap<string, number>;
  readonly wireNets: ReadonlyMap<string, number>;
  readonly labelNets: ReadonlyMap<string, number>;
  /** Where a junction dot belongs, sorted by x then y. */
  readonly junctionDots: readonly XY[];
}

const GROUND_NAMES = new Set(["GND", "0"]);

/** The key of a pin in `Connectivity.pinNets`. */
export function pinKey(componentId: string, pinNumber: string): string {
  return `${componentId}\u0000${pinNumber}`;
}

/** The net of a component's pin, if the pin exists. */
export function netOfPin(
  connectivity: Connectivity,
  componentId: string,
  pinNumber: string,
): Net | undefined {
  const index = connectivity.pinNets.get(pinKey(componentId, pinNumber));
  return index === undefined ? undefined : connectivity.nets[index];
}

/** The net a power symbol names (its value, else the library default), or null for a flag symbol. */
export function powerName(
  value: string | undefined,
  symbolId: string,
  symbol: SymbolPins,
): string | null {
  if (symbol.pins.length > 0 && symbol.pins.every((pin) => pin.electrical_type === "power_out")) {
    return null;
  }
  const name = (value ?? "").trim() || (symbol.default_value ?? "").trim();
  return name || symbolId.split(":").slice(1).join(":") || symbolId;
}

/** Natural-order sort key: R2 before R10 (the server's `natural_key`). */
export function naturalKey(text: string): (number | string)[][] {
  return (text.match(/\d+|\D+/g) ?? []).map((part) =>
    /^\d/.test(part) ? [0, Number(part), part] : [1, 0, part],
  );
}

type Sortable = number | string | readonly Sortable[];

/** Compares like Python tuples: element by element, a shorter prefix first. */
export function compareKeys(a: Sortable, b: Sortable): number {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const order = compareKeys(a[i] as Sortable, b[i] as Sortable);
      if (order !== 0) return order;
    }
    return a.length - b.length;
  }
  if (typeof a === "number" && typeof b === "number") return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

class UnionFind {
  readonly parent: number[] = [];

  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }

  find(item: number): number {
    const parent = this.parent;
    while (parent[item] !== item) {
      const up = parent[parent[item] as number] as number;
      parent[item] = up;
      item = up;
    }
    return item;
  }

  union(a: number, b: number): void {
    const x = this.find(a);
    const y = this.find(b);
    if (x !== y) this.parent[Math.max(x, y)] = Math.min(x, y);
  }
}

interface Segment {
  readonly s0: number;
  readonly s1: number;
  readonly root: number;
}

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** The segment's direction, reduced and pointing right (or down when vertical): one key per slope. */
function direction(dx: number, dy: number): [number, number] {
  const divisor = gcd(dx, dy);
  const a = dx / divisor;
  const b = dy / divisor;
  return a > 0 || (a === 0 && b > 0) ? [a, b] : [-a, -b];
}

/** The nets of the scene; components whose symbol is unknown contribute no pins. */
export function buildConnectivity(scene: Scene, symbols: SymbolLookup): Connectivity {
  const schematic = scene.schematic;
  const sets = new UnionFind();
  const points = new Map<string, { position: XY; index: number }>();
  const point = (position: XY): number => {
    const key = `${position[0]},${position[1]}`;
    let found = points.get(key);
    if (found === undefined) {
      found = { position, index: sets.add() };
      points.set(key, found);
    }
    return found.index;
  };

  // Pins, and the power names they carry.
  const pins: { pin: PinRef; index: number }[] = [];
  const pinsAt = new Map<number, number>();
  const powerGroups = new Map<string, number[]>();
  const joinGroup = (groups: Map<string, number[]>, name: string, index: number): void => {
    const group = groups.get(name);
    if (group === undefined) groups.set(name, [index]);
    else group.push(index);
  };
  for (const component of schematic.components) {
    const symbol = symbols(component.symbol);
    if (symbol === undefined) continue;
    const name = symbol.is_power ? powerName(component.value, component.symbol, symbol) : null;
    for (const { pin, position } of placedPins(component, symbol)) {
      const index = point(position);
      pins.push({
        pin: {
          componentId: component.id,
          reference: component.reference,
          number: pin.number,
          name: pin.name,
          position,
          power: symbol.is_power,
        },
        index,
      });
      pinsAt.set(index, (pinsAt.get(index) ?? 0) + 1);
      if (name !== null) {
        joinGroup(powerGroups, name, index);
      } else if (
        !symbol.is_power &&
        pin.hidden &&
        pin.electrical_type === "power_in" &&
        pin.name !== "~"
      ) {
        joinGroup(powerGroups, pin.name, index);
      }
    }
  }

  // Wires: vertices joined, segments filed by the line they lie on.
  const wireRoots: number[] = [];
  const lines = new Map<string, Map<number, Segment[]>>(); // "a,b" -> offset -> segments
  const directions = new Map<string, [number, number]>();
  const segmentEnds = new Map<number, number>();
  for (const wire of schematic.wires) {
    const vertices = wire.points.map(point);
    const root = vertices[0] as number;
    wireRoots.push(root);
    for (const vertex of vertices.slice(1)) sets.union(root, vertex);
    for (let i = 0; i + 1 < wire.points.length; i++) {
      const [x0, y0] = wire.points[i] as XY;
      const [x1, y1] = wire.points[i + 1] as XY;
      let a: number;
      let b: number;
      if (y0 === y1) {
        if (x0 === x1) continue;
        [a, b] = [1, 0];
      } else {
        [a, b] = x0 === x1 ? [0, 1] : direction(x1 - x0, y1 - y0);
      }
      const s0 = a * x0 + b * y0;
      const s1 = a * x1 + b * y1;
      const lineKey = `${a},${b}`;
      directions.set(lineKey, [a, b]);
      let byOffset = lines.get(lineKey);
      if (byOffset === undefined) lines.set(lineKey, (byOffset = new Map()));
      const offset = a * y0 - b * x0;
      let segments = byOffset.get(offset);
      if (segments === undefined) byOffset.set(offset, (segments = []));
      segments.push({ s0: Math.min(s0, s1), s1: Math.max(s0, s1), root });
      for (const vertex of [vertices[i] as number, vertices[i + 1] as number]) {
        segmentEnds.set(vertex, (segmentEnds.get(vertex) ?? 0) + 1);
      }
    }
  }

  const labelPoints = schematic.labels.map((label) => point(label.position));
  for (const junction of schematic.junctions) point(junction.position);
  for (const flag of schematic.no_connects) point(flag.position);

  // Every point joins the segments it lies on; count the segments it lies strictly inside.
  const interior = new Map<number, number>();
  for (const [lineKey, byOffset] of lines) {
    const [a, b] = directions.get(lineKey) as [number, number];
    for (const { position, index } of points.values()) {
      const [x, y] = position;
      const segments = byOffset.get(a * y - b * x);
      if (segments === undefined) continue;
      const s = a * x + b * y;
      for (const segment of segments) {
        if (s < segment.s0 || s > segment.s1) continue;
        sets.union(index, segment.root);
        if (s > segment.s0 && s < segment.s1) interior.set(index, (interior.get(index) ?? 0) + 1);
      }
    }
  }

  // Labels join by text, power symbols by name.
  const labelGroups = new Map<string, number[]>();
  schematic.labels.forEach((label, i) =>
    joinGroup(labelGroups, label.text, labelPoints[i] as number),
  );
  for (const group of [...labelGroups.values(), ...powerGroups.values()]) {
    for (const index of group.slice(1)) sets.union(group[0] as number, index);
  }

  const junctionDots: XY[] = [];
  for (const { position, index } of points.values()) {
    const ends = segmentEnds.get(index) ?? 0;
    const inside = interior.get(index) ?? 0;
    if ((ends || inside) && ends + 2 * inside + (pinsAt.get(index) ?? 0) >= 3) {
      junctionDots.push(position);
    }
  }
  junctionDots.sort((p, q) => p[0] - q[0] || p[1] - q[1]);

  return nameNets(sets, pins, wireRoots, labelPoints, powerGroups, schematic, junctionDots);
}

function nameNets(
  sets: UnionFind,
  pins: readonly { pin: PinRef; index: number }[],
  wireRoots: readonly number[],
  labelPoints: readonly number[],
  powerGroups: ReadonlyMap<string, number[]>,
  schematic: Scene["schematic"],
  junctionDots: XY[],
): Connectivity {
  const roots = sets.parent.map((_, index) => sets.find(index));
  const rootOf = (index: number): number => roots[index] as number;
  const references = sortedNatural(new Set(pins.map(({ pin }) => pin.reference)));
  const numbers = sortedNatural(new Set(pins.map(({ pin }) => pin.number)));
  const referenceRank = new Map(references.map((text, rank) => [text, rank]));
  const numberRank = new Map(numbers.map((text, rank) => [text, rank]));
  const pinOrder = (pin: PinRef): Sortable[] => [
    referenceRank.get(pin.reference) as number,
    numberRank.get(pin.number) as number,
    pin.componentId,
  ];

  const order: number[] = []; // roots in first-seen order: pins, wires, labels, power names
  const seen = new Set<number>();
  const see = (root: number): void => {
    if (!seen.has(root)) {
      seen.add(root);
      order.push(root);
    }
  };
  const pinsOf = new Map<number, PinRef[]>();
  const sortedPins = [...pins].sort((p, q) => compareKeys(pinOrder(p.pin), pinOrder(q.pin)));
  for (const { pin, index } of sortedPins) push(pinsOf, rootOf(index), pin);
  const wiresOf = new Map<number, string[]>();
  schematic.wires.forEach((wire, i) => push(wiresOf, rootOf(wireRoots[i] as number), wire.id));
  const labelsOf = new Map<number, Label[]>();
  schematic.labels.forEach((label, i) => push(labelsOf, rootOf(labelPoints[i] as number), label));
  const powerOf = new Map<number, string[]>();
  for (const [name, group] of powerGroups) push(powerOf, rootOf(group[0] as number), name);
  for (const map of [pinsOf, wiresOf, labelsOf, powerOf]) for (const root of map.keys()) see(root);

  interface Draft {
    root: number;
    key: Sortable[];
    name: string | null;
    pins: PinRef[];
    labels: Label[];
    labelNames: string[];
    powerNames: string[];
  }
  const named: Draft[] = [];
  const automatic: Draft[] = [];
  for (const root of order) {
    const pinList = pinsOf.get(root) ?? [];
    const labels = labelsOf.get(root) ?? [];
    const powerNames = [...(powerOf.get(root) ?? [])].sort(compareKeys);
    let name: string | null;
    let labelNames: string[] = [];
    if (labels.length > 0) {
      labelNames = [...new Set(labels.map((label) => label.text))].sort(compareKeys);
      const globalNames = [
        ...new Set(labels.filter((label) => label.kind === "global").map((label) => label.text)),
      ].sort(compareKeys);
      name = (globalNames.length > 0 ? globalNames : labelNames)[0] as string;
    } else {
      name = powerNames[0] ?? null;
    }
    const first = pinList[0];
    const netOrder: Sortable[] =
      first !== undefined
        ? [0, ...pinOrder(first)]
        : [
            1,
            [...(wiresOf.get(root) ?? [])].sort(compareKeys)[0] ?? "",
            labels.map((label) => label.id).sort(compareKeys)[0] ?? "",
          ];
    const draft = { root, name, pins: pinList, labels, labelNames, powerNames };
    if (name === null) automatic.push({ ...draft, key: netOrder });
    else named.push({ ...draft, key: [naturalKey(name), name, netOrder] });
  }
  named.sort((p, q) => compareKeys(p.key, q.key));
  automatic.sort((p, q) => compareKeys(p.key, q.key));

  const netOfRoot = new Map<number, number>();
  const nets: Net[] = [...named, ...automatic].map((draft, number) => {
    netOfRoot.set(draft.root, number);
    const names = [...draft.labelNames, ...draft.powerNames];
    return {
      name: draft.name ?? `N$${number + 1 - named.length}`,
      pins: draft.pins,
      wires: [...(wiresOf.get(draft.root) ?? [])].sort(compareKeys),
      labels: draft.labels.map((label) => label.id).sort(compareKeys),
      labelNames: draft.labelNames,
      powerNames: draft.powerNames,
      isGround: names.some((text) => GROUND_NAMES.has(text.toUpperCase())),
    };
  });
  const netAt = (index: number): number => netOfRoot.get(rootOf(index)) as number;
  return {
    nets,
    pinNets: new Map(
      pins.map(({ pin, index }) => [pinKey(pin.componentId, pin.number), netAt(index)]),
    ),
    wireNets: new Map(schematic.wires.map((wire, i) => [wire.id, netAt(wireRoots[i] as number)])),
    labelNets: new Map(
      schematic.labels.map((label, i) => [label.id, netAt(labelPoints[i] as number)]),
    ),
    junctionDots,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function sortedNatural(texts: Iterable<string>): string[] {
  return [...texts].sort((a, b) => compareKeys(naturalKey(a), naturalKey(b)));
}

/** Where junction dots belong: 3+ wire ends and pins at a point, a wire passing through counting twice. */
export function junctionDots(scene: Scene, symbols: SymbolLookup): readonly XY[] {
  return buildConnectivity(scene, symbols).junctionDots;
}

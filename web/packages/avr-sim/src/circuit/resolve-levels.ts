/**
 * Nets and their levels from circuit elements: union-find over the conductors, then each net's level
 * from its drivers. A net with supplies is strong (two supplies at different voltages: contention);
 * a net without, but reached through resistors or pull-ups from a driven net, is weak, its voltage
 * the conductance-weighted mean of its neighbours (a resistive divider, solved by relaxation); any
 * other net floats.
 */
import type { CircuitElement, CircuitWarning, PinRef } from "./elements";
import { UnionFind } from "./union-find";

export type Strength = "strong" | "weak" | "none";

export interface NetLevel {
  readonly strength: Strength;
  /** Volts; null while the net floats. With contention, the mean of the fighting supplies. */
  readonly volts: number | null;
}

const FLOATING: NetLevel = { strength: "none", volts: null };
const RELAXATION_STEPS = 500;
const RELAXATION_TOLERANCE = 1e-6;

export interface CircuitResolution {
  /** Every net as its pins, in the order the elements named them. */
  readonly nets: readonly (readonly PinRef[])[];
  /** Index into `nets`; undefined for a pin no element named. */
  netOf(pin: PinRef): number | undefined;
  /** A pin's net level; floating for a pin no element named. */
  levelOf(pin: PinRef): NetLevel;
  readonly levels: readonly NetLevel[];
  /** The supplies on a net, e.g. to name what drives it. */
  suppliesOf(net: number): readonly { pin: PinRef; volts: number }[];
  readonly warnings: readonly CircuitWarning[];
}

export function resolveLevels(elements: readonly CircuitElement[]): CircuitResolution {
  const sets = new UnionFind();
  for (const element of elements) {
    if (element.type === "wire" || element.type === "resistor") {
      sets.add(element.a);
      sets.add(element.b);
      if (element.type === "wire") sets.union(element.a, element.b);
    } else sets.add(element.pin);
  }
  const nets = sets.groups();
  const netIndex = new Map<PinRef, number>();
  nets.forEach((pins, index) => pins.forEach((pin) => netIndex.set(pin, index)));
  const netOf = (pin: PinRef) => netIndex.get(pin);

  const supplies = nets.map((): { pin: PinRef; volts: number }[] => []);
  const conductances = nets.map((): { to: number | null; volts: number; siemens: number }[] => []);
  const inputs: PinRef[] = [];
  // Distinct pins of parts on each net: an input alone on its net is merely unused.
  const attached = nets.map(() => new Set<PinRef>());
  for (const element of elements) {
    switch (element.type) {
      case "supply":
        supplies[netOf(element.pin)!]!.push({ pin: element.pin, volts: element.volts });
        attached[netOf(element.pin)!]!.add(element.pin);
        break;
      case "pull":
        conductances[netOf(element.pin)!]!.push({
          to: null,
          volts: element.volts,
          siemens: 1 / element.ohms,
        });
        break;
      case "resistor": {
        const a = netOf(element.a)!;
        const b = netOf(element.b)!;
        attached[a]!.add(element.a);
        attached[b]!.add(element.b);
        if (a === b) break; // shorted out: passes nothing
        conductances[a]!.push({ to: b, volts: 0, siemens: 1 / element.ohms });
        conductances[b]!.push({ to: a, volts: 0, siemens: 1 / element.ohms });
        break;
      }
      case "input":
        inputs.push(element.pin);
        attached[netOf(element.pin)!]!.add(element.pin);
        break;
      case "terminal":
        attached[netOf(element.pin)!]!.add(element.pin);
        break;
    }
  }

  const warnings: CircuitWarning[] = [];
  const volts: (number | null)[] = supplies.map((list) => strongVolts(list, warnings));
  const strong = volts.map((v) => v !== null);
  const weak = reachedThroughResistance(conductances, strong);
  for (let net = 0; net < nets.length; net++) if (weak[net]) volts[net] = 0;
  relax(conductances, volts, weak);
  const rounded = volts.map((v) => (v === null ? null : Math.round(v * 1e9) / 1e9)); // no 4.999999999

  const levels: NetLevel[] = rounded.map((v, net) =>
    strong[net]
      ? { strength: "strong", volts: v }
      : weak[net]
        ? { strength: "weak", volts: v }
        : FLOATING,
  );
  for (const pin of inputs) {
    const net = netOf(pin)!;
    // An unused pin floats too; only one wired to something is worth a warning.
    if (levels[net]!.strength === "none" && attached[net]!.size > 1)
      warnings.push({
        kind: "floating-input",
        pins: [pin],
        message: `${pin} is an input on a net nothing drives (floating): add a pull-up or pull-down resistor, or use INPUT_PULLUP`,
      });
  }
  return {
    nets,
    netOf,
    levelOf: (pin) => {
      const net = netOf(pin);
      return net === undefined ? FLOATING : levels[net]!;
    },
    levels,
    suppliesOf: (net) => supplies[net] ?? [],
    warnings,
  };
}

/** The voltage of a net's supplies, or null without any; contention (a short) is warned about. */
function strongVolts(
  list: readonly { pin: PinRef; volts: number }[],
  warnings: CircuitWarning[],
): number | null {
  if (list.length === 0) return null;
  const distinct = new Set(list.map((s) => s.volts));
  if (distinct.size > 1) {
    const sorted = [...list].sort((x, y) => y.volts - x.volts || x.pin.localeCompare(y.pin));
    warnings.push({
      kind: "contention",
      pins: sorted.map((s) => s.pin),
      message: `Short circuit: ${sorted.map((s) => `${s.pin} (${formatVolts(s.volts)})`).join(", ")} drive the same net at different levels`,
    });
  }
  return list.reduce((sum, s) => sum + s.volts, 0) / list.length;
}

export function formatVolts(volts: number): string {
  return `${Number(volts.toFixed(2))} V`;
}

/** Nets without supplies that a resistive path (resistors, pull-ups) links to some source. */
function reachedThroughResistance(
  conductances: readonly (readonly { to: number | null }[])[],
  strong: readonly boolean[],
): boolean[] {
  const reached = strong.map(() => false);
  const queue: number[] = [];
  conductances.forEach((links, net) => {
    if (!strong[net] && links.some((link) => link.to === null)) {
      reached[net] = true;
      queue.push(net);
    }
  });
  strong.forEach((isStrong, net) => isStrong && queue.push(net));
  while (queue.length) {
    const net = queue.pop()!;
    for (const { to } of conductances[net]!) {
      if (to === null || strong[to] || reached[to]) continue;
      reached[to] = true;
      queue.push(to);
    }
  }
  return reached;
}

/** Gauss–Seidel on the weak nets: each one the conductance-weighted mean of what it is linked to. */
function relax(
  conductances: readonly (readonly { to: number | null; volts: number; siemens: number }[])[],
  volts: (number | null)[],
  weak: readonly boolean[],
): void {
  for (let step = 0; step < RELAXATION_STEPS; step++) {
    let change = 0;
    for (let net = 0; net < volts.length; net++) {
      if (!weak[net]) continue;
      let current = 0;
      let siemens = 0;
      for (const link of conductances[net]!) {
        const v = link.to === null ? link.volts : volts[link.to];
        if (v === null || v === undefined) continue; // a floating neighbour carries no current
        current += link.siemens * v;
        siemens += link.siemens;
      }
      const next = siemens > 0 ? current / siemens : 0;
      change = Math.max(change, Math.abs(next - volts[net]!));
      volts[net] = next;
    }
    if (change < RELAXATION_TOLERANCE) return;
  }
}

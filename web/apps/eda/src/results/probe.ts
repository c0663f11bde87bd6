/**
 * The probe's data path: which vectors of a simulation result are a net's voltage or a part's
 * current. The editor's nets are named by the core's connectivity (the server's rules); the server
 * says which SPICE node and element the netlist made of each (`nodes`, `elements`, docs/api.md),
 * and ngspice names vectors after those, in lower case: `v(out)` for node `out`, `i(v1)` for the
 * branch current of `V1` (voltage sources and inductors). With `.options savecurrents` or
 * `.save @r1[i]` it also records device currents, `i(@r1[i])`, `i(@q1[ic])`: those are used when
 * present.
 */
import type { ProbeTarget } from "../editor/probe";
import { viewKind } from "./series";
import type { ResultPlot, ResultVector } from "./types";

/** What the probe was clicked on (the canvas's `onProbe`): a net by its connectivity name, or a part. */
export type { ProbeTarget };

/** The SPICE names of a schematic's netlist, as the server answers them with the simulation. */
export interface SpiceNames {
  /** Net name → SPICE node; ground nets are "0". */
  readonly nodes: Readonly<Record<string, string>>;
  /** Component id → SPICE element (`V1`, `XU1`). */
  readonly elements: Readonly<Record<string, string>>;
}

export type ProbeAnswer =
  | { readonly ok: true; readonly vectors: readonly string[] }
  | { readonly ok: false; readonly message: string };

export const NO_SWEEP_MESSAGE = "Run a transient, AC or DC analysis first";
export const NO_NAMES_MESSAGE =
  "Probing needs a simulation of this schematic: run one first (a raw netlist run has no nets to click).";

const GROUND_NODE = "0";

/** The node's voltage in `plot`: `v(<node>)`, or the bare node name some outputs use; any case. */
export function voltageVector(plot: ResultPlot, node: string): ResultVector | undefined {
  const bare = node.toLowerCase();
  const wrapped = `v(${bare})`;
  return (
    plot.vectors.find((v) => v.name.toLowerCase() === wrapped) ??
    plot.vectors.find((v) => v.name !== plot.scale && v.name.toLowerCase() === bare)
  );
}

/**
 * The element's current vectors in `plot`: its branch current (`i(v1)`, raw `v1#branch`) when
 * ngspice has one, else every device current recorded for it (`i(@r1[i])`; three for a BJT:
 * `[ic]`, `[ie]`, `[ib]`), in the plot's order; none when ngspice did not record it.
 */
export function currentVectors(plot: ResultPlot, element: string): ResultVector[] {
  const name = element.toLowerCase();
  const branch = plot.vectors.find((v) => {
    const lower = v.name.toLowerCase();
    return lower === `i(${name})` || lower === `${name}#branch`;
  });
  if (branch !== undefined) return [branch];
  return plot.vectors.filter((v) => {
    const lower = v.name.toLowerCase();
    const device = lower.startsWith("i(") && lower.endsWith(")") ? lower.slice(2, -1) : lower;
    return device.startsWith(`@${name}[`) && device.endsWith("]");
  });
}

/** The names a simulation answer carries (a schematic's), or null (a raw netlist's). */
export function spiceNamesOf(simulation: Partial<SpiceNames>): SpiceNames | null {
  const { nodes, elements } = simulation;
  return nodes !== undefined && elements !== undefined ? { nodes, elements } : null;
}

/** `probed` with `vectors` added, or taken away when all are probed already (a second click). */
export function toggleProbed(probed: readonly string[], vectors: readonly string[]): string[] {
  if (vectors.every((name) => probed.includes(name))) {
    return probed.filter((name) => !vectors.includes(name));
  }
  return [...probed, ...vectors.filter((name) => !probed.includes(name))];
}

/** The plots a probe can add a trace to: sweeps over time, frequency or a source (not tables). */
export function sweepPlots(plots: readonly ResultPlot[]): ResultPlot[] {
  return plots.filter((plot) => viewKind(plot) !== "table");
}

/** The vectors to show for a probe click, or why there are none (a message for the user). */
export function probeVectors(
  target: ProbeTarget,
  plots: readonly ResultPlot[],
  names: SpiceNames | null,
): ProbeAnswer {
  const sweeps = sweepPlots(plots);
  if (sweeps.length === 0) return { ok: false, message: NO_SWEEP_MESSAGE };
  if (names === null) return { ok: false, message: NO_NAMES_MESSAGE };
  return target.kind === "net"
    ? probeNet(target.net, sweeps, names)
    : probePart(target.id, target.reference, sweeps, names);
}

function probeNet(net: string, sweeps: readonly ResultPlot[], names: SpiceNames): ProbeAnswer {
  const node = names.nodes[net];
  if (node === undefined) {
    return { ok: false, message: `Net ${net} was not in the last run: simulate again.` };
  }
  if (node === GROUND_NODE) {
    return {
      ok: false,
      message: `${net} is ground: the 0 V reference every voltage is measured against.`,
    };
  }
  for (const plot of sweeps) {
    const vector = voltageVector(plot, node);
    if (vector !== undefined) return { ok: true, vectors: [vector.name] };
  }
  return { ok: false, message: `The results hold no voltage of net ${net} (v(${node})).` };
}

function probePart(
  id: string,
  reference: string,
  sweeps: readonly ResultPlot[],
  names: SpiceNames,
): ProbeAnswer {
  const element = names.elements[id];
  if (element === undefined) {
    return {
      ok: false,
      message: `${reference} was not in the last run's netlist (not simulated, or added since): simulate again.`,
    };
  }
  const found = new Set<string>();
  for (const plot of sweeps) {
    for (const vector of currentVectors(plot, element)) found.add(vector.name);
  }
  if (found.size > 0) return { ok: true, vectors: [...found] };
  if (element.toUpperCase().startsWith("X")) {
    return {
      ok: false,
      message: `${reference}'s current is not recorded: it is a subcircuit (${element}); probe the nets at its pins.`,
    };
  }
  return {
    ok: false,
    message: `${reference}'s current is not recorded: ngspice keeps the currents of voltage sources and inductors only; probe the nets at its pins.`,
  };
}

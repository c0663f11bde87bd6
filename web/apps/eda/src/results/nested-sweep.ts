/**
 * Nested `.dc` sweeps (`.dc V1 0 5 0.05 I1 10u 50u 10u`): ngspice writes one flat vector that
 * repeats the inner sweep once per outer value, and the API gives the plot's `dimensions`
 * (outermost first). The raw file does not name the outer source nor its values, so they are read
 * from the netlist that ran; without it the curves are only numbered.
 */
import { formatSi, parseSi } from "../spice/si-value";
import type { ResultPlot } from "./types";

/** How a nested plot's points split: `groups` curves of `inner` points each. */
export interface NestedShape {
  inner: number;
  groups: number;
}

/** The shape of a nested sweep, or null for a plain plot (or sizes that do not fit the data). */
export function nestedShape(plot: ResultPlot): NestedShape | null {
  const dims = plot.dimensions;
  if (!dims || dims.length < 2) return null;
  const inner = dims[dims.length - 1]!;
  const groups = dims.slice(0, -1).reduce((product, size) => product * size, 1);
  const points = plot.vectors[0]?.values.length ?? 0;
  if (inner < 1 || groups < 2 || inner * groups !== points) return null;
  return { inner, groups };
}

/** Point ranges [start, end) of each curve: one per outer value, or the whole plot. */
export function curveRanges(plot: ResultPlot): [number, number][] {
  const shape = nestedShape(plot);
  if (!shape) return [[0, plot.vectors[0]?.values.length ?? 0]];
  return Array.from({ length: shape.groups }, (_, k): [number, number] => [
    k * shape.inner,
    (k + 1) * shape.inner,
  ]);
}

/** One swept source of a `.dc` card. */
export interface DcSweep {
  source: string;
  start: number;
  stop: number;
  step: number;
}

/** A `.dc` card: its inner (first) sweep and the optional outer (second) one. */
export interface DcCard {
  inner: DcSweep;
  outer?: DcSweep;
}

/** The cards of a netlist: title line skipped, `+` continuations joined, comments dropped. */
function cards(netlist: string): string[] {
  const out: string[] = [];
  const lines = netlist.split(/\r\n|\r|\n/).slice(1);
  for (const raw of lines) {
    const line = raw.replace(/(^|\s)[;$].*$/, "").trimEnd();
    if (line.trim() === "" || line.trimStart().startsWith("*")) continue;
    if (line.trimStart().startsWith("+") && out.length > 0) {
      out[out.length - 1] += ` ${line.trimStart().slice(1)}`;
    } else {
      out.push(line.trim());
    }
  }
  return out;
}

function sweep(words: readonly string[]): DcSweep | null {
  const [source, ...numbers] = words;
  if (source === undefined || numbers.length !== 3) return null;
  const values = numbers.map((word) => parseSi(word));
  if (!values.every((v) => v.ok)) return null; // a parameter expression: not known here
  const [start, stop, step] = values.map((v) => (v.ok ? v.value : Number.NaN)) as [
    number,
    number,
    number,
  ];
  return { source: source.toLowerCase(), start, stop, step };
}

/** The `.dc` cards of a netlist whose values are plain numbers. */
export function dcCards(netlist: string): DcCard[] {
  const found: DcCard[] = [];
  for (const card of cards(netlist)) {
    const words = card.split(/[\s,]+/);
    if (words[0]?.toLowerCase() !== ".dc") continue;
    const rest = words.slice(1);
    if (rest.length !== 4 && rest.length !== 8) continue;
    const inner = sweep(rest.slice(0, 4));
    const outer = rest.length === 8 ? sweep(rest.slice(4)) : undefined;
    if (!inner || outer === null) continue;
    found.push(outer ? { inner, outer } : { inner });
  }
  return found;
}

/** How many points ngspice computes for a sweep (float error forgiven, as the server does). */
export function sweepCount(s: DcSweep): number {
  if (s.step === 0) return 0;
  const steps = (s.stop - s.start) / s.step;
  if (steps < 0) return 0;
  const nearest = Math.round(steps);
  return (Math.abs(steps - nearest) <= 1e-9 * Math.max(1, steps) ? nearest : Math.floor(steps)) + 1;
}

/** The unit of a swept source, from its name as SPICE reads it. */
export function sourceUnit(source: string): string {
  const name = source.toLowerCase();
  if (name === "temp") return "°C";
  if (name.startsWith("v")) return "V";
  if (name.startsWith("i")) return "A";
  if (name.startsWith("r")) return "Ω";
  return "";
}

/** The outer sweep of a nested plot: the source and its value for each curve. */
export interface OuterSweep {
  source: string;
  unit: string;
  values: number[];
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * The outer sweep of `plot` from the netlist that ran: the nested `.dc` card at the plot's place
 * among the nested plots of `plots` if its sizes and first inner value fit the data, else the first
 * nested card that fits; null when none does (or for a plain plot).
 */
export function outerSweep(
  plot: ResultPlot,
  plots: readonly ResultPlot[],
  netlist: string | undefined,
): OuterSweep | null {
  const shape = nestedShape(plot);
  if (!shape || !netlist) return null;
  const nested = dcCards(netlist).filter((c) => c.outer !== undefined);
  const index = plots.filter((p) => nestedShape(p) !== null).indexOf(plot);
  const ordered = index >= 0 && nested[index] ? [nested[index], ...nested] : nested;
  const first = plot.vectors.find((v) => v.name === plot.scale)?.values[0];
  const card = ordered.find(
    (c) =>
      sweepCount(c.inner) === shape.inner &&
      sweepCount(c.outer!) === shape.groups &&
      (first === undefined || near(first, c.inner.start)),
  );
  if (!card?.outer) return null;
  const { source, start, step } = card.outer;
  return {
    source,
    unit: sourceUnit(source),
    // Rounded to 12 digits so that 10u + 2·10u reads 30u, not 3.0000000000000004e-5.
    values: Array.from({ length: shape.groups }, (_, k) =>
      Number((start + k * step).toPrecision(12)),
    ),
  };
}

/** What a curve of a nested plot is called: `i(vc) @ i1=10 µA`, or `i(vc) @ sweep 1`. */
export function curveLabel(vector: string, outer: OuterSweep | null, k: number): string {
  const value = outer?.values[k];
  if (!outer || value === undefined) return `${vector} @ sweep ${k + 1}`;
  return `${vector} @ ${outer.source}=${formatSi(value, outer.unit)}`;
}

/**
 * The pure side of the results view: which view a plot gets, the traces drawn (with complex values
 * as dB/phase, real/imaginary or magnitude), the previous run resampled onto this run's x values,
 * cursor readouts, CSV text and decimation notes. No uPlot and no DOM here, so it is all unit-tested.
 */
import { complexViews, interpolate } from "../spice/plot-math";
import { formatSi } from "../spice/si-value";
import { curveLabel, curveRanges, nestedShape, type OuterSweep } from "./nested-sweep";
import type { ResultPlot, ResultVector } from "./types";

export type ViewKind = "table" | "chart" | "bode";

const TABLE_KINDS = new Set(["op", "tf", "sens", "pz"]);
const BODE_KINDS = new Set(["ac", "noise", "disto"]);

/** How a plot is shown: a table of values, a chart over its scale, or a Bode (log f) chart. */
export function viewKind(plot: ResultPlot): ViewKind {
  if (TABLE_KINDS.has(plot.kind)) return "table";
  // A plot of single values (ngspice's integrated noise, a one-point sweep) reads best as a table.
  if ((scaleVector(plot)?.values.length ?? 0) < 2) return "table";
  return BODE_KINDS.has(plot.kind) ? "bode" : "chart";
}

/** The vector the plot is drawn over (its `scale`), falling back to the first vector. */
export function scaleVector(plot: ResultPlot): ResultVector | undefined {
  return plot.vectors.find((v) => v.name === plot.scale) ?? plot.vectors[0];
}

/** The vectors that can be drawn as traces: every vector but the scale. */
export function traceVectors(plot: ResultPlot): ResultVector[] {
  const scale = scaleVector(plot);
  return plot.vectors.filter((v) => v !== scale);
}

/** Traces shown before the user picks any. */
export const DEFAULT_VISIBLE_TRACES = 8;

/**
 * The first traces of the plot, leaving out device currents (`i(@r1[i])`): the netlist records them for
 * the probe, and shown by default they would bury the node voltages. A plot of nothing else shows them.
 */
export function defaultVisible(plot: ResultPlot): string[] {
  const traces = traceVectors(plot);
  const main = traces.filter((v) => !isDeviceCurrent(v.name));
  return (main.length > 0 ? main : traces).slice(0, DEFAULT_VISIBLE_TRACES).map((v) => v.name);
}

/** A device current ngspice recorded from `.save @r1[i]`: `i(@r1[i])`. */
export function isDeviceCurrent(name: string): boolean {
  return name.startsWith("i(@");
}

/** `visible` with `name` switched on or off, in the plot's vector order. */
export function toggleTrace(plot: ResultPlot, visible: readonly string[], name: string): string[] {
  const on = new Set(visible);
  if (on.has(name)) on.delete(name);
  else on.add(name);
  return traceVectors(plot)
    .map((v) => v.name)
    .filter((n) => on.has(n));
}

/** A colour-blind-friendly palette (Okabe–Ito, then Tableau), cycled. */
export const PALETTE = [
  "#0072b2",
  "#d55e00",
  "#009e73",
  "#cc79a7",
  "#e69f00",
  "#56b4e9",
  "#7f3c8d",
  "#4e79a7",
  "#b6992d",
  "#333333",
];

/** The colour of a trace: fixed by its position among the plot's traces, so toggles keep colours. */
export function traceColor(plot: ResultPlot, name: string): string {
  const index = traceVectors(plot).findIndex((v) => v.name === name);
  return PALETTE[Math.max(0, index) % PALETTE.length]!;
}

/**
 * The colour of curve `k` of a nested sweep's vector: each vector's family takes the next
 * `groups` colours, so that every curve drawn differs while few are shown.
 */
export function curveColor(plot: ResultPlot, name: string, k: number, groups: number): string {
  const index = Math.max(
    0,
    traceVectors(plot).findIndex((v) => v.name === name),
  );
  return PALETTE[(index * groups + k) % PALETTE.length]!;
}

/** Frequency plots use a log x axis when every frequency is positive. */
export function hasLogX(plot: ResultPlot): boolean {
  const xs = scaleVector(plot)?.values ?? [];
  return viewKind(plot) === "bode" && xs.length > 0 && xs.every((x) => x > 0);
}

/** How complex values are drawn in a Bode view. */
export type ComplexMode = "db-phase" | "re-im" | "mag";

export const COMPLEX_MODES: { value: ComplexMode; label: string }[] = [
  { value: "db-phase", label: "Magnitude (dB) + phase" },
  { value: "re-im", label: "Real + imaginary" },
  { value: "mag", label: "Magnitude (linear)" },
];

export type PaneId = "main" | "db" | "phase" | "real" | "imag" | "mag";

export interface Trace {
  /**
   * Unique among a chart's traces: `<vector>`, `<vector>#<n>` for curve n (from 1) of a nested
   * sweep, each with `@previous` for the previous run.
   */
  key: string;
  vector: string;
  label: string;
  unit: string;
  color: string;
  /** Drawn from the previous run: dashed and transparent. */
  previous: boolean;
  /** y values on the model's xs; null where there is none (a gap). */
  values: (number | null)[];
}

export interface Pane {
  id: PaneId;
  /** The y axis label. */
  label: string;
  traces: Trace[];
}

export interface ChartModel {
  xs: number[];
  xName: string;
  xUnit: string;
  logX: boolean;
  panes: Pane[];
}

interface PaneSpec {
  id: PaneId;
  label: (vector: ResultVector) => string;
  unit: (vector: ResultVector) => string;
  values: (vector: ResultVector) => number[];
}

const PANE_SPECS: Record<PaneId, PaneSpec> = {
  main: { id: "main", label: () => "", unit: (v) => v.unit, values: (v) => v.values },
  db: {
    id: "db",
    label: () => "Magnitude (dB)",
    unit: () => "dB",
    values: (v) => complexViews(v.values, v.imag).db,
  },
  phase: {
    id: "phase",
    label: () => "Phase (°)",
    unit: () => "°",
    values: (v) => complexViews(v.values, v.imag).phase,
  },
  real: { id: "real", label: () => "Real", unit: (v) => v.unit, values: (v) => v.values },
  imag: {
    id: "imag",
    label: () => "Imaginary",
    unit: (v) => v.unit,
    values: (v) => v.values.map((_, i) => v.imag?.[i] ?? 0),
  },
  mag: {
    id: "mag",
    label: () => "Magnitude",
    unit: (v) => v.unit,
    values: (v) => complexViews(v.values, v.imag).magnitude,
  },
};

/** The panes of a view: one for real plots, two (or one for linear magnitude) for Bode views. */
export function paneIds(view: ViewKind, mode: ComplexMode): PaneId[] {
  if (view !== "bode") return ["main"];
  if (mode === "db-phase") return ["db", "phase"];
  if (mode === "re-im") return ["real", "imag"];
  return ["mag"];
}

/** Non-finite numbers (the dB of 0) become gaps, as uPlot wants. */
function finiteOrNull(values: readonly number[]): (number | null)[] {
  return values.map((v) => (Number.isFinite(v) ? v : null));
}

/** The previous run's plot matching `plot`: same name, else the same kind at the same position. */
export function matchingPlot(
  plot: ResultPlot,
  current: readonly ResultPlot[],
  previous: readonly ResultPlot[] | undefined,
): ResultPlot | undefined {
  if (!previous) return undefined;
  const byName = previous.find((p) => p.name === plot.name && p.kind === plot.kind);
  if (byName) return byName;
  const sameKind = current.filter((p) => p.kind === plot.kind);
  const index = sameKind.indexOf(plot);
  return previous.filter((p) => p.kind === plot.kind)[index];
}

/**
 * Everything a chart draws: the scale as x and, per pane, the visible traces (converted for the
 * complex mode), each followed by the same trace of `previous` (resampled onto this run's x).
 * A nested `.dc` sweep is drawn as one curve per outer value over the inner sweep, labelled from
 * `outer` when it is known. Falling x values (a negative sweep step) are turned round, as uPlot
 * wants them rising.
 */
export function buildChartModel(
  plot: ResultPlot,
  visible: readonly string[],
  mode: ComplexMode = "db-phase",
  previous?: ResultPlot,
  outer: OuterSweep | null = null,
): ChartModel {
  const view = viewKind(plot);
  const scale = scaleVector(plot);
  const ranges = curveRanges(plot);
  const nested = nestedShape(plot) !== null;
  const xs = scale?.values.slice(...ranges[0]!) ?? [];
  const logX = hasLogX(plot);
  const shown = traceVectors(plot).filter((v) => visible.includes(v.name));
  const previousScale = previous ? scaleVector(previous) : undefined;
  // The previous run is overlaid curve by curve when both runs are nested, or both plain.
  const previousRanges =
    previous && (nestedShape(previous) !== null) === nested ? curveRanges(previous) : [];
  const panes = paneIds(view, mode).map((id): Pane => {
    const spec = PANE_SPECS[id];
    const traces: Trace[] = [];
    for (const vector of shown) {
      const unit = spec.unit(vector);
      const all = spec.values(vector);
      const old = previous?.vectors.find((v) => v.name === vector.name && v !== previousScale);
      const oldAll = old ? spec.values(old) : [];
      ranges.forEach((range, k) => {
        const key = nested ? `${vector.name}#${k + 1}` : vector.name;
        const label = nested ? curveLabel(vector.name, outer, k) : vector.name;
        const color = nested
          ? curveColor(plot, vector.name, k, ranges.length)
          : traceColor(plot, vector.name);
        traces.push({
          key,
          vector: vector.name,
          label,
          unit,
          color,
          previous: false,
          values: finiteOrNull(all.slice(...range)),
        });
        const oldRange = previousRanges[k];
        if (old && previousScale && oldRange) {
          traces.push({
            key: `${key}@previous`,
            vector: vector.name,
            label: `${label} (previous)`,
            unit,
            color,
            previous: true,
            values: resample(
              previousScale.values.slice(...oldRange),
              oldAll.slice(...oldRange),
              xs,
              logX,
            ),
          });
        }
      });
    }
    const units = [...new Set(traces.map((t) => t.unit).filter((u) => u !== ""))];
    const base = spec.label(shown[0] ?? { name: "", unit: "", values: [] });
    const label = base !== "" ? base : units.join(", ");
    return { id, label, traces };
  });
  const model = { xs, xName: scale?.name ?? "", xUnit: scale?.unit ?? "", logX, panes };
  return xs.length > 1 && xs[0]! > xs[xs.length - 1]! ? reversed(model) : model;
}

/** The model with its points in the opposite order. */
function reversed(model: ChartModel): ChartModel {
  return {
    ...model,
    xs: [...model.xs].reverse(),
    panes: model.panes.map((pane) => ({
      ...pane,
      traces: pane.traces.map((t) => ({ ...t, values: [...t.values].reverse() })),
    })),
  };
}

/** ys over xsFrom, read at each of xsTo (linear, or linear in log x); null outside the range. */
export function resample(
  xsFrom: readonly number[],
  ys: readonly number[],
  xsTo: readonly number[],
  logX = false,
): (number | null)[] {
  return xsTo.map((x) => {
    const y = interpolate(xsFrom, ys, x, { logX });
    return y !== null && Number.isFinite(y) ? y : null;
  });
}

/** uPlot's aligned data of a pane: the x values, then one array per trace. */
export function alignedData(model: ChartModel, pane: Pane): [number[], ...(number | null)[][]] {
  return [model.xs, ...pane.traces.map((t) => t.values)];
}

export interface Cursors {
  a: number | null;
  b: number | null;
  /** The cursor the next click places. */
  next: "a" | "b";
}

export const NO_CURSORS: Cursors = { a: null, b: null, next: "a" };

/** Places a cursor at x: the named one, or (a click) the next one in turn. */
export function placeCursor(cursors: Cursors, x: number, which?: "a" | "b"): Cursors {
  const target = which ?? cursors.next;
  return target === "a" ? { ...cursors, a: x, next: "b" } : { ...cursors, b: x, next: "a" };
}

export interface ReadoutRow {
  key: string;
  vector: string;
  pane: PaneId;
  label: string;
  unit: string;
  y1: number | null;
  y2: number | null;
  dy: number | null;
}

export interface Readouts {
  x1: number | null;
  x2: number | null;
  dx: number | null;
  inverseDx: number | null;
  xUnit: string;
  rows: ReadoutRow[];
}

/**
 * What cursors A and B read on every trace of this run (not the previous one), interpolated at the
 * cursor's x, never snapped to a sample: linearly in x, or in log10(x) on a log axis.
 *
 * Bode panes are read in the quantity shown (dB, unwrapped phase, re, im, |·|), not by interpolating
 * the complex value first: dB and phase are smooth and nearly straight in log f (asymptotes are
 * straight lines there), while the complex value turns about the origin between samples, so its
 * chord understates |H| and drags the phase (between 1 kHz and 10 kHz of a 1 kHz low-pass it reads
 * −8.1 dB and −50° where the truth is −10.4 dB and −72°; the dB line reads −11.5 dB and −65°).
 * It is also the value on the line uPlot draws, so a cursor reads what it crosses.
 */
export function readouts(model: ChartModel, cursors: Cursors): Readouts {
  const { a, b } = cursors;
  const rows: ReadoutRow[] = [];
  for (const pane of model.panes) {
    for (const trace of pane.traces) {
      if (trace.previous) continue;
      const ys = trace.values.map((v) => v ?? Number.NaN);
      const at = (x: number | null) => {
        if (x === null) return null;
        const y = interpolate(model.xs, ys, x, { logX: model.logX });
        return y !== null && Number.isFinite(y) ? y : null;
      };
      const y1 = at(a);
      const y2 = at(b);
      rows.push({
        key: pane.id === "main" ? trace.key : `${trace.key}@${pane.id}`,
        vector: trace.vector,
        pane: pane.id,
        label: pane.id === "main" ? trace.label : `${trace.label} ${PANE_SUFFIX[pane.id]}`,
        unit: trace.unit,
        y1,
        y2,
        dy: y1 !== null && y2 !== null ? y2 - y1 : null,
      });
    }
  }
  let dx: number | null = null;
  let inverseDx: number | null = null;
  if (a !== null && b !== null) {
    dx = b - a;
    inverseDx = dx === 0 ? null : 1 / dx;
  }
  return { x1: a, x2: b, dx, inverseDx, xUnit: model.xUnit, rows };
}

const PANE_SUFFIX: Record<PaneId, string> = {
  main: "",
  db: "dB",
  phase: "phase",
  real: "re",
  imag: "im",
  mag: "|·|",
};

/** The unit of 1/Δx: Hz for time, s for frequency, else 1/unit. */
export function inverseUnit(unit: string): string {
  if (unit === "s") return "Hz";
  if (unit === "Hz") return "s";
  return unit === "" ? "" : `1/${unit}`;
}

/** A reading for display: SI prefixes, but plain decimals for dB and degrees. */
export function formatReading(value: number | null, unit = ""): string {
  if (value === null || Number.isNaN(value)) return "—";
  if (unit === "dB" || unit === "°") {
    const text = Number(value.toPrecision(5)).toString();
    return unit === "°" ? `${text}°` : `${text} dB`;
  }
  return formatSi(value, unit);
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The plot as CSV: the scale, then each visible vector (complex ones as `name.re`, `name.im`
 * columns, as the server's data.csv), one row per point, numbers at full precision. A nested sweep
 * starts each row with its outer value (named after the outer source, else `sweep` and the curve's
 * number from 1), so that every row stands alone.
 */
export function plotCsv(
  plot: ResultPlot,
  visible?: readonly string[],
  outer: OuterSweep | null = null,
): string {
  const scale = scaleVector(plot);
  const vectors = [
    ...(scale && viewKind(plot) !== "table" ? [scale] : []),
    ...(viewKind(plot) === "table"
      ? plot.vectors
      : traceVectors(plot).filter((v) => !visible || visible.includes(v.name))),
  ];
  const header: string[] = [];
  const columns: (readonly number[])[] = [];
  const shape = nestedShape(plot);
  if (shape) {
    header.push(outer?.source ?? "sweep");
    columns.push(
      curveRanges(plot).flatMap(([start, end], k) =>
        Array.from({ length: end - start }, () => outer?.values[k] ?? k + 1),
      ),
    );
  }
  for (const v of vectors) {
    if (v.imag) {
      header.push(`${v.name}.re`, `${v.name}.im`);
      columns.push(v.values, v.imag);
    } else {
      header.push(v.name);
      columns.push(v.values);
    }
  }
  const rows = Math.max(0, ...columns.map((c) => c.length));
  const lines = [header.map(csvField).join(",")];
  for (let i = 0; i < rows; i += 1) {
    lines.push(columns.map((c) => (c[i] === undefined ? "" : String(c[i]))).join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** A file name for an export: `<plot>.<ext>`, safe characters only. */
export function exportFileName(plot: ResultPlot, ext: string): string {
  const base = plot.name.replace(/[^A-Za-z0-9_.-]+/g, "_") || "plot";
  return `${base}.${ext}`;
}

export interface Decimation {
  shown: number;
  total: number;
}

/** The points shown and produced when `?points=` cut the plot; null when it is complete. */
export function decimation(plot: ResultPlot): Decimation | null {
  const shown = scaleVector(plot)?.values.length ?? 0;
  return plot.points > shown ? { shown, total: plot.points } : null;
}

/**
 * Probed traces: vector names the schematic asks to see (a probe on a net or a pin). They are
 * drawn whatever the trace toggles say, and a newly probed name the shown plot lacks brings up a
 * plot that has it. Names no plot holds are left to the caller to report.
 */
import { traceVectors, viewKind } from "./series";
import type { ResultPlot } from "./types";

/** Whether `plot` shows `name`: any vector of a table, a trace (not the scale) of a chart. */
export function plotHolds(plot: ResultPlot, name: string): boolean {
  const vectors = viewKind(plot) === "table" ? plot.vectors : traceVectors(plot);
  return vectors.some((v) => v.name === name);
}

/** The traces to draw: `visible` plus the probed traces of `plot`, in the plot's order. */
export function withProbed(
  plot: ResultPlot,
  visible: readonly string[],
  probed: readonly string[],
): string[] {
  const on = new Set([...visible, ...probed]);
  return traceVectors(plot)
    .map((v) => v.name)
    .filter((name) => on.has(name));
}

/** The names of `probed` that `before` did not have. */
export function newlyProbed(before: readonly string[], probed: readonly string[]): string[] {
  const old = new Set(before);
  return probed.filter((name) => !old.has(name));
}

/**
 * The plot to show after `names` were probed: `current` when it is a chart holding them all, else
 * the plot holding most of them (charts before tables, then the earliest); `current` when none does.
 * A table "holds" a probed node too, but a probe asks for a trace: it leaves the table for a chart.
 */
export function plotForProbes(
  plots: readonly ResultPlot[],
  current: ResultPlot,
  names: readonly string[],
): ResultPlot {
  if (viewKind(current) !== "table" && names.every((name) => plotHolds(current, name))) {
    return current;
  }
  let best = current;
  let bestScore = 0;
  for (const plot of plots) {
    const held = names.filter((name) => plotHolds(plot, name)).length;
    if (held === 0) continue;
    // Held names count first; a chart wins a tie against a table (a probe asks for a trace).
    const score = held * 2 + (viewKind(plot) === "table" ? 0 : 1);
    if (score > bestScore) {
      best = plot;
      bestScore = score;
    }
  }
  return best;
}

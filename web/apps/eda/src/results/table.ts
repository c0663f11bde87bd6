/** The rows of a table view (operating point, .tf, .sens, .pz) and their sorting. */
import { formatSi } from "../spice/si-value";
import type { ResultPlot } from "./types";

export interface TableRow {
  name: string;
  /** What the value column sorts by: the value, or the magnitude of a complex one. */
  sortValue: number;
  /** The value as shown, with SI prefix and unit; complex values as `a ± jb`. */
  display: string;
  unit: string;
}

/** A complex number for display: `-1.592 kHz`-style parts, `-1 + j2`, `-1 − j2`, `j3`. */
export function formatComplex(re: number, im: number, unit = ""): string {
  if (im === 0) return formatSi(re, unit);
  const imPart = formatSi(Math.abs(im), unit);
  if (re === 0) return `${im < 0 ? "−" : ""}j${imPart}`;
  return `${formatSi(re, unit)} ${im < 0 ? "−" : "+"} j${imPart}`;
}

/** One row per vector with its (first) value; sweeps of several values show them all, joined. */
export function tableRows(plot: ResultPlot): TableRow[] {
  return plot.vectors.map((v) => {
    const parts = v.values.map((re, i) => formatComplex(re, v.imag?.[i] ?? 0, v.unit));
    const re = v.values[0] ?? Number.NaN;
    const im = v.imag?.[0] ?? 0;
    return {
      name: v.name,
      sortValue: v.imag ? Math.hypot(re, im) : re,
      display: parts.length === 0 ? "—" : parts.join(", "),
      unit: v.unit,
    };
  });
}

export type SortKey = "name" | "value";
export type SortDirection = "ascending" | "descending";
export interface TableSort {
  key: SortKey;
  direction: SortDirection;
}

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** Rows sorted by name (natural order: pole(2) before pole(10)) or value; NaN values last. */
export function sortRows(rows: readonly TableRow[], sort: TableSort | null): TableRow[] {
  if (!sort) return [...rows];
  const sign = sort.direction === "ascending" ? 1 : -1;
  return [...rows].sort((p, q) => {
    if (sort.key === "name") return sign * collator.compare(p.name, q.name);
    const pn = Number.isNaN(p.sortValue);
    const qn = Number.isNaN(q.sortValue);
    if (pn || qn) return pn === qn ? 0 : pn ? 1 : -1;
    return sign * (p.sortValue - q.sortValue);
  });
}

/** The sort after clicking a column header: ascending first, then flipping. */
export function nextSort(current: TableSort | null, key: SortKey): TableSort {
  if (current?.key === key) {
    return { key, direction: current.direction === "ascending" ? "descending" : "ascending" };
  }
  return { key, direction: "ascending" };
}

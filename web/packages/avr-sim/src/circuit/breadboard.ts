/**
 * Solderless breadboards: which holes a strip joins. Terminal strips are columns of five holes,
 * `a`–`e` above the centre gap and `f`–`j` below it (holes `a1`…`j63`); power rails run along the
 * long edges, `tp`/`tn` (top +/−) and `bp`/`bn` (bottom +/−), holes numbered from the left
 * (`tp1`…`tp50`). A full board has 830 points (63 × 10 + 4 × 50), a half board 400 (30 × 10 + 4 × 25).
 *
 * Many full boards break each rail in the middle (a gap in the printed red/blue line, holes 1–25 and
 * 26–50 apart): `splitRails: true` models those; the default is rails that run the whole length.
 */
import type { CircuitElement } from "./elements";
import { pinRef } from "./elements";

export type BreadboardSize = "full" | "half";

export interface BreadboardGeometry {
  readonly columns: number;
  readonly railHoles: number;
  /** Rail holes 1..n after which the rail is broken; empty for continuous rails. */
  readonly railBreaks: readonly number[];
}

export const TOP_ROWS = ["a", "b", "c", "d", "e"] as const;
export const BOTTOM_ROWS = ["f", "g", "h", "i", "j"] as const;
export const RAILS = ["tp", "tn", "bp", "bn"] as const;

export function breadboardGeometry(size: BreadboardSize, splitRails = false): BreadboardGeometry {
  if (size === "half") return { columns: 30, railHoles: 25, railBreaks: [] };
  return { columns: 63, railHoles: 50, railBreaks: splitRails ? [25] : [] };
}

/** The holes of each strip (terminal strips by column, then the rail segments). */
export function breadboardStrips(geometry: BreadboardGeometry): string[][] {
  const strips: string[][] = [];
  for (let column = 1; column <= geometry.columns; column++) {
    strips.push(TOP_ROWS.map((row) => `${row}${column}`));
    strips.push(BOTTOM_ROWS.map((row) => `${row}${column}`));
  }
  const bounds = [0, ...geometry.railBreaks, geometry.railHoles];
  for (const rail of RAILS)
    for (let segment = 1; segment < bounds.length; segment++) {
      const holes: string[] = [];
      for (let hole = bounds[segment - 1]! + 1; hole <= bounds[segment]!; hole++)
        holes.push(`${rail}${hole}`);
      strips.push(holes);
    }
  return strips;
}

/** Every hole's name. */
export function breadboardHoles(geometry: BreadboardGeometry): string[] {
  return breadboardStrips(geometry).flat();
}

/** Wires joining each strip's holes, as pins of breadboard `id`. */
export function breadboardElements(id: string, geometry: BreadboardGeometry): CircuitElement[] {
  const elements: CircuitElement[] = [];
  for (const strip of breadboardStrips(geometry))
    for (let i = 1; i < strip.length; i++)
      elements.push({ type: "wire", a: pinRef(id, strip[0]!), b: pinRef(id, strip[i]!) });
  return elements;
}

/**
 * Cursor positions typed as SPICE numbers (`1m`, `159.15`, `1.5k`, `2meg`, `10us`): parsed with the
 * component-value parser, kept inside the plot's x range, and written back in a form that parser
 * reads again (so editing a shown position never changes what it means).
 */
import { formatSi, parseSi } from "../spice/si-value";

export interface XRange {
  min: number;
  max: number;
}

/** The smallest and largest x of a chart (its xs may fall as well as rise); null when empty. */
export function xRange(xs: readonly number[]): XRange | null {
  const finite = xs.filter((x) => Number.isFinite(x));
  if (finite.length === 0) return null;
  return { min: Math.min(...finite), max: Math.max(...finite) };
}

/** Significant digits of a position shown for editing: enough for 159.155 Hz or 1.00053 ms. */
export const CURSOR_DIGITS = 6;

/**
 * `x` as text the SPICE parser reads back: SI prefixes with `meg` for mega (SPICE reads `M` as
 * milli), without the unit (shown beside the field).
 */
export function cursorText(x: number): string {
  const text = formatSi(x, "", CURSOR_DIGITS);
  return text.endsWith("M") ? `${text.slice(0, -1)}meg` : text;
}

export type CursorEntry =
  /** Where to place the cursor, and what to tell (clamped, or a SPICE surprise such as `M`). */
  { ok: true; x: number; note?: string } | { ok: false; message: string };

/** Reads a typed cursor position on an axis of `unit` over `range`; outside the range it is clamped. */
export function readCursorEntry(text: string, range: XRange | null, unit = ""): CursorEntry {
  const parsed = parseSi(text, unit === "" ? {} : { unit });
  if (!parsed.ok) return { ok: false, message: parsed.message };
  if (!range) return { ok: false, message: "the plot has no x values" };
  const notes: string[] = [];
  if (parsed.warning) notes.push(parsed.warning);
  let x = parsed.value;
  if (x < range.min || x > range.max) {
    x = x < range.min ? range.min : range.max;
    notes.push(
      `${formatSi(parsed.value, unit)} is outside the plot (${formatSi(range.min, unit)} to ` +
        `${formatSi(range.max, unit)}): placed at ${formatSi(x, unit)}`,
    );
  }
  return notes.length > 0 ? { ok: true, x, note: notes.join("; ") } : { ok: true, x };
}

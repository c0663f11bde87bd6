/** Small helpers for showing and saving netlist text. */

/** The lines of a text (a final newline does not start an empty line). */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** The character range [start, end) of a 1-based line, or null past the end. */
export function lineRange(text: string, line: number): [number, number] | null {
  if (line < 1) return null;
  let start = 0;
  for (let current = 1; current < line; current += 1) {
    const next = text.indexOf("\n", start);
    if (next === -1) return null;
    start = next + 1;
  }
  const end = text.indexOf("\n", start);
  return [start, end === -1 ? text.length : end];
}

/** A file name from the netlist's title line: `rc-filter.cir`, or `netlist.cir`. */
export function netlistFileName(text: string): string {
  const title = (splitLines(text)[0] ?? "")
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 60);
  return `${title || "netlist"}.cir`;
}

/** Whether a file name looks like a SPICE netlist the raw mode accepts. */
export function isNetlistFileName(name: string): boolean {
  return /\.(cir|sp|spi|spice|net|ckt)$/i.test(name);
}

/** `m:ss` or `h:mm:ss` for a duration in milliseconds. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}`
    : `${minutes}:${seconds}`;
}

/**
 * Turns a build's answer into what the editor shows: CodeMirror lint diagnostics placed in the
 * tab's text, and the flash/RAM usage line. Pure, so the placement rules are unit-tested.
 */
import type { BuildDiagnostic, BuildSize } from "@ohmcloud/api-client";
import type { Diagnostic } from "@codemirror/lint";
import type { Text } from "@codemirror/state";

/**
 * The diagnostics about `file` as CodeMirror diagnostics. gcc's columns are 1-based and count
 * bytes; a column past the line's end (or none) marks from the first non-blank character to the
 * end of the line, so every marker is visible. Lines past the end land on the last line.
 */
export function lintDiagnostics(
  doc: Text,
  diagnostics: readonly BuildDiagnostic[],
  file: string,
): Diagnostic[] {
  return diagnostics
    .filter((d) => d.file === file && d.line !== null)
    .map((d) => {
      const line = doc.line(Math.min(Math.max(d.line!, 1), doc.lines));
      const indent = line.text.length - line.text.trimStart().length;
      const column = d.column !== null && d.column >= 1 ? d.column - 1 : line.length;
      const inLine = column < line.length;
      const from = line.from + (inLine ? column : indent);
      const to = inLine ? line.from + wordEnd(line.text, column) : line.to;
      return {
        from,
        to: Math.max(to, from),
        severity: lintSeverity(d.severity),
        message: d.message,
        source: "avr-gcc",
      };
    });
}

/** The end of the identifier or token starting at `column` (at least one character). */
function wordEnd(text: string, column: number): number {
  const match = /^[A-Za-z0-9_]+/.exec(text.slice(column));
  return Math.min(column + (match ? match[0].length : 1), text.length);
}

function lintSeverity(severity: BuildDiagnostic["severity"]): Diagnostic["severity"] {
  if (severity === "note") return "info";
  return severity;
}

/** "sketch.ino:3:7", "sketch.ino:3" or "" (a message about the whole program). */
export function diagnosticPlace(d: BuildDiagnostic): string {
  if (d.file === null) return "";
  if (d.line === null) return d.file;
  return d.column === null ? `${d.file}:${d.line}` : `${d.file}:${d.line}:${d.column}`;
}

/** "Flash 924 of 32256 bytes (2 %), RAM 9 of 2048 bytes (0 %)", as the IDE reports it after a build. */
export function formatSize(size: BuildSize): string {
  const part = (name: string, used: number, max: number) =>
    `${name} ${used} of ${max} bytes (${Math.round((100 * used) / max)} %)`;
  return `${part("Flash", size.flash, size.flash_max)}, ${part("RAM", size.ram, size.ram_max)}`;
}

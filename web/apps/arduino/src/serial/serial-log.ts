/** The serial monitor's pure parts: decoding the output stream and the input's line endings. */

/** What the monitor appends to a sent line, as in the Arduino IDE's menu. */
export const LINE_ENDINGS = {
  none: { label: "No line ending", text: "" },
  lf: { label: "Newline (\\n)", text: "\n" },
  crlf: { label: "CR + LF (\\r\\n)", text: "\r\n" },
} as const;

export type LineEnding = keyof typeof LINE_ENDINGS;

/** The output kept on screen; older text is dropped so a chatty sketch cannot grow the page forever. */
export const MAX_OUTPUT_CHARS = 100_000;

interface Line {
  /** Simulated time (ms) the line's first character arrived. */
  ms: number;
  text: string;
}

/**
 * Accumulates the sketch's output bytes as lines stamped with the simulated time they began.
 * UTF-8 sequences split across slices decode once complete; `\r\n` and lone `\r` end a line.
 */
export class SerialOutput {
  private decoder = new TextDecoder();
  /** Never empty: the last line is the one still being written. */
  private lines: Line[] = [{ ms: 0, text: "" }];
  private length = 0;
  private completed: Line[] = [];
  /** A `\r` that ended the last slice: held back until the next shows whether `\n` follows. */
  private pendingCr = "";

  get text(): string {
    return this.lines.map((line) => line.text).join("\n");
  }

  /** The text with each line prefixed by its time, as the Arduino IDE's "Show timestamp". */
  get timestamped(): string {
    const last = this.lines.length - 1;
    return this.lines
      .map((line, i) =>
        i === last && line.text === "" ? "" : `${formatTimestamp(line.ms)} -> ${line.text}`,
      )
      .join("\n");
  }

  /** Appends bytes that arrived by simulated time `atMs`; returns the whole text. */
  append(bytes: readonly number[], atMs = 0): string {
    if (bytes.length === 0) return this.text;
    let chunk = this.pendingCr + this.decoder.decode(Uint8Array.from(bytes), { stream: true });
    this.pendingCr = chunk.endsWith("\r") ? "\r" : "";
    if (this.pendingCr) chunk = chunk.slice(0, -1);
    const parts = chunk.replace(/\r\n?/g, "\n").split("\n");
    parts.forEach((part, i) => {
      if (i > 0) {
        this.completed.push(this.lines[this.lines.length - 1]!);
        this.lines.push({ ms: atMs, text: "" });
        this.length += 1;
      }
      const open = this.lines[this.lines.length - 1]!;
      if (open.text === "") open.ms = atMs;
      open.text += part;
      this.length += part.length;
    });
    this.trim();
    return this.text;
  }

  /** The lines finished since the last call (for the plotter). */
  takeCompletedLines(): { ms: number; text: string }[] {
    const lines = this.completed;
    this.completed = [];
    return lines;
  }

  clear(): string {
    this.decoder = new TextDecoder();
    this.lines = [{ ms: 0, text: "" }];
    this.length = 0;
    this.completed = [];
    this.pendingCr = "";
    return "";
  }

  private trim(): void {
    while (this.length > MAX_OUTPUT_CHARS && this.lines.length > 1)
      this.length -= this.lines.shift()!.text.length + 1;
    const first = this.lines[0]!;
    if (this.length > MAX_OUTPUT_CHARS) {
      first.text = first.text.slice(this.length - MAX_OUTPUT_CHARS);
      this.length = MAX_OUTPUT_CHARS;
    }
  }
}

/** `hh:mm:ss.mmm` of simulated time since the run started. */
export function formatTimestamp(ms: number): string {
  const total = Math.max(Math.floor(ms), 0);
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  const seconds = Math.floor(total / 1000);
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}.${pad(total % 1000, 3)}`;
}

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

/**
 * Accumulates the sketch's output bytes as text. UTF-8 sequences split across slices decode once
 * complete; `\r\n` and lone `\r` show as line breaks.
 */
export class SerialOutput {
  private decoder = new TextDecoder();
  private value = "";
  /** A `\r` that ended the last slice: held back until the next shows whether `\n` follows. */
  private pendingCr = "";

  get text(): string {
    return this.value;
  }

  append(bytes: readonly number[]): string {
    if (bytes.length === 0) return this.value;
    let chunk = this.pendingCr + this.decoder.decode(Uint8Array.from(bytes), { stream: true });
    this.pendingCr = chunk.endsWith("\r") ? "\r" : "";
    if (this.pendingCr) chunk = chunk.slice(0, -1);
    this.value += chunk.replace(/\r\n?/g, "\n");
    if (this.value.length > MAX_OUTPUT_CHARS) this.value = this.value.slice(-MAX_OUTPUT_CHARS);
    return this.value;
  }

  clear(): string {
    this.decoder = new TextDecoder();
    this.value = "";
    this.pendingCr = "";
    return this.value;
  }
}

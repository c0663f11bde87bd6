/** Test helper: the complete lines (ended by CR LF) a sketch printed, a partial last line left out. */
import type { UsartTerminal } from "../usart-terminal";

export function serialLinesSince(serial: UsartTerminal, offset: number): string[] {
  const text = serial.text().slice(offset);
  return text.split("\r\n").slice(0, -1);
}

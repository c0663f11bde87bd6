/**
 * What the sketch's UART receives of a line typed into the serial monitor. The terminal sends at
 * its own baud rate; when that does not match the sketch's `Serial.begin` rate the sketch decodes
 * garbage, as it would on real hardware (the same mis-sampling as the output direction).
 */
import { baudMismatch, misreceive } from "./baud-mismatch";

const encoder = new TextEncoder();

/** The bytes `Serial.read()` sees for `text` sent by a terminal at `monitorBaud`. */
export function receivedBySketch(
  text: string,
  monitorBaud: number,
  sketchBaud: number | null,
): number[] {
  const bytes = [...encoder.encode(text)];
  return sketchBaud !== null && baudMismatch(sketchBaud, monitorBaud)
    ? misreceive(bytes, monitorBaud, sketchBaud)
    : bytes;
}

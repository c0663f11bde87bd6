/**
 * What a terminal set to the wrong baud rate receives. A UART receiver finds a start bit's falling
 * edge and samples the middle of each bit at *its own* rate, so a sender at another rate yields
 * other bytes (mostly invalid as UTF-8, hence shown as U+FFFD) — as real hardware shows.
 */

/** The Arduino IDE's baud rate menu. */
export const MONITOR_BAUD_RATES = [
  300, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 74880, 115200, 230400, 250000, 500000, 1000000,
  2000000,
] as const;

/** UARTs tolerate about 2 % between the two ends' rates. */
export const BAUD_TOLERANCE = 0.02;

export function baudMismatch(sketchBaud: number | null, monitorBaud: number): boolean {
  return sketchBaud !== null && Math.abs(sketchBaud - monitorBaud) / monitorBaud > BAUD_TOLERANCE;
}

/**
 * The bytes a receiver at `heardBaud` decodes from `bytes` sent back to back (8N1) at `sentBaud`.
 * Times are in the sender's bit periods; the line idles high after the last byte.
 */
export function misreceive(
  bytes: readonly number[],
  sentBaud: number,
  heardBaud: number,
): number[] {
  const bitsPerFrame = 10;
  const end = bytes.length * bitsPerFrame;
  const level = (t: number): number => {
    if (t >= end || t < 0) return 1;
    const bit = Math.floor(t) % bitsPerFrame;
    if (bit === 0) return 0;
    if (bit === 9) return 1;
    return (bytes[Math.floor(t / bitsPerFrame)]! >> (bit - 1)) & 1;
  };
  const ratio = sentBaud / heardBaud; // one received bit, in sent bits
  const received: number[] = [];
  let t = 0;
  for (;;) {
    // Levels change only on whole sent bits: the next low one starts a frame.
    let edge = Math.ceil(t);
    while (edge < end && level(edge) === 1) edge++;
    if (edge >= end) break;
    if (level(edge + ratio / 2) !== 0) {
      t = edge + 1; // a glitch, not a start bit
      continue;
    }
    let byte = 0;
    for (let i = 0; i < 8; i++) byte |= level(edge + ratio * (i + 1.5)) << i;
    received.push(byte);
    t = edge + ratio * 9.5;
  }
  return received;
}

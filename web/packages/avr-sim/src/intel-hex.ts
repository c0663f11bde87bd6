/**
 * Intel HEX loader (the format avr-objcopy writes and the build service returns).
 *
 * Written here rather than taken from npm: the format is a few record types, and we want every
 * record's checksum verified and a line-numbered error for anything odd, since the text comes from
 * a request.
 */

/** A malformed HEX file, or one that does not fit the target memory; `line` is 1-based. */
export class IntelHexError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(line > 0 ? `line ${line}: ${message}` : message);
    this.name = "IntelHexError";
  }
}

export interface IntelHexImage {
  /** Bytes written (data records only). */
  readonly bytesLoaded: number;
  /** One past the highest address written (0 for an empty image). */
  readonly end: number;
}

const RECORD_DATA = 0x00;
const RECORD_EOF = 0x01;
const RECORD_EXTENDED_SEGMENT = 0x02;
const RECORD_START_SEGMENT = 0x03;
const RECORD_EXTENDED_LINEAR = 0x04;
const RECORD_START_LINEAR = 0x05;

const HEX_PAIRS = /^(?:[0-9A-Fa-f]{2})+$/;

/**
 * Writes the data records of `text` into `target` (flash, byte addressed) and returns what was loaded.
 *
 * Checks each record's checksum, length and type; addresses past `target` are an error (the program
 * does not fit the chip). Blank lines are allowed; anything after the end-of-file record is ignored.
 */
export function loadIntelHex(text: string, target: Uint8Array): IntelHexImage {
  const lines = text.split(/\r?\n/);
  let base = 0;
  let bytesLoaded = 0;
  let end = 0;
  let sawEof = false;
  for (let index = 0; index < lines.length && !sawEof; index++) {
    const lineNumber = index + 1;
    const line = (lines[index] ?? "").trim();
    if (line === "") continue;
    if (!line.startsWith(":")) throw new IntelHexError("a record must start with ':'", lineNumber);
    const hex = line.slice(1);
    if (hex.length < 10 || !HEX_PAIRS.test(hex)) {
      throw new IntelHexError(
        "a record must be an even number of hex digits, at least 5 bytes",
        lineNumber,
      );
    }
    const bytes = new Uint8Array(hex.length / 2);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
    const count = bytes[0]!;
    if (bytes.length !== count + 5) {
      throw new IntelHexError(`byte count ${count} does not match the record length`, lineNumber);
    }
    let sum = 0;
    for (const byte of bytes) sum += byte;
    if ((sum & 0xff) !== 0) throw new IntelHexError("checksum mismatch", lineNumber);
    const offset = (bytes[1]! << 8) | bytes[2]!;
    const type = bytes[3]!;
    const data = bytes.subarray(4, 4 + count);
    switch (type) {
      case RECORD_DATA: {
        const address = base + offset;
        if (address + count > target.length) {
          throw new IntelHexError(
            `data at 0x${address.toString(16)} does not fit in ${target.length} bytes of flash`,
            lineNumber,
          );
        }
        target.set(data, address);
        bytesLoaded += count;
        end = Math.max(end, address + count);
        break;
      }
      case RECORD_EOF:
        sawEof = true;
        break;
      case RECORD_EXTENDED_SEGMENT:
        if (count !== 2)
          throw new IntelHexError("extended segment address needs 2 bytes", lineNumber);
        base = ((data[0]! << 8) | data[1]!) << 4;
        break;
      case RECORD_EXTENDED_LINEAR:
        if (count !== 2)
          throw new IntelHexError("extended linear address needs 2 bytes", lineNumber);
        base = ((data[0]! << 8) | data[1]!) * 0x10000;
        break;
      case RECORD_START_SEGMENT:
      case RECORD_START_LINEAR:
        break; // start addresses mean nothing to an AVR, which always resets to 0
      default:
        throw new IntelHexError(
          `unknown record type 0x${type.toString(16).padStart(2, "0")}`,
          lineNumber,
        );
    }
  }
  if (!sawEof) throw new IntelHexError("missing end-of-file record (:00000001FF)", 0);
  return { bytesLoaded, end };
}

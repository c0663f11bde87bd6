import { describe, expect, it } from "vitest";
import { IntelHexError, loadIntelHex } from "./intel-hex";

/** One record with its checksum, built independently of the parser. */
function record(type: number, address: number, data: number[]): string {
  const bytes = [data.length, (address >> 8) & 0xff, address & 0xff, type, ...data];
  const checksum = (0x100 - (bytes.reduce((a, b) => a + b, 0) & 0xff)) & 0xff;
  return (
    ":" + [...bytes, checksum].map((b) => b.toString(16).toUpperCase().padStart(2, "0")).join("")
  );
}
const EOF_RECORD = ":00000001FF";

describe("loadIntelHex", () => {
  it("writes data records at their addresses and reports size and end", () => {
    const text = [
      record(0, 0x0000, [0x0c, 0x94, 0x34, 0x00]),
      record(0, 0x0010, [0xaa, 0xbb]),
      EOF_RECORD,
    ].join("\n");
    const flash = new Uint8Array(32);
    expect(loadIntelHex(text, flash)).toEqual({ bytesLoaded: 6, end: 0x12 });
    expect(Array.from(flash.subarray(0, 4))).toEqual([0x0c, 0x94, 0x34, 0x00]);
    expect(Array.from(flash.subarray(0x10, 0x12))).toEqual([0xaa, 0xbb]);
    expect(flash[4]).toBe(0);
  });

  it("accepts CRLF line ends, blank lines and lower-case hex", () => {
    const text = `\r\n${record(0, 2, [1, 2]).toLowerCase()}\r\n\r\n${EOF_RECORD}\r\n`;
    const flash = new Uint8Array(8);
    loadIntelHex(text, flash);
    expect(Array.from(flash.subarray(0, 4))).toEqual([0, 0, 1, 2]);
  });

  it("follows extended linear and segment addresses (flash above 64 KB on the ATmega2560)", () => {
    const flash = new Uint8Array(0x40000);
    const text = [
      record(4, 0, [0x00, 0x01]),
      record(0, 0x0004, [0x11]),
      record(2, 0, [0x20, 0x00]), // segment 0x2000 → base 0x20000
      record(0, 0x0001, [0x22]),
      record(5, 0, [0, 0, 0, 0]),
      EOF_RECORD,
    ].join("\n");
    expect(loadIntelHex(text, flash).end).toBe(0x20002);
    expect(flash[0x10004]).toBe(0x11);
    expect(flash[0x20001]).toBe(0x22);
  });

  it("ignores anything after the end-of-file record", () => {
    const flash = new Uint8Array(4);
    expect(loadIntelHex(`${EOF_RECORD}\ngarbage`, flash).bytesLoaded).toBe(0);
  });

  it.each([
    ["a bad checksum", ":0100000001FF\n:00000001FF", /line 1: checksum mismatch/],
    ["a missing colon", "0100000001FE\n:00000001FF", /line 1: a record must start with ':'/],
    ["odd digits", ":0100000001F\n:00000001FF", /line 1: .*even number of hex digits/],
    ["a wrong byte count", ":0200000001FD\n:00000001FF", /line 1: byte count 2/],
    [
      "an unknown record type",
      `${record(7, 0, [])}\n${EOF_RECORD}`,
      /line 1: unknown record type 0x07/,
    ],
    ["no end-of-file record", record(0, 0, [1]), /missing end-of-file record/],
  ])("refuses %s", (_, text, message) => {
    expect(() => loadIntelHex(text, new Uint8Array(16))).toThrow(message);
  });

  it("refuses a program larger than the flash, naming the line", () => {
    const text = [record(0, 0, [1]), record(0, 0x000f, [1, 2]), EOF_RECORD].join("\n");
    const error = (() => {
      try {
        loadIntelHex(text, new Uint8Array(16));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(IntelHexError);
    expect((error as IntelHexError).line).toBe(2);
    expect((error as IntelHexError).message).toMatch(/does not fit in 16 bytes/);
  });
});

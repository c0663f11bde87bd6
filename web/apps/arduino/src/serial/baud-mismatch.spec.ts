import { describe, expect, it } from "vitest";
import { baudMismatch, misreceive } from "./baud-mismatch";

const bytes = (text: string) => Array.from(new TextEncoder().encode(text));

describe("baudMismatch", () => {
  it("tolerates 2 % (the Uno's 9615 baud for 9600) and flags more", () => {
    expect(baudMismatch(9615, 9600)).toBe(false);
    expect(baudMismatch(9800, 9600)).toBe(true);
    expect(baudMismatch(115200, 9600)).toBe(true);
    expect(baudMismatch(null, 9600)).toBe(false);
  });
});

describe("misreceive", () => {
  it("receives the bytes sent when both ends agree within tolerance", () => {
    const sent = bytes("Hello, 123\n");
    expect(misreceive(sent, 9600, 9600)).toEqual(sent);
    expect(misreceive(sent, 9615, 9600)).toEqual(sent);
  });

  it("samples a byte sent at half the rate as two frames", () => {
    // 0x00 at 4800 baud: the line is low for 18 of the receiver's bits, high from the stop bit on.
    expect(misreceive([0x00], 4800, 9600)).toEqual([0x00, 0x80]);
  });

  it("garbles text sent much faster than the terminal reads, into invalid UTF-8", () => {
    const heard = misreceive(bytes("Hello world\n".repeat(4)), 115200, 9600);
    expect(heard).not.toEqual(bytes("Hello world\n".repeat(4)));
    expect(new TextDecoder().decode(Uint8Array.from(heard))).toContain("\uFFFD");
  });
});

import { describe, expect, it } from "vitest";
import { misreceive } from "./baud-mismatch";
import { receivedBySketch } from "./typed-input";

describe("receivedBySketch", () => {
  it("passes the UTF-8 bytes through when the rates match (within tolerance)", () => {
    expect(receivedBySketch("hi é\n", 9600, 9600)).toEqual([0x68, 0x69, 0x20, 0xc3, 0xa9, 0x0a]);
    expect(receivedBySketch("A", 115200, 115000)).toEqual([0x41]);
  });

  it("passes the bytes through before the sketch has called Serial.begin", () => {
    expect(receivedBySketch("ok", 9600, null)).toEqual([0x6f, 0x6b]);
  });

  it("garbles text typed at the wrong rate the way the sketch's UART would sample it", () => {
    const typed = "hello\n";
    const received = receivedBySketch(typed, 115200, 9600);
    expect(received).toEqual(misreceive([...new TextEncoder().encode(typed)], 115200, 9600));
    expect(String.fromCharCode(...received)).not.toBe(typed);
  });

  it("a slow terminal into a fast sketch yields more bytes than were typed", () => {
    expect(receivedBySketch("U", 9600, 115200).length).toBeGreaterThan(1);
  });
});

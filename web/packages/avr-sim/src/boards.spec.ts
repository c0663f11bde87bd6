import { describe, expect, it } from "vitest";
import { adcChannelOf, arduinoPinAt, BOARDS, isBoardId } from "./boards";

describe("BOARDS", () => {
  it("maps the Uno's pins as variants/standard does", () => {
    const uno = BOARDS.uno;
    expect(uno.digitalPins).toHaveLength(20);
    expect(uno.digitalPins[0]).toEqual({ port: "D", bit: 0 });
    expect(uno.digitalPins[13]).toEqual({ port: "B", bit: 5 });
    expect(uno.digitalPins[14]).toEqual({ port: "C", bit: 0 }); // A0
    expect(arduinoPinAt(uno, "B", 5)).toBe(13);
    expect(arduinoPinAt(uno, "B", 6)).toBe(-1); // crystal
  });

  it("maps the Mega's 70 pins as variants/mega does, each port bit once", () => {
    const mega = BOARDS.mega2560;
    expect(mega.digitalPins).toHaveLength(70);
    expect(mega.digitalPins[13]).toEqual({ port: "B", bit: 7 });
    expect(mega.digitalPins[2]).toEqual({ port: "E", bit: 4 });
    expect(mega.digitalPins[21]).toEqual({ port: "D", bit: 0 }); // SCL
    expect(mega.digitalPins[54]).toEqual({ port: "F", bit: 0 }); // A0
    expect(mega.digitalPins[69]).toEqual({ port: "K", bit: 7 }); // A15
    const keys = mega.digitalPins.map((p) => `${p.port}${p.bit}`);
    expect(new Set(keys).size).toBe(70);
  });

  it("only uses ports the board's chip has", () => {
    for (const board of Object.values(BOARDS)) {
      for (const { port, bit } of board.digitalPins) {
        expect(board.mcu.ports[port], `${board.id} P${port}${bit}`).toBeDefined();
        expect(bit).toBeLessThan(8);
      }
    }
  });

  it("resolves analog inputs by name or digital pin number", () => {
    expect(adcChannelOf(BOARDS.uno, "A0")).toBe(0);
    expect(adcChannelOf(BOARDS.uno, "a5")).toBe(5);
    expect(adcChannelOf(BOARDS.uno, "19")).toBe(5);
    expect(adcChannelOf(BOARDS.uno, "A6")).toBeUndefined();
    expect(adcChannelOf(BOARDS.nano, "A7")).toBe(7); // ADC-only on the Nano
    expect(BOARDS.nano.analogPins[7]).toEqual({ channel: 7, digitalPin: null });
    expect(adcChannelOf(BOARDS.mega2560, "A15")).toBe(15);
    expect(adcChannelOf(BOARDS.mega2560, "62")).toBe(8);
    expect(adcChannelOf(BOARDS.mega2560, "13")).toBeUndefined();
    expect(adcChannelOf(BOARDS.uno, "D3")).toBeUndefined();
  });

  it("knows its board ids", () => {
    expect(isBoardId("mega2560")).toBe(true);
    expect(isBoardId("toString")).toBe(false);
    expect(isBoardId(3)).toBe(false);
  });
});

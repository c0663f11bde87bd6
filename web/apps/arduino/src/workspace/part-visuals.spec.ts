import { fontA00 } from "@wokwi/elements/dist/esm/lcd1602-font-a00.js";
import { describe, expect, it } from "vitest";
import { elementProperties, fontWithCustomCharacters } from "./part-visuals";

describe("elementProperties", () => {
  it("lights an LED in its colour by the view's brightness, dark when stopped", () => {
    expect(elementProperties("led", { color: "green" }, { type: "led", brightness: 0.5 })).toEqual({
      color: "green",
      value: true,
      brightness: 0.5,
    });
    expect(elementProperties("led", undefined, { type: "led", brightness: 0 })).toMatchObject({
      color: "red",
      value: false,
    });
    expect(elementProperties("led", { color: "blue" }, undefined)).toEqual({
      color: "blue",
      value: false,
      brightness: 0,
    });
  });

  it("mixes the RGB LED and turns the servo's horn, keeping it without pulses", () => {
    expect(elementProperties("rgb-led", {}, { type: "rgb-led", r: 1, g: 0.25, b: 0 })).toEqual({
      ledRed: 1,
      ledGreen: 0.25,
      ledBlue: 0,
    });
    expect(elementProperties("servo", {}, { type: "servo", angle: 135 })).toEqual({ angle: 135 });
    expect(elementProperties("servo", {}, { type: "servo", angle: null })).toEqual({});
  });

  it("shows the board's L, TX and RX LEDs and its power LED while running", () => {
    expect(
      elementProperties("uno", undefined, { type: "board", led13: 1, tx: true, rx: false }),
    ).toEqual({ led13: true, ledTX: true, ledRX: false, ledPower: true });
    expect(elementProperties("mega2560", undefined, undefined)).toEqual({
      led13: false,
      ledTX: false,
      ledRX: false,
      ledPower: false,
    });
  });

  it("lights 7-segment segments (multiplexed ones too) and sounds the buzzer", () => {
    expect(
      elementProperties(
        "7segment",
        { common: "anode" },
        { type: "seven-segment", segments: [1, 1, 0.25, 0, 0, 0, 0, 0] },
      ),
    ).toEqual({ color: "red", values: [1, 1, 1, 0, 0, 0, 0, 0] });
    expect(elementProperties("buzzer", {}, { type: "buzzer", frequencyHz: 440 })).toEqual({
      hasSignal: true,
    });
    expect(elementProperties("buzzer", {}, { type: "buzzer", frequencyHz: null })).toEqual({
      hasSignal: false,
    });
  });

  it("writes the LCD's characters and cursor, blank and dark without power", () => {
    const characters = Array.from({ length: 32 }, (_, i) => 0x41 + (i % 26));
    const lcd = {
      type: "lcd" as const,
      columns: 16,
      rows: 2,
      characters,
      customCharacters: [],
      cursor: true,
      blink: false,
      cursorColumn: 3,
      cursorRow: 1,
      powered: true,
    };
    const shown = elementProperties("lcd1602", {}, lcd);
    expect(Array.from(shown.characters as Uint8Array)).toEqual(characters);
    expect(shown).toMatchObject({
      cursor: true,
      blink: false,
      cursorX: 3,
      cursorY: 1,
      backlight: true,
    });
    const off = elementProperties("lcd1602", {}, { ...lcd, powered: false });
    expect(Array.from(off.characters as Uint8Array)).toEqual(new Array(32).fill(0x20));
    expect(off).toMatchObject({ backlight: false, cursor: false });
    expect((elementProperties("lcd2004", {}, undefined).characters as Uint8Array).length).toBe(80);
  });

  it("follows the page's controls: pot position, slide switch, held button", () => {
    expect(elementProperties("potentiometer", {}, undefined, { position: 1 })).toEqual({
      value: 1023,
    });
    expect(elementProperties("potentiometer", { position: 0.25 }, undefined)).toEqual({
      value: 256,
    });
    expect(elementProperties("slide-potentiometer", {}, undefined)).toEqual({ value: 50 });
    expect(elementProperties("slide-switch", {}, undefined)).toEqual({ value: 0 });
    expect(elementProperties("slide-switch", {}, undefined, { position: 1 })).toEqual({ value: 1 });
    expect(elementProperties("push-button", {}, undefined, { pressed: true })).toEqual({
      color: "red",
      pressed: true,
    });
  });

  it("labels a resistor's bands with its ohms", () => {
    expect(elementProperties("resistor", { ohms: 220 }, undefined)).toEqual({ value: "220" });
  });
});

describe("fontWithCustomCharacters", () => {
  it("puts CGRAM characters, mirrored to the element's bit order, at codes 0..7 and 8..15", () => {
    // A left-aligned bar (bit 4 = leftmost pixel on the HD44780) and a full block.
    const bar = [0b10000, 0b10000, 0b10000, 0b10000, 0b10000, 0b10000, 0b10000, 0];
    const block = [31, 31, 31, 31, 31, 31, 31, 31];
    const font = fontWithCustomCharacters([bar, block]);
    expect(Array.from(font.slice(0, 8))).toEqual([1, 1, 1, 1, 1, 1, 1, 0]);
    expect(Array.from(font.slice(8, 16))).toEqual(block);
    expect(Array.from(font.slice(64, 72))).toEqual([1, 1, 1, 1, 1, 1, 1, 0]);
    // The ROM characters stay: 'F' as the element draws it.
    expect(Array.from(font.slice(70 * 8, 71 * 8))).toEqual(
      Array.from(fontA00.slice(70 * 8, 71 * 8)),
    );
    expect(fontA00[0]).toBe(0); // the element's own font is not touched
  });
});

/**
 * What a part's @wokwi/elements custom element shows, as the element's own properties: from the
 * part's props (an LED's colour, a resistor's value), the live view the simulation sends (an LED's
 * brightness, the LCD's characters) and the page's controls (a potentiometer's position). Pure, so
 * the Stage only copies the result onto the element. Kinds drawn by us (breadboard, battery, DC
 * motor, relay) read their view directly.
 */
import type { PartProps, PartView } from "@ohmcloud/avr-sim";
import { fontA00 } from "@wokwi/elements/dist/esm/lcd1602-font-a00.js";

export type ElementProperties = Record<string, unknown>;

/** A part's live inputs set from the page: slider positions, toggles, a held button. */
export type PartControls = Readonly<Record<string, number | boolean>>;

/** Below this the eye sees an LED (segment, board LED) as dark. */
const VISIBLE = 0.02;

const LCD_SPACE = 0x20;

/** Properties for the element of a part of `kind`; `view` is undefined while not running. */
export function elementProperties(
  kind: string,
  props: PartProps | undefined,
  view: PartView | undefined,
  controls: PartControls = {},
): ElementProperties {
  return {
    ...staticProperties(kind, props),
    ...controlProperties(kind, props, controls),
    ...viewProperties(kind, view),
  };
}

function staticProperties(kind: string, props: PartProps | undefined): ElementProperties {
  switch (kind) {
    case "led":
      return { color: stringProp(props, "color", "red") };
    case "resistor":
      return { value: String(numberProp(props, "ohms", 1000)) };
    case "7segment":
      return { color: stringProp(props, "color", "red") };
    case "push-button":
      return { color: stringProp(props, "color", "red") };
    default:
      return {};
  }
}

function controlProperties(
  kind: string,
  props: PartProps | undefined,
  controls: PartControls,
): ElementProperties {
  switch (kind) {
    case "potentiometer":
      // The element's scale is 0..1023 (like analogRead); ours 0..1.
      return { value: Math.round(position(props, controls, 0.5) * 1023) };
    case "slide-potentiometer":
      return { value: Math.round(position(props, controls, 0.5) * 100) };
    case "slide-switch":
      return { value: position(props, controls, 0) >= 0.5 ? 1 : 0 };
    case "push-button":
      return { pressed: controls.pressed === true };
    default:
      return {};
  }
}

function viewProperties(kind: string, view: PartView | undefined): ElementProperties {
  switch (view?.type) {
    case undefined:
      return stoppedProperties(kind);
    case "board":
      return { led13: view.led13 > VISIBLE, ledTX: view.tx, ledRX: view.rx, ledPower: true };
    case "led":
      return { value: view.brightness > VISIBLE, brightness: view.brightness };
    case "rgb-led":
      return { ledRed: view.r, ledGreen: view.g, ledBlue: view.b };
    case "servo":
      // null: no pulse yet or unpowered; the horn stays where it is, as on a real servo.
      return view.angle === null ? {} : { angle: view.angle };
    case "buzzer":
      return { hasSignal: view.frequencyHz !== null };
    case "seven-segment":
      return { values: view.segments.map((level) => (level > VISIBLE ? 1 : 0)) };
    case "lcd":
      return lcdProperties(view);
    case "dc-motor":
    case "relay":
      return {};
  }
}

/** What a part shows when the simulation is not running (everything dark, as unpowered). */
function stoppedProperties(kind: string): ElementProperties {
  switch (kind) {
    case "uno":
    case "nano":
    case "mega2560":
      return { led13: false, ledTX: false, ledRX: false, ledPower: false };
    case "led":
      return { value: false, brightness: 0 };
    case "rgb-led":
      return { ledRed: 0, ledGreen: 0, ledBlue: 0 };
    case "buzzer":
      return { hasSignal: false };
    case "7segment":
      return { values: [0, 0, 0, 0, 0, 0, 0, 0] };
    case "lcd1602":
      return blankLcd(16 * 2);
    case "lcd2004":
      return blankLcd(20 * 4);
    default:
      return {};
  }
}

type LcdView = Extract<PartView, { type: "lcd" }>;

function lcdProperties(view: LcdView): ElementProperties {
  if (!view.powered) return blankLcd(view.columns * view.rows);
  return {
    characters: Uint8Array.from(view.characters),
    font: fontWithCustomCharacters(view.customCharacters),
    cursor: view.cursor,
    blink: view.blink,
    cursorX: view.cursorColumn,
    cursorY: view.cursorRow,
    backlight: true,
  };
}

function blankLcd(cells: number): ElementProperties {
  return {
    characters: new Uint8Array(cells).fill(LCD_SPACE),
    cursor: false,
    blink: false,
    backlight: false,
  };
}

/**
 * The element's ROM font with the CGRAM characters in codes 0..7 (and their mirrors 8..15, as on
 * the HD44780). CGRAM rows keep the leftmost pixel in bit 4; the element's font in bit 0.
 */
export function fontWithCustomCharacters(
  custom: readonly (readonly number[])[],
): Uint8Array<ArrayBuffer> {
  const font = new Uint8Array(fontA00);
  custom.slice(0, 8).forEach((rows, code) => {
    for (let row = 0; row < 8; row++) {
      const mirrored = reverseFiveBits(rows[row] ?? 0);
      font[code * 8 + row] = mirrored;
      font[(code + 8) * 8 + row] = mirrored;
    }
  });
  return font;
}

function reverseFiveBits(bits: number): number {
  let result = 0;
  for (let bit = 0; bit < 5; bit++) if (bits & (1 << bit)) result |= 1 << (4 - bit);
  return result;
}

/** A control or prop `position` (0..1), as the avr-sim part reads it. */
function position(props: PartProps | undefined, controls: PartControls, fallback: number): number {
  const value = controls.position ?? props?.position ?? fallback;
  const number = typeof value === "number" ? value : value === true ? 1 : 0;
  return Math.min(1, Math.max(0, number));
}

function stringProp(props: PartProps | undefined, name: string, fallback: string): string {
  const value = props?.[name];
  return typeof value === "string" ? value : fallback;
}

function numberProp(props: PartProps | undefined, name: string, fallback: number): number {
  const value = props?.[name];
  return typeof value === "number" ? value : fallback;
}

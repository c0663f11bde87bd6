/**
 * What each part SHOWS at a moment of a running circuit — an LED's brightness, a servo's angle, the
 * LCD's glass — as plain serializable data (structured-clone safe), so a Web Worker can post it to
 * the page that draws the parts. `CircuitSimulation.partViews()` computes one `PartView` per
 * component that shows something, from the parts' behaviours and the circuit's latest resolution;
 * this module is the mapping, it keeps no state of its own.
 */
import { isBoardId } from "../boards";
import type { ComponentSpec } from "../circuit/circuit";
import type { CircuitResolution } from "../circuit/resolve-levels";
import type { Hd44780Geometry, Hd44780State } from "../hd44780";
import { Buzzer } from "./buzzer";
import { DcMotor } from "./dc-motor";
import { Lcd } from "./lcd";
import { isPowered, type ControlValue, type PartBehaviour } from "./part-behaviour";
import { RgbLed } from "./rgb-led";
import { Servo } from "./servo";
import { litSegments, SEGMENTS } from "./seven-segment";

export type PartView =
  | {
      readonly type: "board";
      /** 0..1 brightness of the on-board L LED (the D13 net's duty). */
      readonly led13: number;
      /** Serial activity lately (the TX/RX LEDs); false where nobody tracks it. */
      readonly tx: boolean;
      readonly rx: boolean;
    }
  | { readonly type: "led"; readonly brightness: number }
  | { readonly type: "rgb-led"; readonly r: number; readonly g: number; readonly b: number }
  /** Degrees 0..180; null before the first pulse or while unpowered. */
  | { readonly type: "servo"; readonly angle: number | null }
  /** null = silent. */
  | { readonly type: "buzzer"; readonly frequencyHz: number | null }
  | {
      readonly type: "lcd";
      readonly columns: number;
      readonly rows: number;
      /** rows × columns character codes as displayed, row-major (blanks while dark). */
      readonly characters: readonly number[];
      /** CGRAM: 8 characters × 8 rows, the 5 low bits of each row. */
      readonly customCharacters: readonly (readonly number[])[];
      readonly cursor: boolean;
      readonly blink: boolean;
      readonly cursorColumn: number;
      readonly cursorRow: number;
      readonly powered: boolean;
    }
  /** 8 values 0..1 in `SEGMENTS` order: A B C D E F G DP. */
  | { readonly type: "seven-segment"; readonly segments: readonly number[] }
  /** −1..1, negative when running backwards. */
  | { readonly type: "dc-motor"; readonly speed: number }
  | { readonly type: "relay"; readonly closed: boolean };

/** Brightness and speed are shares of this last stretch of simulated time (a few PWM periods). */
export const PART_VIEW_WINDOW_MS = 20;

/** The running circuit as the views read it. */
export interface PartViewSource {
  readonly nowUs: number;
  readonly resolution: CircuitResolution;
  behaviour(id: string): PartBehaviour | undefined;
  control(id: string, name: string): ControlValue;
  /** A plain LED's lit share over the last `PART_VIEW_WINDOW_MS`. */
  ledBrightness(id: string): number;
  /** A board's L LED (D13) lit share over the last `PART_VIEW_WINDOW_MS`. */
  boardLedBrightness(id: string): number;
}

/** The view of one component, or null for a part that shows nothing (a resistor, a breadboard). */
export function partView(component: ComponentSpec, source: PartViewSource): PartView | null {
  const { id, kind } = component;
  const behaviour = source.behaviour(id);
  const nowUs = source.nowUs;
  if (isBoardId(kind))
    return { type: "board", led13: source.boardLedBrightness(id), tx: false, rx: false };
  if (kind === "led") return { type: "led", brightness: source.ledBrightness(id) };
  if (kind === "7segment") {
    const lit = new Set(litSegments(source.resolution, component));
    return { type: "seven-segment", segments: SEGMENTS.map((s) => (lit.has(s) ? 1 : 0)) };
  }
  if (kind === "relay") return { type: "relay", closed: source.control(id, "energized") === true };
  if (behaviour instanceof RgbLed) {
    const [r, g, b] = (["R", "G", "B"] as const).map((channel) =>
      behaviour.brightness(channel, nowUs, PART_VIEW_WINDOW_MS),
    );
    return { type: "rgb-led", r: r!, g: g!, b: b! };
  }
  if (behaviour instanceof Servo) {
    const powered = isPowered(source.resolution, id, "V+", "GND");
    return {
      type: "servo",
      angle: powered && behaviour.lastPulseUs !== null ? behaviour.angle : null,
    };
  }
  if (behaviour instanceof Buzzer) {
    const hz = behaviour.frequency(nowUs);
    return { type: "buzzer", frequencyHz: hz > 0 ? hz : null };
  }
  if (behaviour instanceof DcMotor)
    return { type: "dc-motor", speed: behaviour.speed(nowUs, PART_VIEW_WINDOW_MS) };
  if (behaviour instanceof Lcd) return lcdView(behaviour);
  return null;
}

const BLANK = 0x20;

/** An LCD's glass: its characters, custom characters and cursor; blank while dark or unpowered. */
export function lcdView(lcd: Lcd): PartView {
  const { cols, rows } = lcd.geometry;
  const state = lcd.state();
  const lit = state?.displayOn === true;
  const characters: number[] = [];
  for (let row = 0; row < rows; row++)
    for (let column = 0; column < cols; column++)
      characters.push(lit ? (lcd.charCodeAt(row, column) ?? BLANK) : BLANK);
  const cell = state && lit ? lcdCursorCell(state, lcd.geometry) : null;
  return {
    type: "lcd",
    columns: cols,
    rows,
    characters,
    customCharacters: customCharacters(state?.cgram ?? ""),
    cursor: cell !== null && state!.cursorOn,
    blink: cell !== null && state!.blinkOn,
    cursorColumn: cell?.column ?? 0,
    cursorRow: cell?.row ?? 0,
    powered: state !== null,
  };
}

/** CGRAM (64 bytes as hex) as eight 5×8 characters; zeros where the hex is short. */
function customCharacters(cgramHex: string): number[][] {
  return Array.from({ length: 8 }, (_, char) =>
    Array.from({ length: 8 }, (_, row) => {
      const at = (char * 8 + row) * 2;
      const byte = at + 2 <= cgramHex.length ? parseInt(cgramHex.slice(at, at + 2), 16) : 0;
      return byte & 0x1f;
    }),
  );
}

/**
 * Where on the glass the address counter points (the cursor's cell), or null when it points to
 * CGRAM or to DDRAM scrolled out of view. The inverse of `Hd44780.charCodeAt`: a 4-row glass is
 * the controller's two 40-character lines folded, rows 2 and 3 continuing rows 0 and 1.
 */
export function lcdCursorCell(
  state: Hd44780State,
  geometry: Hd44780Geometry,
): { row: number; column: number } | null {
  if (state.addressTarget !== "ddram") return null;
  const { cols, rows } = geometry;
  if (!state.twoLines) {
    const position = (((state.address - state.shift) % 80) + 80) % 80;
    return position < cols ? { row: 0, column: position } : null;
  }
  const line = state.address >= 0x40 ? 1 : 0;
  const index = (state.address - line * 0x40) % 40;
  const position = (((index - state.shift) % 40) + 40) % 40;
  const fold = Math.floor(position / cols);
  const row = line + 2 * fold;
  return row < rows ? { row, column: position - fold * cols } : null;
}

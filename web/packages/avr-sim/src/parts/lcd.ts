/**
 * Character LCDs `lcd1602` (16×2) and `lcd2004` (20×4) as circuit parts, around the `Hd44780`
 * controller model: pins `VSS`, `VDD`, `V0`, `RS`, `RW`, `E`, `D0`…`D7`, `A`, `K` as on the module's
 * header (and the Wokwi elements). The controller only runs while `VDD` is at least 4.5 V above
 * `VSS`; it starts afresh (power-on reset, blank) each time power comes, and shows nothing without.
 * Like the real chip, RS, RW and D0..D7 have pull-ups (a floating line reads HIGH: a floating RW
 * means reads, so wire RW to GND); E has none. `V0` (contrast) and the backlight `A`/`K` are not
 * modelled. Wired in 4-bit mode, D4..D7 carry the nibbles and D0..D3 may stay unconnected.
 */
import type { PartKind } from "../circuit/circuit";
import { pinRef } from "../circuit/elements";
import type { CircuitResolution } from "../circuit/resolve-levels";
import { Hd44780, type Hd44780Geometry, type Hd44780State } from "../hd44780";
import { isPowered, logicLevel, type PartBehaviour } from "./part-behaviour";

const DATA = ["D0", "D1", "D2", "D3", "D4", "D5", "D6", "D7"] as const;
export const LCD_PINS = ["VSS", "VDD", "V0", "RS", "RW", "E", ...DATA, "A", "K"] as const;

/** The controller's pin numbers: D0..D7 = 0..7, then RS, RW, E — E last, so it latches settled data. */
const SIGNALS = [...DATA, "RS", "RW", "E"] as const;

function lcdKind(kind: string): PartKind {
  return { kind, isStatic: true, pins: () => LCD_PINS, elements: () => [] };
}

export const LCD1602_KIND = lcdKind("lcd1602");
export const LCD2004_KIND = lcdKind("lcd2004");

export const LCD_GEOMETRY: Readonly<Record<string, Hd44780Geometry>> = {
  lcd1602: { cols: 16, rows: 2 },
  lcd2004: { cols: 20, rows: 4 },
};

export class Lcd implements PartBehaviour {
  private controller: Hd44780 | null = null;
  private powerOnUs = 0;
  private readonly levels: boolean[] = SIGNALS.map(() => false);

  constructor(
    readonly id: string,
    readonly geometry: Hd44780Geometry,
  ) {}

  /** The controller's state; null while unpowered. */
  state(): Hd44780State | null {
    return this.controller?.state() ?? null;
  }

  /** The character code shown at a cell (`Hd44780.charCodeAt`); null while unpowered or undriven. */
  charCodeAt(row: number, column: number): number | null {
    return this.controller?.charCodeAt(row, column) ?? null;
  }

  /** What the glass shows: one string per row, all blank while unpowered or switched off. */
  lines(): string[] {
    const state = this.state();
    return state?.displayOn ? state.lines : Array.from({ length: this.geometry.rows }, () => "");
  }

  observe(resolution: CircuitResolution, nowUs: number): void {
    if (!isPowered(resolution, this.id, "VDD", "VSS")) {
      this.controller = null;
      return;
    }
    const levels = SIGNALS.map(
      (signal) => logicLevel(resolution, pinRef(this.id, signal)) ?? signal !== "E",
    );
    if (!this.controller) {
      this.controller = new Hd44780(
        { d: [0, 1, 2, 3, 4, 5, 6, 7], rs: 8, rw: 9, e: 10 },
        this.geometry,
      );
      this.powerOnUs = nowUs;
      levels.forEach((level, pin) => this.controller!.pinChanged(pin, level, 0));
    } else {
      const timeNs = (nowUs - this.powerOnUs) * 1000;
      levels.forEach((level, pin) => {
        if (level !== this.levels[pin]) this.controller!.pinChanged(pin, level, timeNs);
      });
    }
    levels.forEach((level, pin) => (this.levels[pin] = level));
  }
}

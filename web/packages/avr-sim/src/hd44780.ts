/**
 * HD44780 character LCD controller, driven by its pins: decodes bus transfers (4- or 8-bit, latched
 * on E's falling edge), runs the instruction set and exposes DDRAM, CGRAM, the flags and the text
 * the glass shows. Knows nothing about the AVR: feed it pin levels with `pinChanged`.
 *
 * Reference: Hitachi HD44780U datasheet (ADE-207-272), "Instructions" (table 6) and "Interfacing
 * to the MPU". Busy times are the datasheet's at fosc = 270 kHz; a write strobe (byte or nibble)
 * during the busy time is still taken (a real controller would miss it) and counted in
 * `busyViolations`, so a driver's timing can be checked.
 */
import { romA00Char } from "./hd44780-charset";

/** Which pin ids (any numbering the caller uses, e.g. Arduino pin numbers) carry which signal. */
export interface Hd44780Wiring {
  readonly rs: number;
  readonly e: number;
  /** Tied to GND when absent (write only), as with LiquidCrystal's 6-pin constructor. */
  readonly rw?: number;
  /** D4..D7 (4-bit wiring) or D0..D7 (8-bit wiring), in that order. */
  readonly d: readonly number[];
}

export interface Hd44780Geometry {
  readonly cols: number;
  readonly rows: number;
}

export interface Hd44780State {
  /**
   * The text the glass shows, one string per row (ROM A00 mapped to Unicode), without the trailing
   * blanks; `charCodeAt(row, col)` gives every cell.
   */
  readonly lines: string[];
  /** 80 bytes as hex: DDRAM line 1 (0x00..0x27) then line 2 (0x40..0x67); in 1-line mode 0x00..0x4F. */
  readonly ddram: string;
  /** 64 bytes as hex: eight 5x8 characters, one row per byte. */
  readonly cgram: string;
  readonly displayOn: boolean;
  readonly cursorOn: boolean;
  readonly blinkOn: boolean;
  /** Address counter; selects DDRAM or CGRAM per `addressTarget`. */
  readonly address: number;
  readonly addressTarget: "ddram" | "cgram";
  readonly increment: boolean;
  readonly shiftOnEntry: boolean;
  readonly eightBit: boolean;
  readonly twoLines: boolean;
  readonly font5x10: boolean;
  /** Display shift in characters (positive: content moved left). */
  readonly shift: number;
  /** Write strobes (E falling, RW low) that came while the controller was still busy. */
  readonly busyViolations: number;
  /** Bytes executed (instructions and data) since power-on. */
  readonly transfers: number;
}

const DDRAM_SIZE = 80;
const LINE_LENGTH = 40;
const SECOND_LINE = 0x40;

// Execution times (ns): clear and home 1.52 ms, the rest 37 µs; data writes add tADD = 4 µs.
const LONG_NS = 1_520_000;
const SHORT_NS = 37_000;
const WRITE_NS = 41_000;
/** After power-on the controller ignores the bus for a while (datasheet: wait > 15 ms at 4.5 V). */
const POWER_ON_NS = 15_000_000;

const SIGNAL_RS = 8;
const SIGNAL_RW = 9;
const SIGNAL_E = 10;

export class Hd44780 {
  private readonly ddramBytes = new Uint8Array(DDRAM_SIZE).fill(0x20);
  private readonly cgramBytes = new Uint8Array(64);
  /** Pin id → signal number (0..7 = D0..D7, then RS, RW, E); a pin may carry several signals. */
  private readonly signalsOfPin = new Map<number, number[]>();
  /** Current level of each signal; D lines not wired read high (the HD44780's pull-ups). */
  private levels: number;
  private pendingHighNibble: number | null = null;
  private busyUntilNs = POWER_ON_NS;

  private ac = 0;
  private target: "ddram" | "cgram" = "ddram";
  private increment = true;
  private shiftOnEntry = false;
  private displayOn = false;
  private cursorOn = false;
  private blinkOn = false;
  private eightBit = true;
  private twoLines = false;
  private font5x10 = false;
  private shift = 0;
  private busyViolations = 0;
  private transfers = 0;

  constructor(
    wiring: Hd44780Wiring,
    readonly geometry: Hd44780Geometry = { cols: 16, rows: 2 },
  ) {
    if (wiring.d.length !== 4 && wiring.d.length !== 8) {
      throw new RangeError(`an HD44780 needs 4 or 8 data pins, got ${wiring.d.length}`);
    }
    const firstLine = wiring.d.length === 4 ? 4 : 0;
    wiring.d.forEach((pin, i) => this.wire(pin, firstLine + i));
    this.wire(wiring.rs, SIGNAL_RS);
    this.wire(wiring.e, SIGNAL_E);
    if (wiring.rw !== undefined) this.wire(wiring.rw, SIGNAL_RW);
    const unwiredData = wiring.d.length === 4 ? 0x0f : 0;
    this.levels = unwiredData;
  }

  private wire(pin: number, signal: number): void {
    const signals = this.signalsOfPin.get(pin) ?? [];
    signals.push(signal);
    this.signalsOfPin.set(pin, signals);
  }

  /** Tells the controller a pin's new level; `timeNs` is the time since power-on. */
  pinChanged(pin: number, level: boolean | number, timeNs: number): void {
    const signals = this.signalsOfPin.get(pin);
    if (!signals) return;
    const before = this.levels;
    for (const signal of signals) {
      if (level) this.levels |= 1 << signal;
      else this.levels &= ~(1 << signal);
    }
    const eFell = before & (1 << SIGNAL_E) && !(this.levels & (1 << SIGNAL_E));
    if (eFell) this.latch(timeNs);
  }

  /** E fell: take the bus as one transfer (8-bit mode) or one nibble (4-bit mode, high nibble first). */
  private latch(timeNs: number): void {
    const rs = (this.levels >> SIGNAL_RS) & 1;
    const read = (this.levels >> SIGNAL_RW) & 1;
    const bus = this.levels & 0xff;
    // A busy controller ignores the bus, so every write strobe (each nibble too) must wait it out.
    if (!read && timeNs < this.busyUntilNs) this.busyViolations++;
    let value: number;
    if (this.eightBit) {
      value = bus;
    } else if (this.pendingHighNibble === null) {
      this.pendingHighNibble = bus & 0xf0;
      return;
    } else {
      value = this.pendingHighNibble | (bus >> 4);
      this.pendingHighNibble = null;
    }
    if (read) {
      // Busy flag/address reads change nothing; a data read moves the address counter like a write.
      if (rs) this.stepAddress();
      return;
    }
    this.transfers++;
    this.busyUntilNs = timeNs + (rs ? this.writeData(value) : this.instruction(value));
  }

  /** Runs one instruction; returns its execution time in ns. */
  private instruction(code: number): number {
    if (code & 0x80) {
      this.target = "ddram";
      this.ac = code & 0x7f;
    } else if (code & 0x40) {
      this.target = "cgram";
      this.ac = code & 0x3f;
    } else if (code & 0x20) {
      this.eightBit = (code & 0x10) !== 0;
      this.twoLines = (code & 0x08) !== 0;
      this.font5x10 = (code & 0x04) !== 0;
      this.pendingHighNibble = null;
    } else if (code & 0x10) {
      const right = (code & 0x04) !== 0;
      if (code & 0x08) this.shiftDisplay(right ? -1 : 1);
      else this.ac = this.ddramStep(this.ac, right ? 1 : -1);
    } else if (code & 0x08) {
      this.displayOn = (code & 0x04) !== 0;
      this.cursorOn = (code & 0x02) !== 0;
      this.blinkOn = (code & 0x01) !== 0;
    } else if (code & 0x04) {
      this.increment = (code & 0x02) !== 0;
      this.shiftOnEntry = (code & 0x01) !== 0;
    } else if (code & 0x02) {
      this.target = "ddram";
      this.ac = 0;
      this.shift = 0;
      return LONG_NS;
    } else if (code & 0x01) {
      this.ddramBytes.fill(0x20);
      this.target = "ddram";
      this.ac = 0;
      this.shift = 0;
      this.increment = true;
      return LONG_NS;
    }
    return SHORT_NS;
  }

  /** Writes a data byte to DDRAM or CGRAM at the address counter; returns the execution time in ns. */
  private writeData(value: number): number {
    if (this.target === "cgram") {
      this.cgramBytes[this.ac & 0x3f] = value;
    } else {
      this.ddramBytes[this.ddramIndex(this.ac)] = value;
      if (this.shiftOnEntry) this.shiftDisplay(this.increment ? 1 : -1);
    }
    this.stepAddress();
    return WRITE_NS;
  }

  private stepAddress(): void {
    const step = this.increment ? 1 : -1;
    if (this.target === "cgram") this.ac = (this.ac + step) & 0x3f;
    else this.ac = this.ddramStep(this.ac, step);
  }

  /** Next DDRAM address: 2-line mode runs 0x00..0x27 then 0x40..0x67 and wraps; 1-line mode 0x00..0x4F. */
  private ddramStep(address: number, step: number): number {
    if (!this.twoLines) return (this.ddramIndex(address) + step + DDRAM_SIZE) % DDRAM_SIZE;
    const index = (this.ddramIndex(address) + step + DDRAM_SIZE) % DDRAM_SIZE;
    return index < LINE_LENGTH ? index : SECOND_LINE + index - LINE_LENGTH;
  }

  /** DDRAM byte index of an address (addresses the datasheet leaves undefined wrap within their line). */
  private ddramIndex(address: number): number {
    if (!this.twoLines) return address % DDRAM_SIZE;
    return address < SECOND_LINE
      ? address % LINE_LENGTH
      : LINE_LENGTH + ((address - SECOND_LINE) % LINE_LENGTH);
  }

  private shiftDisplay(by: number): void {
    const period = this.twoLines ? LINE_LENGTH : DDRAM_SIZE;
    this.shift = (((this.shift + by) % period) + period) % period;
  }

  /** The DDRAM code shown at a row and column of the glass, or null where nothing is driven. */
  charCodeAt(row: number, col: number): number | null {
    const { cols } = this.geometry;
    if (!this.twoLines) {
      if (row !== 0) return null;
      return this.ddramBytes[(col + this.shift) % DDRAM_SIZE]!;
    }
    // 4-row glass is two controller lines folded: rows 2 and 3 continue rows 0 and 1 after `cols`.
    const line = row % 2;
    const offset = Math.floor(row / 2) * cols;
    return this.ddramBytes[line * LINE_LENGTH + ((offset + col + this.shift) % LINE_LENGTH)]!;
  }

  state(): Hd44780State {
    const { cols, rows } = this.geometry;
    const lines: string[] = [];
    for (let row = 0; row < rows; row++) {
      let text = "";
      for (let col = 0; col < cols; col++) {
        const code = this.charCodeAt(row, col);
        text += code === null ? " " : romA00Char(code);
      }
      lines.push(text.replace(/ +$/, ""));
    }
    return {
      lines,
      ddram: toHex(this.ddramBytes),
      cgram: toHex(this.cgramBytes),
      displayOn: this.displayOn,
      cursorOn: this.cursorOn,
      blinkOn: this.blinkOn,
      address: this.ac,
      addressTarget: this.target,
      increment: this.increment,
      shiftOnEntry: this.shiftOnEntry,
      eightBit: this.eightBit,
      twoLines: this.twoLines,
      font5x10: this.font5x10,
      shift: this.shift,
      busyViolations: this.busyViolations,
      transfers: this.transfers,
    };
  }
}

function toHex(bytes: Uint8Array): string {
  let hex = "";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

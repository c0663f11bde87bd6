import { describe, expect, it } from "vitest";
import { Hd44780, type Hd44780Geometry, type Hd44780Wiring } from "./hd44780";
import { romA00Char } from "./hd44780-charset";

const US = 1000; // ns

/** Drives the controller's pins as a sketch would, with the datasheet's waits unless told otherwise. */
class Bus {
  /** Start after the controller's power-on time. */
  t = 50_000 * US;
  readonly lcd: Hd44780;

  constructor(
    readonly wiring: Hd44780Wiring,
    geometry?: Hd44780Geometry,
  ) {
    this.lcd = new Hd44780(wiring, geometry);
  }

  set(pin: number, level: number): void {
    this.lcd.pinChanged(pin, level, this.t);
    this.t += 1 * US;
  }

  /** Puts `value` on the wired data lines (low bit on the first pin) and pulses E. */
  transfer(value: number, rs: number): void {
    this.set(this.wiring.rs, rs);
    this.wiring.d.forEach((pin, i) => this.set(pin, (value >> i) & 1));
    this.set(this.wiring.e, 1);
    this.set(this.wiring.e, 0);
  }

  /** One byte: two nibbles on a 4-bit bus, one transfer on an 8-bit bus; then waits `waitUs`. */
  send(byte: number, rs: number, waitUs = 2000): void {
    if (this.wiring.d.length === 4) {
      this.transfer(byte >> 4, rs);
      this.transfer(byte & 0x0f, rs);
    } else {
      this.transfer(byte, rs);
    }
    this.t += waitUs * US;
  }

  command(code: number, waitUs?: number): void {
    this.send(code, 0, waitUs);
  }

  print(text: string, waitUs?: number): void {
    for (const ch of text) this.send(ch.charCodeAt(0), 1, waitUs);
  }

  /** The datasheet's "initializing by instruction" for a 4-bit bus, then 2 lines, display on, entry increment. */
  init4(): void {
    for (const nibble of [0x3, 0x3, 0x3, 0x2]) {
      this.transfer(nibble, 0);
      this.t += 5000 * US;
    }
    this.command(0x28);
    this.command(0x0c);
    this.command(0x01);
    this.command(0x06);
  }
}

const LIQUID_CRYSTAL_4BIT: Hd44780Wiring = { rs: 12, e: 11, d: [5, 4, 3, 2] };

function ready4(geometry?: Hd44780Geometry): Bus {
  const bus = new Bus(LIQUID_CRYSTAL_4BIT, geometry);
  bus.init4();
  return bus;
}

describe("Hd44780 on a 4-bit bus", () => {
  it("comes out of the 8→4-bit init sequence in 4-bit, 2-line mode with the display on", () => {
    const { lcd } = ready4();
    const state = lcd.state();
    expect(state).toMatchObject({
      eightBit: false,
      twoLines: true,
      font5x10: false,
      displayOn: true,
    });
    expect(state).toMatchObject({
      cursorOn: false,
      blinkOn: false,
      increment: true,
      shiftOnEntry: false,
    });
    expect(state.lines).toEqual(["", ""]);
    expect(state.busyViolations).toBe(0);
  });

  it("writes text at the address counter and moves it on", () => {
    const bus = ready4();
    bus.print("Hello, world!");
    bus.command(0x80 | 0x40); // setCursor(0, 1)
    bus.print("line 2");
    const state = bus.lcd.state();
    expect(state.lines).toEqual(["Hello, world!", "line 2"]);
    expect(state.address).toBe(0x46);
    expect(state.ddram.slice(0, 26)).toBe(Buffer.from("Hello, world!").toString("hex"));
    expect(state.ddram.slice(80, 92)).toBe(Buffer.from("line 2").toString("hex"));
  });

  it("clear blanks DDRAM and homes; home only resets the address and shift", () => {
    const bus = ready4();
    bus.command(0x04); // entry: decrement
    bus.print("ab");
    bus.command(0x18); // shift display left
    bus.command(0x02); // home
    expect(bus.lcd.state()).toMatchObject({ address: 0, shift: 0, increment: false });
    bus.command(0x01); // clear
    const state = bus.lcd.state();
    expect(state).toMatchObject({ address: 0, shift: 0, increment: true, addressTarget: "ddram" });
    expect(state.ddram).toBe("20".repeat(80));
  });

  it("decrements the address in right-to-left entry mode, wrapping from 0x00 to 0x67", () => {
    const bus = ready4();
    bus.command(0x80 | 0x05);
    bus.command(0x04);
    bus.print("ab");
    expect(bus.lcd.state().lines[0]).toBe("    ba");
    bus.command(0x80);
    bus.print("xy");
    expect(bus.lcd.state().address).toBe(0x66);
    expect(bus.lcd.state().lines[1]).toBe("");
    expect(bus.lcd.state().ddram.slice(158, 160)).toBe("79"); // 'y' at 0x67, the last byte of line 2
  });

  it("runs 0x00..0x27 on into 0x40 (line 2) in 2-line mode", () => {
    const bus = ready4();
    bus.command(0x80 | 0x27);
    bus.print("AB");
    expect(bus.lcd.state().lines[1]!.startsWith("B")).toBe(true);
    expect(bus.lcd.state().address).toBe(0x41);
  });

  it("shifts the display left and right; the window wraps round the 40-byte line", () => {
    const bus = ready4();
    bus.print("Hi");
    bus.command(0x1c); // scrollDisplayRight
    expect(bus.lcd.state().lines[0]).toBe(" Hi");
    bus.command(0x18); // scrollDisplayLeft
    bus.command(0x18);
    expect(bus.lcd.state().lines[0]).toBe("i");
    expect(bus.lcd.state().shift).toBe(1);
  });

  it("moves the cursor without writing", () => {
    const bus = ready4();
    bus.command(0x14); // right
    bus.command(0x14);
    bus.command(0x10); // left
    bus.print("x");
    expect(bus.lcd.state().lines[0]).toBe(" x");
  });

  it("autoscrolls on entry: text written past the right edge pushes the window along", () => {
    const bus = ready4();
    bus.command(0x80 | 16); // setCursor(16, 0): just off the glass
    bus.command(0x07); // autoscroll
    bus.print("ab");
    expect(bus.lcd.state().lines[0]).toBe("              ab");
    expect(bus.lcd.state().shift).toBe(2);
  });

  it("stores CGRAM characters and shows codes 0..7 as U+E000..U+E007", () => {
    const bus = ready4();
    const heart = [0x00, 0x0a, 0x1f, 0x1f, 0x0e, 0x04, 0x00, 0x00];
    bus.command(0x40 | (1 << 3)); // createChar(1, heart)
    for (const row of heart) bus.send(row, 1);
    expect(bus.lcd.state().addressTarget).toBe("cgram");
    bus.command(0x80);
    bus.send(1, 1);
    bus.send(9, 1); // 8..15 mirror 0..7
    const state = bus.lcd.state();
    expect(state.cgram.slice(16, 32)).toBe("000a1f1f0e040000");
    expect(state.lines[0]!.slice(0, 2)).toBe("\ue001\ue001");
  });

  it("sets the display, cursor and blink flags", () => {
    const bus = ready4();
    bus.command(0x0f);
    expect(bus.lcd.state()).toMatchObject({ displayOn: true, cursorOn: true, blinkOn: true });
    bus.command(0x08);
    expect(bus.lcd.state()).toMatchObject({ displayOn: false, cursorOn: false, blinkOn: false });
  });

  it("folds the two controller lines onto a 20x4 glass (rows 2 and 3 start at 0x14 and 0x54)", () => {
    const bus = ready4({ cols: 20, rows: 4 });
    bus.command(0x80 | 0x14);
    bus.print("row 2");
    bus.command(0x80 | 0x54);
    bus.print("row 3");
    bus.command(0x80 | 0x40);
    bus.print("row 1");
    expect(bus.lcd.state().lines).toEqual(["", "row 1", "row 2", "row 3"]);
    expect(bus.lcd.charCodeAt(2, 4)).toBe("2".charCodeAt(0));
    expect(bus.lcd.charCodeAt(3, 19)).toBe(0x20);
  });

  it("in 1-line mode shows one 80-byte line and leaves row 2 dark", () => {
    const bus = new Bus(LIQUID_CRYSTAL_4BIT);
    for (const nibble of [0x3, 0x3, 0x3, 0x2]) {
      bus.transfer(nibble, 0);
      bus.t += 5000 * US;
    }
    bus.command(0x20); // 4-bit, 1 line
    bus.command(0x0c);
    bus.command(0x80 | 0x4f);
    bus.print("zA");
    const state = bus.lcd.state();
    expect(state.twoLines).toBe(false);
    expect(state.lines).toEqual(["A", ""]);
  });

  it("counts write strobes (each nibble) made while the controller is busy", () => {
    const bus = ready4();
    bus.command(0x01, 100); // clear needs 1.52 ms; the next write comes after 0.1 ms
    bus.print("ok", 50);
    bus.print("x", 10); // data writes need 41 µs:"y" comes too soon after"x"
    bus.print("y");
    const state = bus.lcd.state();
    expect(state.busyViolations).toBe(4); // both nibbles of "o" and of"y"
    expect(state.lines[0]).toBe("okxy");
  });

  it("counts a command before the power-on time is over", () => {
    const bus = new Bus(LIQUID_CRYSTAL_4BIT);
    bus.t = 1000 * US;
    bus.transfer(0x3, 0);
    expect(bus.lcd.state().busyViolations).toBe(1);
  });

  it("does not write when RW is high (a read), but keeps the nibble phase", () => {
    const bus = new Bus({ ...LIQUID_CRYSTAL_4BIT, rw: 10 });
    bus.init4();
    bus.set(10, 1);
    bus.command(0x80 | 0x05); // a busy-flag read: two nibbles, nothing happens
    bus.set(10, 0);
    bus.print("A");
    expect(bus.lcd.state().lines[0]).toBe("A");
  });
});

describe("Hd44780 on an 8-bit bus", () => {
  it("takes whole bytes, and the data lines D0..D7 in order", () => {
    const bus = new Bus({ rs: 8, e: 9, d: [2, 3, 4, 5, 6, 7, 10, 11] });
    bus.command(0x38);
    bus.command(0x0e);
    bus.command(0x01);
    bus.command(0x06);
    bus.print("8-bit {~}");
    expect(bus.lcd.state()).toMatchObject({
      eightBit: true,
      twoLines: true,
      displayOn: true,
      cursorOn: true,
    });
    expect(bus.lcd.state().lines[0]).toBe("8-bit {→}");
  });

  it("wants 4 or 8 data pins", () => {
    expect(() => new Hd44780({ rs: 1, e: 2, d: [3, 4, 5] })).toThrow(RangeError);
  });
});

describe("romA00Char", () => {
  it("maps ROM A00 to Unicode one character per code", () => {
    expect(romA00Char(0x41)).toBe("A");
    expect(romA00Char(0x5c)).toBe("¥");
    expect(romA00Char(0xdf)).toBe("°");
    expect(romA00Char(0xb1)).toBe("ｱ");
    expect(romA00Char(0xe4)).toBe("μ");
    expect(romA00Char(0xf4)).toBe("Ω");
    expect(romA00Char(0xff)).toBe("█");
    expect(romA00Char(0x03)).toBe("\ue003");
    for (let code = 0; code < 256; code++) expect(romA00Char(code)).toHaveLength(1);
  });
});

/** LCDs on a running Uno with LiquidCrystal: text, a custom character, and no power, no display. */
import { describe, expect, it } from "vitest";
import { AvrSimulation } from "../avr-simulation";
import { BOARDS } from "../boards";
import { buildSketch } from "../test-support/arduino-sketch";
import { lcd4BitWires } from "../test-support/lcd-wiring";
import { CircuitSimulation } from "./circuit-simulation";
import { Lcd } from "./lcd";

const sketch = (cols: number, rows: number) => `#include <LiquidCrystal.h>
LiquidCrystal lcd(12, 11, 5, 4, 3, 2);
byte heart[8] = {0b00000, 0b01010, 0b11111, 0b11111, 0b11111, 0b01110, 0b00100, 0b00000};
void setup() {
  lcd.createChar(0, heart);
  lcd.begin(${cols}, ${rows});
  lcd.print("hello");
  lcd.setCursor(2, ${rows - 1});
  lcd.write(byte(0));
  lcd.print(" OhmCloud");
}
void loop() {}`;

/** The usual 4-bit wiring; `power` false leaves VDD unconnected. */
function start(kind: "lcd1602" | "lcd2004", cols: number, rows: number, power = true) {
  const wires = lcd4BitWires("lcd", "uno", { powered: power });
  const circuit = new CircuitSimulation(
    {
      components: [
        { id: "uno", kind: "uno" },
        { id: "lcd", kind },
      ],
      wires,
    },
    { uno: new AvrSimulation(BOARDS.uno, buildSketch(sketch(cols, rows))) },
  );
  circuit.runFor(300);
  return { circuit, lcd: circuit.partBehaviour("lcd", Lcd) };
}

describe("LCD", () => {
  it("shows LiquidCrystal's text and a custom character on a 1602", () => {
    const { circuit, lcd } = start("lcd1602", 16, 2);
    expect(lcd.lines()).toEqual(["hello", "  \uE000 OhmCloud"]);
    // CGRAM character 0 holds the heart, one row per byte.
    expect(lcd.state()!.cgram.slice(0, 16)).toBe("000a1f1f1f0e0400");
    expect(lcd.state()!.busyViolations).toBe(0);
    expect(circuit.warnings).toEqual([]);
  });

  it("uses all four rows of a 2004", () => {
    const { lcd } = start("lcd2004", 20, 4);
    expect(lcd.lines()).toEqual(["hello", "", "", "  \uE000 OhmCloud"]);
  });

  it("shows nothing without power on VDD", () => {
    const { lcd } = start("lcd1602", 16, 2, false);
    expect(lcd.state()).toBeNull();
    expect(lcd.lines()).toEqual(["", ""]);
  });
});

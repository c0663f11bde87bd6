/** Example "LCD Hello, world!": LiquidCrystal in 4-bit mode, text on row 1, seconds counted on row 2. */
import { exampleProject, type Example, type ExamplePart } from "./example";
import { lcdOverBoard } from "./lcd-wiring";

const BOARD: ExamplePart = { id: "uno", kind: "uno", x: 200, y: 240 };
const LCD = lcdOverBoard(BOARD);

const SKETCH = `/*
  LiquidCrystal: Hello, world!

  Prints "Hello, world!" on a 16x2 character LCD and counts the seconds since
  reset on the second row.

  The LCD runs in 4-bit mode: only D4..D7 carry data.
    LCD RS -> pin 12      LCD D4 -> pin 5
    LCD E  -> pin 11      LCD D5 -> pin 4
    LCD RW -> GND         LCD D6 -> pin 3
                          LCD D7 -> pin 2
    VSS and V0 (contrast) to GND, VDD to 5V; the backlight A through 220 ohm
    to 5V and K to GND.
*/

#include <LiquidCrystal.h>

// LiquidCrystal(rs, enable, d4, d5, d6, d7)
LiquidCrystal lcd(12, 11, 5, 4, 3, 2);

void setup() {
  lcd.begin(16, 2);           // 16 columns, 2 rows
  lcd.print("Hello, world!");
}

void loop() {
  lcd.setCursor(0, 1);        // column 0, row 1 (rows count from 0)
  lcd.print(millis() / 1000); // seconds since reset
}
`;

export const LCD_HELLO: Example = {
  id: "lcd-hello",
  title: "LCD \u201cHello, world!\u201d",
  description: "A 16×2 LCD (LiquidCrystal, 4-bit) says hello and counts the seconds.",
  project: exampleProject(SKETCH, [BOARD, ...LCD.parts], [...LCD.wires]),
};

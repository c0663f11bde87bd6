/** Part views of circuits running real compiled sketches: what the page would draw. */
import { describe, expect, it } from "vitest";
import { AvrSimulation } from "../avr-simulation";
import { BOARDS } from "../boards";
import type { Circuit } from "../circuit/circuit";
import { buildSketch } from "../test-support/arduino-sketch";
import { lcd4BitWires } from "../test-support/lcd-wiring";
import { CircuitSimulation } from "./circuit-simulation";
import { lcdCursorCell, type PartView } from "./part-view";

function run(circuit: Circuit, sketch: string, ms: number): Record<string, PartView> {
  const simulation = new CircuitSimulation(circuit, {
    uno: new AvrSimulation(BOARDS.uno, buildSketch(sketch)),
  });
  simulation.runFor(ms);
  return simulation.partViews();
}

const codes = (text: string) => [...text].map((c) => c.charCodeAt(0));

describe("part views", () => {
  it("shows an LED on PWM at its duty and the board's L LED following D13", () => {
    const views = run(
      {
        components: [
          { id: "uno", kind: "uno" },
          { id: "r1", kind: "resistor", props: { ohms: 220 } },
          { id: "led1", kind: "led" },
        ],
        wires: [
          ["uno.D9", "r1.1"],
          ["r1.2", "led1.A"],
          ["led1.C", "uno.GND"],
        ],
      },
      "void setup() { pinMode(13, OUTPUT); digitalWrite(13, HIGH); analogWrite(9, 64); }\nvoid loop() {}",
      300,
    );
    expect(Object.keys(views).sort()).toEqual(["led1", "uno"]); // a resistor shows nothing
    expect(views.uno).toEqual({ type: "board", led13: 1, tx: false, rx: false });
    const led = views.led1 as Extract<PartView, { type: "led" }>;
    expect(led.type).toBe("led");
    expect(led.brightness).toBeGreaterThan(0.23); // 64 / 255 over ~10 PWM periods
    expect(led.brightness).toBeLessThan(0.27);
  }, 120_000);

  it("shows a powered servo at 90° and an unpowered one as unknown", () => {
    const views = run(
      {
        components: [
          { id: "uno", kind: "uno" },
          { id: "servo1", kind: "servo" },
          { id: "servo2", kind: "servo" },
        ],
        wires: [
          ["servo1.PWM", "uno.D9"],
          ["servo1.V+", "uno.5V"],
          ["servo1.GND", "uno.GND"],
          ["servo2.PWM", "uno.D9"], // no power
        ],
      },
      `#include <Servo.h>
Servo servo;
void setup() { servo.attach(9); servo.write(90); }
void loop() {}`,
      200,
    );
    const servo1 = views.servo1 as Extract<PartView, { type: "servo" }>;
    expect(Math.abs(servo1.angle! - 90)).toBeLessThan(1);
    expect(views.servo2).toEqual({ type: "servo", angle: null });
  }, 120_000);

  const LCD_SKETCH = `#include <LiquidCrystal.h>
LiquidCrystal lcd(12, 11, 5, 4, 3, 2);
byte heart[8] = {0b00000, 0b01010, 0b11111, 0b11111, 0b11111, 0b01110, 0b00100, 0b00000};
void setup() {
  lcd.createChar(0, heart);
  lcd.begin(16, 2);
  lcd.print("hello");
  lcd.setCursor(2, 1);
  lcd.write(byte(0));
  lcd.print(" Ohm");
  lcd.cursor();
}
void loop() {}`;

  function lcdCircuit(powered: boolean): Circuit {
    const wires = lcd4BitWires("lcd", "uno", { powered });
    return {
      components: [
        { id: "uno", kind: "uno" },
        { id: "lcd", kind: "lcd1602" },
      ],
      wires,
    };
  }

  it("shows an LCD's text, custom character and cursor", () => {
    const view = run(lcdCircuit(true), LCD_SKETCH, 300).lcd as Extract<PartView, { type: "lcd" }>;
    expect(view.columns).toBe(16);
    expect(view.rows).toBe(2);
    expect(view.characters).toHaveLength(32);
    expect(view.characters.slice(0, 16)).toEqual(codes("hello".padEnd(16)));
    expect(view.characters.slice(16, 32)).toEqual([
      ...codes("  "),
      0, // CGRAM character 0: the heart
      ...codes(" Ohm".padEnd(13)),
    ]);
    expect(view.customCharacters).toHaveLength(8);
    expect(view.customCharacters[0]).toEqual([0, 10, 31, 31, 31, 14, 4, 0]);
    expect(view.customCharacters[1]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    // After "  ♥ Ohm" on row 1 the cursor sits on column 7; LiquidCrystal leaves blink off.
    expect(view).toMatchObject({
      powered: true,
      cursor: true,
      blink: false,
      cursorRow: 1,
      cursorColumn: 7,
    });
  }, 120_000);

  it("shows an unpowered LCD blank", () => {
    const view = run(lcdCircuit(false), LCD_SKETCH, 300).lcd as Extract<PartView, { type: "lcd" }>;
    expect(view.powered).toBe(false);
    expect(view.cursor).toBe(false);
    expect(new Set(view.characters)).toEqual(new Set([0x20]));
  }, 120_000);

  it("shows the segments of a 7-segment digit", () => {
    const views = run(
      {
        components: [
          { id: "uno", kind: "uno" },
          { id: "seg", kind: "7segment", props: { common: "cathode" } },
          ...["A", "B", "C", "D", "E", "F", "G", "DP"].map((_, i) => ({
            id: `r${i}`,
            kind: "resistor",
            props: { ohms: 220 },
          })),
        ],
        wires: [
          ...["A", "B", "C", "D", "E", "F", "G", "DP"].flatMap((segment, i): [string, string][] => [
            [`uno.D${2 + i}`, `r${i}.1`],
            [`r${i}.2`, `seg.${segment}`],
          ]),
          ["seg.COM.1", "uno.GND"],
        ],
      },
      // Digit 3: segments a, b, c, d, g (bit 0 = a on D2).
      `void setup() { for (int s = 0; s < 8; s++) { pinMode(2 + s, OUTPUT); digitalWrite(2 + s, (0x4F >> s) & 1); } }
void loop() {}`,
      20,
    );
    expect(views.seg).toEqual({ type: "seven-segment", segments: [1, 1, 1, 1, 0, 0, 1, 0] });
  }, 120_000);

  it("shows a buzzer's tone(8, 440) and a buzzer with a leg open as silent", () => {
    const views = run(
      {
        components: [
          { id: "uno", kind: "uno" },
          { id: "bz1", kind: "buzzer" },
          { id: "bz2", kind: "buzzer" },
        ],
        wires: [
          ["bz1.2", "uno.D8"],
          ["bz1.1", "uno.GND"],
          ["bz2.2", "uno.D8"], // bz2.1 open
        ],
      },
      "void setup() { tone(8, 440); }\nvoid loop() {}",
      200,
    );
    const bz1 = views.bz1 as Extract<PartView, { type: "buzzer" }>;
    expect(Math.abs(bz1.frequencyHz! - 440) / 440).toBeLessThan(0.01);
    expect(views.bz2).toEqual({ type: "buzzer", frequencyHz: null });
  }, 120_000);

  it("shows an RGB LED's mix, a DC motor's speed and a relay's contacts", () => {
    const views = run(
      {
        components: [
          { id: "uno", kind: "uno" },
          { id: "rgb", kind: "rgb-led" },
          ...["R", "G", "B"].map((c) => ({ id: `r${c}`, kind: "resistor", props: { ohms: 220 } })),
          { id: "motor", kind: "dc-motor" },
          { id: "relay", kind: "relay" },
        ],
        wires: [
          ["uno.D5", "rR.1"],
          ["rR.2", "rgb.R"],
          ["uno.D6", "rG.1"],
          ["rG.2", "rgb.G"],
          ["uno.D10", "rB.1"],
          ["rB.2", "rgb.B"],
          ["rgb.COM", "uno.GND"],
          ["motor.+", "uno.D3"],
          ["motor.-", "uno.GND"],
          ["relay.VCC", "uno.5V"],
          ["relay.GND", "uno.GND"],
          ["relay.IN", "uno.D7"],
        ],
      },
      `void setup() {
  analogWrite(5, 255); analogWrite(6, 0); analogWrite(10, 128);
  analogWrite(3, 255);
  pinMode(7, OUTPUT); digitalWrite(7, HIGH);
}
void loop() {}`,
      100,
    );
    const rgb = views.rgb as Extract<PartView, { type: "rgb-led" }>;
    expect(rgb.r).toBe(1);
    expect(rgb.g).toBe(0);
    expect(rgb.b).toBeGreaterThan(0.45);
    expect(rgb.b).toBeLessThan(0.55);
    expect(views.motor).toEqual({ type: "dc-motor", speed: 1 });
    expect(views.relay).toEqual({ type: "relay", closed: true });
  }, 120_000);

  it("times the parts of a second board on that board's clock", () => {
    // Boards run in turns of 1 ms: a pulse width or tone period on uno2 is measured in uno2's time.
    const simulation = new CircuitSimulation(
      {
        components: [
          { id: "uno1", kind: "uno" },
          { id: "uno2", kind: "uno" },
          { id: "servo1", kind: "servo" },
          { id: "bz1", kind: "buzzer" },
        ],
        wires: [
          ["servo1.PWM", "uno2.D9"],
          ["servo1.V+", "uno2.5V"],
          ["servo1.GND", "uno2.GND"],
          ["bz1.2", "uno2.D8"],
          ["bz1.1", "uno2.GND"],
        ],
      },
      {
        uno1: new AvrSimulation(BOARDS.uno, buildSketch("void setup() {}\nvoid loop() {}")),
        uno2: new AvrSimulation(
          BOARDS.uno,
          buildSketch(`#include <Servo.h>
Servo servo;
void setup() { servo.attach(9); servo.write(90); tone(8, 440); }
void loop() {}`),
        ),
      },
    );
    simulation.runFor(200);
    const views = simulation.partViews();
    const servo = views.servo1 as Extract<PartView, { type: "servo" }>;
    expect(Math.abs(servo.angle! - 90)).toBeLessThan(1);
    const buzzer = views.bz1 as Extract<PartView, { type: "buzzer" }>;
    expect(Math.abs(buzzer.frequencyHz! - 440) / 440).toBeLessThan(0.01);
  }, 120_000);

  it("places the cursor on a folded 20×4 glass", () => {
    const state = { addressTarget: "ddram", twoLines: true, shift: 0 } as const;
    const cell = (address: number) =>
      lcdCursorCell({ ...state, address } as never, { cols: 20, rows: 4 });
    expect(cell(0x00)).toEqual({ row: 0, column: 0 });
    expect(cell(0x45)).toEqual({ row: 1, column: 5 });
    expect(cell(0x14)).toEqual({ row: 2, column: 0 });
    expect(cell(0x54 + 19)).toEqual({ row: 3, column: 19 });
  }, 120_000);
});

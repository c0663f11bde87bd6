/**
 * Headless runs of a board in its circuit, as the CLI runs them (`parseSimRequest` → `runSim`),
 * with real sketches built by the Arduino build service.
 */
import { describe, expect, it } from "vitest";
import type { Circuit } from "./circuit/circuit";
import { CircuitError } from "./circuit/circuit";
import { runSim } from "./run-sim";
import { parseSimRequest } from "./sim-request";
import { buildSketch } from "./test-support/arduino-sketch";

const BLINK = `
void setup() { pinMode(13, OUTPUT); }
void loop() { digitalWrite(13, HIGH); delay(1000); digitalWrite(13, LOW); delay(1000); }`;

/** Prints D2's level each time it changes (D2 with its pull-up: a button to GND pulls it LOW). */
const BUTTON = `
int last = -1;
void setup() { Serial.begin(115200); pinMode(2, INPUT_PULLUP); }
void loop() {
  int level = digitalRead(2);
  if (level != last) { Serial.println(level); last = level; }
}`;

/** Prints analogRead(A0) every 50 ms. */
const POT = `
void setup() { Serial.begin(115200); }
void loop() { Serial.println(analogRead(A0)); delay(50); }`;

/** Uno D13 → 220 Ω → LED anode; the cathode on the ground rail (or nowhere). */
function blinkCircuit(withCathode = true): Circuit {
  return {
    components: [
      { id: "uno1", kind: "uno" },
      { id: "bb", kind: "breadboard", props: { size: "half" } },
      { id: "r1", kind: "resistor", props: { ohms: 220 } },
      { id: "led1", kind: "led", props: { color: "red" } },
    ],
    wires: [
      ["uno1.D13", "bb.a10"],
      ["r1.1", "bb.c10"],
      ["r1.2", "bb.c15"],
      ["led1.A", "bb.e15"],
      ...(withCathode ? ([["led1.C", "bb.e16"]] as const) : []),
      ["bb.a16", "bb.tn16"],
      ["bb.tn1", "uno1.GND"],
    ],
  };
}

const BUTTON_CIRCUIT: Circuit = {
  components: [
    { id: "uno1", kind: "uno" },
    { id: "btn1", kind: "push-button" },
  ],
  wires: [
    ["uno1.D2", "btn1.1.l"],
    ["btn1.2.l", "uno1.GND"],
  ],
};

const POT_CIRCUIT: Circuit = {
  components: [
    { id: "uno1", kind: "uno" },
    { id: "pot1", kind: "potentiometer" },
  ],
  wires: [
    ["pot1.VCC", "uno1.5V"],
    ["pot1.GND", "uno1.GND"],
    ["pot1.SIG", "uno1.A0"],
  ],
};

const lines = (serial: string) => serial.split("\r\n").slice(0, -1);

// Sketch builds (the first one compiles the Arduino core) and seconds of simulated time.
describe("runSim with a circuit", { timeout: 120_000 }, () => {
  it("traces the LED's nets while Blink runs and reports what the parts show", () => {
    const response = runSim(
      parseSimRequest({
        hex: buildSketch(BLINK),
        ms: 2100,
        circuit: blinkCircuit(),
        pins: [13, "led1.A", "led1.C"],
      }),
    );
    expect(response.mcu).toBe("uno1");
    const anode = response.netChanges!.filter((c) => c.pin === "led1.A");
    // Floating while D13 is an input after reset, LOW from pinMode(13, OUTPUT), then on, off, on.
    expect(anode.map((c) => c.value)).toEqual([null, 0, 1, 0, 1]);
    expect(anode[0]!.t_us).toBe(0);
    expect(anode[3]!.t_us - anode[2]!.t_us).toBeCloseTo(1_000_000, -4);
    // The board's own pin 13 and the net it drives change together.
    const pin13 = response.pinChanges.filter((c) => c.pin === 13).map((c) => c.t_us);
    expect(anode.slice(2).map((c) => c.t_us)).toEqual(pin13);
    expect(response.netChanges!.filter((c) => c.pin === "led1.C")).toEqual([
      { t_us: 0, pin: "led1.C", value: 0 },
    ]);
    // D13 is floating only at reset (an input until pinMode(13, OUTPUT)): nothing to warn about.
    expect(response.circuitWarnings).toEqual([]);
    expect(response.parts!.led1).toEqual({ type: "led", brightness: 1 });
  });

  it("shows no LED activity with the cathode leg unconnected", () => {
    const response = runSim(
      parseSimRequest({
        hex: buildSketch(BLINK),
        ms: 1500,
        circuit: blinkCircuit(false),
        pins: ["led1.A", "led1.C"],
      }),
    );
    // The anode still follows D13 through the resistor; the cathode has no level, so no current.
    expect(response.netChanges!.filter((c) => c.pin === "led1.A").map((c) => c.value)).toEqual([
      null,
      0,
      1,
      0,
    ]);
    expect(response.netChanges!.filter((c) => c.pin === "led1.C")).toEqual([
      { t_us: 0, pin: "led1.C", value: null },
    ]);
    expect(response.parts!.led1).toEqual({ type: "led", brightness: 0 });
  });

  it("presses a button at its time: digitalRead sees it on serial", () => {
    const response = runSim(
      parseSimRequest({
        hex: buildSketch(BUTTON),
        ms: 1000,
        circuit: BUTTON_CIRCUIT,
        partInputs: [
          { t_ms: 500, part: "btn1", pressed: true },
          { t_ms: 800, part: "btn1", pressed: false },
        ],
        pins: ["uno1.D2"],
        serialBytes: true,
      }),
    );
    expect(lines(response.serial)).toEqual(["1", "0", "1"]);
    const d2 = response.netChanges!.map(({ t_us, value }) => [t_us, value]);
    // Floating until setup() turns the pull-up on; the button joins D2 to GND while pressed.
    expect(d2.map(([, value]) => value)).toEqual([null, 1, 0, 1]);
    expect(d2[0]![0]).toBe(0);
    expect(d2[2]![0]).toBeCloseTo(500_000, 0); // at the input's cycle (the instruction may end 1 cycle late)
    expect(d2[3]![0]).toBeCloseTo(800_000, 0);
    const zero = response.serialBytes!.find((b) => b.byte === "0".charCodeAt(0))!;
    expect(zero.t_us).toBeGreaterThan(500_000);
    expect(zero.t_us).toBeLessThan(501_000);
  });

  it("sets a potentiometer's position: analogRead follows", () => {
    const response = runSim(
      parseSimRequest({
        hex: buildSketch(POT),
        ms: 400,
        circuit: POT_CIRCUIT,
        partInputs: [
          { t_ms: 0, part: "pot1", control: "position", value: 0.25 },
          { t_ms: 200, part: "pot1", control: "position", value: 1 },
        ],
      }),
    );
    const readings = lines(response.serial).map(Number);
    expect(readings.length).toBe(8); // every 50 ms
    for (const reading of readings.slice(0, 4)) expect(reading).toBeCloseTo(256, -1);
    expect(readings.slice(4)).toEqual([1023, 1023, 1023, 1023]);
  });

  it("logs each circuit warning with the time it first appeared", () => {
    const circuit: Circuit = {
      components: [
        { id: "uno1", kind: "uno" },
        { id: "led1", kind: "led" },
      ],
      wires: [
        ["uno1.D13", "led1.A"],
        ["led1.C", "uno1.GND"],
      ],
    };
    const response = runSim(
      parseSimRequest({ hex: buildSketch(BLINK), ms: 300, circuit, pins: ["led1.A"] }),
    );
    // D13 floats from reset until pinMode(13, OUTPUT): start-up, not logged.
    const [short] = response.circuitWarnings!;
    expect(short).toMatchObject({ kind: "no-series-resistor", pins: ["led1.A", "led1.C"] });
    expect(short!.message).toMatch(/^led1: no series resistor between uno1\.D13 and uno1\.GND/);
    const driven = response.netChanges!.find((c) => c.value === 0)!; // pinMode(13, OUTPUT)
    expect(short!.t_us).toBe(driven.t_us);
    expect(response.circuitWarnings).toHaveLength(1); // logged once, not at every blink
  });

  it("runs the board `mcu` names; the other boards run nothing", () => {
    const circuit: Circuit = {
      components: [...blinkCircuit().components, { id: "uno2", kind: "uno" }],
      wires: [...blinkCircuit().wires, ["uno2.D13", "uno1.D12"]],
    };
    const response = runSim(
      parseSimRequest({
        hex: buildSketch(BLINK),
        ms: 100,
        circuit,
        mcu: "uno1",
        pins: ["led1.A", "uno2.D13"],
      }),
    );
    expect(response.netChanges!.map(({ pin, value }) => [pin, value])).toEqual([
      ["led1.A", null],
      ["uno2.D13", null], // uno2 runs no program: its D13 stays an input, uno1's D12 too
      ["led1.A", 0],
      ["led1.A", 1],
    ]);
  });

  it("reports a servo's angle and an LCD's text in the parts at the end", () => {
    const sketch = `#include <LiquidCrystal.h>
#include <Servo.h>
LiquidCrystal lcd(12, 11, 5, 4, 3, 2);
Servo servo;
void setup() { servo.attach(9); servo.write(90); lcd.begin(16, 2); lcd.print("hello"); }
void loop() {}`;
    const circuit: Circuit = {
      components: [
        { id: "uno1", kind: "uno" },
        { id: "servo1", kind: "servo" },
        { id: "lcd1", kind: "lcd1602" },
      ],
      wires: [
        ["servo1.PWM", "uno1.D9"],
        ["servo1.V+", "uno1.5V"],
        ["servo1.GND", "uno1.GND"],
        ["lcd1.VSS", "uno1.GND"],
        ["lcd1.VDD", "uno1.5V"],
        ["lcd1.RW", "uno1.GND"],
        ["lcd1.RS", "uno1.D12"],
        ["lcd1.E", "uno1.D11"],
        ["lcd1.D4", "uno1.D5"],
        ["lcd1.D5", "uno1.D4"],
        ["lcd1.D6", "uno1.D3"],
        ["lcd1.D7", "uno1.D2"],
      ],
    };
    const { parts } = runSim(parseSimRequest({ hex: buildSketch(sketch), ms: 200, circuit }));
    expect(parts!.servo1).toEqual({ type: "servo", angle: expect.closeTo(90, 0) });
    const lcd = parts!.lcd1;
    if (lcd?.type !== "lcd") throw new Error(`lcd1 shows ${JSON.stringify(lcd)}`);
    expect(lcd).toMatchObject({ columns: 16, rows: 2, powered: true });
    const firstRow = String.fromCharCode(...lcd.characters.slice(0, 16)).trimEnd();
    expect(firstRow).toBe("hello");
  });

  it("fails with a CircuitError for a circuit the model refuses", () => {
    const circuit: Circuit = {
      components: [
        { id: "uno1", kind: "uno" },
        { id: "led1", kind: "led" },
      ],
      wires: [["uno1.D13", "led1.X"]],
    };
    const request = parseSimRequest({ hex: buildSketch(BLINK), ms: 10, circuit });
    expect(() => runSim(request)).toThrow(new CircuitError("wire: no pin led1.X"));
  });
});

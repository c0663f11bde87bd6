/** Example "Traffic lights": red, yellow and green LEDs on a half breadboard, in the usual sequence. */
import { partGeometry, pinPosition } from "../workspace/model";
import { exampleProject, pinOf, type Example, type ExampleWire, type ExamplePart } from "./example";

const SKETCH = `/*
  Traffic lights

  Runs a traffic light: red, red + yellow, green, yellow, and red again.

  The three LEDs sit on a breadboard, each with a 220 ohm resistor from its
  cathode (the short leg) to the GND rail. Pins 10, 9 and 8 drive the anodes.
*/

const int RED_PIN = 10;
const int YELLOW_PIN = 9;
const int GREEN_PIN = 8;

// Switches each light on (true) or off (false).
void lights(bool red, bool yellow, bool green) {
  digitalWrite(RED_PIN, red ? HIGH : LOW);
  digitalWrite(YELLOW_PIN, yellow ? HIGH : LOW);
  digitalWrite(GREEN_PIN, green ? HIGH : LOW);
}

void setup() {
  pinMode(RED_PIN, OUTPUT);
  pinMode(YELLOW_PIN, OUTPUT);
  pinMode(GREEN_PIN, OUTPUT);
}

void loop() {
  lights(true, false, false);   // stop
  delay(3000);
  lights(true, true, false);    // get ready
  delay(1000);
  lights(false, false, true);   // go
  delay(3000);
  lights(false, true, false);   // stop if you safely can
  delay(1000);
}
`;

/** Each light: its colour, the pin driving it and the breadboard column of its cathode. */
const LIGHTS = [
  { n: 1, color: "red", pin: "D10", column: 8 },
  { n: 2, color: "yellow", pin: "D9", column: 17 },
  { n: 3, color: "green", pin: "D8", column: 26 },
] as const;

/** The half breadboard the lights stand on. */
const BREADBOARD = {
  id: "bb",
  kind: "breadboard",
  props: { size: "half" },
  x: 150,
  y: 40,
  rotation: 0,
} as const;

const UNO_BOARD: ExamplePart = { id: "uno", kind: "uno", x: 200, y: 300 };
const GND = pinOf(UNO_BOARD, "GND");
const TN2 = pinOf(BREADBOARD, "tn2");

/** The top-left of an unrotated part of `kind` that puts its pin `pin` into breadboard hole `hole`. */
function legInHole(kind: string, pin: string, hole: string): { x: number; y: number } {
  const at = pinPosition(BREADBOARD, hole);
  const leg = partGeometry({ kind }).pins.find((candidate) => candidate.name === pin)!;
  return { x: at.x - leg.x, y: at.y - leg.y };
}

/** The hole of the top GND rail nearest above a column. */
function groundRailAbove(column: number): string {
  const { x } = pinPosition(BREADBOARD, `a${column}`);
  const rail = partGeometry(BREADBOARD).pins.filter((pin) => pin.name.startsWith("tn"));
  const distance = (pin: { x: number }) => Math.abs(BREADBOARD.x + pin.x - x);
  return rail.reduce((best, pin) => (distance(pin) < distance(best) ? pin : best)).name;
}

/**
 * Each LED stands with its legs in row a (cathode in the light's column, anode one to the right),
 * its body over the top rails; its resistor lies in row d from the cathode's column to six columns
 * left, where a jumper takes it to the GND rail. The pin's jumper comes to the anode's row e.
 */
const PARTS: ExamplePart[] = LIGHTS.flatMap(({ n, color, column }): ExamplePart[] => [
  { id: `led${n}`, kind: "led", props: { color }, ...legInHole("led", "C", `a${column}`) },
  {
    id: `r${n}`,
    kind: "resistor",
    props: { ohms: 220 },
    ...legInHole("resistor", "1", `d${column - 6}`),
  },
]);

const LIGHT_WIRES: ExampleWire[] = LIGHTS.flatMap(({ n, color, pin, column }): ExampleWire[] => [
  [`led${n}.C`, `bb.a${column}`, null],
  [`led${n}.A`, `bb.a${column + 1}`, null],
  [`r${n}.1`, `bb.d${column - 6}`, null],
  [`r${n}.2`, `bb.d${column}`, null],
  [`bb.c${column - 6}`, `bb.${groundRailAbove(column - 6)}`, "black"],
  [`uno.${pin}`, `bb.e${column + 1}`, color === "yellow" ? "orange" : color],
]);

export const TRAFFIC_LIGHTS: Example = {
  id: "traffic-lights",
  title: "Traffic lights",
  description: "Three LEDs on a breadboard run a traffic light sequence (pins 10, 9, 8).",
  project: exampleProject(
    SKETCH,
    [UNO_BOARD, BREADBOARD, ...PARTS],
    [
      ...LIGHT_WIRES,
      // The rail to the board's GND, round the breadboard's left so it crosses no other wire.
      [
        "bb.tn2",
        "uno.GND",
        "black",
        [
          { x: TN2.x, y: BREADBOARD.y - 10 },
          { x: BREADBOARD.x - 10, y: BREADBOARD.y - 10 },
          { x: BREADBOARD.x - 10, y: GND.y - 30 },
          { x: GND.x, y: GND.y - 30 },
        ],
      ],
    ],
  ),
};

/** Example "7-segment counter": a common-cathode digit counts 0–9, one step a second. */
import {
  exampleProject,
  pinOf,
  placeByPin,
  UNO,
  type Example,
  type ExampleWire,
  type ExamplePart,
} from "./example";

const SKETCH = `/*
  7-segment counter

  Counts from 0 to 9 on a one-digit 7-segment display, one step a second, and
  starts again.

  The display is common cathode: its COM pin goes to GND and a segment lights
  when its pin is HIGH. Each segment has its own 220 ohm resistor.

        A
      F   B       segment:  A  B  C  D  E  F  G
        G         pin:      2  3  4  5  6  7  8
      E   C
        D
*/

const int FIRST_SEGMENT_PIN = 2;  // segments A..G on pins 2..8

// Which segments make each digit: bit 0 = A, bit 1 = B, ... bit 6 = G.
const byte DIGITS[10] = {
  0b0111111,  // 0
  0b0000110,  // 1
  0b1011011,  // 2
  0b1001111,  // 3
  0b1100110,  // 4
  0b1101101,  // 5
  0b1111101,  // 6
  0b0000111,  // 7
  0b1111111,  // 8
  0b1101111,  // 9
};

void showDigit(int digit) {
  for (int segment = 0; segment < 7; segment++) {
    bool on = DIGITS[digit] & (1 << segment);
    digitalWrite(FIRST_SEGMENT_PIN + segment, on ? HIGH : LOW);
  }
}

void setup() {
  for (int segment = 0; segment < 7; segment++) {
    pinMode(FIRST_SEGMENT_PIN + segment, OUTPUT);
  }
}

void loop() {
  for (int digit = 0; digit <= 9; digit++) {
    showDigit(digit);
    delay(1000);
  }
}
`;

const SEGMENTS = ["A", "B", "C", "D", "E", "F", "G"] as const;

/**
 * Each segment's resistor stands upright above its pin (2..8); pins are closer together than a
 * resistor is wide, so every other one stands higher. The display is up and left of them.
 */
const RESISTORS: ExamplePart[] = SEGMENTS.map((_, i) => {
  const pin = pinOf(UNO, `D${i + 2}`);
  return {
    id: `r${i + 1}`,
    kind: "resistor",
    props: { ohms: 220 },
    ...placeByPin("resistor", "2", { x: pin.x, y: pin.y - (i % 2 === 0 ? 20 : 90) }, 90),
  };
});

const DISPLAY: ExamplePart = {
  id: "seg1",
  kind: "7segment",
  props: { common: "cathode", color: "red" },
  ...placeByPin("7segment", "COM.1", { x: 300, y: pinOf(UNO, "GND").y - 120 }),
};

const SEGMENT_WIRES: ExampleWire[] = SEGMENTS.flatMap((segment, i): ExampleWire[] => [
  [`uno.D${i + 2}`, `r${i + 1}.2`, "green"],
  [`r${i + 1}.1`, `seg1.${segment}`, "green"],
]);

export const SEVEN_SEGMENT_COUNTER: Example = {
  id: "seven-segment-counter",
  title: "7-segment counter",
  description: "A 7-segment display on pins 2–8 counts from 0 to 9, one step a second.",
  project: exampleProject(
    SKETCH,
    [UNO, DISPLAY, ...RESISTORS],
    [...SEGMENT_WIRES, ["seg1.COM.1", "uno.GND", "black"]],
  ),
};

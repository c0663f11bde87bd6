/** Example "RGB LED colours": analogWrite on three PWM pins mixes colours in a common-cathode RGB LED. */
import { exampleProject, pinOf, placeByPin, UNO, type Example, type ExamplePart } from "./example";

/** A resistor upright above a pin, `lift` above it (pins are closer than resistors are wide). */
function resistorAbove(id: string, pin: string, lift: number): ExamplePart {
  const at = pinOf(UNO, pin);
  return {
    id,
    kind: "resistor",
    props: { ohms: 220 },
    ...placeByPin("resistor", "2", { x: at.x, y: at.y - lift }, 90),
  };
}

/** The LED above the resistors, its green lead straight over pin 10's (the raised one). */
const LED: ExamplePart = {
  id: "rgb1",
  kind: "rgb-led",
  props: { common: "cathode" },
  ...placeByPin("rgb-led", "G", { x: pinOf(UNO, "D10").x, y: pinOf(UNO, "D10").y - 180 }),
};

const SKETCH = `/*
  RGB LED colours

  Mixes colours in an RGB LED: each of its three small LEDs (red, green,
  blue) gets a PWM pin and its own 220 ohm resistor, and analogWrite() sets
  how bright each one is. The LED is common cathode: COM goes to GND.
*/

const int RED_PIN = 11;
const int GREEN_PIN = 10;
const int BLUE_PIN = 9;

// Shows a colour given as red, green and blue brightness (0..255 each).
void setColor(int red, int green, int blue) {
  analogWrite(RED_PIN, red);
  analogWrite(GREEN_PIN, green);
  analogWrite(BLUE_PIN, blue);
}

void setup() {
  pinMode(RED_PIN, OUTPUT);
  pinMode(GREEN_PIN, OUTPUT);
  pinMode(BLUE_PIN, OUTPUT);
}

void loop() {
  setColor(255, 0, 0);    // red
  delay(1000);
  setColor(0, 255, 0);    // green
  delay(1000);
  setColor(0, 0, 255);    // blue
  delay(1000);
  setColor(255, 128, 0);  // orange: red and half green
  delay(1000);
  setColor(128, 0, 255);  // purple: half red and blue
  delay(1000);
}
`;

export const RGB_LED_COLOURS: Example = {
  id: "rgb-led",
  title: "RGB LED colours",
  description: "PWM on pins 11, 10 and 9 mixes red, green and blue in an RGB LED.",
  project: exampleProject(
    SKETCH,
    [
      UNO,
      LED,
      resistorAbove("r1", "D11", 20),
      resistorAbove("r2", "D10", 90),
      resistorAbove("r3", "D9", 20),
    ],
    [
      ["uno.D11", "r1.2", "red"],
      ["r1.1", "rgb1.R", "red"],
      ["uno.D10", "r2.2", "green"],
      ["r2.1", "rgb1.G", "green"],
      ["uno.D9", "r3.2", "blue"],
      ["r3.1", "rgb1.B", "blue"],
      ["rgb1.COM", "uno.GND", "black"],
    ],
  ),
};

/** Example "Button": a push button on pin 2 (internal pull-up) lights the LED on pin 13 while held. */
import { exampleProject, ledOnPin, pinOf, placeByPin, UNO, type Example } from "./example";

const LED = ledOnPin(UNO, "D13", { id: "led1", color: "red", resistor: "r1", wire: "green" });
const D2 = pinOf(UNO, "D2");
const GND_2 = pinOf(UNO, "GND.2");
/** The button above pin 2; its other side's wire runs round the board's right to the lower GND. */
const PUSH_BUTTON = {
  id: "btn1",
  kind: "push-button",
  props: { color: "green" },
  ...placeByPin("push-button", "2.l", { x: D2.x, y: D2.y - 40 }),
};
const BUTTON_1R = pinOf(PUSH_BUTTON, "1.r");

const SKETCH = `/*
  Button

  Lights the LED on pin 13 while the push button on pin 2 is held down.

  The button joins pin 2 to GND when pressed. INPUT_PULLUP switches on the
  pin's internal pull-up resistor, so the pin reads HIGH while the button is
  up and LOW while it is pressed: no external resistor is needed.
*/

const int BUTTON_PIN = 2;
const int LED_PIN = 13;

void setup() {
  pinMode(BUTTON_PIN, INPUT_PULLUP);
  pinMode(LED_PIN, OUTPUT);
}

void loop() {
  // LOW means pressed (the button pulls the pin down to GND).
  if (digitalRead(BUTTON_PIN) == LOW) {
    digitalWrite(LED_PIN, HIGH);
  } else {
    digitalWrite(LED_PIN, LOW);
  }
}
`;

export const BUTTON: Example = {
  id: "button",
  title: "Button",
  description: "Hold the push button to light the LED (pin 2 with INPUT_PULLUP).",
  project: exampleProject(
    SKETCH,
    [UNO, PUSH_BUTTON, ...LED.parts],
    [
      ["uno.D2", "btn1.2.l", "blue"],
      [
        "btn1.1.r",
        "uno.GND.2",
        "black",
        [
          { x: 530, y: BUTTON_1R.y },
          { x: 530, y: GND_2.y + 30 },
          { x: GND_2.x, y: GND_2.y + 30 },
        ],
      ],
      ...LED.wires,
    ],
  ),
};

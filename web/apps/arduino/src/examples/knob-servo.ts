/** Example "Potentiometer → Servo" (the IDE's Knob): the servo's horn follows the potentiometer. */
import { exampleProject, pinOf, placeByPin, potOnA0, UNO, type Example } from "./example";

/** The servo right of the board; its V+ lead runs round the board's right to 5V. */
const SERVO = { id: "servo1", kind: "servo", ...placeByPin("servo", "PWM", { x: 540, y: 100 }) };
const V_PLUS = pinOf(SERVO, "V+");
const FIVE_V = pinOf(UNO, "5V");

const SKETCH = `/*
  Knob

  Turns a servo to follow a potentiometer: the knob's position on A0 (0..1023)
  is mapped to an angle (0..180 degrees) and sent to the servo on pin 9.

  The servo needs power: V+ to 5V and GND to GND. Its PWM wire goes to pin 9.
*/

#include <Servo.h>

const int POT_PIN = A0;
const int SERVO_PIN = 9;

Servo servo;  // one Servo object per servo motor

void setup() {
  servo.attach(SERVO_PIN);
}

void loop() {
  int value = analogRead(POT_PIN);            // 0..1023
  int angle = map(value, 0, 1023, 0, 180);    // scale to 0..180 degrees
  servo.write(angle);
  delay(15);  // give the servo time to get there
}
`;

export const KNOB_SERVO: Example = {
  id: "knob-servo",
  title: "Potentiometer → Servo",
  description: "The servo on pin 9 turns to follow the potentiometer on A0 (Knob).",
  project: exampleProject(
    SKETCH,
    [UNO, SERVO, potOnA0(UNO, "pot1")],
    [
      ["pot1.GND", "uno.GND.2", "black"],
      ["pot1.SIG", "uno.A0", "green"],
      ["pot1.VCC", "uno.5V", "red"],
      ["servo1.PWM", "uno.D9", "orange"],
      [
        "servo1.V+",
        "uno.5V",
        "red",
        [
          { x: 510, y: V_PLUS.y },
          { x: 510, y: FIVE_V.y + 40 },
          { x: FIVE_V.x, y: FIVE_V.y + 40 },
        ],
      ],
      ["servo1.GND", "uno.GND", "black"],
    ],
  ),
};

/** Example "Fade": analogWrite (PWM) on pin 9 makes an LED glow brighter and dimmer. */
import { exampleProject, ledOnPin, UNO, type Example } from "./example";

const LED = ledOnPin(UNO, "D9", { id: "led1", color: "yellow", resistor: "r1", wire: "orange" });

const SKETCH = `/*
  Fade

  Makes the LED on pin 9 fade in and out with analogWrite().

  analogWrite() does not give a voltage between 0 and 5 V: it switches the pin
  on and off about 490 times a second (PWM, pulse width modulation). The value,
  0 to 255, is the share of the time the pin is on, and that is what the eye
  sees as brightness. Only the pins marked ~ (3, 5, 6, 9, 10, 11) can do it.
*/

const int LED_PIN = 9;   // a PWM pin
int brightness = 0;      // 0 = off, 255 = fully on
int fadeAmount = 5;      // change per step

void setup() {
  pinMode(LED_PIN, OUTPUT);
}

void loop() {
  analogWrite(LED_PIN, brightness);

  // Next step; turn around at either end of the range.
  brightness = brightness + fadeAmount;
  if (brightness <= 0 || brightness >= 255) {
    fadeAmount = -fadeAmount;
  }

  delay(30);  // 30 ms per step: about 1.5 s from dark to bright
}
`;

export const FADE: Example = {
  id: "fade",
  title: "Fade",
  description: "An LED on PWM pin 9 fades in and out with analogWrite().",
  project: exampleProject(SKETCH, [UNO, ...LED.parts], LED.wires),
};

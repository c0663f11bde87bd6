/** Example "Blink": an LED with its series resistor on pin 13, one second on, one second off. */
import { exampleProject, ledOnPin, UNO, type Example } from "./example";

const LED = ledOnPin(UNO, "D13", { id: "led1", color: "red", resistor: "r1", wire: "green" });

const SKETCH = `/*
  Blink

  Turns an LED on for one second, then off for one second, over and over.
  The LED sits on pin 13 with a 220 ohm resistor in series (the board's own
  "L" LED is on pin 13 too, so both blink together).
*/

const int LED_PIN = 13;

// setup() runs once, when the board starts or is reset.
void setup() {
  pinMode(LED_PIN, OUTPUT);  // the pin drives the LED
}

// loop() runs over and over again, forever.
void loop() {
  digitalWrite(LED_PIN, HIGH);  // LED on (5 V on the pin)
  delay(1000);                  // wait one second
  digitalWrite(LED_PIN, LOW);   // LED off (0 V)
  delay(1000);
}
`;

export const BLINK: Example = {
  id: "blink",
  title: "Blink",
  description: "An LED on pin 13 turns on and off every second.",
  project: exampleProject(SKETCH, [UNO, ...LED.parts], LED.wires),
};

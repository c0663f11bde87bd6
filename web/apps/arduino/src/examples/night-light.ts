/** Example "Night light": a photoresistor module on A0 switches an LED on when it gets dark. */
import { exampleProject, ledOnPin, pinOf, placeByPin, UNO, type Example } from "./example";

const LED = ledOnPin(UNO, "D13", { id: "led1", color: "white", resistor: "r1", wire: "green" });
/** The light sensor module below the board, left of the power pins, its pins facing them. */
const SENSOR = {
  id: "ldr1",
  kind: "photoresistor",
  ...placeByPin("photoresistor", "VCC", { x: pinOf(UNO, "5V").x - 20, y: pinOf(UNO, "5V").y + 60 }),
};

const SKETCH = `/*
  Night light

  Switches the LED on pin 13 on when it gets dark, and prints the light
  reading to the Serial Monitor.

  The photoresistor module is a voltage divider: the darker it is, the higher
  the resistance of its light-dependent resistor and the higher the voltage on
  its AO pin, so analogRead(A0) rises as the light fades. Move the module's
  light slider to try it.
*/

const int SENSOR_PIN = A0;
const int LED_PIN = 13;
const int DARK = 600;  // readings above this count as dark (below about 60 lux)

void setup() {
  pinMode(LED_PIN, OUTPUT);
  Serial.begin(9600);
}

void loop() {
  int reading = analogRead(SENSOR_PIN);
  Serial.println(reading);
  digitalWrite(LED_PIN, reading > DARK ? HIGH : LOW);
  delay(200);
}
`;

export const NIGHT_LIGHT: Example = {
  id: "night-light",
  title: "Night light",
  description: "A photoresistor on A0 switches the LED on when it gets dark.",
  project: exampleProject(
    SKETCH,
    [UNO, SENSOR, ...LED.parts],
    [
      ["ldr1.VCC", "uno.5V", "red"],
      ["ldr1.GND", "uno.GND.2", "black"],
      ["ldr1.AO", "uno.A0", "blue"],
      ...LED.wires,
    ],
  ),
};

/** Example "Potentiometer → Serial": analogRead(A0) of a potentiometer printed to the serial monitor. */
import { exampleProject, potOnA0, UNO, type Example } from "./example";

const SKETCH = `/*
  Potentiometer to Serial

  Reads the potentiometer on A0 and prints the value to the Serial Monitor
  ten times a second. Turn the knob: the number goes from 0 (wiper at GND)
  to 1023 (wiper at 5 V). Open the Serial Plotter to see it as a curve.

  Wiring: the potentiometer's outer pins go to 5V and GND, its middle pin
  (the wiper, SIG) to A0.
*/

const int POT_PIN = A0;

void setup() {
  Serial.begin(9600);  // the Serial Monitor must be set to 9600 baud too
}

void loop() {
  int value = analogRead(POT_PIN);  // 0..1023 for 0..5 V
  Serial.println(value);
  delay(100);
}
`;

export const POT_SERIAL: Example = {
  id: "pot-serial",
  title: "Potentiometer → Serial",
  description: "Turn the knob: analogRead(A0) is printed to the serial monitor and plotter.",
  project: exampleProject(
    SKETCH,
    [UNO, potOnA0(UNO, "pot1")],
    [
      ["pot1.GND", "uno.GND.2", "black"],
      ["pot1.SIG", "uno.A0", "green"],
      ["pot1.VCC", "uno.5V", "red"],
    ],
  ),
};

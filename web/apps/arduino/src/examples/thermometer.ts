/** Example "Thermometer": a TMP36 on A0, the temperature printed to the serial monitor. */
import { exampleProject, pinOf, placeByPin, UNO, type Example } from "./example";

const A0 = pinOf(UNO, "A0");
/** The sensor below A0, turned so its legs point up at the header. */
const SENSOR = {
  id: "tmp1",
  kind: "tmp36",
  ...placeByPin("tmp36", "VOUT", { x: A0.x, y: A0.y + 50 }, 180),
};
const VCC = pinOf(SENSOR, "VCC");
const FIVE_V = pinOf(UNO, "5V");

const SKETCH = `/*
  Thermometer (TMP36)

  Reads a TMP36 temperature sensor on A0 once a second and prints the
  temperature in degrees Celsius to the Serial Monitor.

  The TMP36 gives 500 mV at 0 degrees C and 10 mV more for every degree:
  temperature = (volts - 0.5) * 100.
*/

const int SENSOR_PIN = A0;

void setup() {
  Serial.begin(9600);
}

void loop() {
  int reading = analogRead(SENSOR_PIN);     // 0..1023 for 0..5 V
  float volts = reading * 5.0 / 1024.0;
  float celsius = (volts - 0.5) * 100.0;

  Serial.print("Temperature: ");
  Serial.print(celsius, 1);                 // one decimal place
  Serial.println(" C");
  delay(1000);
}
`;

export const THERMOMETER: Example = {
  id: "thermometer",
  title: "Thermometer (TMP36)",
  description: "A TMP36 sensor on A0: the temperature in °C on the serial monitor.",
  project: exampleProject(
    SKETCH,
    [UNO, SENSOR],
    [
      // Turned round, the sensor has VCC on the right: its wire goes under it to reach 5V.
      [
        "tmp1.VCC",
        "uno.5V",
        "red",
        [
          { x: VCC.x, y: VCC.y + 70 },
          { x: FIVE_V.x - 20, y: VCC.y + 70 },
          { x: FIVE_V.x - 20, y: FIVE_V.y + 15 },
        ],
      ],
      ["tmp1.VOUT", "uno.A0", "green"],
      ["tmp1.GND", "uno.GND.2", "black"],
    ],
  ),
};

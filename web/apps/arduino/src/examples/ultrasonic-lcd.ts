/** Example "Ultrasonic distance": an HC-SR04 measures, a 16×2 LCD shows the distance in cm. */
import { exampleProject, type Example, type ExamplePart } from "./example";
import { lcdOverBoard } from "./lcd-wiring";

const BOARD: ExamplePart = { id: "uno", kind: "uno", x: 200, y: 240 };
const LCD = lcdOverBoard(BOARD);

const SKETCH = `/*
  Ultrasonic distance on an LCD

  Measures the distance to an object with an HC-SR04 ultrasonic sensor five
  times a second and shows it on a 16x2 LCD.

  The sensor sends a burst of ultrasound when TRIG gets a 10 us pulse; ECHO
  then stays HIGH for as long as the sound takes to reach the object and come
  back. Sound travels 0.0343 cm per microsecond, there and back again, so
  distance (cm) = echo time (us) / 58.

    HC-SR04: VCC -> 5V, TRIG -> pin 7, ECHO -> pin 6, GND -> GND
    LCD (4-bit): RS 12, E 11, D4 5, D5 4, D6 3, D7 2, RW/VSS/V0 GND, VDD 5V,
    backlight A through 220 ohm to 5V, K to GND
*/

#include <LiquidCrystal.h>

const int TRIG_PIN = 7;
const int ECHO_PIN = 6;
const unsigned long TIMEOUT_US = 30000;  // no echo within 30 ms: nothing in range

LiquidCrystal lcd(12, 11, 5, 4, 3, 2);

// One measurement: the distance in cm, or -1 when no echo came back.
long measureCm() {
  digitalWrite(TRIG_PIN, LOW);
  delayMicroseconds(2);
  digitalWrite(TRIG_PIN, HIGH);  // a 10 us pulse starts a measurement
  delayMicroseconds(10);
  digitalWrite(TRIG_PIN, LOW);

  unsigned long echoUs = pulseIn(ECHO_PIN, HIGH, TIMEOUT_US);
  if (echoUs == 0) {
    return -1;
  }
  return (echoUs + 29) / 58;  // rounded to the nearest cm
}

void setup() {
  pinMode(TRIG_PIN, OUTPUT);
  pinMode(ECHO_PIN, INPUT);
  lcd.begin(16, 2);
  lcd.print("Distance:");
}

void loop() {
  long cm = measureCm();

  lcd.setCursor(0, 1);
  if (cm < 0) {
    lcd.print("out of range    ");
  } else {
    lcd.print(cm);
    lcd.print(" cm            ");  // spaces wipe out longer old text
  }
  delay(200);
}
`;

export const ULTRASONIC_LCD: Example = {
  id: "ultrasonic-lcd",
  title: "Ultrasonic distance on the LCD",
  description: "An HC-SR04 measures the distance; a 16×2 LCD shows it in cm.",
  project: exampleProject(
    SKETCH,
    [BOARD, ...LCD.parts, { id: "sonar1", kind: "hc-sr04", x: 650, y: 250 }],
    [
      ...LCD.wires,
      ["sonar1.VCC", "uno.5V", "red"],
      ["sonar1.TRIG", "uno.D7", "orange"],
      ["sonar1.ECHO", "uno.D6", "yellow"],
      ["sonar1.GND", "uno.GND.3", "black"],
    ],
  ),
};

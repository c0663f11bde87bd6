/** The sketch a new session opens with: the Arduino IDE's Blink, on the Uno's built-in LED (D13). */
export const BLINK_SKETCH = `// Blink: the LED on pin 13, one second on, one second off.
void setup() {
  pinMode(LED_BUILTIN, OUTPUT);
}

void loop() {
  digitalWrite(LED_BUILTIN, HIGH);
  delay(1000);
  digitalWrite(LED_BUILTIN, LOW);
  delay(1000);
}
`;

/** The main tab's file name in build requests and diagnostics (docs/api.md "Arduino builds"). */
export const MAIN_TAB = "sketch.ino";

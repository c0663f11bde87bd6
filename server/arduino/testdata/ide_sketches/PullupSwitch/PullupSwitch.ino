// Digital: INPUT_PULLUP - a switch to ground needs no resistor; the logic is inverted (pressed reads LOW).

const byte switchPin = 7;

void setup() {
  Serial.begin(115200);
  pinMode(switchPin, INPUT_PULLUP);
  pinMode(LED_BUILTIN, OUTPUT);
}

void loop() {
  bool pressed = digitalRead(switchPin) == LOW;
  Serial.println(pressed ? F("closed") : F("open"));
  digitalWrite(LED_BUILTIN, pressed ? HIGH : LOW);
  delay(10);
}

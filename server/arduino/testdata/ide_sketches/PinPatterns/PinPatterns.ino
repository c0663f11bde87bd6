// Control: arrays - LED pins in arbitrary order, and patterns stored as byte arrays in PROGMEM.

int ledPins[] = {4, 9, 3, 12, 7, 8};
const int ledCount = sizeof(ledPins) / sizeof(ledPins[0]);

const byte patterns[][6] PROGMEM = {
  {1, 0, 0, 0, 0, 1},
  {0, 1, 0, 0, 1, 0},
  {0, 0, 1, 1, 0, 0},
  {1, 1, 1, 1, 1, 1},
};
const int patternCount = sizeof(patterns) / sizeof(patterns[0]);

void setup() {
  for (int i = 0; i < ledCount; i++) {
    pinMode(ledPins[i], OUTPUT);
  }
}

void loop() {
  for (int p = 0; p < patternCount; p++) {
    showPattern(p);
    delay(200);
  }
  allOff();
  delay(400);
}

void showPattern(int index) {
  for (int i = 0; i < ledCount; i++) {
    byte on = pgm_read_byte(&patterns[index][i]);
    digitalWrite(ledPins[i], on ? HIGH : LOW);
  }
}

void allOff() {
  for (int i = ledCount - 1; i >= 0; i--) {
    digitalWrite(ledPins[i], LOW);
  }
}

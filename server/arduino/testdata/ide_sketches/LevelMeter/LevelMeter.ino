// Display: an LED bar graph - a potentiometer lights as many of ten LEDs as its position reaches.

const int meterPin = A0;
const int barCount = 10;
int barPins[barCount] = {2, 3, 4, 5, 6, 7, 8, 9, 10, 11};

void setup() {
  for (int bar = 0; bar < barCount; bar++) {
    pinMode(barPins[bar], OUTPUT);
  }
}

void loop() {
  int reading = analogRead(meterPin);
  int lit = map(reading, 0, 1023, 0, barCount);

  for (int bar = 0; bar < barCount; bar++) {
    digitalWrite(barPins[bar], bar < lit ? HIGH : LOW);
  }
}

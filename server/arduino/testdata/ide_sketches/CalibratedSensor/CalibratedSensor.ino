// Analog: learns the sensor's lowest and highest readings during the first seconds, then maps readings onto that range.

const int sensorPin = A0;
const int indicatorPin = 9;
const int statusLed = 13;

int lowest = 1023;  // start inverted: the first readings move both ends
int highest = 0;

void setup() {
  pinMode(statusLed, OUTPUT);
  digitalWrite(statusLed, HIGH);  // on while calibrating

  unsigned long started = millis();
  while (millis() - started < 5000) {
    int value = analogRead(sensorPin);
    if (value > highest) highest = value;
    if (value < lowest) lowest = value;
  }

  digitalWrite(statusLed, LOW);
}

void loop() {
  int value = analogRead(sensorPin);
  value = constrain(value, lowest, highest);
  int brightness = scaled(value);
  analogWrite(indicatorPin, brightness);
}

int scaled(int value) {
  if (highest <= lowest) return 0;  // nothing learned: avoid dividing by zero inside map()
  return map(value, lowest, highest, 0, 255);
}

// Analog: map() and constrain() - a potentiometer sets an LED's brightness, values reported over serial.

const int potPin = A2;
const int ledPin = 6;

int potValue = 0;
int pwmValue = 0;

void setup() {
  Serial.begin(9600);
}

void loop() {
  potValue = analogRead(potPin);
  // a pot that never quite reaches its ends: use 20..1000 as the full range
  pwmValue = map(constrain(potValue, 20, 1000), 20, 1000, 0, 255);
  analogWrite(ledPin, pwmValue);

  report("pot", potValue);
  report("pwm", pwmValue, true);
  delay(2);
}

void report(const char *label, int value, bool lastOnLine = false) {
  Serial.print(label);
  Serial.print(" = ");
  Serial.print(value);
  if (lastOnLine) {
    Serial.println();
  } else {
    Serial.print("\t");
  }
}

// Analog: fades an LED up and down with analogWrite() (PWM), changing direction at either end.

int pwmPin = 9;
int level = 0;
int step = 3;

void setup() {
  pinMode(pwmPin, OUTPUT);
}

void loop() {
  analogWrite(pwmPin, level);
  level = level + step;
  if (level <= 0 || level >= 255) {
    step = -step;
    level = constrain(level, 0, 255);
  }
  delay(20);
}

// Servo: a potentiometer on A0 sets the angle of a servo on pin 9 (with custom pulse limits), echoed over serial.

#include <Servo.h>

Servo pointer;
const int dialPin = A0;
int lastAngle = -1;

void setup() {
  Serial.begin(9600);
  if (pointer.attach(9, 600, 2300) == INVALID_SERVO) {
    Serial.println(F("no servo channel left"));
  }
}

void loop() {
  int angle = map(analogRead(dialPin), 0, 1023, 0, 180);
  if (abs(angle - lastAngle) > 1) {  // ignore jitter of the pot
    pointer.write(angle);
    lastAngle = angle;
    Serial.print(angle);
    Serial.print(F(" deg = "));
    Serial.print(pointer.readMicroseconds());
    Serial.println(F(" us"));
  }
  delay(15);
}

// Servo: sweeps a hobby servo on pin 9 from 0 to 180 degrees and back, one degree at a time.

#include <Servo.h>

Servo arm;
int angle = 0;

void setup() {
  arm.attach(9);
}

void loop() {
  for (angle = 0; angle <= 180; angle += 1) {
    arm.write(angle);
    delay(15);  // give the servo time to get there
  }
  for (angle = 180; angle >= 0; angle -= 1) {
    arm.write(angle);
    delay(15);
  }
}

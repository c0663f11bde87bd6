// Stepper: one full revolution clockwise, then one counter-clockwise, for a 200-step motor on pins 8-11.

#include <Stepper.h>

const int stepsPerRevolution = 200;

Stepper motor(stepsPerRevolution, 8, 9, 10, 11);

void setup() {
  motor.setSpeed(60);  // rpm
  Serial.begin(9600);
}

void loop() {
  Serial.println("clockwise");
  motor.step(stepsPerRevolution);
  delay(500);

  Serial.println("counterclockwise");
  motor.step(-stepsPerRevolution);
  delay(500);
}

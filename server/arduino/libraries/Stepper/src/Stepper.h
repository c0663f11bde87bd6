/*
 * Stepper: unipolar and bipolar stepper motors driven through 2 or 4 control
 * wires (an H-bridge or a Darlington array between the board and the coils).
 *
 * Written for OhmCloud from the public documentation of the Arduino Stepper
 * library (API and the full-step control sequences it documents); no code was
 * taken from it.
 *
 * Full-step sequences, one row per step, repeating every 4 steps:
 *
 *   4 wires   C0 C1 C2 C3        2 wires   C0 C1
 *   step 1     1  0  1  0        step 1     0  1
 *   step 2     0  1  1  0        step 2     1  1
 *   step 3     0  1  0  1        step 3     1  0
 *   step 4     1  0  0  1        step 4     0  0
 *
 * Forward runs the rows downwards, backward upwards.
 */
#ifndef OHMCLOUD_STEPPER_H
#define OHMCLOUD_STEPPER_H

#include <inttypes.h>

class Stepper {
public:
  /** A motor with `steps` steps per revolution on 2 control wires. */
  Stepper(int steps, int pin1, int pin2);
  /** A motor with `steps` steps per revolution on 4 control wires. */
  Stepper(int steps, int pin1, int pin2, int pin3, int pin4);

  /** Speed for step(), in revolutions per minute; 0 or less means no wait between steps. */
  void setSpeed(long rpm);
  /** Moves `steps` steps (negative: backward) at the set speed; returns when done. */
  void step(int steps);

private:
  void energise(uint8_t row);

  uint8_t pins[4];
  uint8_t pinCount;
  int stepsPerRevolution;
  uint8_t phase;              // row of the sequence last applied, 0..3
  unsigned long stepDelayUs;  // time between steps at the set speed
  unsigned long lastStepUs;   // micros() of the last step
};

#endif

/*
 * Stepper: full-step sequencing (see Stepper.h for the sequences).
 *
 * Written for OhmCloud from the public documentation of the Arduino Stepper
 * library; no code was taken from it.
 */
#include <Arduino.h>

#include "Stepper.h"

namespace {

// The tables of Stepper.h, C0 in bit 0.
const uint8_t FOUR_WIRE_PHASES[4] = {0b0101, 0b0110, 0b1010, 0b1001};
const uint8_t TWO_WIRE_PHASES[4] = {0b10, 0b11, 0b01, 0b00};

} // namespace

Stepper::Stepper(int steps, int pin1, int pin2)
    : pins{(uint8_t)pin1, (uint8_t)pin2, 0, 0}, pinCount(2), stepsPerRevolution(steps > 0 ? steps : 1),
      phase(0), stepDelayUs(0), lastStepUs(0) {
  pinMode(pin1, OUTPUT);
  pinMode(pin2, OUTPUT);
}

Stepper::Stepper(int steps, int pin1, int pin2, int pin3, int pin4)
    : pins{(uint8_t)pin1, (uint8_t)pin2, (uint8_t)pin3, (uint8_t)pin4}, pinCount(4),
      stepsPerRevolution(steps > 0 ? steps : 1), phase(0), stepDelayUs(0), lastStepUs(0) {
  for (uint8_t i = 0; i < 4; ++i) {
    pinMode(pins[i], OUTPUT);
  }
}

void Stepper::setSpeed(long rpm) {
  // 60e6 us per minute, shared by rpm * steps-per-revolution steps.
  stepDelayUs = rpm > 0 ? 60UL * 1000UL * 1000UL / (unsigned long)stepsPerRevolution / (unsigned long)rpm : 0;
}

void Stepper::step(int steps) {
  const bool forward = steps > 0;
  // As unsigned so that step(-32768) is 32768 steps, not an overflow.
  unsigned int remaining = forward ? (unsigned int)steps : 0U - (unsigned int)steps;
  while (remaining > 0) {
    const unsigned long now = micros();
    if (now - lastStepUs < stepDelayUs) {
      continue; // unsigned difference: right across the micros() wrap-around
    }
    lastStepUs = now;
    // The phase wraps on its own, not with a step count per revolution, so
    // motors whose step count is not a multiple of 4 keep the sequence too.
    phase = (forward ? phase + 1 : phase + 3) & 0x3;
    energise(phase);
    --remaining;
  }
}

void Stepper::energise(uint8_t row) {
  const uint8_t bits = pinCount == 4 ? FOUR_WIRE_PHASES[row] : TWO_WIRE_PHASES[row];
  for (uint8_t i = 0; i < pinCount; ++i) {
    digitalWrite(pins[i], (bits >> i) & 1);
  }
}

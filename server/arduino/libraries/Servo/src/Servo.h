/*
 * Servo: RC servo pulses for AVR boards, driven by Timer1.
 *
 * Written for OhmCloud from the public documentation of the Arduino Servo
 * library (its API and documented constants); no code was taken from it.
 *
 * How it works: Timer1 runs at F_CPU / 8 (0.5 us per tick at 16 MHz). Its
 * compare-match A interrupt sequences the pulses one servo after another: at
 * each match it ends the running pulse, starts the next servo's pulse and
 * schedules the next match one pulse width later. After the last servo the
 * frame is padded so it restarts every REFRESH_INTERVAL (20 ms). Up to 12
 * servos share the timer; with more than 8 long pulses the frame stretches
 * past 20 ms because the pulses never overlap.
 *
 * Using Timer1 means analogWrite() on the pins Timer1 drives (9 and 10 on the
 * Uno, 11 and 12 on the Mega) does not work while a servo is attached; once
 * every servo is detached Timer1 is handed back as Arduino's init() set it up.
 */
#ifndef OHMCLOUD_SERVO_H
#define OHMCLOUD_SERVO_H

#include <inttypes.h>

#define MIN_PULSE_WIDTH 544      // us, the default pulse for 0 degrees
#define MAX_PULSE_WIDTH 2400     // us, the default pulse for 180 degrees
#define DEFAULT_PULSE_WIDTH 1500 // us, the pulse sent until write() is called
#define REFRESH_INTERVAL 20000   // us, each servo's pulse repeats this often

#define SERVOS_PER_TIMER 12 // Timer1 is the only timer used, on every board
#define MAX_SERVOS SERVOS_PER_TIMER
#define INVALID_SERVO 255 // returned by attach() when no channel is free

class Servo {
public:
  /** Claims one of the MAX_SERVOS channels; attach() fails if none was left. */
  Servo();

  /** Starts pulses on `pin` with the default 544..2400 us range; returns the channel or INVALID_SERVO. */
  uint8_t attach(int pin);
  /** As attach(pin), with the pulse widths (us) for 0 and 180 degrees. */
  uint8_t attach(int pin, int min, int max);
  /** Stops the pulses; the pin stays an output, low. */
  void detach();

  /** Below MIN_PULSE_WIDTH an angle (clamped to 0..180), otherwise a pulse width in us. */
  void write(int value);
  /** Sets the pulse width in us, clamped to the attach() range. */
  void writeMicroseconds(int value);
  /** The angle last written, 0..180 (rounded back from the pulse width). */
  int read() const;
  /** The pulse width in us. */
  int readMicroseconds() const;
  bool attached() const;

private:
  uint8_t channel; // index into the shared channel table, or INVALID_SERVO
  int16_t minUs;   // pulse width for 0 degrees
  int16_t maxUs;   // pulse width for 180 degrees
};

#endif

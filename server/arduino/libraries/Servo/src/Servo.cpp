/*
 * Servo: Timer1 pulse sequencer (see Servo.h for the overview).
 *
 * Written for OhmCloud from the public documentation of the Arduino Servo
 * library; no code was taken from it.
 */
#include <Arduino.h>
#include <avr/interrupt.h>
#include <util/atomic.h>

#include "Servo.h"

#if !defined(TIMSK1) || !defined(OCIE1A) || !defined(TIMER1_COMPA_vect)
#error "Servo needs Timer1 with a compare-match A interrupt (ATmega328P, ATmega2560 and similar)"
#endif

namespace {

// Timer1 counts F_CPU / 8: 2 ticks per microsecond at 16 MHz, 1 at 8 MHz.
constexpr uint32_t CYCLES_PER_US = F_CPU / 1000000L;
constexpr uint8_t PRESCALER = 8;

constexpr uint16_t usToTicks(uint16_t us) { return (uint32_t)us * CYCLES_PER_US / PRESCALER; }

uint16_t ticksToUs(uint16_t ticks) {
  return ((uint32_t)ticks * PRESCALER + CYCLES_PER_US / 2) / CYCLES_PER_US;
}

constexpr uint16_t FRAME_TICKS = usToTicks(REFRESH_INTERVAL);
// The shortest gap between the last pulse and the next frame, used when the
// pulses alone fill the frame. Every interval the interrupt schedules must be
// longer than the interrupt's own run time (a few us) or the match is missed.
constexpr uint16_t MIN_GAP_TICKS = usToTicks(100);

// attach() ranges are held to this window: pulses must outlast the interrupt,
// and 12 of them must fit the 16-bit frame bookkeeping below.
constexpr int16_t PULSE_FLOOR_US = 200;
constexpr int16_t PULSE_CEILING_US = 3000;

constexpr uint8_t GAP = 0xFF; // "no channel": the frame gap comes next

struct Channel {
  volatile uint8_t *port; // the pin's PORTx register
  uint8_t mask;           // the pin's bit in it; 0 while detached, so the sequencer skips it
  uint16_t ticks;         // pulse width
};

// Claimed by Servo objects as they are constructed; never released (Servo
// objects live for the whole sketch, as in the Arduino documentation).
Channel channels[MAX_SERVOS];
uint8_t channelCount;

// Sequencer state, read and written by the interrupt and, with interrupts off,
// by attach(). Each edge is prepared one match ahead so the interrupt can set
// the pins with its first instructions.
uint8_t noPort; // written by "edges" that change no pin (mask 0)
volatile uint8_t *fallingPort = &noPort; // pin to take low at the next match
uint8_t fallingMask;
volatile uint8_t *risingPort = &noPort; // pin to take high at the next match
uint8_t risingMask;
uint8_t risingChannel = GAP; // channel whose pulse starts at the next match, or GAP
uint16_t risingTicks;        // its width, captured with its pin
uint16_t frameTicksUsed;     // pulse time in the current frame (saturates at FRAME_TICKS)
bool sequencerRunning;

/** Hands Timer1 back as Arduino's init() leaves it: 8-bit phase-correct PWM, clock / 64. */
void restoreArduinoTimer1() {
  TIMSK1 &= ~_BV(OCIE1A);
#if F_CPU >= 8000000L
  TCCR1B = _BV(CS11) | _BV(CS10);
#else
  TCCR1B = _BV(CS11);
#endif
  TCCR1A = _BV(WGM10);
  sequencerRunning = false;
}

/** Normal mode, clock / 8; the first match (a short gap) comes almost at once. Interrupts must be off. */
void startSequencer() {
  TCCR1A = 0;
  TCCR1B = _BV(CS11);
  TCNT1 = 0;
  OCR1A = MIN_GAP_TICKS;
  fallingPort = risingPort = &noPort;
  fallingMask = risingMask = 0;
  risingChannel = GAP;
  frameTicksUsed = FRAME_TICKS; // so the first gap is the short one
  TIFR1 = _BV(OCF1A);           // drop a stale match flag
  TIMSK1 |= _BV(OCIE1A);
  sequencerRunning = true;
}

/** The first attached channel at or after `from`, or GAP. */
uint8_t nextAttached(uint8_t from) {
  while (from < channelCount && channels[from].mask == 0) {
    ++from;
  }
  return from < channelCount ? from : GAP;
}

int16_t clampInt(int16_t value, int16_t low, int16_t high) {
  return value < low ? low : (value > high ? high : value);
}

} // namespace

ISR(TIMER1_COMPA_vect) {
  // Both edges come first, by the same instructions at every match, so the
  // interrupt latency cancels out: a pulse that rises here falls at the next
  // match exactly its tick count later. Loading the pointers and masks before
  // either store leaves only a read-modify-write (5 cycles, 0.3 us at 16 MHz)
  // between the fall and the rise.
  volatile uint8_t *const fallPort = fallingPort;
  const uint8_t keepBits = ~fallingMask;
  volatile uint8_t *const risePort = risingPort;
  const uint8_t riseBits = risingMask;
  *fallPort &= keepBits;
  *risePort |= riseBits;
  fallingPort = risingPort;
  fallingMask = risingMask;

  uint16_t interval;
  uint8_t following;
  if (risingChannel == GAP) {
    // The last pulse just ended: pad the frame so it repeats every REFRESH_INTERVAL.
    interval = frameTicksUsed + MIN_GAP_TICKS <= FRAME_TICKS ? FRAME_TICKS - frameTicksUsed : MIN_GAP_TICKS;
    frameTicksUsed = 0;
    following = nextAttached(0);
    if (following == GAP) {
      restoreArduinoTimer1(); // every servo detached: no pin is high, give Timer1 back
      return;
    }
  } else {
    interval = risingTicks;
    if (frameTicksUsed < FRAME_TICKS) {
      frameTicksUsed += interval;
    }
    following = nextAttached(risingChannel + 1);
  }
  // Scheduled from the previous match, not from "now", so latency never accumulates.
  OCR1A += interval;

  risingChannel = following;
  if (following == GAP) {
    risingPort = &noPort;
    risingMask = 0;
  } else {
    risingPort = channels[following].port;
    risingMask = channels[following].mask;
    risingTicks = channels[following].ticks;
  }
}

Servo::Servo() : channel(INVALID_SERVO), minUs(MIN_PULSE_WIDTH), maxUs(MAX_PULSE_WIDTH) {
  if (channelCount < MAX_SERVOS) {
    channel = channelCount++;
    channels[channel].port = &noPort;
    channels[channel].mask = 0;
    channels[channel].ticks = usToTicks(DEFAULT_PULSE_WIDTH);
  }
}

uint8_t Servo::attach(int pin) { return attach(pin, MIN_PULSE_WIDTH, MAX_PULSE_WIDTH); }

uint8_t Servo::attach(int pin, int min, int max) {
  if (channel == INVALID_SERVO || pin < 0 || pin >= NUM_DIGITAL_PINS) {
    return INVALID_SERVO;
  }
  const uint8_t port = digitalPinToPort(pin);
  if (port == NOT_A_PIN) {
    return INVALID_SERVO;
  }
  min = clampInt(min, PULSE_FLOOR_US, PULSE_CEILING_US);
  max = clampInt(max, PULSE_FLOOR_US, PULSE_CEILING_US);
  if (max <= min) { // an empty or reversed range has no meaning: keep the defaults
    min = MIN_PULSE_WIDTH;
    max = MAX_PULSE_WIDTH;
  }
  const int16_t pulseUs = clampInt(readMicroseconds(), min, max);
  volatile uint8_t *out = portOutputRegister(port);
  const uint8_t mask = digitalPinToBitMask(pin);

  if (channels[channel].port != out || channels[channel].mask != mask) {
    digitalWrite(pin, LOW); // a new pin starts low; its first pulse comes with the next frame
  }
  pinMode(pin, OUTPUT);
  ATOMIC_BLOCK(ATOMIC_RESTORESTATE) {
    minUs = min;
    maxUs = max;
    channels[channel].ticks = usToTicks(pulseUs);
    channels[channel].port = out;
    channels[channel].mask = mask;
    if (!sequencerRunning) {
      startSequencer();
    }
  }
  return channel;
}

void Servo::detach() {
  if (channel == INVALID_SERVO) {
    return;
  }
  // A pulse already prepared or running still ends normally (the interrupt
  // takes low whatever it took high); the sequencer then skips this channel
  // and stops at the end of a frame once no channel is attached.
  ATOMIC_BLOCK(ATOMIC_RESTORESTATE) { channels[channel].mask = 0; }
}

void Servo::write(int value) {
  if (value < MIN_PULSE_WIDTH) {
    const int32_t angle = clampInt(value, 0, 180);
    value = minUs + (angle * (maxUs - minUs) + 90) / 180; // rounded to the nearest us
  }
  writeMicroseconds(value);
}

void Servo::writeMicroseconds(int value) {
  if (channel == INVALID_SERVO) {
    return;
  }
  const uint16_t ticks = usToTicks(clampInt(value, minUs, maxUs));
  ATOMIC_BLOCK(ATOMIC_RESTORESTATE) { channels[channel].ticks = ticks; }
}

int Servo::read() const {
  const int32_t offset = readMicroseconds() - minUs;
  const int16_t span = maxUs - minUs;
  // Rounded, so read() returns the angle write() was given.
  return clampInt((offset * 180 + span / 2) / span, 0, 180);
}

int Servo::readMicroseconds() const {
  if (channel == INVALID_SERVO) {
    return 0;
  }
  uint16_t ticks;
  ATOMIC_BLOCK(ATOMIC_RESTORESTATE) { ticks = channels[channel].ticks; }
  return ticksToUs(ticks);
}

bool Servo::attached() const {
  if (channel == INVALID_SERVO) {
    return false;
  }
  return channels[channel].mask != 0;
}

// Interrupts: Timer2's compare-match interrupt written with ISR() ticks every millisecond; read atomically in loop().

#include <util/atomic.h>

volatile uint16_t ticks = 0;
volatile bool secondPassed = false;

void setup()
{
  Serial.begin(9600);
  pinMode(LED_BUILTIN, OUTPUT);
  startTimer2();
}

void loop()
{
  if (secondPassed) {
    uint16_t copy;
    ATOMIC_BLOCK(ATOMIC_RESTORESTATE)
    {
      copy = ticks;
      secondPassed = false;
    }
    digitalWrite(LED_BUILTIN, !digitalRead(LED_BUILTIN));
    Serial.print(F("ticks: "));
    Serial.println(copy);
  }
}

// CTC mode, prescaler 128: 16 MHz / 128 / 125 = 1 kHz
void startTimer2()
{
  cli();
  TCCR2A = _BV(WGM21);
  TCCR2B = _BV(CS22) | _BV(CS20);
  OCR2A = 124;
  TCNT2 = 0;
  TIMSK2 |= _BV(OCIE2A);
  sei();
}

ISR(TIMER2_COMPA_vect)
{
  ticks++;
  if (ticks % 1000 == 0) {
    secondPassed = true;
  }
}

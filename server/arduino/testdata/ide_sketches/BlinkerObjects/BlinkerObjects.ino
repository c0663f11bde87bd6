// Control: a small class in the sketch itself - three LEDs blinking at their own rates without delay().

class Blinker {
  public:
    Blinker(byte pin, unsigned long onMs, unsigned long offMs)
      : pin(pin), onMs(onMs), offMs(offMs), lit(false), changedAt(0) {}

    void begin() {
      pinMode(pin, OUTPUT);
    }

    void update(unsigned long now) {
      unsigned long wait = lit ? onMs : offMs;
      if (now - changedAt >= wait) {
        lit = !lit;
        changedAt = now;
        digitalWrite(pin, lit);
      }
    }

    bool isLit() const { return lit; }

  private:
    byte pin;
    unsigned long onMs, offMs;
    bool lit;
    unsigned long changedAt;
};

Blinker leds[] = {
  Blinker(3, 100, 400),
  Blinker(5, 250, 250),
  Blinker(6, 1000, 50),
};
const int ledCount = sizeof(leds) / sizeof(leds[0]);

void setup() {
  Serial.begin(9600);
  for (Blinker &led : leds) {
    led.begin();
  }
}

void loop() {
  unsigned long now = millis();
  for (int i = 0; i < ledCount; i++) {
    leds[i].update(now);
  }
  static unsigned long lastReport = 0;
  if (now - lastReport >= 1000) {
    lastReport = now;
    Serial.println(litCount());
  }
}

int litCount() {
  int count = 0;
  for (int i = 0; i < ledCount; i++) {
    if (leds[i].isLit()) count++;
  }
  return count;
}

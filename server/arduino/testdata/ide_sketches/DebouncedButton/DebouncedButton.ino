// Digital: a push button that toggles an LED, debounced by waiting until the reading has been stable for a while.

#define BUTTON_PIN 2
#define LED_PIN 13

const unsigned long settleTime = 40;  // ms the input must stay unchanged

byte lampOn = false;
int stableState = LOW;
int lastRawReading = LOW;
unsigned long lastChange = 0;

void setup() {
  pinMode(BUTTON_PIN, INPUT);
  pinMode(LED_PIN, OUTPUT);
  digitalWrite(LED_PIN, lampOn);
}

void loop() {
  int raw = digitalRead(BUTTON_PIN);

  if (raw != lastRawReading) {
    lastChange = millis();  // bouncing: start the wait again
  }

  if ((millis() - lastChange) > settleTime && raw != stableState) {
    stableState = raw;
    if (stableState == HIGH) {
      lampOn = !lampOn;
    }
  }

  digitalWrite(LED_PIN, lampOn);
  lastRawReading = raw;
}

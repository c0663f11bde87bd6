// Digital: blinks the built-in LED with millis() instead of delay(), so loop() stays free for other work.

const int ledPin = LED_BUILTIN;
const unsigned long blinkInterval = 750;  // milliseconds between toggles

int ledState = LOW;
unsigned long lastToggle = 0;

void setup() {
  pinMode(ledPin, OUTPUT);
}

void loop() {
  unsigned long now = millis();

  // unsigned subtraction keeps working when millis() wraps after ~49 days
  if (now - lastToggle >= blinkInterval) {
    lastToggle = now;
    toggleLed();
  }
}

void toggleLed() {
  ledState = (ledState == LOW) ? HIGH : LOW;
  digitalWrite(ledPin, ledState);
}

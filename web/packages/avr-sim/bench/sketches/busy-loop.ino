// Busy loop: 32-bit arithmetic in a tight loop, toggling the LED pin after every 1000 rounds.
volatile unsigned long seed = 1;

void setup() {
  pinMode(LED_BUILTIN, OUTPUT);
}

void loop() {
  for (unsigned int i = 0; i < 1000; i++) {
    seed = seed * 1103515245UL + 12345UL;
  }
  digitalWrite(LED_BUILTIN, !digitalRead(LED_BUILTIN));
}

// Control: interrupts - attachInterrupt() counts pulses on pin 2; loop() reads the count safely once a second.

const byte pulsePin = 2;

volatile unsigned long pulses = 0;
volatile bool sawPulse = false;

unsigned long lastReport = 0;

void setup() {
  Serial.begin(9600);
  pinMode(pulsePin, INPUT_PULLUP);
  pinMode(LED_BUILTIN, OUTPUT);
  attachInterrupt(digitalPinToInterrupt(pulsePin), onPulse, FALLING);
}

void loop() {
  if (millis() - lastReport >= 1000) {
    lastReport += 1000;

    noInterrupts();  // a 4-byte value: read it while the ISR cannot change it half-way
    unsigned long count = pulses;
    pulses = 0;
    interrupts();

    Serial.print(count);
    Serial.println(F(" pulses/s"));
    digitalWrite(LED_BUILTIN, sawPulse);
    sawPulse = false;
  }
}

void onPulse() {
  pulses++;
  sawPulse = true;
}

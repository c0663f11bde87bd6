// Control: for loops - a light runs along six LEDs on pins 2..7 and back again.

int firstPin = 2;
int lastPin = 7;
int stepDelay = 60;

void setup() {
  for (int pin = firstPin; pin <= lastPin; pin++) {
    pinMode(pin, OUTPUT);
  }
}

void loop() {
  for (int pin = firstPin; pin <= lastPin; pin++) {
    flash(pin);
  }
  for (int pin = lastPin; pin >= firstPin; pin--) {
    flash(pin);
  }
}

void flash(int pin) {
  digitalWrite(pin, HIGH);
  delay(stepDelay);
  digitalWrite(pin, LOW);
}

// Communication: each byte received over serial (0-255) becomes the LED's PWM brightness.

const int lampPin = 10;

void setup() {
  Serial.begin(9600);
  pinMode(lampPin, OUTPUT);
}

void loop() {
  if (Serial.available() > 0) {
    byte level = Serial.read();
    analogWrite(lampPin, level);
  }
}

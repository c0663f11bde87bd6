// Control: if / else if / else - a temperature reading switches between normal, warning and alarm outputs.

const int sensorPin = A0;
const int greenLed = 11;
const int redLed = 12;
const int buzzer = 8;

const int warnAbove = 600;
const int alarmAbove = 800;

void setup() {
  pinMode(greenLed, OUTPUT);
  pinMode(redLed, OUTPUT);
  pinMode(buzzer, OUTPUT);
  Serial.begin(9600);
}

void loop() {
  int reading = analogRead(sensorPin);

  if (reading > alarmAbove) {
    digitalWrite(greenLed, LOW);
    digitalWrite(redLed, HIGH);
    digitalWrite(buzzer, HIGH);
  } else if (reading > warnAbove) {
    digitalWrite(greenLed, LOW);
    digitalWrite(redLed, (millis() / 250) % 2);  // blink the red LED
    digitalWrite(buzzer, LOW);
  } else {
    digitalWrite(greenLed, HIGH);
    digitalWrite(redLed, LOW);
    digitalWrite(buzzer, LOW);
  }

  Serial.println(reading);
  delay(1);
}

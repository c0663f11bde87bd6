// Control: a while loop - calibration runs for as long as a button is held, then the LED follows the sensor.

const int sensorPin = A0;
const int ledPin = 9;
const int buttonPin = 2;
const int busyLed = 13;

int sensorMin = 1023;
int sensorMax = 0;
int sensorValue = 0;

void setup() {
  pinMode(busyLed, OUTPUT);
  pinMode(ledPin, OUTPUT);
  pinMode(buttonPin, INPUT);
}

void loop() {
  while (digitalRead(buttonPin) == HIGH) {
    calibrate();
  }
  digitalWrite(busyLed, LOW);

  sensorValue = analogRead(sensorPin);
  sensorValue = map(sensorValue, sensorMin, sensorMax, 0, 255);
  sensorValue = constrain(sensorValue, 0, 255);
  analogWrite(ledPin, sensorValue);
}

void calibrate() {
  digitalWrite(busyLed, HIGH);
  sensorValue = analogRead(sensorPin);
  sensorMax = max(sensorMax, sensorValue);
  sensorMin = min(sensorMin, sensorValue);
}

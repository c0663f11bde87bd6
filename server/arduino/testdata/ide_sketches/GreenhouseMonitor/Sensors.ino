// Reading the sensors: an analogue temperature sensor (10 mV per degree, 500 mV at 0 C) and a moisture probe.

const int samplesPerReading = 8;

void setupSensors() {
  analogReference(DEFAULT);
  pinMode(TEMPERATURE_PIN, INPUT);
  pinMode(MOISTURE_PIN, INPUT);
}

Climate readClimate() {
  Climate c;
  c.temperature = toCelsius(averagedRead(TEMPERATURE_PIN));
  c.moisture = averagedRead(MOISTURE_PIN);
  c.takenAt = millis();
  return c;
}

int averagedRead(int pin) {
  long sum = 0;
  for (int i = 0; i < samplesPerReading; i++) {
    sum += analogRead(pin);
  }
  return sum / samplesPerReading;
}

float toCelsius(int raw) {
  float millivolts = raw * 5000.0 / 1024.0;
  return (millivolts - 500.0) / 10.0;
}

// Multi-tab: the main tab uses functions and a class from the other tabs (Sensors.ino, Report.ino, Hysteresis.*).

#include "config.h"
#include "Hysteresis.h"

struct Climate {
  float temperature;
  int moisture;
  unsigned long takenAt;
};

Climate latest;
Hysteresis heater(HEATER_ON_BELOW, HEATER_OFF_ABOVE);
unsigned long lastSample = 0;

void setup() {
  Serial.begin(BAUD_RATE);
  setupSensors();
  pinMode(HEATER_PIN, OUTPUT);
  pinMode(PUMP_PIN, OUTPUT);
  printHeader();
}

void loop() {
  if (millis() - lastSample < SAMPLE_EVERY_MS) {
    return;
  }
  lastSample = millis();

  latest = readClimate();
  bool heating = heater.update(latest.temperature);
  digitalWrite(HEATER_PIN, heating);
  digitalWrite(PUMP_PIN, latest.moisture < DRY_BELOW);

  printClimate(latest, heating);
}

// Pins, thresholds and timing of the greenhouse monitor.
#pragma once

#define BAUD_RATE 9600
#define SAMPLE_EVERY_MS 2000UL

#define TEMPERATURE_PIN A0
#define MOISTURE_PIN A1
#define HEATER_PIN 7
#define PUMP_PIN 8

#define HEATER_ON_BELOW 18.0
#define HEATER_OFF_ABOVE 21.0
#define DRY_BELOW 300

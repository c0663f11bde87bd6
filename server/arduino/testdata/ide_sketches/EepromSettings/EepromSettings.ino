// Communication: EEPROM - byte read/write/update, the EEPROM[] operator, and put()/get() of a whole struct.

#include <EEPROM.h>

struct Settings {
  char magic[4];
  int threshold;
  float gain;
  byte bootCount;
};

const int settingsAddress = 16;

void setup() {
  Serial.begin(9600);

  // byte access
  EEPROM.write(0, 42);
  EEPROM.update(1, analogRead(A0) / 4);  // writes only if the byte differs: saves wear
  EEPROM[2] = EEPROM[0] + 1;
  Serial.print(F("byte 0 = "));
  Serial.println(EEPROM.read(0));

  // whole objects
  Settings settings;
  EEPROM.get(settingsAddress, settings);
  if (!isValid(settings)) {
    Serial.println(F("no settings stored yet, writing defaults"));
    settings = defaults();
  }
  settings.bootCount++;
  EEPROM.put(settingsAddress, settings);
  printSettings(settings);

  Serial.print(F("EEPROM size: "));
  Serial.println(EEPROM.length());
}

void loop() {
  // nothing: EEPROM wears out after ~100,000 writes, so never write it in loop() without a reason
}

bool isValid(const Settings &s) {
  return s.magic[0] == 'O' && s.magic[1] == 'h' && s.magic[2] == 'm';
}

Settings defaults() {
  Settings s = {{'O', 'h', 'm', 0}, 512, 1.5, 0};
  return s;
}

void printSettings(const Settings &s) {
  Serial.print(F("threshold="));
  Serial.print(s.threshold);
  Serial.print(F(" gain="));
  Serial.print(s.gain);
  Serial.print(F(" boots="));
  Serial.println(s.bootCount);
}

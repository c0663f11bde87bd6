// Communication: SPI - steps a digital potentiometer's wiper through its range with SPI.transfer().

#include <SPI.h>

const int chipSelect = 10;
const byte wiperRegister = 0x00;

SPISettings potSettings(1000000, MSBFIRST, SPI_MODE0);

void setup() {
  pinMode(chipSelect, OUTPUT);
  digitalWrite(chipSelect, HIGH);
  SPI.begin();
}

void loop() {
  for (int level = 0; level <= 128; level++) {
    setWiper(wiperRegister, level);
    delay(10);
  }
  for (int level = 128; level >= 0; level--) {
    setWiper(wiperRegister, level);
    delay(10);
  }
}

byte setWiper(byte address, int value) {
  SPI.beginTransaction(potSettings);
  digitalWrite(chipSelect, LOW);
  SPI.transfer(address);
  byte reply = SPI.transfer(value);
  digitalWrite(chipSelect, HIGH);
  SPI.endTransaction();
  return reply;
}

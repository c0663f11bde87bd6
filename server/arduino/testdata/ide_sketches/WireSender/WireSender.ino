// Communication: I2C master writer - sends a counter to the device at address 8 twice a second.

#include <Wire.h>

const byte peripheralAddress = 8;
byte counter = 0;

void setup() {
  Wire.begin();  // no address: join the bus as the master
  Serial.begin(9600);
}

void loop() {
  Wire.beginTransmission(peripheralAddress);
  Wire.write("count is ");
  Wire.write(counter);
  byte status = Wire.endTransmission();

  if (status != 0) {
    Serial.print(F("I2C error "));
    Serial.println(status);
  }

  counter++;
  delay(500);
}

// Communication: SoftwareSerial on pins 10/11 passes bytes to and from the hardware serial port.

#include <SoftwareSerial.h>

SoftwareSerial radio(10, 11);  // RX, TX

void setup() {
  Serial.begin(57600);
  Serial.println(F("bridge up"));
  radio.begin(9600);
  radio.println("hello from the other side");
}

void loop() {
  if (radio.available()) {
    Serial.write(radio.read());
  }
  if (Serial.available()) {
    radio.write(Serial.read());
  }
}

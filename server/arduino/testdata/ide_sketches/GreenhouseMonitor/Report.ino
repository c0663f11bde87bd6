// Reporting over serial, as CSV.

void printHeader() {
  Serial.println(F("seconds,°C,moisture,heater"));
}

void printClimate(const Climate &c, bool heating) {
  Serial.print(c.takenAt / 1000);
  Serial.print(',');
  Serial.print(c.temperature, 1);
  Serial.print(',');
  Serial.print(c.moisture);
  Serial.print(',');
  Serial.println(heating ? "on" : "off");
}

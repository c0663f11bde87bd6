// Analog: reads A0, prints the raw value and the voltage it stands for (float maths, Serial.print with decimals).

const float referenceVolts = 5.0;

void setup() {
  Serial.begin(9600);
  Serial.println(F("raw\tvolts"));
}

void loop() {
  int raw = analogRead(A0);
  float volts = raw * (referenceVolts / 1023.0);
  Serial.print(raw);
  Serial.print('\t');
  Serial.println(volts, 3);
  delay(100);
}

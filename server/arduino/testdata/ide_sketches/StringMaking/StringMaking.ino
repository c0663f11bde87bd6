// Strings: the ways to construct a String - from literals, chars, numbers in several bases, floats and millis().

void setup() {
  Serial.begin(9600);

  String fromLiteral = "plain text";
  String fromChar = String('k');
  String fromOther = String(fromLiteral + " and more");
  String decimal = String(1234);
  String negative = String(-56);
  String hex = String(255, HEX);
  String binary = String(10, BIN);
  String longValue = String(123456789L, DEC);
  String uptime = String(millis(), DEC);
  String twoDecimals = String(3.14159, 2);
  String fiveDecimals = String(2.0 / 3.0, 5);

  Serial.println(fromLiteral);
  Serial.println(fromChar);
  Serial.println(fromOther);
  Serial.println(decimal);
  Serial.println(negative);
  Serial.println(hex);
  Serial.println(binary);
  Serial.println(longValue);
  Serial.println(uptime);
  Serial.println(twoDecimals);
  Serial.println(fiveDecimals);
  Serial.println(String(F("length of the first: ")) + fromLiteral.length());
}

void loop() {
}

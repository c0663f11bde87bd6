// Strings: character analysis - every byte typed is classified with isAlpha, isDigit, isSpace, isPunct and friends.

void setup() {
  Serial.begin(9600);
  Serial.println(F("send any characters"));
}

void loop() {
  if (Serial.available() > 0) {
    int c = Serial.read();
    describe(c);
  }
}

void describe(int c) {
  Serial.print(F("'"));
  Serial.write(c);
  Serial.print(F("' ("));
  Serial.print(c);
  Serial.println(F(")"));

  if (isAlphaNumeric(c)) Serial.println(F("  alphanumeric"));
  if (isAlpha(c)) Serial.println(F("  a letter"));
  if (isAscii(c)) Serial.println(F("  ASCII"));
  if (isWhitespace(c)) Serial.println(F("  whitespace"));
  if (isControl(c)) Serial.println(F("  a control character"));
  if (isDigit(c)) Serial.println(F("  a digit"));
  if (isGraph(c)) Serial.println(F("  printable, not a space"));
  if (isLowerCase(c)) Serial.println(F("  lower case"));
  if (isUpperCase(c)) Serial.println(F("  upper case"));
  if (isPrintable(c)) Serial.println(F("  printable"));
  if (isPunct(c)) Serial.println(F("  punctuation"));
  if (isSpace(c)) Serial.println(F("  a space character"));
  if (isHexadecimalDigit(c)) Serial.println(F("  a hexadecimal digit"));
  Serial.println();
}

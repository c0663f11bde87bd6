// Communication: prints the printable ASCII characters with their decimal, hex, octal and binary codes.

char current = ' ';  // the first printable character

void setup() {
  Serial.begin(9600);
  while (!Serial) {
    ;  // boards with native USB wait for the port here; the Uno passes straight through
  }
  Serial.println(F("Character chart"));
}

void loop() {
  Serial.write(current);
  Serial.print(F("  dec "));
  Serial.print(current, DEC);
  Serial.print(F("  hex "));
  Serial.print(current, HEX);
  Serial.print(F("  oct "));
  Serial.print(current, OCT);
  Serial.print(F("  bin "));
  Serial.println(current, BIN);

  if (current == '~') {
    while (true) {
      continue;  // done: stop here
    }
  }
  current++;
}

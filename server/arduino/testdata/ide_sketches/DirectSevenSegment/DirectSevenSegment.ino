// Display: a 7-segment digit wired straight to seven pins, counting the seconds since reset (0-9 repeating).

// pins for segments a, b, c, d, e, f, g
const byte segmentPins[7] = {2, 3, 4, 5, 6, 7, 8};

// which segments light for each digit: one row per digit, 1 = lit
const boolean glyphs[10][7] = {
  {1, 1, 1, 1, 1, 1, 0},  // 0
  {0, 1, 1, 0, 0, 0, 0},  // 1
  {1, 1, 0, 1, 1, 0, 1},  // 2
  {1, 1, 1, 1, 0, 0, 1},  // 3
  {0, 1, 1, 0, 0, 1, 1},  // 4
  {1, 0, 1, 1, 0, 1, 1},  // 5
  {1, 0, 1, 1, 1, 1, 1},  // 6
  {1, 1, 1, 0, 0, 0, 0},  // 7
  {1, 1, 1, 1, 1, 1, 1},  // 8
  {1, 1, 1, 1, 0, 1, 1},  // 9
};

int shown = -1;

void setup() {
  for (byte i = 0; i < 7; i++) {
    pinMode(segmentPins[i], OUTPUT);
  }
}

void loop() {
  int digit = (millis() / 1000) % 10;
  if (digit != shown) {
    writeDigit(digit);
    shown = digit;
  }
}

void writeDigit(int digit) {
  for (byte segment = 0; segment < 7; segment++) {
    digitalWrite(segmentPins[segment], glyphs[digit][segment] ? HIGH : LOW);
  }
}

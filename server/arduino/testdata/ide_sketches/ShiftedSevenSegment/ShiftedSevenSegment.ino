// Display: a common-cathode 7-segment digit driven through a 74HC595 shift register with shiftOut().

const int dataPin = 11;
const int clockPin = 12;
const int latchPin = 8;

// segments a..g and the decimal point as bits 0..7, for the digits 0..9
const byte digitSegments[10] PROGMEM = {
  0b00111111, 0b00000110, 0b01011011, 0b01001111, 0b01100110,
  0b01101101, 0b01111101, 0b00000111, 0b01111111, 0b01101111,
};

void setup() {
  pinMode(dataPin, OUTPUT);
  pinMode(clockPin, OUTPUT);
  pinMode(latchPin, OUTPUT);
}

void loop() {
  for (byte digit = 0; digit < 10; digit++) {
    showDigit(digit, digit % 2 == 1);
    delay(500);
  }
}

void showDigit(byte digit, bool withPoint) {
  byte bits = pgm_read_byte(&digitSegments[digit]);
  if (withPoint) {
    bitSet(bits, 7);
  }
  digitalWrite(latchPin, LOW);
  shiftOut(dataPin, clockPin, MSBFIRST, bits);
  digitalWrite(latchPin, HIGH);
}

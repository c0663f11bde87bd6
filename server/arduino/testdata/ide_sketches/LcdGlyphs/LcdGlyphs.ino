// LiquidCrystal: custom characters with createChar() - a bell, a thermometer and an animated walker.

#include <LiquidCrystal.h>

const int rs = 12, en = 11, d4 = 5, d5 = 4, d6 = 3, d7 = 2;
LiquidCrystal lcd(rs, en, d4, d5, d6, d7);

byte bell[8] = {
  B00100,
  B01110,
  B01110,
  B01110,
  B11111,
  B00000,
  B00100,
  B00000,
};

byte thermometer[8] = {
  B00100,
  B01010,
  B01010,
  B01110,
  B01110,
  B11111,
  B11111,
  B01110,
};

byte walkerA[8] = {0x0E, 0x0E, 0x04, 0x1F, 0x04, 0x0A, 0x11, 0x00};
byte walkerB[8] = {0x0E, 0x0E, 0x04, 0x0E, 0x15, 0x04, 0x0A, 0x0A};

void setup() {
  lcd.begin(16, 2);
  lcd.createChar(0, bell);
  lcd.createChar(1, thermometer);
  lcd.createChar(2, walkerA);
  lcd.createChar(3, walkerB);

  lcd.clear();
  lcd.write(byte(0));
  lcd.print(" alarm ");
  lcd.write((byte)1);
  lcd.print(" 21C");
}

void loop() {
  int column = (millis() / 400) % 16;
  static int previousColumn = 0;

  lcd.setCursor(previousColumn, 1);
  lcd.print(' ');
  lcd.setCursor(column, 1);
  lcd.write(column % 2 == 0 ? 2 : 3);
  previousColumn = column;
  delay(50);
}

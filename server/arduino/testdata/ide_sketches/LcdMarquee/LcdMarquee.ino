// LiquidCrystal: scrolling text with scrollDisplayLeft()/scrollDisplayRight(), plus autoscroll mode.

#include <LiquidCrystal.h>

LiquidCrystal lcd(7, 8, 9, 10, 11, 12);

const char banner[] = "Scrolling!";

void setup() {
  lcd.begin(16, 2);
  lcd.print(banner);
  delay(1000);
}

void loop() {
  int length = strlen(banner);

  // off to the left...
  for (int i = 0; i < length; i++) {
    lcd.scrollDisplayLeft();
    delay(150);
  }
  // ...across to the right edge and beyond...
  for (int i = 0; i < length + 16; i++) {
    lcd.scrollDisplayRight();
    delay(150);
  }
  // ...and back to the start
  for (int i = 0; i < 16; i++) {
    lcd.scrollDisplayLeft();
    delay(150);
  }
  delay(1000);

  typeWithAutoscroll();
}

void typeWithAutoscroll() {
  lcd.clear();
  lcd.setCursor(16, 1);
  lcd.autoscroll();
  for (char c = '0'; c <= '9'; c++) {
    lcd.print(c);
    delay(300);
  }
  lcd.noAutoscroll();
  lcd.clear();
  lcd.print(banner);
}

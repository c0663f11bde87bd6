// LiquidCrystal: whatever arrives on the serial port is shown on the LCD, wrapping onto the second row.

#include <LiquidCrystal.h>

LiquidCrystal lcd(12, 11, 5, 4, 3, 2);

const int columns = 16;
int written = 0;

void setup() {
  lcd.begin(columns, 2);
  lcd.cursor();
  lcd.blink();
  Serial.begin(9600);
}

void loop() {
  if (Serial.available()) {
    delay(100);  // let the whole message arrive
    lcd.clear();
    written = 0;
    while (Serial.available() > 0) {
      char c = Serial.read();
      if (c == '\r' || c == '\n') continue;
      putOnScreen(c);
    }
  }
}

void putOnScreen(char c) {
  if (written == columns) {
    lcd.setCursor(0, 1);
  } else if (written == 2 * columns) {
    lcd.clear();
    written = 0;
  }
  lcd.write(c);
  written++;
}

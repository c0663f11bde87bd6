// LCD + servo: a counter on a 16x2 LCD while a servo sweeps 0..180 degrees and back, 1 degree per 15 ms.
#include <LiquidCrystal.h>
#include <Servo.h>

LiquidCrystal lcd(12, 11, 5, 4, 3, 2);
Servo servo;
unsigned long count = 0;
int angle = 0;
int step = 1;

void setup() {
  lcd.begin(16, 2);
  lcd.print("OhmCloud bench");
  servo.attach(9);
}

void loop() {
  lcd.setCursor(0, 1);
  lcd.print(count++);
  servo.write(angle);
  angle += step;
  if (angle == 180 || angle == 0) step = -step;
  delay(15);
}

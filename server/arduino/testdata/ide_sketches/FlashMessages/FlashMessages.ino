// Strings: a table of messages kept in flash (PROGMEM), copied out with strcpy_P or printed as __FlashStringHelper.

#include <avr/pgmspace.h>

const char msgStart[] PROGMEM = "system starting";
const char msgReady[] PROGMEM = "ready";
const char msgLowBattery[] PROGMEM = "battery low";
const char msgOverheat[] PROGMEM = "temperature too high";

const char *const messages[] PROGMEM = {msgStart, msgReady, msgLowBattery, msgOverheat};
const byte messageCount = sizeof(messages) / sizeof(messages[0]);

char line[32];

void setup() {
  Serial.begin(9600);
  for (byte i = 0; i < messageCount; i++) {
    strcpy_P(line, (char *)pgm_read_word(&(messages[i])));
    Serial.print(i);
    Serial.print(F(": "));
    Serial.println(line);
  }
  say(1);
}

void loop() {
  int reading = analogRead(A0);
  if (reading > 900) {
    say(3);
  } else if (reading < 100) {
    say(2);
  }
  delay(1000);
}

void say(byte index) {
  const char *text = (const char *)pgm_read_word(&messages[index]);
  Serial.println((const __FlashStringHelper *)text);
}

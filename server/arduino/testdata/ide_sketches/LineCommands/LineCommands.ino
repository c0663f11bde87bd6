// Communication: serialEvent() collects characters into a String until a newline, loop() acts on whole lines.

String pending = "";
boolean lineReady = false;

void setup() {
  Serial.begin(9600);
  pending.reserve(64);
  pinMode(LED_BUILTIN, OUTPUT);
  Serial.println(F("Type ON, OFF or STATUS"));
}

void loop() {
  if (lineReady) {
    pending.trim();
    pending.toUpperCase();
    handleCommand(pending);
    pending = "";
    lineReady = false;
  }
}

// Called by the core after each loop() when bytes have arrived.
void serialEvent() {
  while (Serial.available()) {
    char c = (char)Serial.read();
    if (c == '\n') {
      lineReady = true;
    } else {
      pending += c;
    }
  }
}

void handleCommand(const String &command) {
  if (command == "ON") {
    digitalWrite(LED_BUILTIN, HIGH);
  } else if (command == "OFF") {
    digitalWrite(LED_BUILTIN, LOW);
  } else if (command.equals("STATUS")) {
    Serial.print(F("LED is "));
    Serial.println(digitalRead(LED_BUILTIN) ? "on" : "off");
    return;
  } else {
    Serial.print(F("Unknown command: "));
    Serial.println(command);
    return;
  }
  Serial.println(F("ok"));
}

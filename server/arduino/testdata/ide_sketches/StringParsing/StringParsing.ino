// Strings: indexOf, lastIndexOf, substring, charAt, replace, toInt and toFloat on a "key=value;..." message.

String message = "temp=21.5;hum=48;mode=auto;fan=3";

void setup() {
  Serial.begin(9600);

  float temperature = valueOf(message, "temp").toFloat();
  int humidity = valueOf(message, "hum").toInt();
  String mode = valueOf(message, "mode");
  long fan = valueOf(message, "fan").toInt();

  Serial.println(temperature + 0.5);
  Serial.println(humidity * 2);
  Serial.println(mode);
  Serial.println(fan);

  int lastSeparator = message.lastIndexOf(';');
  Serial.println(message.substring(lastSeparator + 1));
  Serial.println(message.charAt(0));

  String shouty = message;
  shouty.replace(";", " | ");
  shouty.toUpperCase();
  Serial.println(shouty);

  char buffer[16];
  mode.toCharArray(buffer, sizeof(buffer));
  Serial.println(strlen(buffer));
}

void loop() {
}

// The value after "key=" up to the next ';' (or the end), empty when the key is missing.
String valueOf(const String &text, const String &key) {
  int start = text.indexOf(key + "=");
  if (start < 0) {
    return "";
  }
  start += key.length() + 1;
  int end = text.indexOf(';', start);
  if (end < 0) {
    end = text.length();
  }
  return text.substring(start, end);
}

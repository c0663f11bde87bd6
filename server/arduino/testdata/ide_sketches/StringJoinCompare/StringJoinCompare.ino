// Strings: concatenation with + and +=, concat(), and comparisons (==, equalsIgnoreCase, compareTo, <, startsWith).

String name = "sensor";
String label;

void setup() {
  Serial.begin(9600);

  label = name + " " + 7;                 // String + char* + int
  label += ':';
  label += 3.5;
  label.concat(" V");
  Serial.println(label);

  String reading = "Reading: ";
  reading = reading + analogRead(A0) + " (" + millis() + " ms)";
  Serial.println(reading);

  compareAndPrint("apple", "Apple");
  compareAndPrint("apple", "banana");
  compareAndPrint("42", "42");
}

void loop() {
}

void compareAndPrint(String a, String b) {
  Serial.print(a);
  Serial.print(F(" vs "));
  Serial.println(b);

  if (a == b) Serial.println(F("  equal"));
  if (a != b) Serial.println(F("  different"));
  if (a.equalsIgnoreCase(b)) Serial.println(F("  equal ignoring case"));
  if (a < b) Serial.println(F("  first sorts before second"));
  Serial.print(F("  compareTo: "));
  Serial.println(a.compareTo(b));
  if (b.startsWith(a.substring(0, 1))) Serial.println(F("  same first letter"));
  if (a.endsWith("e")) Serial.println(F("  first ends with e"));
}

// Control: switch/case on a sensor range - a light sensor's reading mapped to four named levels.

const int lightMin = 50;   // darkest reading seen with this sensor
const int lightMax = 950;  // brightest

void setup() {
  Serial.begin(9600);
}

void loop() {
  int reading = analogRead(A3);
  int range = map(reading, lightMin, lightMax, 0, 3);

  switch (range) {
    case 0:
      Serial.println("dark");
      break;
    case 1:
      Serial.println("dim");
      break;
    case 2:
      Serial.println("medium");
      break;
    case 3:
      Serial.println("bright");
      break;
    default:
      Serial.println("out of range");
      break;
  }
  delay(100);
}

// Digital: state change detection - counts presses (not the time held) and lights the LED on every third press.

const int buttonPin = 4;
const int ledPin = 13;

int presses = 0;
int previous = LOW;

void setup() {
  pinMode(buttonPin, INPUT);
  pinMode(ledPin, OUTPUT);
  Serial.begin(9600);
}

void loop() {
  int current = digitalRead(buttonPin);

  if (current != previous) {
    if (current == HIGH) {
      presses++;
      Serial.print("pressed, count = ");
      Serial.println(presses);
    } else {
      Serial.println("released");
    }
    delay(30);  // crude debounce
  }
  previous = current;

  showEveryThird(presses);
}

void showEveryThird(int count) {
  if (count % 3 == 0) {
    digitalWrite(ledPin, HIGH);
  } else {
    digitalWrite(ledPin, LOW);
  }
}

// Control: a state machine with an enum and a struct table - a traffic light with a pedestrian button, timed by millis().

enum LightState { RED, RED_AMBER, GREEN, AMBER };

struct Phase {
  LightState state;
  unsigned long durationMs;
  byte red, amber, green;
};

const Phase phases[] = {
  {RED, 5000, HIGH, LOW, LOW},
  {RED_AMBER, 1500, HIGH, HIGH, LOW},
  {GREEN, 6000, LOW, LOW, HIGH},
  {AMBER, 2000, LOW, HIGH, LOW},
};

const byte redPin = 10, amberPin = 11, greenPin = 12, buttonPin = 2;

int current = 0;
unsigned long phaseStarted = 0;
bool crossingRequested = false;

void setup() {
  pinMode(redPin, OUTPUT);
  pinMode(amberPin, OUTPUT);
  pinMode(greenPin, OUTPUT);
  pinMode(buttonPin, INPUT_PULLUP);
  Serial.begin(9600);
  enter(0);
}

void loop() {
  if (digitalRead(buttonPin) == LOW) {
    crossingRequested = true;
  }

  unsigned long limit = phases[current].durationMs;
  if (crossingRequested && phases[current].state == GREEN) {
    limit /= 3;  // cut the green short for the pedestrian
  }
  if (millis() - phaseStarted >= limit) {
    enter((current + 1) % 4);
  }
}

void enter(int index) {
  current = index;
  phaseStarted = millis();
  const Phase &p = phases[index];
  digitalWrite(redPin, p.red);
  digitalWrite(amberPin, p.amber);
  digitalWrite(greenPin, p.green);
  if (p.state == RED) {
    crossingRequested = false;
  }
  Serial.println(nameOf(p.state));
}

const char *nameOf(LightState state) {
  switch (state) {
    case RED: return "red";
    case RED_AMBER: return "red+amber";
    case GREEN: return "green";
    case AMBER: return "amber";
  }
  return "?";
}

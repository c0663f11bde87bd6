// Analog: smooths a noisy input with a running average over the last readings kept in a ring buffer.

const int sampleCount = 16;

int samples[sampleCount];
int nextSlot = 0;
long runningTotal = 0;
int sensorPin = A1;

void setup() {
  Serial.begin(9600);
  for (int i = 0; i < sampleCount; i++) {
    samples[i] = 0;
  }
}

void loop() {
  runningTotal -= samples[nextSlot];
  samples[nextSlot] = analogRead(sensorPin);
  runningTotal += samples[nextSlot];
  nextSlot = (nextSlot + 1) % sampleCount;

  Serial.println(average());
  delay(5);
}

int average() {
  return runningTotal / sampleCount;
}

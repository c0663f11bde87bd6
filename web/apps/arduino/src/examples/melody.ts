/** Example "Melody": tone() plays a short tune on a piezo buzzer on pin 8 (the IDE's toneMelody). */
import { exampleProject, pinOf, placeByPin, UNO, type Example } from "./example";

const D8 = pinOf(UNO, "D8");
/** The buzzer stands over pin 8, its + lead (2) just above the pin. */
const BUZZER = {
  id: "buzzer1",
  kind: "buzzer",
  ...placeByPin("buzzer", "2", { x: D8.x, y: D8.y - 30 }),
};

const SKETCH = `/*
  Melody

  Plays a short tune on a piezo buzzer on pin 8, once, after reset.

  tone(pin, frequency, duration) makes a square wave of that frequency on the
  pin for that many milliseconds; the buzzer turns it into sound. The note
  names below are the usual "pitches.h" frequencies in hertz.
*/

// Frequencies (Hz) of the notes used (from the Arduino "pitches.h" table).
#define NOTE_G3 196
#define NOTE_A3 220
#define NOTE_B3 247
#define NOTE_C4 262
#define REST 0

const int BUZZER_PIN = 8;

// The tune: notes, and their lengths (4 = quarter note, 8 = eighth note).
const int melody[] = {NOTE_C4, NOTE_G3, NOTE_G3, NOTE_A3, NOTE_G3, REST, NOTE_B3, NOTE_C4};
const int noteDurations[] = {4, 8, 8, 4, 4, 4, 4, 4};
const int NOTE_COUNT = sizeof(melody) / sizeof(melody[0]);

void setup() {
  for (int note = 0; note < NOTE_COUNT; note++) {
    // A quarter note lasts 1000 / 4 = 250 ms, an eighth note 1000 / 8 = 125 ms.
    int duration = 1000 / noteDurations[note];
    if (melody[note] != REST) {
      tone(BUZZER_PIN, melody[note], duration);
    }
    // Leave a short gap between notes: 30 % of the note's length.
    delay(duration * 13 / 10);
    noTone(BUZZER_PIN);
  }
}

void loop() {
  // The tune plays once; press Run again to hear it again.
}
`;

export const MELODY: Example = {
  id: "melody",
  title: "Melody on a buzzer",
  description: "tone() plays a short tune on a piezo buzzer on pin 8.",
  project: exampleProject(
    SKETCH,
    [UNO, BUZZER],
    [
      ["buzzer1.1", "uno.GND", "black"],
      ["buzzer1.2", "uno.D8", "red"],
    ],
  ),
};

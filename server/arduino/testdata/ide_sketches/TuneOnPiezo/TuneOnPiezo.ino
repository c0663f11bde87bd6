// Tone: plays a short tune on a piezo with tone(); the note frequencies come from the second tab, pitches.h.

#include "pitches.h"

const int speakerPin = 8;

// the tune: notes and their lengths (4 = quarter note, 8 = eighth note, ...)
int tune[] = {
  NOTE_E4, NOTE_G4, NOTE_A4, REST, NOTE_A4, NOTE_C5, NOTE_B4, NOTE_G4,
  NOTE_E4, NOTE_D4, NOTE_E4, REST, NOTE_FS4, NOTE_G4, NOTE_E5, NOTE_C5,
};
int lengths[] = {
  8, 8, 4, 8, 8, 4, 4, 2,
  8, 8, 4, 8, 8, 4, 4, 2,
};
const int noteCount = sizeof(tune) / sizeof(int);

void setup() {
  playTune(120);
}

void loop() {
  // played once; press reset to hear it again
}

void playTune(int beatsPerMinute) {
  long wholeNoteMs = 4L * 60000L / beatsPerMinute;
  for (int i = 0; i < noteCount; i++) {
    int duration = wholeNoteMs / lengths[i];
    if (tune[i] == REST) {
      noTone(speakerPin);
    } else {
      tone(speakerPin, tune[i], duration);
    }
    delay(duration * 13 / 10);  // a short gap between notes
    noTone(speakerPin);
  }
}

// The dead-band controller declared in Hysteresis.h (a .cpp tab: plain C++, so it includes Arduino.h itself).
#include <Arduino.h>
#include "Hysteresis.h"

Hysteresis::Hysteresis(float onBelow, float offAbove) : onBelow(onBelow), offAbove(offAbove), on(false) {}

bool Hysteresis::update(float value) {
  if (value < onBelow) {
    on = true;
  } else if (value > offAbove) {
    on = false;
  }
  return on;
}

// An on/off controller with a dead band, so the heater does not chatter around one threshold.
#ifndef HYSTERESIS_H
#define HYSTERESIS_H

class Hysteresis {
public:
  Hysteresis(float onBelow, float offAbove);
  bool update(float value);  // true while the output should be on
  bool isOn() const { return on; }

private:
  float onBelow;
  float offAbove;
  bool on;
};

#endif

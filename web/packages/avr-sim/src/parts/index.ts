/** Part models on the circuit model, and the glue that runs them with boards (see README.md). */
export {
  LDR_GAMMA,
  LDR_OHMS_AT_10_LUX,
  ldrOhms,
  NTC_BETA,
  NTC_KIND,
  NTC_OHMS_AT_25C,
  ntcOhms,
  PHOTORESISTOR_KIND,
  SENSOR_FIXED_OHMS,
} from "./analog-sensors";
export { BATTERY_9V_KIND } from "./battery-9v";
export { Buzzer, BUZZER_KIND } from "./buzzer";
export { DC_MOTOR_KIND, DcMotor } from "./dc-motor";
export { PART_CATALOG } from "./catalog";
export { CircuitSimulation } from "./circuit-simulation";
export {
  ECHO_DELAY_US,
  echoWidthUs,
  HC_SR04_KIND,
  HcSr04,
  MIN_TRIGGER_US,
  SPEED_OF_SOUND_M_PER_S,
} from "./hc-sr04";
export { Lcd, LCD1602_KIND, LCD2004_KIND, LCD_GEOMETRY, LCD_PINS } from "./lcd";
export { isLedLit, LED_FORWARD_VOLTS, LED_KIND, LedBrightness, ledForwardVolts } from "./led";
export {
  isPowered,
  logicLevel,
  MIN_SUPPLY_VOLTS,
  PoweredControl,
  type ControlValue,
  type PartBehaviour,
  type PartBehaviourFactory,
  type PartHost,
} from "./part-behaviour";
export { PART_BEHAVIOURS } from "./part-behaviours";
export {
  lcdCursorCell,
  lcdView,
  PART_VIEW_WINDOW_MS,
  partView,
  type PartView,
  type PartViewSource,
} from "./part-view";
export { PIR_HIGH_VOLTS, PIR_KIND } from "./pir";
export {
  DEFAULT_POTENTIOMETER_OHMS,
  POTENTIOMETER_KIND,
  potentiometerPosition,
  SLIDE_POTENTIOMETER_KIND,
} from "./potentiometer";
export { PUSH_BUTTON_KIND } from "./push-button";
export { RELAY_KIND } from "./relay";
export { RGB_CHANNELS, RGB_LED_KIND, RgbLed, type RgbChannel } from "./rgb-led";
export { DEFAULT_RESISTOR_OHMS, RESISTOR_KIND, resistorOhms } from "./resistor";
export {
  Servo,
  SERVO_KIND,
  SERVO_MAX_PULSE_US,
  SERVO_MIN_PULSE_US,
  servoAngleOfPulse,
} from "./servo";
export {
  decodeDigit,
  litSegments,
  SEGMENTS,
  SEVEN_SEGMENT_KIND,
  type Segment,
} from "./seven-segment";
export { SLIDE_SWITCH_KIND } from "./slide-switch";
export { TMP36_KIND, tmp36Volts } from "./tmp36";

/** Every component kind a circuit may use, by `kind`. */
import { boardKind, BREADBOARD_KIND, type PartCatalog } from "../circuit/circuit";
import { NTC_KIND, PHOTORESISTOR_KIND } from "./analog-sensors";
import { BATTERY_9V_KIND } from "./battery-9v";
import { BUZZER_KIND } from "./buzzer";
import { DC_MOTOR_KIND } from "./dc-motor";
import { HC_SR04_KIND } from "./hc-sr04";
import { LCD1602_KIND, LCD2004_KIND } from "./lcd";
import { LED_KIND } from "./led";
import { POTENTIOMETER_KIND, SLIDE_POTENTIOMETER_KIND } from "./potentiometer";
import { PIR_KIND } from "./pir";
import { PUSH_BUTTON_KIND } from "./push-button";
import { RELAY_KIND } from "./relay";
import { RESISTOR_KIND } from "./resistor";
import { RGB_LED_KIND } from "./rgb-led";
import { SERVO_KIND } from "./servo";
import { SEVEN_SEGMENT_KIND } from "./seven-segment";
import { SLIDE_SWITCH_KIND } from "./slide-switch";
import { TMP36_KIND } from "./tmp36";

export const PART_CATALOG: PartCatalog = Object.fromEntries(
  [
    boardKind("uno"),
    boardKind("nano"),
    boardKind("mega2560"),
    BREADBOARD_KIND,
    RESISTOR_KIND,
    LED_KIND,
    PUSH_BUTTON_KIND,
    BATTERY_9V_KIND,
    POTENTIOMETER_KIND,
    SLIDE_POTENTIOMETER_KIND,
    SERVO_KIND,
    BUZZER_KIND,
    SEVEN_SEGMENT_KIND,
    LCD1602_KIND,
    LCD2004_KIND,
    HC_SR04_KIND,
    PHOTORESISTOR_KIND,
    NTC_KIND,
    TMP36_KIND,
    PIR_KIND,
    RELAY_KIND,
    SLIDE_SWITCH_KIND,
    RGB_LED_KIND,
    DC_MOTOR_KIND,
  ].map((kind) => [kind.kind, kind]),
);

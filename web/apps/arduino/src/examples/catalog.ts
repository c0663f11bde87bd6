/** The Examples menu's projects, in menu order: each a complete circuit with its sketch. */
import { BLINK } from "./blink";
import { BUTTON } from "./button";
import type { Example } from "./example";
import { FADE } from "./fade";
import { KNOB_SERVO } from "./knob-servo";
import { LCD_HELLO } from "./lcd-hello";
import { MELODY } from "./melody";
import { NIGHT_LIGHT } from "./night-light";
import { POT_SERIAL } from "./pot-serial";
import { RGB_LED_COLOURS } from "./rgb-led";
import { SEVEN_SEGMENT_COUNTER } from "./seven-segment-counter";
import { THERMOMETER } from "./thermometer";
import { TRAFFIC_LIGHTS } from "./traffic-lights";
import { ULTRASONIC_LCD } from "./ultrasonic-lcd";

export type { Example } from "./example";

export const EXAMPLES: readonly Example[] = [
  BLINK,
  BUTTON,
  FADE,
  POT_SERIAL,
  KNOB_SERVO,
  LCD_HELLO,
  SEVEN_SEGMENT_COUNTER,
  TRAFFIC_LIGHTS,
  MELODY,
  ULTRASONIC_LCD,
  RGB_LED_COLOURS,
  NIGHT_LIGHT,
  THERMOMETER,
];

/** The example of that id, if there is one. */
export function exampleById(id: string): Example | undefined {
  return EXAMPLES.find((example) => example.id === id);
}

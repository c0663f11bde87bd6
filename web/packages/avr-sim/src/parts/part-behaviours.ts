/** The parts that behave over time, by kind: `CircuitSimulation` gives each such component one. */
import { Buzzer } from "./buzzer";
import { DcMotor } from "./dc-motor";
import { HcSr04 } from "./hc-sr04";
import { Lcd, LCD_GEOMETRY } from "./lcd";
import type { PartBehaviourFactory } from "./part-behaviour";
import { pirBehaviour } from "./pir";
import { relayBehaviour } from "./relay";
import { RgbLed } from "./rgb-led";
import { Servo } from "./servo";
import { tmp36Behaviour } from "./tmp36";

export const PART_BEHAVIOURS: Readonly<Record<string, PartBehaviourFactory>> = {
  buzzer: (component) => new Buzzer(component.id),
  "dc-motor": (component) => new DcMotor(component.id),
  "hc-sr04": (component, host) => new HcSr04(component, host),
  lcd1602: (component) => new Lcd(component.id, LCD_GEOMETRY.lcd1602!),
  lcd2004: (component) => new Lcd(component.id, LCD_GEOMETRY.lcd2004!),
  pir: pirBehaviour,
  relay: relayBehaviour,
  tmp36: tmp36Behaviour,
  "rgb-led": (component) => new RgbLed(component),
  servo: (component) => new Servo(component.id),
};

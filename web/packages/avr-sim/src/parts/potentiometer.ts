/**
 * Potentiometer (rotary, `potentiometer`) and slide potentiometer (`slide-potentiometer`): pins
 * `VCC`, `SIG` (the wiper) and `GND`, as on the Wokwi elements. The track is two resistors that
 * split `props.ohms` (default 10 kΩ) at the wiper's position 0..1 (control or prop `position`,
 * default 0.5): 0 puts the wiper on `GND`, 1 on `VCC`, so `analogRead` goes 0..1023 when the ends
 * are on GND and 5V. Without its end pins wired the wiper has nothing to pass on and floats.
 */
import {
  CircuitError,
  type ComponentSpec,
  type PartContext,
  type PartKind,
} from "../circuit/circuit";
import { pinRef, type CircuitElement } from "../circuit/elements";
import { numberSetting } from "./part-behaviour";

export const DEFAULT_POTENTIOMETER_OHMS = 10_000;

export function potentiometerPosition(component: ComponentSpec, context: PartContext): number {
  const position = numberSetting(
    component,
    context.control?.(component.id, "position"),
    "position",
    0.5,
  );
  return Math.min(1, Math.max(0, position));
}

function potentiometerElements(component: ComponentSpec, context: PartContext): CircuitElement[] {
  const ohms = component.props?.ohms ?? DEFAULT_POTENTIOMETER_OHMS;
  if (typeof ohms !== "number" || !(ohms > 0) || !Number.isFinite(ohms))
    throw new CircuitError(`${component.id}: ohms must be a positive number`);
  const position = potentiometerPosition(component, context);
  const pin = (name: string) => pinRef(component.id, name);
  // At an end of the track the wiper touches that end: a wire, not a zero-ohm resistor.
  const segment = (end: string, share: number): CircuitElement =>
    share === 0
      ? { type: "wire", a: pin("SIG"), b: pin(end) }
      : { type: "resistor", part: component.id, a: pin("SIG"), b: pin(end), ohms: ohms * share };
  return [segment("GND", position), segment("VCC", 1 - position)];
}

const POT_PINS = ["VCC", "SIG", "GND"] as const;

export const POTENTIOMETER_KIND: PartKind = {
  kind: "potentiometer",
  pins: () => POT_PINS,
  elements: potentiometerElements,
};

export const SLIDE_POTENTIOMETER_KIND: PartKind = {
  kind: "slide-potentiometer",
  pins: () => POT_PINS,
  elements: potentiometerElements,
};

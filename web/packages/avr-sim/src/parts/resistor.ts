/**
 * Resistor: a passive link between its legs `1` and `2` (`props.ohms`, default 1 kΩ). In the level
 * model it passes a level to a net without a strong driver of its own (pull-ups, pull-downs,
 * dividers) and counts as the series resistor an LED needs.
 */
import type { ComponentSpec, PartKind } from "../circuit/circuit";
import { CircuitError } from "../circuit/circuit";
import { pinRef } from "../circuit/elements";

export const DEFAULT_RESISTOR_OHMS = 1000;

export function resistorOhms(component: ComponentSpec): number {
  const ohms = component.props?.ohms ?? DEFAULT_RESISTOR_OHMS;
  if (typeof ohms !== "number" || !(ohms > 0) || !Number.isFinite(ohms))
    throw new CircuitError(`${component.id}: ohms must be a positive number`);
  return ohms;
}

export const RESISTOR_KIND: PartKind = {
  kind: "resistor",
  isStatic: true,
  pins: () => ["1", "2"],
  elements: (component) => [
    {
      type: "resistor",
      part: component.id,
      a: pinRef(component.id, "1"),
      b: pinRef(component.id, "2"),
      ohms: resistorOhms(component),
    },
  ],
};

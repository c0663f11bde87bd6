/**
 * 9 V battery: terminals `+` (9 V) and `-` (0 V). The level model has one ground: the `-` terminal
 * is taken as 0 V, as when it is wired to the Arduino's GND (the usual way); a battery whose `-`
 * sits on another level shows as contention on that net.
 */
import type { PartKind } from "../circuit/circuit";
import { pinRef } from "../circuit/elements";

export const BATTERY_9V_KIND: PartKind = {
  kind: "battery-9v",
  isStatic: true,
  pins: () => ["+", "-"],
  elements: (component) => [
    { type: "supply", pin: pinRef(component.id, "+"), volts: 9 },
    { type: "supply", pin: pinRef(component.id, "-"), volts: 0 },
  ],
};

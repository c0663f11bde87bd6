/**
 * Relay module (5 V, active high): pins `VCC`, `GND`, `IN` and the contacts `COM`, `NO`, `NC`. With
 * power on VCC/GND and IN HIGH the coil pulls in and joins COM to NO; otherwise COM rests on NC.
 * The contacts are plain conductors, so they switch any level (a battery, 5V) to what hangs on them.
 */
import type { ComponentSpec, PartKind } from "../circuit/circuit";
import { pinRef } from "../circuit/elements";
import { logicLevel, PoweredControl, type PartHost } from "./part-behaviour";

export const RELAY_KIND: PartKind = {
  kind: "relay",
  pins: () => ["VCC", "GND", "IN", "COM", "NO", "NC"],
  elements: (component, context) => {
    const on = context.control?.(component.id, "energized") === true;
    return [
      { type: "wire", a: pinRef(component.id, "COM"), b: pinRef(component.id, on ? "NO" : "NC") },
    ];
  },
};

export const relayBehaviour = (component: ComponentSpec, host: PartHost) =>
  new PoweredControl(
    component.id,
    host,
    "energized",
    (resolution) => logicLevel(resolution, pinRef(component.id, "IN")) === true,
  );

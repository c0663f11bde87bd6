/**
 * TMP36 temperature sensor: pins `VCC`, `VOUT`, `GND`. Powered (2.7 V or more across VCC/GND) it
 * drives VOUT at 500 mV + 10 mV/°C for the control or prop `celsius` (default 24, −40..125 °C);
 * without power VOUT drives nothing.
 */
import type { ComponentSpec, PartKind } from "../circuit/circuit";
import { pinRef } from "../circuit/elements";
import { numberSetting, PoweredControl, type PartHost } from "./part-behaviour";

export function tmp36Volts(celsius: number): number {
  return 0.5 + 0.01 * Math.min(125, Math.max(-40, celsius));
}

export const TMP36_KIND: PartKind = {
  kind: "tmp36",
  pins: () => ["VCC", "VOUT", "GND"],
  elements: (component, context) => {
    const volts = context.control?.(component.id, "out");
    return typeof volts === "number"
      ? [{ type: "supply", pin: pinRef(component.id, "VOUT"), volts }]
      : [];
  },
};

export const tmp36Behaviour = (component: ComponentSpec, host: PartHost) =>
  new PoweredControl(
    component.id,
    host,
    "out",
    () =>
      tmp36Volts(numberSetting(component, host.control(component.id, "celsius"), "celsius", 24)),
    2.7,
  );

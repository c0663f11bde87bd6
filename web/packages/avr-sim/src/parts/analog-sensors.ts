/**
 * Analog sensor modules that are resistive dividers between `VCC` and `GND`, their output the
 * middle: a fixed 10 kΩ from VCC to the output and the sensing element from the output to GND, as
 * on the Wokwi modules (so Wokwi's formulas in sketches read them back). The setting is a control or
 * prop; without VCC wired the output only sees GND through the sensor.
 *
 * - `photoresistor` (pins `VCC`, `GND`, `DO`, `AO`): an LDR of 50 kΩ at 10 lux, γ = 0.7
 *   (R = 50 kΩ · (10 / lux)^0.7), setting `lux` (default 500). `DO` (the comparator output) is not
 *   modelled.
 * - `ntc` (pins `VCC`, `OUT`, `GND`): an NTC of 10 kΩ at 25 °C, β = 3950, setting `celsius`
 *   (default 24).
 */
import type { ComponentSpec, PartContext, PartKind } from "../circuit/circuit";
import { pinRef, type CircuitElement } from "../circuit/elements";
import { numberSetting } from "./part-behaviour";

export const SENSOR_FIXED_OHMS = 10_000;
export const LDR_OHMS_AT_10_LUX = 50_000;
export const LDR_GAMMA = 0.7;
export const NTC_OHMS_AT_25C = 10_000;
export const NTC_BETA = 3950;

export function ldrOhms(lux: number): number {
  return LDR_OHMS_AT_10_LUX * Math.pow(10 / Math.max(lux, 0.01), LDR_GAMMA);
}

export function ntcOhms(celsius: number): number {
  return NTC_OHMS_AT_25C * Math.exp(NTC_BETA * (1 / (celsius + 273.15) - 1 / 298.15));
}

function divider(component: ComponentSpec, output: string, sensorOhms: number): CircuitElement[] {
  const pin = (name: string) => pinRef(component.id, name);
  return [
    {
      type: "resistor",
      part: component.id,
      a: pin("VCC"),
      b: pin(output),
      ohms: SENSOR_FIXED_OHMS,
    },
    { type: "resistor", part: component.id, a: pin(output), b: pin("GND"), ohms: sensorOhms },
  ];
}

const setting = (component: ComponentSpec, context: PartContext, name: string, fallback: number) =>
  numberSetting(component, context.control?.(component.id, name), name, fallback);

export const PHOTORESISTOR_KIND: PartKind = {
  kind: "photoresistor",
  pins: () => ["VCC", "GND", "DO", "AO"],
  elements: (component, context) =>
    divider(component, "AO", ldrOhms(setting(component, context, "lux", 500))),
};

export const NTC_KIND: PartKind = {
  kind: "ntc",
  pins: () => ["VCC", "OUT", "GND"],
  elements: (component, context) =>
    divider(component, "OUT", ntcOhms(setting(component, context, "celsius", 24))),
};

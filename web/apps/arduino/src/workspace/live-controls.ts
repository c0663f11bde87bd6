/**
 * The live inputs of each part kind during a run, as avr-sim's part models read them (the part file
 * is the truth: potentiometer.ts, analog-sensors.ts, tmp36.ts, hc-sr04.ts, pir.ts, slide-switch.ts)
 * with the ranges the properties panel offers. Push buttons are pressed, not set
 * (`CircuitSimulation.setPressed`): they are not listed here.
 */
import type { PartProps } from "@ohmcloud/avr-sim";

export type LiveControl =
  | {
      readonly type: "slider";
      readonly name: string;
      readonly label: string;
      readonly min: number;
      readonly max: number;
      readonly step: number;
      /** What the part uses when neither control nor prop is set. */
      readonly fallback: number;
      readonly unit: string;
    }
  | {
      readonly type: "toggle";
      readonly name: string;
      readonly label: string;
      /** The values for off and on (the slide switch takes positions 0 and 1, the PIR a boolean). */
      readonly off: number | boolean;
      readonly on: number | boolean;
    };

const POSITION: LiveControl = {
  type: "slider",
  name: "position",
  label: "Position",
  min: 0,
  max: 1,
  step: 0.01,
  fallback: 0.5,
  unit: "",
};

const CELSIUS: LiveControl = {
  type: "slider",
  name: "celsius",
  label: "Temperature",
  min: -40,
  max: 125,
  step: 1,
  fallback: 24,
  unit: "°C",
};

export const LIVE_CONTROLS: Readonly<Record<string, readonly LiveControl[]>> = {
  potentiometer: [POSITION],
  "slide-potentiometer": [POSITION],
  photoresistor: [
    {
      type: "slider",
      name: "lux",
      label: "Light",
      min: 0,
      max: 2000,
      step: 10,
      fallback: 500,
      unit: "lux",
    },
  ],
  ntc: [CELSIUS],
  tmp36: [CELSIUS],
  "hc-sr04": [
    {
      type: "slider",
      name: "distanceCm",
      label: "Distance",
      min: 2,
      max: 400,
      step: 1,
      fallback: 100,
      unit: "cm",
    },
  ],
  pir: [{ type: "toggle", name: "motion", label: "Motion detected", off: false, on: true }],
  "slide-switch": [{ type: "toggle", name: "position", label: "Switched to 3", off: 0, on: 1 }],
};

export function liveControlsOf(kind: string): readonly LiveControl[] {
  return LIVE_CONTROLS[kind] ?? [];
}

/** A control's value before the page sets it: the part's prop, else the model's fallback. */
export function initialControlValue(
  control: LiveControl,
  props: PartProps | undefined,
): number | boolean {
  const prop = props?.[control.name];
  if (control.type === "slider") return typeof prop === "number" ? prop : control.fallback;
  return prop === control.on || prop === true ? control.on : control.off;
}

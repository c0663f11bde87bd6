/**
 * Parts with behaviour over time — a servo timing its pulses, a buzzer counting periods, an HC-SR04
 * answering a trigger — watch the circuit's resolved levels as the simulation runs. `CircuitSimulation`
 * creates one `PartBehaviour` per such component (from `PART_BEHAVIOURS`) and calls `observe` after
 * every resolution, i.e. at every pin change of a board and every setting change, with the time.
 * A behaviour that drives something (the echo pin) sets a control through its `PartHost`; the part
 * kind's `elements` read it through `PartContext.control`.
 */
import { INPUT_THRESHOLD_VOLTS } from "../circuit/board-pins";
import type { ComponentSpec } from "../circuit/circuit";
import { pinRef } from "../circuit/elements";
import type { CircuitResolution } from "../circuit/resolve-levels";

export type ControlValue = number | boolean | undefined;

export interface PartHost {
  /** Runs `action` after `delayUs` of simulated time (on the boards' clock). */
  schedule(delayUs: number, action: () => void): void;
  control(component: string, name: string): ControlValue;
  /** Changes a control; the circuit is resolved again. */
  setControl(component: string, name: string, value: ControlValue): void;
}

export interface PartBehaviour {
  observe(resolution: CircuitResolution, nowUs: number): void;
}

export type PartBehaviourFactory = (component: ComponentSpec, host: PartHost) => PartBehaviour;

/** Supply voltage a powered part needs between its power pins (5 V parts, USB-powered boards). */
export const MIN_SUPPLY_VOLTS = 4.5;

/**
 * Whether a part's power pins are connected: `vcc` at least `minVolts` above `gnd`, both with a
 * level. "Parts need their power pins connected to work": a servo, LCD or sensor does nothing
 * otherwise.
 */
export function isPowered(
  resolution: CircuitResolution,
  id: string,
  vcc: string,
  gnd: string,
  minVolts = MIN_SUPPLY_VOLTS,
): boolean {
  const plus = resolution.levelOf(pinRef(id, vcc)).volts;
  const minus = resolution.levelOf(pinRef(id, gnd)).volts;
  return plus !== null && minus !== null && plus - minus >= minVolts;
}

/** A pin's logic level as a 5 V CMOS input sees it; null while its net floats. */
export function logicLevel(resolution: CircuitResolution, pin: string): boolean | null {
  const volts = resolution.levelOf(pin).volts;
  return volts === null ? null : volts >= INPUT_THRESHOLD_VOLTS;
}

/** Numeric prop with a default and a range check (settings such as a sensor's distance). */
export function numberSetting(
  component: ComponentSpec,
  value: ControlValue,
  name: string,
  fallback: number,
): number {
  const raw = value ?? component.props?.[name] ?? fallback;
  return typeof raw === "number" && Number.isFinite(raw) ? raw : fallback;
}

/**
 * A part whose one control follows its inputs while powered and is unset without power: an active
 * sensor's output level (TMP36, PIR) or a relay's coil. The kind's `elements` read the control.
 */
export class PoweredControl implements PartBehaviour {
  constructor(
    readonly id: string,
    private readonly host: PartHost,
    private readonly control: string,
    private readonly valueOf: (resolution: CircuitResolution) => ControlValue,
    private readonly minVolts = MIN_SUPPLY_VOLTS,
  ) {}

  observe(resolution: CircuitResolution): void {
    const powered = isPowered(resolution, this.id, "VCC", "GND", this.minVolts);
    this.host.setControl(this.id, this.control, powered ? this.valueOf(resolution) : undefined);
  }
}

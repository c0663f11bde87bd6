/**
 * The electrical vocabulary of the level model: what components reduce to before nets are resolved.
 * Not SPICE: conductors join pins into nets, sources give a net a level (strong = a push-pull output
 * or a supply, weak = through a resistance), resistors pass levels between nets, and inputs are
 * checked for floating. Parts that do not conduct in this model (an LED) only read net levels.
 */

/** A component's pin: `"<component id>.<pin name>"`, e.g. `"uno.D13"`, `"bb.a12"`, `"r1.1"`. */
export type PinRef = string;

export function pinRef(component: string, pin: string): PinRef {
  return `${component}.${pin}`;
}

/** Splits a `PinRef` at its first dot (pin names may contain dots: `"btn.1.l"`). */
export function splitPinRef(ref: PinRef): { component: string; pin: string } {
  const dot = ref.indexOf(".");
  return dot < 0
    ? { component: ref, pin: "" }
    : { component: ref.slice(0, dot), pin: ref.slice(dot + 1) };
}

export type CircuitElement =
  /** Zero-ohm join: a wire, a part's leg in a breadboard hole, a strip, closed contacts. */
  | { readonly type: "wire"; readonly a: PinRef; readonly b: PinRef }
  /** Strong fixed level: a supply pin, a battery terminal, an MCU output (push-pull). */
  | { readonly type: "supply"; readonly pin: PinRef; readonly volts: number }
  /** Weak level through a resistance to a fixed voltage: an MCU's internal pull-up. */
  | { readonly type: "pull"; readonly pin: PinRef; readonly volts: number; readonly ohms: number }
  /** A resistor between two nets: passes a level to a net that has no strong driver of its own. */
  | {
      readonly type: "resistor";
      readonly part: string;
      readonly a: PinRef;
      readonly b: PinRef;
      readonly ohms: number;
    }
  /** An MCU input without pull-up: reads its net, warned about when the net floats. */
  | { readonly type: "input"; readonly pin: PinRef }
  /** A part's pin (not a breadboard hole): counts as "something attached" for the floating check. */
  | { readonly type: "terminal"; readonly pin: PinRef };

export interface CircuitWarning {
  readonly kind: "contention" | "floating-input" | "no-series-resistor" | "driven-from-pin";
  /** The pins concerned, in a stable order. */
  readonly pins: readonly PinRef[];
  readonly message: string;
}

/**
 * LED: legs `A` (anode) and `C` (cathode); `props.color` sets the forward voltage. It lights when
 * both legs are on nets with a level and the anode is at least the forward voltage above the
 * cathode — so it stays dark with a leg unconnected, turned the wrong way, or with no path to a
 * lower level. In the level model it does not conduct (nets through it keep their own levels);
 * brightness is the share of time it was lit over a window, which is the PWM duty of its pin.
 *
 * Warns "no series resistor" when both legs sit on strongly driven nets (an output or supply pin
 * straight to GND or another pin): nothing limits the current, on hardware the LED or pin dies.
 */
import type { PartKind } from "../circuit/circuit";
import { pinRef } from "../circuit/elements";
import type { CircuitResolution } from "../circuit/resolve-levels";

/** Typical forward voltages at 20 mA. */
export const LED_FORWARD_VOLTS: Readonly<Record<string, number>> = {
  red: 1.8,
  orange: 2.0,
  yellow: 2.0,
  green: 2.2,
  blue: 3.0,
  white: 3.0,
};

export function ledForwardVolts(color: unknown): number {
  return LED_FORWARD_VOLTS[typeof color === "string" ? color : "red"] ?? LED_FORWARD_VOLTS.red!;
}

export function isLedLit(resolution: CircuitResolution, id: string, forwardVolts: number): boolean {
  const anode = resolution.levelOf(pinRef(id, "A"));
  const cathode = resolution.levelOf(pinRef(id, "C"));
  if (anode.volts === null || cathode.volts === null) return false;
  return anode.volts - cathode.volts >= forwardVolts;
}

export const LED_KIND: PartKind = {
  kind: "led",
  isStatic: true,
  pins: () => ["A", "C"],
  elements: () => [], // does not conduct in the level model; its legs are terminals
  check: (component, resolution) => {
    const drivers = ["A", "C"].map((leg) => {
      const net = resolution.netOf(pinRef(component.id, leg));
      return net === undefined || resolution.levels[net]!.strength !== "strong"
        ? null
        : resolution.suppliesOf(net).map((s) => s.pin);
    });
    const [anode, cathode] = drivers;
    if (!anode || !cathode) return [];
    return [
      {
        kind: "no-series-resistor",
        pins: [pinRef(component.id, "A"), pinRef(component.id, "C")],
        message: `${component.id}: no series resistor between ${anode.join(", ")} and ${cathode.join(", ")} (add about 220 Ω)`,
      },
    ];
  },
};

/** Lit/dark history of one LED, kept for the longest window asked for. */
export class LedBrightness {
  /** Times (µs) at which the lit state changed, with the state from then on. */
  private readonly changes: { t: number; lit: boolean }[] = [];

  constructor(
    private readonly keepUs = 1_000_000,
    initiallyLit = false,
  ) {
    this.changes.push({ t: Number.NEGATIVE_INFINITY, lit: initiallyLit });
  }

  get lit(): boolean {
    return this.changes.at(-1)!.lit;
  }

  record(tUs: number, lit: boolean): void {
    if (lit === this.lit) return;
    this.changes.push({ t: tUs, lit });
    // Drop what lies wholly before the kept span (the first kept entry says the state at its start).
    while (this.changes.length > 2 && this.changes[1]!.t < tUs - this.keepUs) this.changes.shift();
  }

  /** Share of `[nowUs − windowUs, nowUs]` lit, 0..1. */
  brightness(nowUs: number, windowUs = 20_000): number {
    const start = nowUs - windowUs;
    let litUs = 0;
    for (let i = 0; i < this.changes.length; i++) {
      const { t, lit } = this.changes[i]!;
      const end = Math.min(this.changes[i + 1]?.t ?? nowUs, nowUs);
      if (lit && end > start && t < nowUs) litUs += end - Math.max(t, start);
    }
    return windowUs > 0 ? litUs / windowUs : this.lit ? 1 : 0;
  }
}

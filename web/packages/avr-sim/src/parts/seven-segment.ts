/**
 * One-digit 7-segment display: segment pins `A`…`G`, `DP` and two common pins `COM.1`, `COM.2`
 * (joined inside), as on the Wokwi element. `props.common` is `"cathode"` (default: a segment
 * lights when its pin is the LED forward voltage above COM, i.e. HIGH with COM on GND) or `"anode"`
 * (lights when COM is that much above the segment: COM on 5V, the segment LOW). `props.color` sets
 * the forward voltage as for an LED. With COM unconnected nothing lights.
 */
import type { ComponentSpec, PartKind } from "../circuit/circuit";
import { pinRef } from "../circuit/elements";
import type { CircuitResolution } from "../circuit/resolve-levels";
import { ledForwardVolts } from "./led";

export const SEGMENTS = ["A", "B", "C", "D", "E", "F", "G", "DP"] as const;
export type Segment = (typeof SEGMENTS)[number];

export const SEVEN_SEGMENT_KIND: PartKind = {
  kind: "7segment",
  isStatic: true,
  pins: () => [...SEGMENTS, "COM.1", "COM.2"],
  elements: (component) => [
    { type: "wire", a: pinRef(component.id, "COM.1"), b: pinRef(component.id, "COM.2") },
  ],
};

/** The lit segments, in `SEGMENTS` order. */
export function litSegments(resolution: CircuitResolution, component: ComponentSpec): Segment[] {
  const anode = component.props?.common === "anode";
  const forward = ledForwardVolts(component.props?.color);
  const common = resolution.levelOf(pinRef(component.id, "COM.1")).volts;
  if (common === null) return [];
  return SEGMENTS.filter((segment) => {
    const volts = resolution.levelOf(pinRef(component.id, segment)).volts;
    return volts !== null && (anode ? common - volts : volts - common) >= forward;
  });
}

/** Segments a..g of each digit 0..9. */
const DIGIT_SEGMENTS = [
  "ABCDEF",
  "BC",
  "ABDEG",
  "ABCDG",
  "BCFG",
  "ACDFG",
  "ACDEFG",
  "ABC",
  "ABCDEFG",
  "ABCDFG",
];

/** The digit the lit segments a..g show (the decimal point aside), or null for another pattern. */
export function decodeDigit(lit: readonly Segment[]): number | null {
  const pattern = lit.filter((s) => s !== "DP").join("");
  const digit = DIGIT_SEGMENTS.indexOf(pattern);
  return digit < 0 ? null : digit;
}

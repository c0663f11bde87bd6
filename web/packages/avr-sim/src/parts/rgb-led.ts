/**
 * RGB LED: pins `R`, `COM`, `G`, `B` as on the Wokwi element; `props.common` `"cathode"` (default:
 * a colour lights when its pin is its forward voltage above COM) or `"anode"` (COM that much above
 * the colour's pin). Each colour's brightness is its lit share over a window, as for a plain LED, so
 * `analogWrite` on the three pins mixes the colour. Dark with COM unconnected.
 */
import type { ComponentSpec, PartKind } from "../circuit/circuit";
import { pinRef } from "../circuit/elements";
import type { CircuitResolution } from "../circuit/resolve-levels";
import { LED_FORWARD_VOLTS, LedBrightness } from "./led";
import type { PartBehaviour } from "./part-behaviour";

export const RGB_CHANNELS = ["R", "G", "B"] as const;
export type RgbChannel = (typeof RGB_CHANNELS)[number];

const FORWARD_VOLTS: Readonly<Record<RgbChannel, number>> = {
  R: LED_FORWARD_VOLTS.red!,
  G: LED_FORWARD_VOLTS.green!,
  B: LED_FORWARD_VOLTS.blue!,
};

export const RGB_LED_KIND: PartKind = {
  kind: "rgb-led",
  isStatic: true,
  pins: () => ["R", "COM", "G", "B"],
  elements: () => [],
};

export class RgbLed implements PartBehaviour {
  private readonly histories = RGB_CHANNELS.map(() => new LedBrightness());
  private readonly anode: boolean;

  constructor(readonly component: ComponentSpec) {
    this.anode = component.props?.common === "anode";
  }

  observe(resolution: CircuitResolution, nowUs: number): void {
    const common = resolution.levelOf(pinRef(this.component.id, "COM")).volts;
    RGB_CHANNELS.forEach((channel, i) => {
      const volts = resolution.levelOf(pinRef(this.component.id, channel)).volts;
      const lit =
        common !== null &&
        volts !== null &&
        (this.anode ? common - volts : volts - common) >= FORWARD_VOLTS[channel];
      this.histories[i]!.record(nowUs, lit);
    });
  }

  isLit(channel: RgbChannel): boolean {
    return this.histories[RGB_CHANNELS.indexOf(channel)]!.lit;
  }

  /** Share of the last `windowMs` the colour was lit (0..1), at `nowUs`. */
  brightness(channel: RgbChannel, nowUs: number, windowMs = 20): number {
    return this.histories[RGB_CHANNELS.indexOf(channel)]!.brightness(nowUs, windowMs * 1000);
  }
}

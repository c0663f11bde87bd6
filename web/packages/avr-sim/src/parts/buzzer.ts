/**
 * Piezo buzzer: pins `1` (−) and `2` (+) as on the Wokwi element. It sounds at the frequency the
 * voltage across it toggles at — `tone(pin, 440)` toggles the pin 880 times a second, 440 periods —
 * measured from the rising edges of the last `WINDOW_US`; no edge for that long is silence
 * (`noTone`, a pin left HIGH). The app plays `frequency` with Web Audio.
 */
import { INPUT_THRESHOLD_VOLTS } from "../circuit/board-pins";
import type { PartKind } from "../circuit/circuit";
import { pinRef } from "../circuit/elements";
import type { CircuitResolution } from "../circuit/resolve-levels";
import type { PartBehaviour } from "./part-behaviour";

/** Frequencies are averaged over this long, and a buzzer this long without an edge is silent. */
const WINDOW_US = 50_000;

export const BUZZER_KIND: PartKind = {
  kind: "buzzer",
  isStatic: true,
  pins: () => ["1", "2"],
  elements: () => [],
};

export class Buzzer implements PartBehaviour {
  /** Times (µs) of the rising edges within the window. */
  private readonly edges: number[] = [];
  private on = false;

  constructor(readonly id: string) {}

  observe(resolution: CircuitResolution, nowUs: number): void {
    const minus = resolution.levelOf(pinRef(this.id, "1")).volts;
    const plus = resolution.levelOf(pinRef(this.id, "2")).volts;
    const on = minus !== null && plus !== null && plus - minus >= INPUT_THRESHOLD_VOLTS;
    if (on === this.on) return;
    this.on = on;
    if (!on) return;
    this.edges.push(nowUs);
    while (this.edges.length > 2 && this.edges[0]! < nowUs - WINDOW_US) this.edges.shift();
  }

  /** Hz at `nowUs` (the simulation's time); 0 when silent. */
  frequency(nowUs: number): number {
    const recent = this.edges.filter((t) => t >= nowUs - WINDOW_US);
    if (recent.length < 2) return 0;
    const span = recent.at(-1)! - recent[0]!;
    // Quiet for longer than two of its own periods: the tone has stopped.
    if (nowUs - recent.at(-1)! > (2 * span) / (recent.length - 1)) return 0;
    return ((recent.length - 1) * 1e6) / span;
  }
}

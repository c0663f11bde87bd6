/**
 * The circuit side of a headless run (README.md, "Circuit runs"): the board that runs the HEX
 * placed in its circuit through `CircuitSimulation`, the request's part inputs applied at their
 * exact cycle, the net levels of the traced pins recorded at each change, and at the end the
 * circuit's warnings (each with the time it first appeared) and what the parts show.
 */
import type { AvrSimulation } from "./avr-simulation";
import type { CircuitWarning, PinRef } from "./circuit/elements";
import type { CircuitResolution } from "./circuit/resolve-levels";
import type { CircuitRequest, PartInput } from "./circuit-request";
import { CircuitSimulation } from "./parts/circuit-simulation";
import { logicLevel } from "./parts/part-behaviour";
import type { PartView } from "./parts/part-view";

/** A net's logic level (HIGH from 2.5 V, as `digitalRead` sees it); null while the net floats. */
export type NetBit = 0 | 1 | null;

export interface NetChangeRecord {
  readonly t_us: number;
  readonly pin: PinRef;
  readonly value: NetBit;
}

export interface CircuitWarningRecord extends CircuitWarning {
  /** When the warning first appeared. */
  readonly t_us: number;
}

export interface CircuitRunReport {
  readonly mcu: string;
  readonly netChanges: NetChangeRecord[];
  readonly netChangesTotal: number;
  readonly netChangesCapped: boolean;
  readonly circuitWarnings: CircuitWarningRecord[];
  /** What each part that shows something shows at the end (`CircuitSimulation.partViews()`). */
  readonly parts: Readonly<Record<string, PartView>>;
}

export class CircuitRun {
  readonly simulation: CircuitSimulation;
  private readonly levels = new Map<PinRef, NetBit>();
  private readonly netChanges: NetChangeRecord[] = [];
  private netChangesTotal = 0;

  constructor(
    private readonly sim: AvrSimulation,
    private readonly request: CircuitRequest,
    private readonly netPins: readonly PinRef[],
    private readonly maxNetChanges: number,
  ) {
    this.simulation = new CircuitSimulation(request.circuit, { [request.mcu]: sim });
    // Every resolution (a pin or direction the sketch changed, a part input, a part's own timer),
    // starting with the one at reset.
    if (netPins.length > 0)
      this.simulation.addObserver({
        observe: (resolution, nowUs) => this.record(resolution, nowUs),
      });
    this.applyInputsFrom(0);
  }

  /** Records the traced pins whose net level differs from the last one recorded. */
  private record(resolution: CircuitResolution, t_us: number): void {
    for (const pin of this.netPins) {
      const level = logicLevel(resolution, pin);
      const value: NetBit = level === null ? null : level ? 1 : 0;
      if (this.levels.has(pin) && this.levels.get(pin) === value) continue;
      this.levels.set(pin, value);
      this.netChangesTotal++;
      if (this.netChanges.length < this.maxNetChanges) this.netChanges.push({ t_us, pin, value });
    }
  }

  report(): CircuitRunReport {
    return {
      mcu: this.request.mcu,
      netChanges: this.netChanges,
      netChangesTotal: this.netChangesTotal,
      netChangesCapped: this.netChangesTotal > this.netChanges.length,
      circuitWarnings: this.simulation.warningLog.map(({ t_us, warning }) => ({
        t_us,
        ...warning,
      })),
      parts: this.simulation.partViews(),
    };
  }

  /** Applies the inputs due now from `index` on and schedules the next ones on the board's clock. */
  private applyInputsFrom(index: number): void {
    const inputs = this.request.partInputs;
    if (index >= inputs.length) return;
    const { sim } = this;
    const due = sim.cyclesIn(inputs[index]!.tMs);
    const apply = () => {
      let next = index;
      while (next < inputs.length && sim.cyclesIn(inputs[next]!.tMs) === due)
        this.apply(inputs[next++]!);
      this.applyInputsFrom(next);
    };
    if (due <= sim.cycles) apply();
    else sim.cpu.addClockEvent(apply, due - sim.cycles);
  }

  private apply(input: PartInput): void {
    if ("pressed" in input) this.simulation.setPressed(input.part, input.pressed);
    else this.simulation.setControl(input.part, input.control, input.value);
  }
}

/**
 * The pin trace: records the NET level (1, 0, or null while floating) of chosen pins each time it
 * changes, with the simulated time in µs, as the circuit is resolved. Any pin of any part can be
 * traced — the level is the one its net resolved to. `take()` hands over the edges recorded since
 * the last call (the worker posts them with each update). Memory is capped: past `maxEdges` edges
 * per pin between two `take()` calls the oldest are dropped and counted in `dropped`.
 */
import {
  logicLevel,
  type CircuitResolution,
  type PartBehaviour,
  type PinRef,
} from "@ohmcloud/avr-sim";
import type { TraceEdge, TraceUpdate } from "./protocol";

type TraceLevel = TraceEdge[1];

/** Edges kept per pin between two `take()` calls. */
export const MAX_TRACE_EDGES = 100_000;

function levelOf(resolution: CircuitResolution, pin: PinRef): TraceLevel {
  const high = logicLevel(resolution, pin);
  return high === null ? null : high ? 1 : 0;
}

class PinEdges {
  last: TraceLevel | undefined = undefined;
  private edges: TraceEdge[] = [];
  /** Index of the oldest kept edge in `edges` (those before it were dropped). */
  private head = 0;
  dropped = 0;

  constructor(private readonly max: number) {}

  push(edge: TraceEdge): void {
    this.edges.push(edge);
    if (this.edges.length - this.head > this.max) {
      this.head++;
      this.dropped++;
      // Compact now and then so dropped edges do not pile up.
      if (this.head >= this.max) {
        this.edges = this.edges.slice(this.head);
        this.head = 0;
      }
    }
  }

  take(): { edges: TraceEdge[]; dropped: number } {
    const taken = { edges: this.edges.slice(this.head), dropped: this.dropped };
    this.edges = [];
    this.head = 0;
    this.dropped = 0;
    return taken;
  }
}

export class NetTrace implements PartBehaviour {
  private pins = new Map<PinRef, PinEdges>();

  constructor(private readonly maxEdges = MAX_TRACE_EDGES) {}

  /**
   * The pins recorded from now on; [] stops tracing. A newly traced pin's first edge is its level
   * now; pins traced already go on as they were.
   */
  setPins(pins: readonly PinRef[], resolution: CircuitResolution, nowUs: number): void {
    this.pins = new Map(
      pins.map((pin) => [pin, this.pins.get(pin) ?? new PinEdges(this.maxEdges)]),
    );
    this.observe(resolution, nowUs);
  }

  get tracedPins(): PinRef[] {
    return [...this.pins.keys()];
  }

  observe(resolution: CircuitResolution, nowUs: number): void {
    for (const [pin, recorder] of this.pins) {
      const level = levelOf(resolution, pin);
      if (level === recorder.last) continue;
      recorder.last = level;
      recorder.push([nowUs, level]);
    }
  }

  /** Each traced pin's edges since the last call. */
  take(): TraceUpdate[] {
    return [...this.pins].map(([pin, recorder]) => {
      const { edges, dropped } = recorder.take();
      return dropped > 0 ? { pin, edges, dropped } : { pin, edges };
    });
  }
}

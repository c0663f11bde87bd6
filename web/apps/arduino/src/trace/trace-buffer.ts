/**
 * The pin trace recording: the level changes the simulation worker reports for each traced pin
 * (`FromWorker` "update" → `traces`), gathered across updates into one immutable snapshot that the
 * waveform draws and the VCD writer exports.
 *
 * Bounded: each pin keeps at most `capacity` changes and drops its oldest ones past that, so a fast
 * PWM pin cannot eat the page's memory during a long run. Times are simulated microseconds.
 */
import type { PinRef } from "@ohmcloud/avr-sim";
import type { TraceEdge, TraceUpdate } from "../sim/protocol";

/** A net level: 0 or 1, null when nothing drives the net (floating). */
export type TraceLevel = TraceEdge[1];

/** One pin's recording: its changes in time order, each to a different level than the one before. */
export interface PinTrace {
  readonly pin: PinRef;
  readonly edges: readonly TraceEdge[];
  /** How many older changes were dropped to stay within the capacity (here or in the worker). */
  readonly dropped: number;
}

export interface TraceBuffer {
  /** The most changes kept per pin. */
  readonly capacity: number;
  /** One recording per pin, in the order the pins first appeared. */
  readonly traces: readonly PinTrace[];
  /** The latest simulated time reported (µs), so a pin that stays put still reaches "now"; null before any. */
  readonly endUs: number | null;
}

/** The time span a buffer covers, in simulated µs. */
export interface TraceWindow {
  readonly t0: number;
  readonly t1: number;
}

/** A stretch of time at one level; `level` undefined = unknown (before the pin's first recorded change). */
export interface LevelRun {
  readonly from: number;
  readonly to: number;
  readonly level: TraceLevel | undefined;
}

/** Under 1 MB per pin; 10 s of a 490 Hz PWM pin. */
export const DEFAULT_TRACE_CAPACITY = 10_000;

export function emptyTraceBuffer(capacity = DEFAULT_TRACE_CAPACITY): TraceBuffer {
  if (!(capacity >= 1)) throw new RangeError(`trace capacity must be at least 1, not ${capacity}`);
  return { capacity: Math.floor(capacity), traces: [], endUs: null };
}

/** The same buffer emptied (the capacity stays). */
export function clearTraceBuffer(buffer: TraceBuffer): TraceBuffer {
  return emptyTraceBuffer(buffer.capacity);
}

/**
 * Adds one worker update's changes; `nowUs` is the update's simulated time (`simulatedMs * 1000`).
 * A change at the same time as the pin's last one replaces it, a "change" to the level the pin
 * already has is no change, and a change earlier than the pin's last one is ignored (times only
 * go forward; start a new buffer for a new run). Returns `buffer` itself when nothing changed.
 */
export function appendTraces(
  buffer: TraceBuffer,
  updates: readonly TraceUpdate[],
  nowUs?: number,
): TraceBuffer {
  let traces: PinTrace[] | null = null;
  for (const update of updates) {
    if (update.edges.length === 0 && !update.dropped) continue;
    traces ??= [...buffer.traces];
    const index = traces.findIndex((trace) => trace.pin === update.pin);
    const old = index >= 0 ? traces[index]! : { pin: update.pin, edges: [], dropped: 0 };
    const merged = withEdges(old, update, buffer.capacity);
    if (index >= 0) traces[index] = merged;
    else traces.push(merged);
  }
  const endUs =
    nowUs !== undefined && Number.isFinite(nowUs) && nowUs > (buffer.endUs ?? -Infinity)
      ? nowUs
      : buffer.endUs;
  if (traces === null && endUs === buffer.endUs) return buffer;
  return { capacity: buffer.capacity, traces: traces ?? buffer.traces, endUs };
}

function withEdges(trace: PinTrace, update: TraceUpdate, capacity: number): PinTrace {
  const edges = [...trace.edges];
  for (const edge of update.edges) {
    const [t, level] = edge;
    if (!Number.isFinite(t)) continue;
    let last = edges[edges.length - 1];
    if (last && t < last[0]) continue;
    if (last && t === last[0]) {
      edges.pop();
      last = edges[edges.length - 1];
    }
    if (!last || last[1] !== level) edges.push(edge);
  }
  const excess = Math.max(edges.length - capacity, 0);
  return {
    pin: trace.pin,
    edges: excess > 0 ? edges.slice(excess) : edges,
    dropped: trace.dropped + (update.dropped ?? 0) + excess,
  };
}

/** Only the recordings of `pins` (a pin no longer traced is forgotten). */
export function keepTracedPins(buffer: TraceBuffer, pins: readonly PinRef[]): TraceBuffer {
  const wanted = new Set(pins);
  const traces = buffer.traces.filter((trace) => wanted.has(trace.pin));
  return traces.length === buffer.traces.length ? buffer : { ...buffer, traces };
}

export function traceOf(buffer: TraceBuffer, pin: PinRef): PinTrace | undefined {
  return buffer.traces.find((trace) => trace.pin === pin);
}

/**
 * From the earliest recorded change of any pin to the latest simulated time seen; null while
 * nothing has been recorded.
 */
export function traceWindow(buffer: TraceBuffer): TraceWindow | null {
  let t0 = Infinity;
  let t1 = buffer.endUs ?? -Infinity;
  for (const { edges } of buffer.traces) {
    const first = edges[0];
    const last = edges[edges.length - 1];
    if (first) t0 = Math.min(t0, first[0]);
    if (last) t1 = Math.max(t1, last[0]);
  }
  return t0 === Infinity ? null : { t0, t1 };
}

/** Index of the last change at or before `tUs`, -1 if none. */
function lastEdgeAtOrBefore(edges: readonly TraceEdge[], tUs: number): number {
  let low = 0;
  let high = edges.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (edges[middle]![0] <= tUs) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** The pin's level at `tUs`; undefined when unknown (not traced then, or before its first kept change). */
export function levelAt(trace: PinTrace | undefined, tUs: number): TraceLevel | undefined {
  if (!trace) return undefined;
  const index = lastEdgeAtOrBefore(trace.edges, tUs);
  return index < 0 ? undefined : trace.edges[index]![1];
}

/** The pin's levels over [from, to] as consecutive runs covering exactly that span. */
export function levelRuns(trace: PinTrace | undefined, from: number, to: number): LevelRun[] {
  if (!(to > from)) return [];
  const edges = trace?.edges ?? [];
  const runs: LevelRun[] = [];
  let start = from;
  let level = levelAt(trace, from);
  for (let i = lastEdgeAtOrBefore(edges, from) + 1; i < edges.length; i++) {
    const [t, next] = edges[i]!;
    if (t >= to) break;
    if (t > start) runs.push({ from: start, to: t, level });
    start = t;
    level = next;
  }
  runs.push({ from: start, to, level });
  return runs;
}

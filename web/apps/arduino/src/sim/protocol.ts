/**
 * Messages between the page and the simulation worker (`sim.worker.ts`), protocol v2: one circuit
 * with any number of boards runs in the worker; the page sends inputs (serial bytes, part controls,
 * button presses) and gets what the parts show, the serial output and the pin traces back.
 */
import type { BoardId, Circuit, CircuitWarning, PartView, PinRef } from "@ohmcloud/avr-sim";

/** 1 = real time, 0.1..10 = slower or faster; null = as fast as the machine goes. */
export type SimulationSpeed = number | null;

export type ToWorker =
  | {
      readonly type: "start";
      /** The sketch of each MCU component that runs one, by component id. */
      readonly boards: Readonly<Record<string, { readonly board: BoardId; readonly hex: string }>>;
      /** Every component incl. the boards; MCU components without a hex simply run nothing. */
      readonly circuit: Circuit;
      readonly speed: SimulationSpeed;
      readonly tracePins?: readonly PinRef[];
    }
  | { readonly type: "pause" }
  | { readonly type: "resume" }
  | { readonly type: "stop" }
  | { readonly type: "speed"; readonly speed: SimulationSpeed }
  /** Bytes for a board's `Serial.read()`, already garbled by the page on a baud mismatch. */
  | { readonly type: "serial"; readonly board: string; readonly bytes: readonly number[] }
  | {
      readonly type: "control";
      readonly part: string;
      readonly name: string;
      readonly value: number | boolean;
    }
  | { readonly type: "press"; readonly part: string; readonly pressed: boolean }
  /** Pins to record from now on; [] = none. */
  | { readonly type: "trace"; readonly pins: readonly PinRef[] };

/** A NET level change of a traced pin: time in µs, 1 / 0, null while floating. */
export type TraceEdge = readonly [number, 0 | 1 | null];

export interface TraceUpdate {
  readonly pin: PinRef;
  /** Edges since the last update. */
  readonly edges: readonly TraceEdge[];
  /** The oldest edges dropped since the last update (more than the cap of `net-trace.ts`). */
  readonly dropped?: number;
}

export type FromWorker =
  | {
      readonly type: "update";
      readonly simulatedMs: number;
      /** Simulated time over wall time for the last second (1 = real time). */
      readonly speed: number;
      /** What each part that shows something shows, by component id. */
      readonly parts: Readonly<Record<string, PartView>>;
      /** Bytes each running board sent since the last update, by board id. */
      readonly serial: Readonly<Record<string, readonly number[]>>;
      /** The baud rate each running board's sketch set, null before `Serial.begin`. */
      readonly baud: Readonly<Record<string, number | null>>;
      readonly warnings: readonly CircuitWarning[];
      readonly traces: readonly TraceUpdate[];
    }
  | { readonly type: "error"; readonly message: string };

export type WorkerUpdate = Extract<FromWorker, { type: "update" }>;

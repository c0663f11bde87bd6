/**
 * One run of a circuit with its boards' sketches, paced to a speed: the Web Worker's core, without
 * worker APIs so it is unit-tested under Node. Every board runs in lockstep in ONE
 * `CircuitSimulation` (one scheduler, one clock). Each `advance(wallMs)` runs the simulated time
 * matching the wall time that passed (times the speed; unthrottled: as much as fits in a budget of
 * wall time) and returns the worker's `update` payload: what the parts show, each board's serial
 * output and baud rate, the circuit's warnings and the traced pins' edges since the last call.
 */
import {
  AvrSimulation,
  BOARDS,
  CircuitSimulation,
  type BoardId,
  type Circuit,
  type PartView,
  type PinRef,
} from "@ohmcloud/avr-sim";
import { BoardSerial } from "./board-serial";
import { NetTrace } from "./net-trace";
import type { SimulationSpeed, WorkerUpdate } from "./protocol";

/**
 * Paced, the simulation catches up on at most this much wall time: a tick that came late, or a slice
 * that ran out of budget, is made up in the next ticks; after longer gaps (a hidden tab) it goes on
 * from where it was instead of racing to catch up.
 */
export const MAX_CATCH_UP_MS = 250;
/** Unthrottled, each `advance` runs for this much wall time (the rest of a frame is for messages). */
export const UNTHROTTLED_BUDGET_MS = 12;
/**
 * A paced slice stops after this much wall time even if short of its simulated time: a machine too
 * slow for the speed asked falls behind (the speed readout shows it) but the worker still answers.
 */
export const PACED_BUDGET_MS = 40;
export const MIN_SPEED = 0.1;
export const MAX_SPEED = 10;
/** The wall clock is read after each chunk this long in simulated time. */
const CHUNK_MS = 1;

export type SessionUpdate = Omit<WorkerUpdate, "type" | "speed">;

export interface CircuitSessionOptions {
  /** The sketch (Intel HEX) of each MCU component that runs one, by component id. */
  readonly boards: Readonly<Record<string, { readonly board: BoardId; readonly hex: string }>>;
  /** Every component including the boards; a board without an entry in `boards` runs nothing. */
  readonly circuit: Circuit;
  readonly tracePins?: readonly PinRef[];
  /** Default 1 (real time). */
  readonly speed?: SimulationSpeed;
  /** Wall clock in ms for the time budgets; default `performance.now`. */
  readonly clock?: () => number;
}

/** 0.1..10 (values outside are clamped), or null for unthrottled. */
export function clampSpeed(speed: SimulationSpeed): SimulationSpeed {
  if (speed === null) return null;
  if (!Number.isFinite(speed)) return 1;
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
}

export class CircuitSession {
  readonly circuit: CircuitSimulation;
  private readonly serials = new Map<string, BoardSerial>();
  private readonly trace = new NetTrace();
  private readonly clock: () => number;
  private currentSpeed: SimulationSpeed;
  /** Simulated time paced slices fell short of (out of budget): made up in the next slices. */
  private lagMs = 0;
  private readonly componentIds: Set<string>;

  constructor(options: CircuitSessionOptions) {
    const mcus: Record<string, AvrSimulation> = {};
    for (const [id, { board, hex }] of Object.entries(options.boards)) {
      const spec = BOARDS[board];
      if (!spec) throw new Error(`${id}: unknown board ${JSON.stringify(board)}`);
      mcus[id] = new AvrSimulation(spec, hex);
      this.serials.set(id, new BoardSerial(mcus[id]));
    }
    this.circuit = new CircuitSimulation(options.circuit, mcus);
    this.componentIds = new Set(options.circuit.components.map((c) => c.id));
    this.circuit.addObserver(this.trace);
    this.setTracePins(options.tracePins ?? []);
    this.currentSpeed = clampSpeed(options.speed === undefined ? 1 : options.speed);
    this.clock = options.clock ?? (() => performance.now());
  }

  get speed(): SimulationSpeed {
    return this.currentSpeed;
  }

  setSpeed(speed: SimulationSpeed): void {
    this.currentSpeed = clampSpeed(speed);
    this.lagMs = 0;
  }

  /** The most simulated time a paced run may owe (`MAX_CATCH_UP_MS` of wall time). */
  private get maxLagMs(): number {
    return MAX_CATCH_UP_MS * (this.currentSpeed ?? 1);
  }

  get simulatedMs(): number {
    return this.circuit.nowUs / 1000;
  }

  /**
   * Runs the simulated time matching `wallMs` of wall time at the current speed, plus what earlier
   * slices owe (together at most `MAX_CATCH_UP_MS` of wall time), within `PACED_BUDGET_MS`; or,
   * unthrottled, as much as fits in `UNTHROTTLED_BUDGET_MS`; and reports.
   */
  advance(wallMs: number): SessionUpdate {
    const started = this.clock();
    const elapsed = () => this.clock() - started;
    const anyBoardRuns = Object.keys(this.circuit.mcus).length > 0;
    if (anyBoardRuns) {
      if (this.currentSpeed === null) {
        do this.circuit.runFor(CHUNK_MS);
        while (elapsed() < UNTHROTTLED_BUDGET_MS);
      } else {
        const owed = Math.min(Math.max(wallMs, 0) * this.currentSpeed + this.lagMs, this.maxLagMs);
        const target = this.simulatedMs + owed;
        this.runUntil(target, () => elapsed() >= PACED_BUDGET_MS);
        this.lagMs = Math.max(target - this.simulatedMs, 0);
      }
    }
    return this.report();
  }

  /** Runs exactly `ms` of simulated time (no pacing) and reports. */
  run(ms: number): SessionUpdate {
    this.runUntil(this.simulatedMs + ms, () => false);
    return this.report();
  }

  private runUntil(endMs: number, outOfTime: () => boolean): void {
    while (this.simulatedMs < endMs) {
      const before = this.simulatedMs;
      this.circuit.runFor(Math.min(CHUNK_MS, endMs - before));
      // Less than a cycle left (runFor rounds to whole cycles), or no board runs.
      if (this.simulatedMs === before || outOfTime()) break;
    }
  }

  /** Bytes for a board's `Serial.read()`, received at the sketch's baud rate. */
  sendSerial(board: string, bytes: readonly number[]): void {
    const serial = this.serials.get(board);
    if (!serial) throw new Error(`${board}: no running board of that id gets serial input`);
    serial.send(bytes);
  }

  /** A part's control (a potentiometer's "position", a sensor's "celsius", a PIR's "motion"). */
  setControl(part: string, name: string, value: number | boolean): void {
    this.checkPart(part);
    this.circuit.setControl(part, name, value);
  }

  /** Holds a push button down or lets it go. */
  press(part: string, pressed: boolean): void {
    this.checkPart(part);
    this.circuit.setPressed(part, pressed);
  }

  /** The pins to record from now on; [] stops tracing. */
  setTracePins(pins: readonly PinRef[]): void {
    this.trace.setPins(pins, this.circuit.resolution, this.circuit.nowUs);
  }

  private checkPart(part: string): void {
    if (!this.componentIds.has(part)) throw new Error(`${part}: no part of that id in the circuit`);
  }

  private report(): SessionUpdate {
    const nowUs = this.circuit.nowUs;
    const parts: Record<string, PartView> = this.circuit.partViews();
    const serial: Record<string, number[]> = {};
    const baud: Record<string, number | null> = {};
    for (const [id, port] of this.serials) {
      serial[id] = port.take();
      baud[id] = port.baud;
      const view = parts[id];
      if (view?.type === "board") parts[id] = { ...view, ...port.activity(nowUs) };
    }
    return {
      simulatedMs: nowUs / 1000,
      parts,
      serial,
      baud,
      warnings: this.circuit.warnings,
      traces: this.trace.take(),
    };
  }
}

/** The page's handle on the simulation worker: typed protocol v2 messages in and out, one worker per page. */
import type { PinRef } from "@ohmcloud/avr-sim";
import type { FromWorker, SimulationSpeed, ToWorker } from "./protocol";

/** What the page needs of a Worker; specs pass a fake. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  terminate(): void;
}

export function createSimulationWorker(): WorkerLike {
  return new Worker(new URL("./sim.worker.ts", import.meta.url), {
    type: "module",
    name: "avr-simulation",
  }) as WorkerLike;
}

/** A run to start: the `start` message without its type. */
export type SimulationRun = Omit<Extract<ToWorker, { type: "start" }>, "type">;

export class SimulationWorker {
  constructor(
    private readonly worker: WorkerLike,
    onMessage: (message: FromWorker) => void,
  ) {
    worker.onmessage = (event) => onMessage(event.data);
  }

  /** Starts a run (ending the one before). */
  start(run: SimulationRun): void {
    this.worker.postMessage({ type: "start", ...run });
  }

  pause(): void {
    this.worker.postMessage({ type: "pause" });
  }

  resume(): void {
    this.worker.postMessage({ type: "resume" });
  }

  stop(): void {
    this.worker.postMessage({ type: "stop" });
  }

  /** 1 = real time, 0.1..10, null = unthrottled. */
  setSpeed(speed: SimulationSpeed): void {
    this.worker.postMessage({ type: "speed", speed });
  }

  /** Bytes for a board's `Serial.read()` (line ending and any baud garbling already applied). */
  sendSerial(board: string, bytes: readonly number[]): void {
    this.worker.postMessage({ type: "serial", board, bytes });
  }

  setControl(part: string, name: string, value: number | boolean): void {
    this.worker.postMessage({ type: "control", part, name, value });
  }

  press(part: string, pressed: boolean): void {
    this.worker.postMessage({ type: "press", part, pressed });
  }

  /** Pins to record from now on; [] = none. */
  trace(pins: readonly PinRef[]): void {
    this.worker.postMessage({ type: "trace", pins });
  }

  dispose(): void {
    this.worker.onmessage = null;
    this.worker.terminate();
  }
}

/** The page's handle on the simulation worker: typed messages in and out, one worker per page. */
import type { BoardId } from "@ohmcloud/avr-sim";
import type { FromWorker, ToWorker } from "./protocol";

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

export class SimulationWorker {
  constructor(
    private readonly worker: WorkerLike,
    onMessage: (message: FromWorker) => void,
  ) {
    worker.onmessage = (event) => onMessage(event.data);
  }

  start(hex: string, board: BoardId): void {
    this.worker.postMessage({ type: "start", hex, board });
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

  type(text: string): void {
    this.worker.postMessage({ type: "serial", text });
  }

  dispose(): void {
    this.worker.onmessage = null;
    this.worker.terminate();
  }
}

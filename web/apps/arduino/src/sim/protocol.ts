/** Messages between the page and the simulation worker (`sim.worker.ts`). */
import type { BoardId } from "@ohmcloud/avr-sim";
import type { PinUpdate } from "./sketch-session";

export type ToWorker =
  | { readonly type: "start"; readonly hex: string; readonly board: BoardId }
  | { readonly type: "pause" }
  | { readonly type: "resume" }
  | { readonly type: "stop" }
  /** Text for the sketch's `Serial.read()`, line ending already appended. */
  | { readonly type: "serial"; readonly text: string };

export type FromWorker =
  | {
      readonly type: "update";
      readonly pins: readonly PinUpdate[];
      readonly serial: readonly number[];
      readonly simulatedMs: number;
      /** Simulated time over wall time for the last second (1 = real time). */
      readonly speed: number;
      readonly baud: number | null;
    }
  | { readonly type: "error"; readonly message: string };

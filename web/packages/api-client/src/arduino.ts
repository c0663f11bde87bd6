import type { ApiClient } from "./client";
import {
  LONG_POLL_SECONDS,
  pollUntilDone,
  realClock,
  type Clock,
  type JobStatus,
} from "./job-polling";

/** Boards the build service knows (docs/api.md "Arduino builds"). */
export type ArduinoBoardId = "uno" | "nano" | "mega2560";

export interface ArduinoBoardInfo {
  id: ArduinoBoardId;
  name: string;
  mcu: string;
  f_cpu: number;
  flash_max: number;
  ram_max: number;
}

export interface ArduinoLibrary {
  name: string;
  version: string;
  sentence: string;
  headers: string[];
  bundled: boolean;
}

/**
 * A compiler message placed in the request's own files (`sketch.ino` is the main tab); `file` is
 * null for messages about the program as a whole (undefined references, size, time limit).
 */
export interface BuildDiagnostic {
  file: string | null;
  line: number | null;
  column: number | null;
  severity: "error" | "warning" | "note" | "info";
  message: string;
}

/** Bytes used, counted as the Arduino IDE counts them. */
export interface BuildSize {
  flash: number;
  flash_max: number;
  ram: number;
  ram_max: number;
}

/** The 202 answer to a build request. */
export interface ArduinoBuildAccepted {
  id: string;
  status: JobStatus;
  url: string;
}

export interface ArduinoBuild {
  id: string;
  status: JobStatus;
  board: ArduinoBoardId;
  /** Intel HEX once the build succeeded, else null. */
  hex: string | null;
  size: BuildSize | null;
  diagnostics: BuildDiagnostic[];
  timings: Record<string, number>;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface BuildWaitOptions {
  /** Stops waiting: the promise rejects with the signal's reason (an `AbortError`). */
  signal?: AbortSignal;
  /** Called with every state read, the final one included. */
  onUpdate?: (build: ArduinoBuild) => void;
  /** Seconds per long-poll; 25 by default (under the server's 30 and common proxy timeouts). */
  wait?: number;
}

export interface ArduinoApiOptions {
  clock?: Clock;
}

/** The `/api/arduino` endpoints: boards, libraries and sketch builds. */
export class ArduinoApi {
  private readonly client: ApiClient;
  private readonly clock: Clock;

  constructor(client: ApiClient, { clock = realClock }: ArduinoApiOptions = {}) {
    this.client = client;
    this.clock = clock;
  }

  boards(): Promise<ArduinoBoardInfo[]> {
    return this.client.get<ArduinoBoardInfo[]>("/api/arduino/boards");
  }

  libraries(): Promise<ArduinoLibrary[]> {
    return this.client.get<ArduinoLibrary[]>("/api/arduino/libraries");
  }

  /** Queues a build of the main tab `sketch` with further tabs and headers in `files` (name → text). */
  build(
    board: ArduinoBoardId,
    sketch: string,
    files: Readonly<Record<string, string>> = {},
  ): Promise<ArduinoBuildAccepted> {
    const body: { board: string; sketch: string; files?: Readonly<Record<string, string>> } = {
      board,
      sketch,
    };
    if (Object.keys(files).length > 0) body.files = files;
    return this.client.post<ArduinoBuildAccepted>("/api/arduino/builds", body);
  }

  /** Reads a build, long-polling up to `wait` seconds (the server caps it at 30). */
  get(id: string, wait?: number, signal?: AbortSignal): Promise<ArduinoBuild> {
    const query = wait === undefined ? "" : `?wait=${wait}`;
    return this.client.get<ArduinoBuild>(
      `${buildPath(id)}${query}`,
      signal === undefined ? {} : { signal },
    );
  }

  /** Cancels a queued or running build; 409 `ApiError` once it ended. */
  cancel(id: string): Promise<ArduinoBuild> {
    return this.client.request<ArduinoBuild>("DELETE", buildPath(id));
  }

  /**
   * Long-polls until the build ends and returns its final state (a failed build too: its
   * diagnostics say why). Early answers are spaced a second apart; network and gateway failures
   * are retried up to three times in a row with back-off. Rejects with the signal's reason when
   * aborted. The loop is `pollUntilDone`'s, shared with simulations.
   */
  waitUntilDone(
    id: string,
    { signal, onUpdate, wait = LONG_POLL_SECONDS }: BuildWaitOptions = {},
  ): Promise<ArduinoBuild> {
    return pollUntilDone((aborted) => this.get(id, wait, aborted), this.clock, {
      signal,
      onUpdate,
    });
  }
}

function buildPath(id: string): string {
  return `/api/arduino/builds/${encodeURIComponent(id)}`;
}

import type { ApiClient } from "./client";
import { ApiError } from "./errors";

/** A job's life cycle: `queued → running → succeeded | failed | cancelled`. */
export type SimulationStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";

export const TERMINAL_STATUSES: ReadonlySet<SimulationStatus> = new Set([
  "succeeded",
  "failed",
  "cancelled",
]);

export function isTerminalStatus(status: SimulationStatus): boolean {
  return TERMINAL_STATUSES.has(status);
}

export type PlotKind =
  "op" | "dc" | "ac" | "tran" | "tf" | "noise" | "pz" | "sens" | "disto" | "sp" | "unknown";

/** One curve: real values, plus `imag` for complex vectors (AC, noise, pz). */
export interface Vector {
  /** ngspice's name: "time", "v(out)", "i(v1)". */
  name: string;
  /** "s", "Hz", "V", "A", "Ω" ... or "" when ngspice gives no type. */
  unit: string;
  values: number[];
  imag?: number[];
}

export interface Plot {
  /** "op1", "tran1", "ac1" ... */
  name: string;
  /** The netlist's title line. */
  title: string;
  kind: PlotKind;
  /** The name of the vector the others are plotted against. */
  scale: string;
  /** Points before decimation. */
  points: number;
  /** Sizes of a nested `.dc` sweep, outermost first. */
  dimensions?: number[];
  vectors: Vector[];
}

export interface SimulationResult {
  plots: Plot[];
}

/** An ngspice error or warning, with the netlist line where one could be found. */
export interface Diagnostic {
  severity: "error" | "warning" | "info";
  message: string;
  line?: number;
}

/** An ERC or analysis finding about a schematic, naming what to highlight. */
export interface Finding {
  severity: "error" | "warning";
  code: string;
  message: string;
  component?: string;
  reference?: string;
  pin?: string;
  wire?: string;
  net?: string;
  label?: string;
  /** A JSON path such as "analyses[1].stop". */
  field?: string;
}

/** One analysis as the server takes it, e.g. `{"type": "tran", "step": "1u", "stop": "1m"}`. */
export interface AnalysisSpec {
  readonly type: string;
}

/**
 * What a schematic's netlist named its nets and parts, to find them among the result's vectors
 * (ngspice names vectors in lower case: net `+5V` is node `_5V`, its voltage `v(_5v)`).
 */
export interface SpiceNames {
  /** Net name → SPICE node: `{"GND": "0", "+5V": "_5V", "N$3": "N_3"}`; ground nets are "0". */
  nodes: Record<string, string>;
  /** Component id → SPICE element: `{"c1": "V1", "c7": "XU1"}`; a part's units share one. */
  elements: Record<string, string>;
}

/** The 202 answer to a submission; with a schematic it also carries the netlist's `SpiceNames`. */
export interface SimulationAccepted extends Partial<SpiceNames> {
  id: string;
  status: SimulationStatus;
  url: string;
  /** With a schematic: the netlist it became. */
  netlist?: string;
  /** With a schematic: the warnings that did not block the simulation. */
  diagnostics?: Finding[];
}

/** A simulation; one of a schematic also carries the netlist's `SpiceNames` (`nodes`, `elements`). */
export interface Simulation extends Partial<SpiceNames> {
  id: string;
  status: SimulationStatus;
  diagnostics: Diagnostic[];
  /** Present once the simulation succeeded. */
  result: SimulationResult | null;
  /** Seconds per stage. */
  timings: Record<string, number>;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** The server always sends `nodes` and `elements`; typed optional so that answers without them still read. */
export interface NetlistAnswer extends Partial<SpiceNames> {
  netlist: string;
  diagnostics: Finding[];
}

export interface GetSimulationOptions {
  /** Long-poll up to this many seconds (the server caps it at 30). */
  wait?: number;
  /** Cut every curve to at most this many points. */
  points?: number;
  /** Keep only these vectors (each plot keeps its scale). */
  vectors?: readonly string[];
}

export interface WaitOptions {
  /** Called with every state read, the final one included. */
  onUpdate?: (simulation: Simulation) => void;
  /** Stops waiting: the promise rejects with the signal's reason (an `AbortError`). */
  signal?: AbortSignal;
  points?: number;
  vectors?: readonly string[];
  /** Seconds per long-poll; 25 by default (under the server's 30 and common proxy timeouts). */
  wait?: number;
}

/** Time for the long-poll loop; replaceable in specs. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface SimulationsApiOptions {
  /** The prefix of `csvUrl`: the ApiClient's `baseUrl`. */
  baseUrl?: string;
  clock?: Clock;
}

const LONG_POLL_SECONDS = 25;
/** A poll answered sooner than this without the job ending waits out the rest: never a busy loop. */
const MIN_POLL_INTERVAL_MS = 1000;
/** Network failures and gateway errors are retried this many times in a row, with back-off. */
const MAX_RETRIES = 3;
const RETRIABLE = new Set([0, 502, 503, 504]);

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortReason(signal));
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortReason(signal!));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      signal?.addEventListener("abort", onAbort, { once: true });
    }),
};

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The operation was aborted.", "AbortError");
}

/** `promise`, or a rejection as soon as `signal` aborts (the request itself runs on). */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/** The `/api/simulations` and `/api/netlist` endpoints. */
export class SimulationsApi {
  private readonly client: ApiClient;
  private readonly baseUrl: string;
  private readonly clock: Clock;

  constructor(client: ApiClient, { baseUrl = "", clock = realClock }: SimulationsApiOptions = {}) {
    this.client = client;
    this.baseUrl = baseUrl;
    this.clock = clock;
  }

  /** Queues a SPICE netlist; 400 `ApiError`s carry the `line` of each problem. */
  submitNetlist(netlist: string): Promise<SimulationAccepted> {
    return this.client.post<SimulationAccepted>("/api/simulations", { netlist });
  }

  /** Queues a schematic with its analyses; ERC errors refuse it with 400, warnings come back with the 202. */
  submitSchematic(
    schematic: unknown,
    analyses: readonly AnalysisSpec[],
  ): Promise<SimulationAccepted> {
    return this.client.post<SimulationAccepted>("/api/simulations", { schematic, analyses });
  }

  /** Reads a simulation, optionally long-polling and cutting its curves. */
  get(id: string, { wait, points, vectors }: GetSimulationOptions = {}): Promise<Simulation> {
    const query = new URLSearchParams();
    if (wait !== undefined) query.set("wait", String(wait));
    if (points !== undefined) query.set("points", String(points));
    for (const vector of vectors ?? []) query.append("vector", vector);
    const search = query.toString();
    return this.client.get<Simulation>(`${simulationPath(id)}${search ? `?${search}` : ""}`);
  }

  /**
   * Long-polls (`?wait=25`) until the simulation ends and returns its final state. Polls that come
   * back early are spaced at least a second apart; network and gateway failures are retried up to
   * three times in a row with back-off. Rejects with the signal's reason when aborted.
   */
  async waitUntilDone(
    id: string,
    { onUpdate, signal, points, vectors, wait = LONG_POLL_SECONDS }: WaitOptions = {},
  ): Promise<Simulation> {
    let failures = 0;
    for (;;) {
      if (signal?.aborted) throw abortReason(signal);
      const started = this.clock.now();
      let simulation: Simulation;
      try {
        simulation = await raceAbort(this.get(id, { wait, points, vectors }), signal);
      } catch (error) {
        if (signal?.aborted) throw abortReason(signal);
        if (!(error instanceof ApiError) || !RETRIABLE.has(error.status)) throw error;
        failures += 1;
        if (failures > MAX_RETRIES) throw error;
        await this.clock.sleep(MIN_POLL_INTERVAL_MS * 2 ** failures, signal);
        continue;
      }
      failures = 0;
      if (signal?.aborted) throw abortReason(signal);
      onUpdate?.(simulation);
      if (isTerminalStatus(simulation.status)) return simulation;
      const elapsed = this.clock.now() - started;
      if (elapsed < MIN_POLL_INTERVAL_MS) {
        await this.clock.sleep(MIN_POLL_INTERVAL_MS - elapsed, signal);
      }
    }
  }

  /** Cancels a queued or running simulation; 409 `ApiError` if it already ended. */
  cancel(id: string): Promise<Simulation> {
    return this.client.request<Simulation>("DELETE", simulationPath(id));
  }

  /** Where one plot downloads as CSV (for a link; not fetched here). */
  csvUrl(id: string, plot: string): string {
    return `${this.baseUrl}${simulationPath(id)}/data.csv?plot=${encodeURIComponent(plot)}`;
  }

  /** The netlist of a schematic and every ERC and analysis finding, without simulating. */
  netlist(schematic: unknown, analyses?: readonly AnalysisSpec[]): Promise<NetlistAnswer> {
    const body: { schematic: unknown; analyses?: readonly AnalysisSpec[] } = { schematic };
    if (analyses !== undefined) body.analyses = analyses;
    return this.client.post<NetlistAnswer>("/api/netlist", body);
  }
}

function simulationPath(id: string): string {
  return `/api/simulations/${encodeURIComponent(id)}`;
}

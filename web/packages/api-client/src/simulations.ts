import type { ApiClient } from "./client";
import {
  LONG_POLL_SECONDS,
  pollUntilDone,
  realClock,
  type Clock,
  type JobStatus,
} from "./job-polling";

export { TERMINAL_STATUSES, isTerminalStatus, realClock, type Clock } from "./job-polling";

/** A simulation's life cycle: the jobs' (`queued → running → succeeded | failed | cancelled`). */
export type SimulationStatus = JobStatus;

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

export interface SimulationsApiOptions {
  /** The prefix of `csvUrl`: the ApiClient's `baseUrl`. */
  baseUrl?: string;
  clock?: Clock;
}

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
  get(
    id: string,
    { wait, points, vectors }: GetSimulationOptions = {},
    signal?: AbortSignal,
  ): Promise<Simulation> {
    const query = new URLSearchParams();
    if (wait !== undefined) query.set("wait", String(wait));
    if (points !== undefined) query.set("points", String(points));
    for (const vector of vectors ?? []) query.append("vector", vector);
    const search = query.toString();
    const path = `${simulationPath(id)}${search ? `?${search}` : ""}`;
    return this.client.get<Simulation>(path, signal === undefined ? {} : { signal });
  }

  /**
   * Long-polls (`?wait=25`) until the simulation ends and returns its final state. Polls that come
   * back early are spaced at least a second apart; network and gateway failures are retried up to
   * three times in a row with back-off. Rejects with the signal's reason when aborted.
   */
  waitUntilDone(
    id: string,
    { onUpdate, signal, points, vectors, wait = LONG_POLL_SECONDS }: WaitOptions = {},
  ): Promise<Simulation> {
    return pollUntilDone(
      (aborted) => this.get(id, { wait, points, vectors }, aborted),
      this.clock,
      { signal, onUpdate },
    );
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

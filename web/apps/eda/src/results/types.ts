/** The simulation result as `GET /api/simulations/{id}` answers it (see docs/api.md). */

export interface ResultVector {
  name: string;
  unit: string;
  values: number[];
  /** Imaginary parts of a complex vector (AC, noise, poles and zeros). */
  imag?: number[];
}

export type PlotKind = "op" | "dc" | "ac" | "tran" | "tf" | "noise" | "pz" | "sens" | "disto";

export interface ResultPlot {
  name: string;
  title: string;
  /** One of {@link PlotKind}; kept open for kinds added later. */
  kind: PlotKind | (string & {});
  /** The name of the scale vector (x axis): `time`, `frequency`, the swept source... */
  scale: string;
  /** How many points the simulation produced; more than the values hold when `?points=` cut it. */
  points: number;
  vectors: ResultVector[];
  /** Nested `.dc` sweeps: sizes, outermost first. */
  dimensions?: number[];
}

export interface SimulationResult {
  plots: ResultPlot[];
}

/** Small simulation results shaped as the API answers them, for the specs. */
import type { ResultPlot, SimulationResult } from "./types";

export const tranPlot: ResultPlot = {
  name: "tran1",
  title: "rc",
  kind: "tran",
  scale: "time",
  points: 5,
  vectors: [
    { name: "time", unit: "s", values: [0, 1e-3, 2e-3, 3e-3, 4e-3] },
    { name: "v(in)", unit: "V", values: [0, 1, 1, 1, 1] },
    { name: "v(out)", unit: "V", values: [0, 0.5, 0.75, 0.875, 0.9375] },
    { name: "i(v1)", unit: "A", values: [0, -1e-3, -5e-4, -2.5e-4, -1.25e-4] },
  ],
};

/** A first-order low-pass at 1 kHz: H = 1 / (1 + j f/fc). */
const freqs = [10, 100, 1000, 10000, 100000];
const h = freqs.map((f) => {
  const d = 1 + (f / 1000) ** 2;
  return { re: 1 / d, im: -(f / 1000) / d };
});

export const acPlot: ResultPlot = {
  name: "ac1",
  title: "rc",
  kind: "ac",
  scale: "frequency",
  points: 41,
  vectors: [
    { name: "frequency", unit: "Hz", values: freqs, imag: freqs.map(() => 0) },
    { name: "v(out)", unit: "V", values: h.map((z) => z.re), imag: h.map((z) => z.im) },
  ],
};

export const opPlot: ResultPlot = {
  name: "op1",
  title: "rc",
  kind: "op",
  scale: "v(in)",
  points: 1,
  vectors: [
    { name: "v(in)", unit: "V", values: [5] },
    { name: "v(out)", unit: "V", values: [2.5] },
    { name: "i(v1)", unit: "A", values: [-0.0025] },
  ],
};

export const pzPlot: ResultPlot = {
  name: "pz1",
  title: "rc",
  kind: "pz",
  scale: "pole(1)",
  points: 1,
  vectors: [
    { name: "pole(1)", unit: "", values: [-6283.19], imag: [0] },
    { name: "pole(2)", unit: "", values: [-100], imag: [2000] },
    { name: "pole(10)", unit: "", values: [-50], imag: [-300] },
  ],
};

export const result: SimulationResult = { plots: [opPlot, tranPlot, acPlot] };

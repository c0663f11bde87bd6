/** Small simulation results shaped as the API answers them, for the specs. */
import type { Plot } from "@ohmcloud/api-client";
import type { SpiceNames } from "./probe";
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

/**
 * A BJT's output characteristic as the API answered it for `.dc V1 0 2 0.5 I1 10u 30u 10u`
 * (ngspice 39; values to 6 digits, some vectors left out): the collector sweep repeats once per
 * base current.
 */
export const nestedDcNetlist = `bjt output characteristic
V1 c 0 0
VC c cc 0
Q1 cc b 0 QN
I1 0 b 10u
.model QN NPN(BF=100 VAF=50)
.dc V1 0 2 0.5 I1 10u 30u 10u
.end
`;

export const nestedDcPlot: ResultPlot = {
  name: "dc1",
  title: "bjt output characteristic",
  kind: "dc",
  scale: "v-sweep",
  dimensions: [3, 5],
  points: 15,
  vectors: [
    {
      name: "v-sweep",
      unit: "V",
      values: [0, 0.5, 1, 1.5, 2, 0, 0.5, 1, 1.5, 2, 0, 0.5, 1, 1.5, 2],
    },
    {
      name: "v(b)",
      unit: "V",
      values: [
        0.654861, 0.774738, 0.774352, 0.774232, 0.774231, 0.672789, 0.792666, 0.79228, 0.79216,
        0.792159, 0.683276, 0.803153, 0.802768, 0.802647, 0.802646,
      ],
    },
    {
      name: "i(vc)",
      unit: "A",
      values: [
        -9.90099e-6, 0.000994527, 0.00100452, 0.00101452, 0.00102452, -1.9802e-5, 0.00198834,
        0.00200832, 0.00202831, 0.00204831, -2.9703e-5, 0.00298187, 0.00301185, 0.00304184,
        0.00307184,
      ],
    },
  ],
};

/** The voltage-divider example as the server answers its operating point: the netlist's names, then ngspice's values. */
export const DIVIDER_NAMES: SpiceNames = {
  nodes: { GND: "0", in: "in", out: "out" },
  elements: { c4: "R1", c5: "R2", c1: "V1" },
};
export const DIVIDER_OP: Plot = {
  name: "op1",
  title: "Voltage divider",
  kind: "op",
  scale: "v(in)",
  points: 1,
  vectors: [
    { name: "v(in)", unit: "V", values: [10] },
    { name: "v(out)", unit: "V", values: [7.5] },
    { name: "i(v1)", unit: "A", values: [-0.0025000000000000005] },
  ],
};

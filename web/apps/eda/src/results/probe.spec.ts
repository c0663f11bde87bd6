import { describe, expect, it } from "vitest";
import { acPlot, opPlot, tranPlot } from "./fixtures";
import {
  currentVectors,
  NO_NAMES_MESSAGE,
  NO_SWEEP_MESSAGE,
  probeVectors,
  spiceNamesOf,
  toggleProbed,
  voltageVector,
  type ProbeTarget,
  type SpiceNames,
} from "./probe";
import type { ResultPlot } from "./types";

// The fixtures are an RC low-pass as the API answers it: nodes in/out, V1's branch current.
const names: SpiceNames = {
  nodes: { GND: "0", in: "in", out: "out" },
  elements: { c1: "V1", c4: "R1", c5: "C1" },
};
const net = (name: string): ProbeTarget => ({ kind: "net", net: name });
const part = (id: string, reference: string): ProbeTarget => ({ kind: "component", id, reference });

/** A transient plot with these vector names (values do not matter to the probe). */
function tranWith(...vectors: string[]): ResultPlot {
  return {
    ...tranPlot,
    vectors: [
      tranPlot.vectors[0]!,
      ...vectors.map((name) => ({ name, unit: "A", values: [0, 1] })),
    ],
  };
}

describe("probeVectors on nets", () => {
  it("plots v(<node>) of the net's SPICE node", () => {
    expect(probeVectors(net("out"), [opPlot, tranPlot], names)).toEqual({
      ok: true,
      vectors: ["v(out)"],
    });
  });

  it("follows the netlist's renaming, whatever the case", () => {
    const renamed: SpiceNames = { nodes: { "+5V": "_5V", N$3: "N_3" }, elements: {} };
    const plot = tranWith("v(_5v)", "v(n_3)");
    expect(probeVectors(net("+5V"), [plot], renamed)).toEqual({ ok: true, vectors: ["v(_5v)"] });
    expect(probeVectors(net("N$3"), [plot], renamed)).toEqual({ ok: true, vectors: ["v(n_3)"] });
  });

  it("takes the vector from a sweep that has it (an AC run too)", () => {
    expect(probeVectors(net("out"), [opPlot, acPlot], names)).toEqual({
      ok: true,
      vectors: ["v(out)"],
    });
    // acPlot has no v(in): the other sweep does.
    expect(probeVectors(net("in"), [acPlot, tranPlot], names)).toEqual({
      ok: true,
      vectors: ["v(in)"],
    });
  });

  it("explains ground and nets the run did not have", () => {
    const ground = probeVectors(net("GND"), [tranPlot], names);
    expect(ground).toEqual({
      ok: false,
      message: "GND is ground: the 0 V reference every voltage is measured against.",
    });
    expect(probeVectors(net("N$7"), [tranPlot], names)).toEqual({
      ok: false,
      message: "Net N$7 was not in the last run: simulate again.",
    });
  });
});

describe("probeVectors on parts", () => {
  it("plots a source's branch current", () => {
    expect(probeVectors(part("c1", "V1"), [tranPlot], names)).toEqual({
      ok: true,
      vectors: ["i(v1)"],
    });
    // The raw-file spelling works as well.
    expect(probeVectors(part("c1", "V1"), [tranWith("v1#branch")], names)).toEqual({
      ok: true,
      vectors: ["v1#branch"],
    });
  });

  it("says why a resistor's current is missing from a plain run", () => {
    const answer = probeVectors(part("c4", "R1"), [tranPlot], names);
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.message).toMatch(/^R1's current is not recorded: /);
  });

  it("uses device currents when ngspice recorded them (savecurrents, .save @r1[i])", () => {
    expect(probeVectors(part("c4", "R1"), [tranWith("i(@r1[i])", "i(@r10[i])")], names)).toEqual({
      ok: true,
      vectors: ["i(@r1[i])"],
    });
    const bjt: SpiceNames = { nodes: {}, elements: { q: "Q1" } };
    const plot = tranWith("i(@q1[ic])", "i(@q1[ie])", "i(@q1[ib])", "i(@q.xu1.q1[ic])");
    expect(probeVectors(part("q", "Q1"), [plot], bjt)).toEqual({
      ok: true,
      vectors: ["i(@q1[ic])", "i(@q1[ie])", "i(@q1[ib])"],
    });
  });

  it("explains subcircuits and parts that were not simulated", () => {
    const opamp: SpiceNames = { nodes: {}, elements: { u: "XU1" } };
    const sub = probeVectors(part("u", "U1"), [tranPlot], opamp);
    expect(!sub.ok && sub.message).toMatch(
      /^U1's current is not recorded: it is a subcircuit \(XU1\)/,
    );
    const missing = probeVectors(part("c9", "R9"), [tranPlot], names);
    expect(!missing.ok && missing.message).toMatch(/^R9 was not in the last run's netlist/);
  });
});

describe("probeVectors without something to plot", () => {
  it("needs a sweep", () => {
    expect(probeVectors(net("out"), [opPlot], names)).toEqual({
      ok: false,
      message: NO_SWEEP_MESSAGE,
    });
    expect(probeVectors(net("out"), [], names)).toEqual({ ok: false, message: NO_SWEEP_MESSAGE });
  });

  it("needs the names of a schematic simulation", () => {
    expect(probeVectors(net("out"), [tranPlot], null)).toEqual({
      ok: false,
      message: NO_NAMES_MESSAGE,
    });
  });
});

describe("vector lookups", () => {
  it("voltageVector accepts bare node names but never the scale", () => {
    const bare: ResultPlot = {
      ...opPlot,
      scale: "out",
      vectors: [{ name: "out", unit: "V", values: [1] }],
    };
    expect(voltageVector(bare, "OUT")).toBeUndefined();
    const plot: ResultPlot = {
      ...tranPlot,
      vectors: [...tranPlot.vectors, { name: "mid", unit: "V", values: [] }],
    };
    expect(voltageVector(plot, "MID")?.name).toBe("mid");
  });

  it("currentVectors prefers the branch current over device currents", () => {
    const plot = tranWith("i(@l1[i])", "i(l1)");
    expect(currentVectors(plot, "L1").map((v) => v.name)).toEqual(["i(l1)"]);
  });
});

describe("probe bookkeeping", () => {
  it("toggleProbed adds new vectors in order and takes them away on a second click", () => {
    const once = toggleProbed(["v(out)"], ["i(@q1[ic])", "v(out)", "i(@q1[ib])"]);
    expect(once).toEqual(["v(out)", "i(@q1[ic])", "i(@q1[ib])"]);
    expect(toggleProbed(once, ["i(@q1[ic])", "i(@q1[ib])"])).toEqual(["v(out)"]);
  });

  it("spiceNamesOf reads a schematic simulation's names; a netlist's has none", () => {
    expect(spiceNamesOf({ nodes: { out: "out" }, elements: { c1: "V1" } })).toEqual({
      nodes: { out: "out" },
      elements: { c1: "V1" },
    });
    expect(spiceNamesOf({})).toBeNull();
  });
});

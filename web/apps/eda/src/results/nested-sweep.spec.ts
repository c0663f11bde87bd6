import { describe, expect, it } from "vitest";
import { nestedDcNetlist, nestedDcPlot, tranPlot } from "./fixtures";
import {
  curveLabel,
  curveRanges,
  dcCards,
  nestedShape,
  outerSweep,
  sourceUnit,
  sweepCount,
} from "./nested-sweep";
import type { ResultPlot } from "./types";

describe("nestedShape", () => {
  it("splits a nested plot into its outer curves of inner points", () => {
    expect(nestedShape(nestedDcPlot)).toEqual({ inner: 5, groups: 3 });
    expect(curveRanges(nestedDcPlot)).toEqual([
      [0, 5],
      [5, 10],
      [10, 15],
    ]);
  });

  it("treats plain plots, and sizes that do not fit the data, as one curve", () => {
    expect(nestedShape(tranPlot)).toBeNull();
    expect(curveRanges(tranPlot)).toEqual([[0, 5]]);
    expect(nestedShape({ ...nestedDcPlot, dimensions: [15] })).toBeNull();
    expect(nestedShape({ ...nestedDcPlot, dimensions: [4, 5] })).toBeNull();
    expect(nestedShape({ ...nestedDcPlot, dimensions: [1, 15] })).toBeNull();
  });

  it("multiplies all outer sizes of a deeper nesting", () => {
    const values = Array.from({ length: 12 }, (_, i) => i % 3);
    const deep: ResultPlot = {
      ...nestedDcPlot,
      dimensions: [2, 2, 3],
      vectors: [{ name: "v-sweep", unit: "V", values }],
    };
    expect(nestedShape(deep)).toEqual({ inner: 3, groups: 4 });
  });
});

describe("dcCards", () => {
  it("reads plain and nested .dc cards, skipping the title, comments and expressions", () => {
    const netlist = `.dc V9 0 1 1 is the title, not a card
* .dc V8 0 1 1
R1 a 0 1k ; .dc V7 0 1 1
.DC Vin 0 5 0.05
.dc V1 0 5 0.05
+ I1 10u 50u 10u
.dc V2 0 {vmax} 0.1
.dc temp -40 85 5 r1 1k 3k 1k
.end`;
    expect(dcCards(netlist)).toEqual([
      { inner: { source: "vin", start: 0, stop: 5, step: 0.05 } },
      {
        inner: { source: "v1", start: 0, stop: 5, step: 0.05 },
        outer: { source: "i1", start: 10e-6, stop: 50e-6, step: 10e-6 },
      },
      {
        inner: { source: "temp", start: -40, stop: 85, step: 5 },
        outer: { source: "r1", start: 1000, stop: 3000, step: 1000 },
      },
    ]);
  });

  it("counts the points of a sweep as ngspice does", () => {
    expect(sweepCount({ source: "v1", start: 0, stop: 5, step: 0.05 })).toBe(101);
    expect(sweepCount({ source: "v1", start: 0, stop: 0.3, step: 0.1 })).toBe(4); // 2.9999999999999996 steps
    expect(sweepCount({ source: "v1", start: 5, stop: 0, step: -0.5 })).toBe(11);
    expect(sweepCount({ source: "v1", start: 0, stop: 1, step: 0.3 })).toBe(4);
    expect(sweepCount({ source: "v1", start: 0, stop: 1, step: -0.5 })).toBe(0);
    expect(sweepCount({ source: "v1", start: 0, stop: 1, step: 0 })).toBe(0);
  });

  it("knows the units of swept sources", () => {
    expect(["v1", "I1", "rload", "temp", "x1"].map(sourceUnit)).toEqual(["V", "A", "Ω", "°C", ""]);
  });
});

describe("outerSweep", () => {
  it("finds the outer source and its value per curve in the netlist that ran", () => {
    expect(outerSweep(nestedDcPlot, [nestedDcPlot], nestedDcNetlist)).toEqual({
      source: "i1",
      unit: "A",
      values: [10e-6, 20e-6, 30e-6],
    });
  });

  it("takes the nested card that fits the data when the one in place does not", () => {
    const netlist = `t
.dc V1 0 1 0.5 I1 1u 2u 1u
.dc V1 0 2 0.5 I1 10u 30u 10u`;
    expect(outerSweep(nestedDcPlot, [nestedDcPlot], netlist)?.values).toEqual([
      10e-6, 20e-6, 30e-6,
    ]);
  });

  it("matches the second nested plot to the second nested card", () => {
    const second = { ...nestedDcPlot, name: "dc2" };
    const netlist = `t
.dc V1 0 2 0.5 I1 10u 30u 10u
.dc V1 0 2 0.5 V2 5 3 -1`;
    expect(outerSweep(second, [nestedDcPlot, second], netlist)).toEqual({
      source: "v2",
      unit: "V",
      values: [5, 4, 3],
    });
  });

  it("is null without a netlist, a fitting card, or nesting", () => {
    expect(outerSweep(nestedDcPlot, [nestedDcPlot], undefined)).toBeNull();
    expect(
      outerSweep(nestedDcPlot, [nestedDcPlot], "t\n.dc V1 1 2 0.25 I1 10u 30u 10u"),
    ).toBeNull();
    expect(outerSweep(nestedDcPlot, [nestedDcPlot], "t\n.dc V1 0 2 0.5")).toBeNull();
    expect(outerSweep(tranPlot, [tranPlot], nestedDcNetlist)).toBeNull();
  });
});

describe("curveLabel", () => {
  it("names a curve by its outer value, else by its number", () => {
    const outer = { source: "i1", unit: "A", values: [10e-6, 20e-6] };
    expect(curveLabel("i(vc)", outer, 0)).toBe("i(vc) @ i1=10 µA");
    expect(curveLabel("i(vc)", outer, 1)).toBe("i(vc) @ i1=20 µA");
    expect(curveLabel("i(vc)", outer, 2)).toBe("i(vc) @ sweep 3");
    expect(curveLabel("i(vc)", null, 0)).toBe("i(vc) @ sweep 1");
  });
});

import { describe, expect, it } from "vitest";
import { acPlot, nestedDcPlot, opPlot, tranPlot } from "./fixtures";
import { newlyProbed, plotForProbes, plotHolds, withProbed } from "./probed-traces";

const plots = [opPlot, tranPlot, acPlot, nestedDcPlot];

describe("plotHolds", () => {
  it("counts any vector of a table but only the traces of a chart", () => {
    expect(plotHolds(opPlot, "v(in)")).toBe(true); // the op plot's nominal scale
    expect(plotHolds(tranPlot, "time")).toBe(false);
    expect(plotHolds(tranPlot, "i(v1)")).toBe(true);
    expect(plotHolds(acPlot, "i(v1)")).toBe(false);
  });
});

describe("withProbed", () => {
  it("adds the probed traces the plot holds, in the plot's order", () => {
    expect(withProbed(tranPlot, ["i(v1)"], ["v(in)", "v(nowhere)"])).toEqual(["v(in)", "i(v1)"]);
    expect(withProbed(tranPlot, ["v(out)"], [])).toEqual(["v(out)"]);
    expect(withProbed(tranPlot, [], ["time"])).toEqual([]);
  });
});

describe("newlyProbed", () => {
  it("lists the names that were not probed before", () => {
    expect(newlyProbed(["v(out)"], ["v(out)", "i(vc)"])).toEqual(["i(vc)"]);
    expect(newlyProbed(["v(out)", "i(vc)"], ["v(out)"])).toEqual([]);
  });
});

describe("plotForProbes", () => {
  it("keeps the shown chart when it holds the new names", () => {
    expect(plotForProbes(plots, tranPlot, ["v(out)"])).toBe(tranPlot);
    expect(plotForProbes(plots, tranPlot, [])).toBe(tranPlot);
  });

  it("leaves the operating-point table for a chart of the probed node", () => {
    expect(plotForProbes(plots, opPlot, ["v(out)"])).not.toBe(opPlot);
    expect(plotForProbes([opPlot], opPlot, ["v(out)"])).toBe(opPlot); // no chart: stay
  });

  it("brings up a plot that holds a new name the shown one lacks, charts first", () => {
    expect(plotForProbes(plots, acPlot, ["i(v1)"])).toBe(tranPlot);
    expect(plotForProbes(plots, tranPlot, ["i(vc)"])).toBe(nestedDcPlot);
    // The plot holding most of the names wins.
    expect(plotForProbes(plots, acPlot, ["v(in)", "i(v1)"])).toBe(tranPlot);
  });

  it("stays put for names no plot holds", () => {
    expect(plotForProbes(plots, acPlot, ["v(nowhere)"])).toBe(acPlot);
  });
});

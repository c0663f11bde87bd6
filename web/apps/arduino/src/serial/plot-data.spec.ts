import { describe, expect, it } from "vitest";
import { parsePlotLine, PlotBuffer } from "./plot-data";

describe("parsePlotLine", () => {
  it("reads numbers separated by commas, spaces or tabs, by position", () => {
    expect(parsePlotLine("1, 2.5\t-3 4e2")).toEqual([
      { name: "value 1", value: 1 },
      { name: "value 2", value: 2.5 },
      { name: "value 3", value: -3 },
      { name: "value 4", value: 400 },
    ]);
  });

  it("names label:value pairs and skips words", () => {
    expect(parsePlotLine("temp:21.5,hum:40 note")).toEqual([
      { name: "temp", value: 21.5 },
      { name: "hum", value: 40 },
    ]);
    expect(parsePlotLine("echo ready")).toEqual([]);
  });
});

describe("PlotBuffer", () => {
  it("aligns series on the samples' simulated times, null where a line lacked one", () => {
    const plot = new PlotBuffer();
    expect(plot.add(1000, "a:1")).toBe(true);
    expect(plot.add(1500, "a:2,b:5")).toBe(true);
    expect(plot.add(1600, "no numbers")).toBe(false);
    expect(plot.add(2000, "b:6")).toBe(true);
    expect(plot.xs).toEqual([1, 1.5, 2]);
    expect(plot.allSeries).toEqual([
      { name: "a", values: [1, 2, null] },
      { name: "b", values: [null, 5, 6] },
    ]);
  });

  it("keeps only the last N points", () => {
    const plot = new PlotBuffer(3);
    for (let i = 0; i < 5; i++) plot.add(i * 100, String(i));
    expect(plot.xs).toEqual([0.2, 0.3, 0.4]);
    expect(plot.allSeries).toEqual([{ name: "value 1", values: [2, 3, 4] }]);
    plot.clear();
    expect(plot.xs).toEqual([]);
  });
});

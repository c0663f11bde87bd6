import { describe, expect, it } from "vitest";
import { opPlot, pzPlot } from "./fixtures";
import { formatComplex, nextSort, sortRows, tableRows } from "./table";

describe("formatComplex", () => {
  it("writes real, imaginary and complex values", () => {
    expect(formatComplex(1500, 0, "Hz")).toBe("1.5 kHz");
    expect(formatComplex(-100, 2000)).toBe("-100 + j2k");
    expect(formatComplex(-50, -300)).toBe("-50 − j300");
    expect(formatComplex(0, -3)).toBe("−j3");
  });
});

describe("tableRows", () => {
  it("formats values with SI prefixes and units", () => {
    expect(tableRows(opPlot)).toEqual([
      { name: "v(in)", sortValue: 5, display: "5 V", unit: "V" },
      { name: "v(out)", sortValue: 2.5, display: "2.5 V", unit: "V" },
      { name: "i(v1)", sortValue: -0.0025, display: "-2.5 mA", unit: "A" },
    ]);
  });

  it("shows poles as complex numbers, sorting by magnitude", () => {
    const rows = tableRows(pzPlot);
    expect(rows.map((r) => r.display)).toEqual(["-6.283k", "-100 + j2k", "-50 − j300"]);
    expect(rows[1]!.sortValue).toBeCloseTo(Math.hypot(100, 2000));
  });

  it("shows an empty vector as a dash", () => {
    const rows = tableRows({ ...opPlot, vectors: [{ name: "x", unit: "V", values: [] }] });
    expect(rows[0]!.display).toBe("—");
  });
});

describe("sorting", () => {
  it("sorts names naturally and values numerically, both ways", () => {
    const pz = tableRows(pzPlot);
    const names = (s: Parameters<typeof sortRows>[1]) => sortRows(pz, s).map((r) => r.name);
    expect(names({ key: "name", direction: "ascending" })).toEqual([
      "pole(1)",
      "pole(2)",
      "pole(10)",
    ]);
    expect(names({ key: "name", direction: "descending" })).toEqual([
      "pole(10)",
      "pole(2)",
      "pole(1)",
    ]);
    expect(names({ key: "value", direction: "ascending" })).toEqual([
      "pole(10)",
      "pole(2)",
      "pole(1)",
    ]);
    expect(names(null)).toEqual(["pole(1)", "pole(2)", "pole(10)"]);
  });

  it("puts missing values last", () => {
    const rows = tableRows({
      ...opPlot,
      vectors: [
        { name: "x", unit: "", values: [] },
        { name: "y", unit: "", values: [1] },
      ],
    });
    expect(sortRows(rows, { key: "value", direction: "descending" }).map((r) => r.name)).toEqual([
      "y",
      "x",
    ]);
  });

  it("cycles ascending and descending per column", () => {
    expect(nextSort(null, "value")).toEqual({ key: "value", direction: "ascending" });
    expect(nextSort({ key: "value", direction: "ascending" }, "value")).toEqual({
      key: "value",
      direction: "descending",
    });
    expect(nextSort({ key: "value", direction: "descending" }, "name")).toEqual({
      key: "name",
      direction: "ascending",
    });
  });
});

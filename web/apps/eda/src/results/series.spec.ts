import { describe, expect, it } from "vitest";
import { complexViews, interpolate } from "../spice/plot-math";
import { acPlot, nestedDcNetlist, nestedDcPlot, opPlot, pzPlot, tranPlot } from "./fixtures";
import { outerSweep } from "./nested-sweep";
import {
  DEFAULT_VISIBLE_TRACES,
  NO_CURSORS,
  PALETTE,
  alignedData,
  buildChartModel,
  curveColor,
  decimation,
  defaultVisible,
  exportFileName,
  formatReading,
  inverseUnit,
  matchingPlot,
  paneIds,
  placeCursor,
  plotCsv,
  readouts,
  resample,
  scaleVector,
  toggleTrace,
  traceColor,
  traceVectors,
  viewKind,
  hasLogX,
} from "./series";
import type { ResultPlot } from "./types";

describe("viewKind", () => {
  it("tables operating point, tf, sens and pz; charts sweeps; Bode for ac and noise", () => {
    expect(viewKind(opPlot)).toBe("table");
    expect(viewKind(pzPlot)).toBe("table");
    expect(viewKind({ ...opPlot, kind: "tf" })).toBe("table");
    expect(viewKind({ ...opPlot, kind: "sens" })).toBe("table");
    expect(viewKind(tranPlot)).toBe("chart");
    expect(viewKind({ ...tranPlot, kind: "dc" })).toBe("chart");
    expect(viewKind(acPlot)).toBe("bode");
    expect(viewKind({ ...acPlot, kind: "noise" })).toBe("bode");
  });

  it("tables a sweep kind with a single point (integrated noise)", () => {
    const noise2: ResultPlot = {
      name: "noise2",
      title: "x",
      kind: "noise",
      scale: "inoise_total",
      points: 1,
      vectors: [
        { name: "inoise_total", unit: "V", values: [1e-6] },
        { name: "onoise_total", unit: "V", values: [2e-6] },
      ],
    };
    expect(viewKind(noise2)).toBe("table");
  });
});

describe("scale and traces", () => {
  it("finds the scale by name, else the first vector", () => {
    expect(scaleVector(tranPlot)?.name).toBe("time");
    expect(scaleVector({ ...tranPlot, scale: "nope" })?.name).toBe("time");
    expect(scaleVector({ ...tranPlot, vectors: [] })).toBeUndefined();
  });

  it("traces are every vector but the scale", () => {
    expect(traceVectors(tranPlot).map((v) => v.name)).toEqual(["v(in)", "v(out)", "i(v1)"]);
  });

  it("shows the first traces by default", () => {
    expect(defaultVisible(tranPlot)).toEqual(["v(in)", "v(out)", "i(v1)"]);
    const withDeviceCurrents = {
      ...tranPlot,
      vectors: [...tranPlot.vectors, { name: "i(@r1[i])", unit: "A", values: [0, 0] }],
    };
    expect(defaultVisible(withDeviceCurrents)).toEqual(["v(in)", "v(out)", "i(v1)"]);
    const onlyDeviceCurrents = {
      ...tranPlot,
      vectors: [tranPlot.vectors[0]!, withDeviceCurrents.vectors.at(-1)!],
    };
    expect(defaultVisible(onlyDeviceCurrents)).toEqual(["i(@r1[i])"]);
    const many: ResultPlot = {
      ...tranPlot,
      vectors: [
        tranPlot.vectors[0]!,
        ...Array.from({ length: 12 }, (_, i) => ({ name: `v(${i})`, unit: "V", values: [] })),
      ],
    };
    expect(defaultVisible(many)).toHaveLength(DEFAULT_VISIBLE_TRACES);
  });

  it("toggles traces, keeping the plot's order", () => {
    expect(toggleTrace(tranPlot, ["v(out)"], "v(in)")).toEqual(["v(in)", "v(out)"]);
    expect(toggleTrace(tranPlot, ["v(in)", "v(out)"], "v(in)")).toEqual(["v(out)"]);
    expect(toggleTrace(tranPlot, ["gone"], "v(out)")).toEqual(["v(out)"]);
  });

  it("gives each trace a colour by its position", () => {
    expect(traceColor(tranPlot, "v(in)")).toBe(PALETTE[0]);
    expect(traceColor(tranPlot, "i(v1)")).toBe(PALETTE[2]);
  });
});

describe("hasLogX", () => {
  it("is log for positive frequencies only", () => {
    expect(hasLogX(acPlot)).toBe(true);
    expect(hasLogX(tranPlot)).toBe(false);
    const withZero = {
      ...acPlot,
      vectors: [{ name: "frequency", unit: "Hz", values: [0, 10] }, acPlot.vectors[1]!],
    };
    expect(hasLogX(withZero)).toBe(false);
  });
});

describe("buildChartModel", () => {
  it("draws a transient's visible traces over time", () => {
    const model = buildChartModel(tranPlot, ["v(out)", "i(v1)"]);
    expect(model.xs).toEqual([0, 1e-3, 2e-3, 3e-3, 4e-3]);
    expect(model).toMatchObject({ xName: "time", xUnit: "s", logX: false });
    expect(model.panes).toHaveLength(1);
    const [pane] = model.panes;
    expect(pane!.label).toBe("V, A");
    expect(pane!.traces.map((t) => t.key)).toEqual(["v(out)", "i(v1)"]);
    expect(pane!.traces[0]!.values).toEqual([0, 0.5, 0.75, 0.875, 0.9375]);
    expect(pane!.traces[0]!.color).toBe(PALETTE[1]);
    expect(alignedData(model, pane!)).toEqual([
      model.xs,
      pane!.traces[0]!.values,
      pane!.traces[1]!.values,
    ]);
  });

  it("draws a Bode view as dB and unwrapped phase", () => {
    const model = buildChartModel(acPlot, ["v(out)"], "db-phase");
    expect(model.logX).toBe(true);
    expect(model.panes.map((p) => p.id)).toEqual(["db", "phase"]);
    const db = model.panes[0]!.traces[0]!.values as number[];
    const phase = model.panes[1]!.traces[0]!.values as number[];
    expect(db[2]).toBeCloseTo(-3.0103, 3); // at the corner
    expect(db[4]).toBeCloseTo(-40, 2);
    expect(phase[2]).toBeCloseTo(-45, 6);
    expect(phase[0]).toBeCloseTo(-0.573, 2);
    expect(model.panes[0]!.traces[0]!.unit).toBe("dB");
    expect(model.panes[1]!.traces[0]!.unit).toBe("°");
  });

  it("draws real and imaginary parts, or the linear magnitude", () => {
    const reIm = buildChartModel(acPlot, ["v(out)"], "re-im");
    expect(reIm.panes.map((p) => p.id)).toEqual(["real", "imag"]);
    expect(reIm.panes[0]!.traces[0]!.values[2]).toBeCloseTo(0.5);
    expect(reIm.panes[1]!.traces[0]!.values[2]).toBeCloseTo(-0.5);
    const mag = buildChartModel(acPlot, ["v(out)"], "mag");
    expect(mag.panes.map((p) => p.id)).toEqual(["mag"]);
    expect(mag.panes[0]!.traces[0]!.values[2]).toBeCloseTo(Math.SQRT1_2);
    expect(mag.panes[0]!.traces[0]!.unit).toBe("V");
  });

  it("turns the dB of zero into a gap", () => {
    const zero: ResultPlot = {
      ...acPlot,
      vectors: [acPlot.vectors[0]!, { name: "v(x)", unit: "V", values: [0, 1, 0, 1, 1] }],
    };
    const values = buildChartModel(zero, ["v(x)"]).panes[0]!.traces[0]!.values;
    expect(values).toEqual([null, 0, null, 0, 0]);
  });

  it("keeps an empty pane list of traces when nothing is visible", () => {
    const model = buildChartModel(tranPlot, []);
    expect(model.panes[0]!.traces).toEqual([]);
    expect(model.panes[0]!.label).toBe("");
  });

  it("adds the previous run's traces, resampled onto this run's x", () => {
    const previous: ResultPlot = {
      ...tranPlot,
      vectors: [
        { name: "time", unit: "s", values: [0, 2e-3, 4e-3] },
        { name: "v(out)", unit: "V", values: [0, 1, 2] },
      ],
    };
    const model = buildChartModel(tranPlot, ["v(in)", "v(out)"], "db-phase", previous);
    const traces = model.panes[0]!.traces;
    expect(traces.map((t) => t.key)).toEqual(["v(in)", "v(out)", "v(out)@previous"]);
    const old = traces[2]!;
    expect(old).toMatchObject({ previous: true, color: PALETTE[1], label: "v(out) (previous)" });
    expect(old.values).toEqual([0, 0.5, 1, 1.5, 2]);
  });
});

describe("resample", () => {
  it("interpolates and leaves gaps outside the range", () => {
    expect(resample([1, 3], [10, 30], [0, 1, 2, 3, 4])).toEqual([null, 10, 20, 30, null]);
  });

  it("interpolates in log x", () => {
    expect(resample([10, 1000], [0, 2], [100], true)[0]).toBeCloseTo(1);
  });
});

describe("matchingPlot", () => {
  it("matches by name, else by kind and position", () => {
    const renamed = { ...tranPlot, name: "tran7" };
    expect(matchingPlot(tranPlot, [tranPlot], [acPlot, tranPlot])).toBe(tranPlot);
    expect(matchingPlot(tranPlot, [tranPlot], [renamed])).toBe(renamed);
    expect(matchingPlot(tranPlot, [tranPlot], [acPlot])).toBeUndefined();
    expect(matchingPlot(tranPlot, [tranPlot], undefined)).toBeUndefined();
  });
});

describe("cursors", () => {
  it("a click places A, then B, then A again", () => {
    const one = placeCursor(NO_CURSORS, 1);
    expect(one).toEqual({ a: 1, b: null, next: "b" });
    const two = placeCursor(one, 2);
    expect(two).toEqual({ a: 1, b: 2, next: "a" });
    expect(placeCursor(two, 3)).toEqual({ a: 3, b: 2, next: "b" });
  });

  it("a key places the named cursor", () => {
    expect(placeCursor(NO_CURSORS, 5, "b")).toEqual({ a: null, b: 5, next: "a" });
  });

  it("reads x, y per trace, the deltas and 1/Δx", () => {
    const model = buildChartModel(tranPlot, ["v(in)", "v(out)"]);
    const r = readouts(model, { a: 1e-3, b: 3e-3, next: "a" });
    expect(r.x1).toBe(1e-3);
    expect(r.x2).toBe(3e-3);
    expect(r.dx).toBeCloseTo(2e-3);
    expect(r.inverseDx).toBeCloseTo(500);
    expect(r.xUnit).toBe("s");
    expect(r.rows.map((row) => row.key)).toEqual(["v(in)", "v(out)"]);
    expect(r.rows[1]).toMatchObject({ y1: 0.5, y2: 0.875, unit: "V" });
    expect(r.rows[1]!.dy).toBeCloseTo(0.375);
  });

  it("interpolates between samples", () => {
    const model = buildChartModel(tranPlot, ["v(out)"]);
    expect(readouts(model, { a: 1.5e-3, b: null, next: "b" }).rows[0]!.y1).toBeCloseTo(0.625);
  });

  it("reads nothing without cursors, and no 1/Δx for Δx = 0", () => {
    const model = buildChartModel(tranPlot, ["v(out)"]);
    const none = readouts(model, NO_CURSORS);
    expect(none).toMatchObject({ x1: null, x2: null, dx: null, inverseDx: null });
    expect(none.rows[0]).toMatchObject({ y1: null, y2: null, dy: null });
    const same = readouts(model, { a: 1e-3, b: 1e-3, next: "a" });
    expect(same.dx).toBe(0);
    expect(same.inverseDx).toBeNull();
  });

  it("reads both Bode panes, skips the previous run and outside the range", () => {
    const model = buildChartModel(acPlot, ["v(out)"], "db-phase", acPlot);
    const r = readouts(model, { a: 1000, b: 1e6, next: "a" });
    expect(r.rows.map((row) => row.key)).toEqual(["v(out)@db", "v(out)@phase"]);
    expect(r.rows[0]!.label).toBe("v(out) dB");
    expect(r.rows[0]!.y1).toBeCloseTo(-3.0103, 3);
    expect(r.rows[1]!.y1).toBeCloseTo(-45);
    expect(r.rows[0]!.y2).toBeNull();
    expect(r.rows[0]!.dy).toBeNull();
  });
});

describe("formatting", () => {
  it("formats readings with SI prefixes, dB and degrees plainly", () => {
    expect(formatReading(0.0015, "s")).toBe("1.5 ms");
    expect(formatReading(-3.0103, "dB")).toBe("-3.0103 dB");
    expect(formatReading(-45.000001, "°")).toBe("-45°");
    expect(formatReading(null, "V")).toBe("—");
    expect(formatReading(Number.NaN)).toBe("—");
  });

  it("names the unit of 1/Δx", () => {
    expect(inverseUnit("s")).toBe("Hz");
    expect(inverseUnit("Hz")).toBe("s");
    expect(inverseUnit("V")).toBe("1/V");
    expect(inverseUnit("")).toBe("");
  });

  it("lists the panes of each view", () => {
    expect(paneIds("chart", "re-im")).toEqual(["main"]);
    expect(paneIds("bode", "db-phase")).toEqual(["db", "phase"]);
  });
});

describe("plotCsv", () => {
  it("writes the scale and the visible traces", () => {
    expect(plotCsv(tranPlot, ["v(out)"])).toBe(
      "time,v(out)\n0,0\n0.001,0.5\n0.002,0.75\n0.003,0.875\n0.004,0.9375\n",
    );
  });

  it("writes every trace without a selection, quoting names that need it", () => {
    const plot: ResultPlot = {
      ...tranPlot,
      vectors: [
        { name: "time", unit: "s", values: [0, 1] },
        { name: 'v("a,b")', unit: "V", values: [1e-12, 2] },
      ],
    };
    expect(plotCsv(plot)).toBe('time,"v(""a,b"")"\n0,1e-12\n1,2\n');
  });

  it("writes complex vectors as .re and .im columns", () => {
    const text = plotCsv(acPlot, ["v(out)"]);
    expect(text.split("\n")[0]).toBe("frequency.re,frequency.im,v(out).re,v(out).im");
    expect(text.split("\n")[3]).toBe("1000,0,0.5,-0.5");
  });

  it("writes every vector of a table plot", () => {
    expect(plotCsv(opPlot)).toBe("v(in),v(out),i(v1)\n5,2.5,-0.0025\n");
  });

  it("names the file after the plot", () => {
    expect(exportFileName(tranPlot, "csv")).toBe("tran1.csv");
    expect(exportFileName({ ...tranPlot, name: "a/b c" }, "png")).toBe("a_b_c.png");
  });
});

describe("decimation", () => {
  it("reports cut plots only", () => {
    expect(decimation(acPlot)).toEqual({ shown: 5, total: 41 });
    expect(decimation(tranPlot)).toBeNull();
  });
});

describe("reading between samples", () => {
  it("reads 63.2 % of a 1 V step to four significant digits, linear in time", () => {
    const tau = 1e-3;
    const times = [0, 0.5e-3, 1.5e-3, 2e-3];
    const step: typeof tranPlot = {
      ...tranPlot,
      vectors: [
        { name: "time", unit: "s", values: times },
        { name: "v(out)", unit: "V", values: times.map((t) => 1 - Math.exp(-t / tau)) },
      ],
    };
    const r = readouts(buildChartModel(step, ["v(out)"]), { a: tau, b: null, next: "b" });
    const y0 = 1 - Math.exp(-0.5);
    const y1 = 1 - Math.exp(-1.5);
    // Halfway between the samples at 0.5 ms and 1.5 ms: their mean, not either sample.
    expect(r.rows[0]!.y1).toBeCloseTo((y0 + y1) / 2, 12);
    expect(formatReading(0.6321205588, "V")).toBe("632.1 mV");
  });

  it("reads a log-x plot linearly in log10(f)", () => {
    const model = buildChartModel(acPlot, ["v(out)"], "mag");
    const mags = complexViews(acPlot.vectors[1]!.values, acPlot.vectors[1]!.imag).magnitude;
    // 10^2.25 Hz lies a quarter of the way (in log f) from 100 Hz to 1 kHz.
    const r = readouts(model, { a: 10 ** 2.25, b: null, next: "b" });
    expect(r.rows[0]!.y1).toBeCloseTo(mags[1]! + 0.25 * (mags[2]! - mags[1]!), 12);
  });

  it("reads a Bode view in dB and phase, closer to the truth than the complex chord", () => {
    const f = Math.sqrt(1000 * 10000); // between samples a decade apart, around the corner
    const r = readouts(buildChartModel(acPlot, ["v(out)"]), { a: f, b: null, next: "b" });
    const [db, phase] = [r.rows[0]!.y1!, r.rows[1]!.y1!];
    const trueDb = -10 * Math.log10(1 + (f / 1000) ** 2);
    const truePhase = (-Math.atan(f / 1000) * 180) / Math.PI;
    // What interpolating the complex value and converting it afterwards would read.
    const [re, im] = [acPlot.vectors[1]!.values, acPlot.vectors[1]!.imag!];
    const xs = acPlot.vectors[0]!.values;
    const cRe = interpolate(xs, re, f, { logX: true })!;
    const cIm = interpolate(xs, im, f, { logX: true })!;
    const chordDb = 20 * Math.log10(Math.hypot(cRe, cIm));
    const chordPhase = (Math.atan2(cIm, cRe) * 180) / Math.PI;
    expect(db).toBeCloseTo(-11.53, 2);
    expect(phase).toBeCloseTo(-64.64, 2);
    expect(Math.abs(db - trueDb)).toBeLessThan(Math.abs(chordDb - trueDb));
    expect(Math.abs(phase - truePhase)).toBeLessThan(Math.abs(chordPhase - truePhase));
  });
});

describe("nested .dc sweeps", () => {
  const outer = outerSweep(nestedDcPlot, [nestedDcPlot], nestedDcNetlist);
  const current = (k: number) => nestedDcPlot.vectors[2]!.values.slice(5 * k, 5 * k + 5);

  it("draws one curve per outer value over the inner sweep", () => {
    const model = buildChartModel(nestedDcPlot, ["i(vc)"], "db-phase", undefined, outer);
    expect(model.xs).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(model).toMatchObject({ xName: "v-sweep", xUnit: "V", logX: false });
    const traces = model.panes[0]!.traces;
    expect(traces.map((t) => t.key)).toEqual(["i(vc)#1", "i(vc)#2", "i(vc)#3"]);
    expect(traces.map((t) => t.label)).toEqual([
      "i(vc) @ i1=10 µA",
      "i(vc) @ i1=20 µA",
      "i(vc) @ i1=30 µA",
    ]);
    expect(traces.map((t) => t.values)).toEqual([current(0), current(1), current(2)]);
    expect(traces.every((t) => t.vector === "i(vc)" && t.unit === "A")).toBe(true);
    expect(new Set(traces.map((t) => t.color)).size).toBe(3);
    expect(traces[0]!.color).toBe(curveColor(nestedDcPlot, "i(vc)", 0, 3));
  });

  it("numbers the curves when the outer source is unknown", () => {
    const model = buildChartModel(nestedDcPlot, ["v(b)", "i(vc)"]);
    expect(model.panes[0]!.traces.map((t) => t.label)).toEqual([
      "v(b) @ sweep 1",
      "v(b) @ sweep 2",
      "v(b) @ sweep 3",
      "i(vc) @ sweep 1",
      "i(vc) @ sweep 2",
      "i(vc) @ sweep 3",
    ]);
    // Six curves, six colours.
    expect(new Set(model.panes[0]!.traces.map((t) => t.color)).size).toBe(6);
  });

  it("reads each curve at the cursors", () => {
    const model = buildChartModel(nestedDcPlot, ["i(vc)"], "db-phase", undefined, outer);
    const r = readouts(model, { a: 1.25, b: 2, next: "a" });
    expect(r.rows.map((row) => [row.key, row.label])).toEqual([
      ["i(vc)#1", "i(vc) @ i1=10 µA"],
      ["i(vc)#2", "i(vc) @ i1=20 µA"],
      ["i(vc)#3", "i(vc) @ i1=30 µA"],
    ]);
    r.rows.forEach((row, k) => {
      const ys = current(k);
      expect(row.y1).toBeCloseTo((ys[2]! + ys[3]!) / 2, 15);
      expect(row.y2).toBe(ys[4]);
    });
  });

  it("overlays the previous run curve by curve", () => {
    const previous = {
      ...nestedDcPlot,
      vectors: nestedDcPlot.vectors.map((v) => ({ ...v, values: v.values.map((x) => x * 2) })),
    };
    const model = buildChartModel(nestedDcPlot, ["i(vc)"], "db-phase", previous, outer);
    const traces = model.panes[0]!.traces;
    expect(traces.map((t) => t.key)).toEqual([
      "i(vc)#1",
      "i(vc)#1@previous",
      "i(vc)#2",
      "i(vc)#2@previous",
      "i(vc)#3",
      "i(vc)#3@previous",
    ]);
    expect(traces[1]!.label).toBe("i(vc) @ i1=10 µA (previous)");
    // The previous inner sweep ran 0..4 V: at 0, 0.5, 1, 1.5, 2 V it read 2·i at 0, 0.25 ... 1 V.
    const old = current(0).map((y) => y * 2);
    expect(traces[1]!.values[2]).toBeCloseTo(old[1]!, 15);
    // A plain previous run does not overlay a nested one.
    const plain = buildChartModel(nestedDcPlot, ["i(vc)"], "db-phase", {
      ...previous,
      dimensions: undefined,
    });
    expect(plain.panes[0]!.traces.some((t) => t.previous)).toBe(false);
  });

  it("turns a falling sweep round, keeping each y with its x", () => {
    const falling = {
      ...tranPlot,
      kind: "dc",
      vectors: [
        { name: "v-sweep", unit: "V", values: [2, 1, 0] },
        { name: "v(out)", unit: "V", values: [20, 10, 0] },
      ],
    };
    const model = buildChartModel(falling, ["v(out)"]);
    expect(model.xs).toEqual([0, 1, 2]);
    expect(model.panes[0]!.traces[0]!.values).toEqual([0, 10, 20]);
    expect(readouts(model, { a: 1.5, b: null, next: "b" }).rows[0]!.y1).toBe(15);
  });

  it("writes the outer value at the start of every CSV row", () => {
    const lines = plotCsv(nestedDcPlot, ["i(vc)"], outer).trimEnd().split("\n");
    expect(lines).toHaveLength(16);
    expect(lines[0]).toBe("i1,v-sweep,i(vc)");
    expect(lines[1]).toBe("0.00001,0,-0.00000990099");
    expect(lines[7]).toBe("0.00002,0.5,0.00198834");
    expect(lines[15]).toBe("0.00003,2,0.00307184");
    const numbered = plotCsv(nestedDcPlot, ["i(vc)"]).split("\n");
    expect(numbered[0]).toBe("sweep,v-sweep,i(vc)");
    expect(numbered[11]).toBe("3,0,-0.000029703");
  });
});

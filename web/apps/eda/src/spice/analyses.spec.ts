import { describe, expect, it } from "vitest";
import {
  analysesToJson,
  analysisToJson,
  circuitScales,
  defaultAnalyses,
  niceCeil,
  type AnalysisForm,
} from "./analyses";

const json = (form: AnalysisForm) => {
  const result = analysisToJson(form);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.analysis;
};
const errors = (form: AnalysisForm) => {
  const result = analysisToJson(form);
  return result.ok ? {} : result.errors;
};

describe("analysisToJson", () => {
  it("op", () => {
    expect(json({ type: "op" })).toEqual({ type: "op" });
  });

  it("dc, with and without a second sweep", () => {
    expect(json({ type: "dc", source: "V1", start: "0", stop: "5", step: "0.1" })).toEqual({
      type: "dc",
      source: "V1",
      start: "0",
      stop: "5",
      step: "100m",
    });
    expect(
      json({
        type: "dc",
        source: " V1 ",
        start: 5,
        stop: 0,
        step: -1,
        source2: "I1",
        start2: "0",
        stop2: "1m",
        step2: "100u",
        // blank optional fields are left out
      }),
    ).toEqual({
      type: "dc",
      source: "V1",
      start: "5",
      stop: "0",
      step: "-1",
      source2: "I1",
      start2: "0",
      stop2: "1m",
      step2: "100u",
    });
    expect(
      json({ type: "dc", source: "V1", start: "0", stop: "5", step: "1", source2: "", step2: "" }),
    ).toEqual({ type: "dc", source: "V1", start: "0", stop: "5", step: "1" });
  });

  it("dc errors", () => {
    expect(errors({ type: "dc", source: "", start: "0", stop: "5", step: "-1" })).toEqual({
      source: "must be the reference of a V or I source, such as V1",
      step: "must be a step from 0 towards 5, not 0 or away from it",
    });
    expect(errors({ type: "dc", source: "V1", start: "0", stop: "5", step: "0" })).toEqual({
      step: "must be a step from 0 towards 5, not 0 or away from it",
    });
    expect(
      errors({ type: "dc", source: "V1", start: "0", stop: "5", step: "1", source2: "V2" }),
    ).toEqual({ start2: "required", stop2: "required", step2: "required" });
    expect(errors({ type: "dc", source: "V1", start: "0", stop: "1", step: "1n" })).toEqual({
      step: "about 1,000,000,001 points; the limit is 1,000,000",
    });
  });

  it("tran", () => {
    expect(json({ type: "tran", step: "10u", stop: "5m" })).toEqual({
      type: "tran",
      step: "10u",
      stop: "5m",
    });
    expect(
      json({ type: "tran", step: "1u", stop: "2m", start: "1m", maxStep: "100n", uic: true }),
    ).toEqual({ type: "tran", step: "1u", stop: "2m", start: "1m", max_step: "100n", uic: true });
    expect(json({ type: "tran", step: 1e-6, stop: 1e-3, start: "", uic: false })).toEqual({
      type: "tran",
      step: "1u",
      stop: "1m",
    });
  });

  it("tran errors", () => {
    expect(errors({ type: "tran", step: "0", stop: "" })).toEqual({
      step: "must be more than 0",
      stop: "required",
    });
    expect(errors({ type: "tran", step: "1u", stop: "1m", start: "2m" })).toEqual({
      start: "must be before the stop time 1m",
    });
    expect(errors({ type: "tran", step: "1u", stop: "1m", maxStep: "-1" })).toEqual({
      maxStep: "must be more than 0",
    });
    expect(errors({ type: "tran", step: "2m", stop: "1m" })).toEqual({
      step: "must not be longer than the simulated time 1m",
    });
    expect(errors({ type: "tran", step: "1n", stop: "10m" })).toEqual({
      step: "about 10,000,000 points; the limit is 1,000,000: use a larger step or a shorter stop time",
    });
  });

  it("ac", () => {
    expect(json({ type: "ac", sweep: "dec", points: "10", fstart: "1", fstop: "1meg" })).toEqual({
      type: "ac",
      sweep: "dec",
      points: 10,
      fstart: "1",
      fstop: "1meg",
    });
    expect(json({ type: "ac", sweep: "lin", points: 101, fstart: 0, fstop: "10kHz" })).toEqual({
      type: "ac",
      sweep: "lin",
      points: 101,
      fstart: "0",
      fstop: "10k",
    });
  });

  it("ac errors", () => {
    expect(errors({ type: "ac", sweep: "dec", points: "1.5", fstart: "0", fstop: "1k" })).toEqual({
      points: "must be a whole number from 1 to 1,000,000",
      fstart: "must be more than 0",
    });
    expect(errors({ type: "ac", sweep: "oct", points: "10", fstart: "1k", fstop: "1" })).toEqual({
      fstop: "must be at least 1k",
    });
    expect(
      errors({ type: "ac", sweep: "dec", points: "100000", fstart: "1", fstop: "1t" }),
    ).toEqual({ points: "about 1,200,001 points; the limit is 1,000,000" });
    expect(
      errors({ type: "ac", sweep: "log" as "dec", points: "10", fstart: "1", fstop: "1k" }),
    ).toEqual({ sweep: "must be one of dec, oct, lin" });
  });

  it("tf", () => {
    expect(json({ type: "tf", output: "v(out)", source: "V1" })).toEqual({
      type: "tf",
      output: "v(out)",
      source: "V1",
    });
    expect(json({ type: "tf", output: "V( out , in )", source: "V1" })).toMatchObject({
      output: "v(out,in)",
    });
    expect(json({ type: "tf", output: "i(Vsense)", source: "V1" })).toMatchObject({
      output: "i(Vsense)",
    });
    expect(json({ type: "tf", output: "out", source: "V1" })).toMatchObject({
      output: "v(out)",
    });
    expect(errors({ type: "tf", output: "v(out", source: "V 1" })).toEqual({
      output: "must name an output such as v(out), v(out,in) or i(V1)",
      source: "must be the reference of a V or I source, such as V1",
    });
    expect(errors({ type: "tf", output: "v(a,b,c)", source: "V1" })).toEqual({
      output: "must name an output such as v(out), v(out,in) or i(V1)",
    });
  });

  it("noise", () => {
    expect(
      json({
        type: "noise",
        output: "v(out)",
        source: "V1",
        sweep: "dec",
        points: 10,
        fstart: "1",
        fstop: "1meg",
      }),
    ).toEqual({
      type: "noise",
      output: "v(out)",
      source: "V1",
      sweep: "dec",
      points: 10,
      fstart: "1",
      fstop: "1meg",
    });
    expect(
      json({
        type: "noise",
        output: "v(out)",
        reference: "ref",
        source: "V1",
        sweep: "oct",
        points: "5",
        fstart: "10",
        fstop: "100k",
      }),
    ).toEqual({
      type: "noise",
      output: "v(out)",
      reference: "ref",
      source: "V1",
      sweep: "oct",
      points: 5,
      fstart: "10",
      fstop: "100k",
    });
    const base = { type: "noise", source: "V1", sweep: "dec", points: 10, fstart: 1, fstop: 1e6 };
    expect(errors({ ...base, output: "i(V1)" } as AnalysisForm)).toEqual({
      output: "must be a voltage, such as v(out)",
    });
    expect(errors({ ...base, output: "v(out,a)", reference: "b" } as AnalysisForm)).toEqual({
      reference: "the output already names a reference node; leave this empty",
    });
  });

  it("pz", () => {
    expect(json({ type: "pz", inputNodes: ["in", "0"], outputNodes: ["out", "0"] })).toEqual({
      type: "pz",
      input_nodes: ["in", "0"],
      output_nodes: ["out", "0"],
      kind: "vol",
      find: "both",
    });
    expect(
      json({
        type: "pz",
        inputNodes: ["in", "GND"],
        outputNodes: ["out", "GND"],
        kind: "cur",
        find: "poles",
      }),
    ).toMatchObject({ kind: "cur", find: "poles" });
    expect(errors({ type: "pz", inputNodes: ["in", ""], outputNodes: ["out", "0"] })).toEqual({
      "inputNodes[1]": "must be the name of a net",
    });
  });
});

describe("analysesToJson", () => {
  it("converts a list and names errors as the server does", () => {
    expect(analysesToJson([{ type: "op" }, { type: "tran", step: "1u", stop: "1m" }])).toEqual({
      ok: true,
      analyses: [{ type: "op" }, { type: "tran", step: "1u", stop: "1m" }],
    });
    expect(
      analysesToJson([
        { type: "op" },
        { type: "tran", step: "1u", stop: "1m", maxStep: "0" },
        { type: "pz", inputNodes: ["", "0"], outputNodes: ["out", "0"] },
      ]),
    ).toEqual({
      ok: false,
      errors: [
        {
          index: 1,
          field: "maxStep",
          path: "analyses[1].max_step",
          message: "must be more than 0",
        },
        {
          index: 2,
          field: "inputNodes[0]",
          path: "analyses[2].input_nodes[0]",
          message: "must be the name of a net",
        },
      ],
    });
    const many = Array.from({ length: 17 }, () => ({ type: "op" }) as AnalysisForm);
    expect(analysesToJson(many)).toMatchObject({
      ok: false,
      errors: [{ path: "analyses", message: "17 analyses; at most 16 can run at once" }],
    });
  });
});

describe("defaults", () => {
  it("niceCeil", () => {
    expect([1, 5e-3, 4.7e-3, 23.5e-3, 9.1, 0.011].map(niceCeil)).toEqual([
      1, 5e-3, 5e-3, 25e-3, 10, 0.015,
    ]);
  });

  it("proposes working analyses for an RC low-pass (1k, 1u)", () => {
    const analyses = defaultAnalyses({
      resistors: [1000],
      capacitors: [1e-6],
      inductors: [],
      sourceFrequencies: [],
    });
    expect(analyses).toEqual([
      { type: "op" },
      { type: "tran", step: "5u", stop: "5m" },
      { type: "ac", sweep: "dec", points: 50, fstart: "1", fstop: "100k" },
    ]);
    // Corner 159 Hz: fstop is at least 100 × that.
    expect(
      circuitScales({
        resistors: [1000],
        capacitors: [1e-6],
        inductors: [],
        sourceFrequencies: [],
      }),
    ).toMatchObject({ longestTime: 1e-3 });
    expect(analysesToJson(analyses).ok).toBe(true);
  });

  it("uses 10 periods of the lowest source frequency when that is longer", () => {
    const [, tran, ac] = defaultAnalyses({
      resistors: [1000],
      capacitors: [1e-6],
      inductors: [],
      sourceFrequencies: [50, 1000],
    });
    expect(tran).toEqual({ type: "tran", step: "200u", stop: "200m" });
    expect(ac).toMatchObject({ fstart: "100m", fstop: "100k" });
  });

  it("covers RL and LC circuits", () => {
    const [, tran, ac] = defaultAnalyses({
      resistors: [10],
      capacitors: [1e-9],
      inductors: [1e-3],
      sourceFrequencies: [],
    });
    // L/R = 100 µs is the longest time constant; 10 Ω · 1 nF = 10 ns the shortest (corner
    // 15.9 MHz; 100 × that, rounded up to a decade, is 10 GHz).
    expect(tran).toEqual({ type: "tran", step: "500n", stop: "500u" });
    expect(ac).toMatchObject({ fstart: "1", fstop: "10g" });
  });

  it("falls back when nothing is known", () => {
    const analyses = defaultAnalyses({
      resistors: [],
      capacitors: [],
      inductors: [],
      sourceFrequencies: [],
    });
    expect(analyses).toEqual([
      { type: "op" },
      { type: "tran", step: "1u", stop: "1m" },
      { type: "ac", sweep: "dec", points: 50, fstart: "1", fstop: "1meg" },
    ]);
    expect(
      defaultAnalyses({
        resistors: [0, -1, NaN],
        capacitors: [],
        inductors: [],
        sourceFrequencies: [],
      }),
    ).toEqual(analyses);
  });
});

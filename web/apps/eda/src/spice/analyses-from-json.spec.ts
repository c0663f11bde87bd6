import { describe, expect, it } from "vitest";
import { analysisFromJson, analysisToJson, type AnalysisJson } from "./analyses";

const EXAMPLES: AnalysisJson[] = [
  { type: "op" },
  { type: "tran", step: "10u", stop: "10m", max_step: "1u", uic: true },
  { type: "ac", sweep: "dec", points: 20, fstart: "1", fstop: "100k" },
  { type: "dc", source: "V2", start: "0", stop: "5", step: "10m" },
  { type: "tf", output: "v(out)", source: "V1" },
  {
    type: "pz",
    input_nodes: ["in", "0"],
    output_nodes: ["out", "0"],
    kind: "vol",
    find: "both",
  },
];

describe("analysisFromJson", () => {
  it.each(EXAMPLES)("round-trips %j through the form", (json) => {
    const form = analysisFromJson(json);
    expect(form).not.toBeNull();
    const back = analysisToJson(form!);
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.analysis).toEqual(json);
  });

  it("reads numbers as typed text", () => {
    expect(analysisFromJson({ type: "dc", source: "V2", start: 0, stop: 5, step: 0.01 })).toEqual({
      type: "dc",
      source: "V2",
      start: "0",
      stop: "5",
      step: "0.01",
    });
  });

  it("refuses what is not an analysis", () => {
    expect(analysisFromJson({ type: "shell" })).toBeNull();
  });
});

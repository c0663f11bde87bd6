import { describe, expect, it } from "vitest";
import {
  ANALYSIS_TYPES,
  fieldsOf,
  newAnalysis,
  readField,
  splitServerErrors,
  validateAnalyses,
  writeField,
} from "./analysis-fields";

describe("analysis fields", () => {
  it("new analyses of every type are valid as they come", () => {
    const forms = ANALYSIS_TYPES.map(({ type }) => newAnalysis(type));
    const result = validateAnalyses(forms);
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.analyses.map((a) => a.type)).toEqual(ANALYSIS_TYPES.map((t) => t.type));
  });

  it("the DC second source appears with its switch and is required once on", () => {
    const dc = newAnalysis("dc");
    expect(fieldsOf(dc).map((f) => f.name)).not.toContain("source2");
    const nested = writeField(dc, "nested", true);
    expect(readField(nested, "nested")).toBe(true);
    expect(fieldsOf(nested).map((f) => f.name)).toContain("step2");
    const result = validateAnalyses([nested]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.get(0)).toMatchObject({ source2: "required" });

    const filled = ["source2", "start2", "stop2", "step2"].reduce(
      (form, name, i) => writeField(form, name, ["V2", "0", "1", "0.5"][i]!),
      nested,
    );
    const ok = validateAnalyses([filled]);
    expect(ok.ok && ok.analyses[0]).toMatchObject({ source2: "V2", step2: "500m" });
    expect(readField(writeField(filled, "nested", false), "nested")).toBe(false);
  });

  it("reads and writes pz node pairs and the tran UIC switch", () => {
    const pz = writeField(newAnalysis("pz"), "outputNodes[1]", "ref");
    expect(readField(pz, "outputNodes[1]")).toBe("ref");
    expect(readField(pz, "outputNodes[0]")).toBe("out");
    const tran = writeField(newAnalysis("tran"), "uic", true);
    const result = validateAnalyses([tran]);
    expect(result.ok && result.analyses[0]).toEqual({
      type: "tran",
      step: "1u",
      stop: "1m",
      uic: true,
    });
  });

  it("reports field errors per analysis, and an empty list", () => {
    const bad = writeField(newAnalysis("tran"), "stop", "");
    const result = validateAnalyses([newAnalysis("op"), bad]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.get(1)).toEqual({ stop: "required" });
      expect(result.errors.has(0)).toBe(false);
    }
    const empty = validateAnalyses([]);
    expect(!empty.ok && empty.errors.get(-1)).toEqual({ "": "Add at least one analysis." });
  });

  it("maps the server's analyses[i].field errors back to form fields", () => {
    const { fields, other } = splitServerErrors([
      { message: "too long", field: "analyses[1].max_step" },
      { message: "no such net", field: "analyses[0].input_nodes[1]" },
      { message: "R1 is not connected" },
    ]);
    expect(fields.get(1)).toEqual({ maxStep: "too long" });
    expect(fields.get(0)).toEqual({ "inputNodes[1]": "no such net" });
    expect(other).toEqual([{ message: "R1 is not connected" }]);
  });
});

import { describe, expect, it } from "vitest";
import {
  describeTarget,
  ercFindings,
  fromErrors,
  fromFindings,
  fromNgspice,
  messagesByLine,
  sortDiagnostics,
} from "./diagnostics";

describe("diagnostics", () => {
  it("merges findings, ngspice diagnostics and request errors, errors first", () => {
    const list = sortDiagnostics([
      ...fromFindings([
        { severity: "warning", code: "floating", message: "N$3 floats", net: "N$3" },
      ]),
      ...fromNgspice([
        { severity: "info", message: "note" },
        { severity: "error", message: "singular matrix", line: 4 },
      ]),
      ...fromErrors([{ message: "bad", line: 2 }]),
    ]);
    expect(list.map((d) => [d.source, d.severity])).toEqual([
      ["ngspice", "error"],
      ["request", "error"],
      ["erc", "warning"],
      ["ngspice", "info"],
    ]);
  });

  it("treats the ERC findings of a refused schematic run as findings", () => {
    const [finding, other] = fromErrors([
      { message: "No ground", severity: "error", code: "no_ground", net: "N$1" },
      { message: "Too many requests" },
    ]);
    expect(finding).toMatchObject({ source: "erc", code: "no_ground", net: "N$1" });
    expect(other).toMatchObject({ source: "request", severity: "error" });
  });

  it("picks the ERC errors and warnings the canvas marks", () => {
    const list = [
      ...fromFindings([{ severity: "error", code: "no_ground", message: "no ground" }]),
      { source: "erc", severity: "info", message: "fyi" } as const,
      ...fromNgspice([{ severity: "error", message: "singular matrix" }]),
      ...fromErrors([{ message: "R9: unknown symbol" }]),
    ];
    expect(ercFindings(list).map((d) => [d.code, d.severity])).toEqual([["no_ground", "error"]]);
  });

  it("describes what a diagnostic points at", () => {
    const base = { source: "erc", severity: "error", message: "m" } as const;
    expect(describeTarget({ ...base, reference: "R1", pin: "2" })).toBe("R1 pin 2");
    expect(describeTarget({ ...base, net: "N$3", line: 4 })).toBe("net N$3, line 4");
    expect(describeTarget({ ...base, field: "analyses[0].stop" })).toBe("analyses[0].stop");
    expect(describeTarget(base)).toBe("");
  });

  it("groups messages by line", () => {
    expect(
      messagesByLine([{ message: "a", line: 2 }, { message: "b" }, { message: "c", line: 2 }]),
    ).toEqual(new Map([[2, ["a", "c"]]]));
  });
});

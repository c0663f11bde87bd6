import type { BuildDiagnostic } from "@ohmcloud/api-client";
import { Text } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { diagnosticPlace, formatSize, lintDiagnostics } from "./build-report";

const doc = Text.of(["void setup() {", "  int x = 1;", "  foo();", "}"]);

function diag(extra: Partial<BuildDiagnostic>): BuildDiagnostic {
  return { file: "sketch.ino", line: 1, column: 1, severity: "error", message: "m", ...extra };
}

describe("lintDiagnostics", () => {
  it("marks the word at gcc's 1-based line and column", () => {
    const [d] = lintDiagnostics(
      doc,
      [diag({ line: 2, column: 7, severity: "warning" })],
      "sketch.ino",
    );
    expect(doc.sliceString(d!.from, d!.to)).toBe("x");
    expect(d!.severity).toBe("warning");
    const [call] = lintDiagnostics(doc, [diag({ line: 3, column: 3 })], "sketch.ino");
    expect(doc.sliceString(call!.from, call!.to)).toBe("foo");
  });

  it("marks the whole line from its first non-blank without a usable column", () => {
    const found = lintDiagnostics(
      doc,
      [diag({ line: 3, column: null }), diag({ line: 3, column: 99 })],
      "sketch.ino",
    );
    expect(found.map((d) => doc.sliceString(d.from, d.to))).toEqual(["foo();", "foo();"]);
  });

  it("keeps only the tab's own diagnostics and clamps lines past the end", () => {
    const found = lintDiagnostics(
      doc,
      [
        diag({ file: "pins.h" }),
        diag({ file: null, line: null, column: null }),
        diag({ line: 40, column: 1, severity: "note" }),
      ],
      "sketch.ino",
    );
    expect(found).toHaveLength(1);
    expect(doc.lineAt(found[0]!.from).number).toBe(4);
    expect(found[0]!.severity).toBe("info");
  });
});

it("diagnosticPlace names file, line and column when known", () => {
  expect(diagnosticPlace(diag({ line: 3, column: 7 }))).toBe("sketch.ino:3:7");
  expect(diagnosticPlace(diag({ line: 3, column: null }))).toBe("sketch.ino:3");
  expect(diagnosticPlace(diag({ file: null, line: null, column: null }))).toBe("");
});

it("formatSize gives bytes and percentages of the board's maximum", () => {
  expect(formatSize({ flash: 924, flash_max: 32256, ram: 1536, ram_max: 2048 })).toBe(
    "Flash 924 of 32256 bytes (3 %), RAM 1536 of 2048 bytes (75 %)",
  );
});

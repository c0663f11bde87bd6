import { history, undo } from "@codemirror/commands";
import { diagnosticCount, forEachDiagnostic, lintGutter } from "@codemirror/lint";
import { StateEffect, type EditorState } from "@codemirror/state";
import type { BuildDiagnostic } from "@ohmcloud/api-client";
import { describe, expect, it } from "vitest";
import { SketchDocuments } from "./sketch-documents";

const error = (file: string, line: number): BuildDiagnostic => ({
  file,
  line,
  column: 1,
  severity: "error",
  message: `error in ${file}`,
});

function markers(state: EditorState): { from: number; message: string }[] {
  const found: { from: number; message: string }[] = [];
  forEachDiagnostic(state, (d, from) => found.push({ from, message: d.message }));
  return found;
}

/** Runs a command on a state without a view, returning the new state. */
function run(state: EditorState, command: typeof undo): EditorState {
  let next = state;
  command({ state, dispatch: (tr) => (next = tr.state) });
  return next;
}

describe("SketchDocuments", () => {
  it("creates each document once and keeps what was stored, undo history included", () => {
    const documents = new SketchDocuments([history()]);
    const first = documents.state("sketch.ino", "void setup() {}");
    expect(documents.state("sketch.ino", "other text")).toBe(first);
    const edited = first.update({ changes: { from: 0, insert: "// hi\n" } }).state;
    documents.store("sketch.ino", edited);
    documents.state("pins.h", "#define LED 13");
    const back = documents.state("sketch.ino", "");
    expect(back.doc.toString()).toBe("// hi\nvoid setup() {}");
    expect(run(back, undo).doc.toString()).toBe("void setup() {}");
    expect(documents.text("pins.h")).toBe("#define LED 13");
    expect(documents.files()).toEqual(["sketch.ino", "pins.h"]);
  });

  it("renames a document with its history and deletes one", () => {
    const documents = new SketchDocuments([history()]);
    const state = documents.state("a.h", "x");
    documents.store("a.h", state.update({ changes: { from: 1, insert: "y" } }).state);
    documents.rename("a.h", "b.h");
    expect(documents.has("a.h")).toBe(false);
    expect(run(documents.state("b.h", ""), undo).doc.toString()).toBe("x");
    documents.delete("b.h");
    expect(documents.has("b.h")).toBe(false);
    expect(documents.state("b.h", "new").doc.toString()).toBe("new");
  });

  it("places each file's diagnostics once per build and keeps them through edits", () => {
    const documents = new SketchDocuments([lintGutter()]);
    documents.state("sketch.ino", "line 1\nline 2\n");
    documents.state("pins.h", "a\nb\nc\n");
    const build = [error("sketch.ino", 2), error("pins.h", 3), error("other.h", 1)];
    documents.placeDiagnostics("pins.h", build);
    const pins = documents.state("pins.h", "");
    expect(markers(pins)).toEqual([{ from: 4, message: "error in pins.h" }]);

    // An edit moves the marker; the same build is not placed again, a new one is.
    documents.store("pins.h", pins.update({ changes: { from: 0, insert: "// top\n" } }).state);
    documents.placeDiagnostics("pins.h", build);
    expect(markers(documents.state("pins.h", ""))).toEqual([
      { from: 11, message: "error in pins.h" },
    ]);
    documents.placeDiagnostics("pins.h", []);
    expect(diagnosticCount(documents.state("pins.h", ""))).toBe(0);

    const shown = documents.state("sketch.ino", "");
    const update = documents.diagnosticsUpdate("sketch.ino", shown, build)!;
    expect(markers(shown.update(update).state)).toEqual([
      { from: 7, message: "error in sketch.ino" },
    ]);
    expect(documents.diagnosticsUpdate("sketch.ino", shown, build)).toBeNull();
    expect(documents.diagnosticsUpdate("missing.h", shown, build)).toBeNull();
  });

  it("remembers the scroll position a tab was left at", () => {
    const documents = new SketchDocuments([]);
    const state = documents.state("a.h", "");
    expect(documents.scroll("a.h")).toBeNull();
    // EditorView.scrollSnapshot() needs a laid-out view; any effect is stored the same way.
    const snapshot = StateEffect.define<number>().of(120);
    documents.store("a.h", state, snapshot);
    expect(documents.scroll("a.h")).toBe(snapshot);
    documents.store("a.h", state);
    expect(documents.scroll("a.h")).toBe(snapshot);
  });
});

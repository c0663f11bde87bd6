// @vitest-environment happy-dom
import { currentCompletions, startCompletion } from "@codemirror/autocomplete";
import { undo } from "@codemirror/commands";
import type { BuildDiagnostic } from "@ohmcloud/api-client";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { EditorView } from "codemirror";
import { afterEach, describe, expect, it } from "vitest";
import { MAIN_TAB } from "../sketch/examples";
import { deleteQuestion, SketchEditor } from "./SketchEditor";
import type { SketchFiles } from "../project/project-file";

afterEach(cleanup);

const FILES: SketchFiles = {
  [MAIN_TAB]: '#include "pins.h"\nvoid setup() {\n  pinMode(LED, OUTPUT);\n}\nvoid loop() {}\n',
  "pins.h": "#define LED 13\n",
};

interface Harness {
  readonly changes: SketchFiles[];
  readonly runs: number[];
  readonly questions: string[];
  rerender: (diagnostics: readonly BuildDiagnostic[]) => void;
}

function renderEditor(
  files: SketchFiles = FILES,
  { answer = true, diagnostics = [] as readonly BuildDiagnostic[] } = {},
): Harness {
  const harness = {
    changes: [] as SketchFiles[],
    runs: [] as number[],
    questions: [] as string[],
  };
  const element = (d: readonly BuildDiagnostic[]) => (
    <SketchEditor
      initialFiles={files}
      diagnostics={d}
      onChange={(next) => harness.changes.push(next)}
      onRun={() => harness.runs.push(1)}
      confirm={(question) => {
        harness.questions.push(question);
        return answer;
      }}
    >
      <p>build size</p>
    </SketchEditor>
  );
  const { rerender } = render(element(diagnostics));
  return { ...harness, rerender: (d) => rerender(element(d)) };
}

/** The CodeMirror view in the page (the real one: CodeMirror runs in happy-dom). */
function editor(): EditorView {
  const dom = screen.getByTestId("code-editor").querySelector<HTMLElement>(".cm-editor")!;
  return EditorView.findFromDOM(dom)!;
}

/** Types `text` at the cursor as a keyboard would (a user input transaction). */
function type(text: string) {
  const view = editor();
  act(() => view.dispatch(view.state.replaceSelection(text), { userEvent: "input.type" }));
}

function moveCursorTo(pos: number) {
  act(() => editor().dispatch({ selection: { anchor: pos } }));
}

const tab = (name: string) => screen.getByRole("tab", { name: new RegExp(`^${name}`) });
const shownText = () => editor().state.doc.toString();

function addFile(name: string) {
  fireEvent.click(screen.getByRole("button", { name: "Add a file" }));
  const field = screen.getByRole("textbox", { name: "Name of the new file" });
  fireEvent.change(field, { target: { value: name } });
  fireEvent.keyDown(field, { key: "Enter" });
}

describe("SketchEditor tabs", () => {
  it("shows a tab per file, the main tab first and not removable", () => {
    renderEditor({ "pins.h": "", [MAIN_TAB]: "void setup() {}" });
    expect(screen.getAllByRole("tab").map((t) => t.textContent)).toEqual([MAIN_TAB, "pins.h"]);
    expect(tab(MAIN_TAB).getAttribute("aria-selected")).toBe("true");
    expect(screen.queryByRole("button", { name: `Delete ${MAIN_TAB}` })).toBeNull();
    expect(screen.getByRole("button", { name: "Delete pins.h" })).toBeTruthy();
    expect(shownText()).toBe("void setup() {}");
    expect(screen.getByText("build size")).toBeTruthy();
  });

  it("adds a file, switches to it and reports every file", () => {
    const { changes } = renderEditor();
    addFile("motor.cpp");
    expect(tab("motor.cpp").getAttribute("aria-selected")).toBe("true");
    expect(shownText()).toBe("");
    expect(changes.at(-1)).toEqual({ ...FILES, "motor.cpp": "" });
    expect(document.activeElement).toBe(editor().contentDOM);
    // happy-dom fires selectionchange synchronously while CodeMirror writes the selection of a
    // focused editor, which CodeMirror (like browsers) expects later: type unfocused.
    act(() => editor().contentDOM.blur());
    type("void spin() {}");
    expect(changes.at(-1)).toEqual({ ...FILES, "motor.cpp": "void spin() {}" });
  });

  it("says why a new file's name cannot be used and keeps the field open", () => {
    const { changes } = renderEditor();
    addFile("Pins.h");
    expect(screen.getByRole("alert").textContent).toBe("There is already a file named pins.h.");
    const field = screen.getByRole("textbox", { name: "Name of the new file" });
    fireEvent.change(field, { target: { value: "notes.txt" } });
    expect(screen.queryByRole("alert")).toBeNull();
    fireEvent.keyDown(field, { key: "Enter" });
    expect(screen.getByRole("alert").textContent).toMatch(/ends in .ino, .h, .hpp, .c or .cpp/);
    fireEvent.keyDown(field, { key: "Escape" });
    expect(screen.queryByRole("textbox", { name: "Name of the new file" })).toBeNull();
    expect(changes).toEqual([]);
  });

  it("renames a file on double-click and keeps its text and history", () => {
    const { changes } = renderEditor();
    fireEvent.click(tab("pins.h"));
    type("// pins\n");
    fireEvent.doubleClick(tab("pins.h"));
    const field = screen.getByRole("textbox", { name: "New name for pins.h" });
    fireEvent.change(field, { target: { value: "board.h" } });
    fireEvent.keyDown(field, { key: "Enter" });
    expect(screen.getAllByRole("tab").map((t) => t.textContent)).toEqual([MAIN_TAB, "board.h"]);
    expect(tab("board.h").getAttribute("aria-selected")).toBe("true");
    expect(changes.at(-1)).toEqual({
      [MAIN_TAB]: FILES[MAIN_TAB],
      "board.h": "// pins\n#define LED 13\n",
    });
    act(() => void undo(editor()));
    expect(shownText()).toBe(FILES["pins.h"]);
    fireEvent.doubleClick(tab(MAIN_TAB));
    expect(screen.queryByRole("textbox", { name: /New name/ })).toBeNull();
  });

  it("asks before deleting a file with code, and shows the main tab after", () => {
    const refused = renderEditor(FILES, { answer: false });
    fireEvent.click(tab("pins.h"));
    fireEvent.click(screen.getByRole("button", { name: "Delete pins.h" }));
    expect(refused.questions).toEqual([deleteQuestion("pins.h")]);
    expect(screen.getAllByRole("tab")).toHaveLength(2);
    cleanup();

    const agreed = renderEditor(FILES, { answer: true });
    fireEvent.click(tab("pins.h"));
    fireEvent.click(screen.getByRole("button", { name: "Delete pins.h" }));
    expect(screen.getAllByRole("tab").map((t) => t.textContent)).toEqual([MAIN_TAB]);
    expect(tab(MAIN_TAB).getAttribute("aria-selected")).toBe("true");
    expect(shownText()).toBe(FILES[MAIN_TAB]);
    expect(agreed.changes.at(-1)).toEqual({ [MAIN_TAB]: FILES[MAIN_TAB] });
  });

  it("deletes an empty file without asking", () => {
    const { questions, changes } = renderEditor();
    addFile("empty.h");
    fireEvent.keyDown(tab("empty.h"), { key: "Delete" });
    expect(questions).toEqual([]);
    expect(changes.at(-1)).toEqual(FILES);
  });

  it("keeps each tab's text, cursor and undo history while switching", () => {
    const { changes } = renderEditor();
    moveCursorTo(FILES[MAIN_TAB]!.length);
    type("// main edit\n");
    fireEvent.click(tab("pins.h"));
    expect(shownText()).toBe(FILES["pins.h"]);
    type("#define BUTTON 2\n");
    expect(changes.at(-1)).toEqual({
      [MAIN_TAB]: `${FILES[MAIN_TAB]}// main edit\n`,
      "pins.h": "#define BUTTON 2\n#define LED 13\n",
    });
    fireEvent.keyDown(tab("pins.h"), { key: "ArrowLeft" });
    expect(tab(MAIN_TAB).getAttribute("aria-selected")).toBe("true");
    expect(shownText()).toBe(`${FILES[MAIN_TAB]}// main edit\n`);
    expect(editor().state.selection.main.head).toBe(shownText().length);
    act(() => void undo(editor()));
    expect(shownText()).toBe(FILES[MAIN_TAB]);
    fireEvent.click(tab("pins.h"));
    act(() => void undo(editor()));
    expect(shownText()).toBe(FILES["pins.h"]);
  });
});

describe("SketchEditor diagnostics", () => {
  const build: BuildDiagnostic[] = [
    { file: "pins.h", line: 1, column: 9, severity: "error", message: "'LED' redefined" },
    { file: MAIN_TAB, line: 3, column: 3, severity: "warning", message: "unused value" },
    { file: null, line: null, column: null, severity: "error", message: "undefined reference" },
  ];

  it("marks the tabs with problems and shows each file's markers in its own tab", () => {
    const harness = renderEditor();
    harness.rerender(build);
    expect(within(tab("pins.h")).getByTestId("tab-marker").title).toBe("1 error");
    expect(within(tab(MAIN_TAB)).getByTestId("tab-marker").title).toBe("1 warning");
    const markers = () =>
      [...screen.getByTestId("code-editor").querySelectorAll(".cm-lintRange")].map(
        (m) => m.textContent,
      );
    expect(markers()).toEqual(["pinMode"]);
    fireEvent.click(tab("pins.h"));
    expect(markers()).toEqual(["LED"]);
    harness.rerender([]);
    expect(screen.queryByTestId("tab-marker")).toBeNull();
    expect(markers()).toEqual([]);
    fireEvent.click(tab(MAIN_TAB));
    expect(markers()).toEqual([]);
  });

  it("opens a problem's tab at its line from the problems list", () => {
    renderEditor(FILES, { diagnostics: build });
    const problems = within(screen.getByTestId("problems"));
    expect(problems.getAllByRole("button")).toHaveLength(2); // not the one without a file
    fireEvent.click(problems.getByRole("button", { name: /pins\.h:1:9/ }));
    expect(tab("pins.h").getAttribute("aria-selected")).toBe("true");
    expect(editor().state.selection.main.head).toBe(8);
    expect(document.activeElement).toBe(editor().contentDOM);
    act(() => editor().contentDOM.blur()); // see "adds a file": happy-dom and a focused editor
    fireEvent.click(problems.getByRole("button", { name: /sketch\.ino:3:3/ }));
    expect(tab(MAIN_TAB).getAttribute("aria-selected")).toBe("true");
    const line3 = editor().state.doc.line(3);
    expect(editor().state.selection.main.head).toBe(line3.from + 2);
  });
});

describe("SketchEditor keys and completions", () => {
  it("runs on Ctrl+Enter in the code and in the tab bar, without a new line", () => {
    const { runs } = renderEditor();
    const content = screen.getByTestId("code-editor").querySelector(".cm-content")!;
    fireEvent.keyDown(content, { key: "Enter", ctrlKey: true });
    expect(runs).toHaveLength(1);
    expect(shownText()).toBe(FILES[MAIN_TAB]);
    fireEvent.keyDown(tab("pins.h"), { key: "Enter", ctrlKey: true });
    expect(runs).toHaveLength(2);
  });

  it("offers the Arduino API, Serial's members and the other files' names", async () => {
    renderEditor({
      [MAIN_TAB]: "#include <Servo.h>\nServo arm;\nvoid loop() {\n  \n}\n",
      "pins.h": "#define LED_PIN 9\n",
    });
    const inLoop = editor().state.doc.line(4).to;
    moveCursorTo(inLoop);
    type("digitalW");
    act(() => void startCompletion(editor()));
    await waitFor(() =>
      expect(currentCompletions(editor().state).map((c) => c.label)).toContain("digitalWrite"),
    );
    expect(document.querySelector(".cm-tooltip-autocomplete")?.textContent).toContain(
      "digitalWrite",
    );

    type("rite(LED_");
    act(() => void startCompletion(editor()));
    await waitFor(() =>
      expect(currentCompletions(editor().state).map((c) => c.label)).toEqual(
        expect.arrayContaining(["LED_PIN", "LED_BUILTIN"]),
      ),
    );

    type("PIN, HIGH);\n  arm.");
    act(() => void startCompletion(editor()));
    await waitFor(() =>
      expect(currentCompletions(editor().state).map((c) => c.label)).toContain("writeMicroseconds"),
    );
    expect(currentCompletions(editor().state).map((c) => c.label)).not.toContain("pinMode");
  });

  it("offers nothing in a comment", async () => {
    renderEditor({ [MAIN_TAB]: "// digi" });
    moveCursorTo(7);
    act(() => void startCompletion(editor()));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(currentCompletions(editor().state)).toEqual([]);
  });
});

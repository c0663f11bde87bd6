/**
 * The sketch editor: a tab per file of the sketch (SketchTabs), one CodeMirror view that shows the
 * chosen tab's document (SketchDocuments keeps each tab's text, undo history, cursor and scroll),
 * build diagnostics placed in their own file's tab, and the problems list, whose entries open
 * their tab at their line. Ctrl+Enter (Cmd+Enter) runs from the code and from the tab bar.
 *
 * The files are the editor's own after it mounts (read from `initialFiles`): the parent hears
 * every change through `onChange` and gives the component a new `key` to load another sketch.
 * Edits never reach a running simulation; the parent builds what `onChange` last reported.
 */
import type { BuildDiagnostic } from "@ohmcloud/api-client";
import type { SketchFiles } from "../project/project-file";
import { EditorView } from "codemirror";
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from "react";
import { MAIN_TAB } from "../sketch/examples";
import { sketchEditorExtensions, type EditorCallbacks } from "./editor-setup";
import { ProblemsList } from "./ProblemsList";
import { SketchDocuments } from "./sketch-documents";
import { addFile, deleteFile, renameFile, tabOrder } from "./sketch-files";
import { SketchTabs, tabId, type TabMarker } from "./SketchTabs";
import "./sketch-editor.css";

export interface SketchEditorProps {
  /** File name → text, with {@link MAIN_TAB}; read when the editor mounts. */
  readonly initialFiles: SketchFiles;
  /** The last build's diagnostics; each is shown in the tab of its `file`. */
  readonly diagnostics: readonly BuildDiagnostic[];
  /** Every file, after each edit, addition, rename or deletion. */
  readonly onChange: (files: SketchFiles) => void;
  /** Ctrl+Enter / Cmd+Enter. */
  readonly onRun: () => void;
  /** Asks before a file with text is deleted (default `window.confirm`). */
  readonly confirm?: (question: string) => boolean;
  /** Shown between the code and the problems list (e.g. the build's size). */
  readonly children?: ReactNode;
}

/** The question asked before a file is deleted. */
export function deleteQuestion(name: string): string {
  return `Delete ${name}? Its code is lost.`;
}

export function SketchEditor({
  initialFiles,
  diagnostics,
  onChange,
  onRun,
  confirm = (question) => window.confirm(question),
  children,
}: SketchEditorProps) {
  const [files, setFiles] = useState<SketchFiles>(() => ({
    [MAIN_TAB]: initialFiles[MAIN_TAB] ?? "",
    ...initialFiles,
  }));
  const [active, setActive] = useState(MAIN_TAB);
  const panelId = useId();
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);

  // What the editor's extensions and event handlers read: always the latest.
  const latest = useRef({ files, active, onChange, onRun, diagnostics });
  useEffect(() => {
    latest.current.onChange = onChange;
    latest.current.onRun = onRun;
    latest.current.diagnostics = diagnostics;
  });

  const [documents] = useState(() => {
    const callbacks: EditorCallbacks = {
      onChange: (text) => update({ ...latest.current.files, [latest.current.active]: text }),
      onRun: () => latest.current.onRun(),
      file: () => latest.current.active,
      otherFiles: () =>
        Object.entries(latest.current.files)
          .filter(([name]) => name !== latest.current.active)
          .map(([, text]) => text),
    };
    return new SketchDocuments(sketchEditorExtensions(() => callbacks));
  });

  /** The new files: kept, shown and reported. */
  function update(next: SketchFiles) {
    latest.current.files = next;
    setFiles(next);
    latest.current.onChange(next);
  }

  /**
   * Shows `name`'s document, keeping the one shown so far (its state and scroll position) unless
   * `keepCurrent` is false (it is being deleted).
   */
  function show(name: string, keepCurrent = true) {
    const editor = view.current;
    const current = latest.current.active;
    latest.current.active = name;
    setActive(name);
    if (!editor || (keepCurrent && current === name)) return;
    if (keepCurrent) documents.store(current, editor.state, editor.scrollSnapshot());
    editor.setState(documents.state(name, latest.current.files[name] ?? ""));
    const placed = documents.diagnosticsUpdate(name, editor.state, latest.current.diagnostics);
    if (placed) editor.dispatch(placed);
    const scroll = documents.scroll(name);
    if (scroll) editor.dispatch({ effects: scroll });
  }

  useEffect(() => {
    const refs = latest.current; // one object for the component's life, its fields kept current
    const editor = new EditorView({
      state: documents.state(refs.active, refs.files[refs.active] ?? ""),
      parent: host.current!,
    });
    view.current = editor;
    return () => {
      documents.store(refs.active, editor.state, editor.scrollSnapshot());
      editor.destroy();
      view.current = null;
    };
  }, [documents]);

  // A new build: its markers go into every tab (the shown one through the view).
  useEffect(() => {
    const editor = view.current;
    for (const name of documents.files())
      if (name !== latest.current.active) documents.placeDiagnostics(name, diagnostics);
    if (!editor) return;
    const placed = documents.diagnosticsUpdate(latest.current.active, editor.state, diagnostics);
    if (placed) editor.dispatch(placed);
  }, [diagnostics, documents]);

  const add = (name: string) => {
    update(addFile(latest.current.files, name));
    show(name);
    focusCode.current = true;
  };
  const rename = (from: string, to: string) => {
    documents.rename(from, to);
    if (latest.current.active === from) {
      latest.current.active = to;
      setActive(to);
      view.current?.dispatch({}); // the code's aria-label names the file
    }
    update(renameFile(latest.current.files, from, to));
  };
  const remove = (name: string) => {
    const text = latest.current.files[name] ?? "";
    if (text.trim() !== "" && !confirm(deleteQuestion(name))) return;
    if (latest.current.active === name) show(MAIN_TAB, false);
    documents.delete(name);
    update(deleteFile(latest.current.files, name));
  };

  /** Opens the diagnostic's tab and puts the cursor at its line and column. */
  const reveal = (diagnostic: BuildDiagnostic) => {
    if (diagnostic.file === null || !(diagnostic.file in latest.current.files)) return;
    show(diagnostic.file);
    const editor = view.current;
    if (!editor || diagnostic.line === null) return;
    const { doc } = editor.state;
    const line = doc.line(Math.min(Math.max(diagnostic.line, 1), doc.lines));
    const column = Math.min(Math.max((diagnostic.column ?? 1) - 1, 0), line.length);
    editor.dispatch({
      selection: { anchor: line.from + column },
      effects: EditorView.scrollIntoView(line.from + column, { y: "center" }),
    });
    editor.focus();
  };

  // The code takes the focus once the tab bar's name field is gone.
  const focusCode = useRef(false);
  useEffect(() => {
    if (!focusCode.current) return;
    focusCode.current = false;
    view.current?.focus();
  });

  const markers = useMemo(() => problemCounts(diagnostics), [diagnostics]);

  return (
    <div
      className="ar-sketch-editor"
      onKeyDown={(event) => {
        // Ctrl+Enter outside the code (the code's own keymap handles it there and prevents this).
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.defaultPrevented) {
          event.preventDefault();
          onRun();
        }
      }}
    >
      <SketchTabs
        names={tabOrder(files)}
        active={active}
        markers={markers}
        panelId={panelId}
        onSelect={(name) => show(name)}
        onAdd={add}
        onRename={rename}
        onDelete={remove}
      />
      <div
        className="ar-code"
        ref={host}
        id={panelId}
        role="tabpanel"
        aria-labelledby={tabId(panelId, active)}
        data-testid="code-editor"
      />
      {children}
      <ProblemsList diagnostics={diagnostics} onSelect={reveal} canShow={(file) => file in files} />
    </div>
  );
}

/** Errors and warnings per file. */
export function problemCounts(diagnostics: readonly BuildDiagnostic[]): Record<string, TabMarker> {
  const counts: Record<string, { errors: number; warnings: number }> = {};
  for (const d of diagnostics) {
    if (d.file === null) continue;
    const count = (counts[d.file] ??= { errors: 0, warnings: 0 });
    if (d.severity === "error") count.errors += 1;
    else if (d.severity === "warning") count.warnings += 1;
  }
  return counts;
}

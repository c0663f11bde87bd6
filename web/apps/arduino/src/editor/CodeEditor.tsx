/**
 * A one-file sketch editor: CodeMirror 6 with the sketch editor's setup (editor-setup.ts: C++,
 * Arduino completions, Ctrl+Enter runs) and lint markers from the last build. CodeMirror owns the
 * text; the parent hears every change through `onChange` and reads the text when it builds, so a
 * running simulation never sees edits until the next run. SketchEditor is the multi-tab editor.
 */
import { setDiagnostics } from "@codemirror/lint";
import type { BuildDiagnostic } from "@ohmcloud/api-client";
import { EditorView } from "codemirror";
import { useEffect, useRef } from "react";
import { lintDiagnostics } from "./build-report";
import { sketchEditorExtensions } from "./editor-setup";

export interface CodeEditorProps {
  /** The text the editor opens with; later changes of this prop are ignored (CodeMirror owns the text). */
  readonly initialText: string;
  /** The file the build names in its diagnostics ("sketch.ino" for the main tab). */
  readonly file: string;
  readonly diagnostics: readonly BuildDiagnostic[];
  readonly onChange: (text: string) => void;
  /** Ctrl+Enter / Cmd+Enter. */
  readonly onRun: () => void;
}

export function CodeEditor({ initialText, file, diagnostics, onChange, onRun }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The latest callbacks, read by the editor's extensions (created once).
  const callbacks = useRef({ onChange, onRun, file: () => file, otherFiles: () => [] });
  useEffect(() => {
    callbacks.current = { onChange, onRun, file: () => file, otherFiles: () => [] };
  });

  useEffect(() => {
    const editor = new EditorView({
      doc: initialText,
      parent: host.current!,
      extensions: sketchEditorExtensions(() => callbacks.current),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is created once per file; its text is its own from then on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    editor.dispatch(
      setDiagnostics(editor.state, lintDiagnostics(editor.state.doc, diagnostics, file)),
    );
  }, [diagnostics, file]);

  return <div className="ar-code" ref={host} data-testid="code-editor" />;
}

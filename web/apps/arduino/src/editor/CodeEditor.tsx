/**
 * The sketch editor: CodeMirror 6 with C++ highlighting, lint markers from the last build and
 * Ctrl+Enter (Cmd+Enter) to build and run. CodeMirror owns the text; the parent hears every change
 * through `onChange` and reads the text when it builds, so a running simulation never sees edits
 * until the next run.
 */
import { cpp } from "@codemirror/lang-cpp";
import { lintGutter, setDiagnostics } from "@codemirror/lint";
import { Prec } from "@codemirror/state";
import { keymap } from "@codemirror/view";
import type { BuildDiagnostic } from "@ohmcloud/api-client";
import { basicSetup, EditorView } from "codemirror";
import { useEffect, useRef } from "react";
import { lintDiagnostics } from "./build-report";

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
  const callbacks = useRef({ onChange, onRun });
  useEffect(() => {
    callbacks.current = { onChange, onRun };
  });

  useEffect(() => {
    const editor = new EditorView({
      doc: initialText,
      parent: host.current!,
      extensions: [
        basicSetup,
        cpp(),
        lintGutter(),
        // Above basicSetup's own Mod-Enter (insert blank line).
        Prec.highest(
          keymap.of([
            {
              key: "Mod-Enter",
              run: () => {
                callbacks.current.onRun();
                return true;
              },
            },
          ]),
        ),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) callbacks.current.onChange(update.state.doc.toString());
        }),
        EditorView.contentAttributes.of({ "aria-label": `Code of ${file}` }),
      ],
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

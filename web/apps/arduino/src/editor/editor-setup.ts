/**
 * The sketch editor's CodeMirror setup, shared by every tab: C++ highlighting, build diagnostics in
 * the gutter, Arduino completions, Ctrl+Enter (Cmd+Enter) to build and run, and a listener that
 * reports each edit. Callbacks are read through getters so the extensions are created once.
 */
import { cpp, cppLanguage } from "@codemirror/lang-cpp";
import { lintGutter } from "@codemirror/lint";
import { Prec, type Extension } from "@codemirror/state";
import { keymap } from "@codemirror/view";
import { basicSetup, EditorView } from "codemirror";
import { arduinoCompletionSource } from "./arduino-completion-source";

export interface EditorCallbacks {
  /** The document's text after an edit. */
  readonly onChange: (text: string) => void;
  /** Ctrl+Enter / Cmd+Enter. */
  readonly onRun: () => void;
  /** The name of the file being edited, for screen readers. */
  readonly file: () => string;
  /** The texts of the sketch's other files, whose declarations are completed too. */
  readonly otherFiles: () => readonly string[];
}

export function sketchEditorExtensions(callbacks: () => EditorCallbacks): Extension {
  return [
    basicSetup,
    cpp(),
    cppLanguage.data.of({
      autocomplete: arduinoCompletionSource(() => callbacks().otherFiles()),
    }),
    lintGutter(),
    // Above basicSetup's own Mod-Enter (insert blank line).
    Prec.highest(
      keymap.of([
        {
          key: "Mod-Enter",
          run: () => {
            callbacks().onRun();
            return true;
          },
        },
      ]),
    ),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) callbacks().onChange(update.state.doc.toString());
    }),
    EditorView.contentAttributes.of(() => ({ "aria-label": `Code of ${callbacks().file()}` })),
  ];
}

/**
 * One CodeMirror document per tab: each file keeps its own EditorState (text, undo history,
 * selection) and scroll position while another tab is shown, so one EditorView can switch between
 * them. Plain state handling, no DOM, so switching, renaming and diagnostics are unit-tested.
 */
import { setDiagnostics } from "@codemirror/lint";
import {
  EditorState,
  type Extension,
  type StateEffect,
  type TransactionSpec,
} from "@codemirror/state";
import type { BuildDiagnostic } from "@ohmcloud/api-client";
import { lintDiagnostics } from "./build-report";

interface Document {
  state: EditorState;
  /** `EditorView.scrollSnapshot()` taken when the tab was left; restores its scroll position. */
  scroll: StateEffect<unknown> | null;
  /** The build diagnostics last placed in this document (placed once, then mapped through edits). */
  diagnostics: readonly BuildDiagnostic[] | null;
}

export class SketchDocuments {
  private readonly documents = new Map<string, Document>();

  /** `extensions` are given to every document (the editor's setup, shared by all tabs). */
  constructor(private readonly extensions: Extension) {}

  /** The document of `file`, created with `text` the first time it is asked for. */
  state(file: string, text: string): EditorState {
    let document = this.documents.get(file);
    if (!document) {
      document = {
        state: EditorState.create({ doc: text, extensions: this.extensions }),
        scroll: null,
        diagnostics: null,
      };
      this.documents.set(file, document);
    }
    return document.state;
  }

  has(file: string): boolean {
    return this.documents.has(file);
  }

  /** Keeps the state the view shows for `file` (and its scroll position) when the tab is left. */
  store(file: string, state: EditorState, scroll: StateEffect<unknown> | null = null): void {
    const document = this.documents.get(file);
    if (document) Object.assign(document, { state, scroll: scroll ?? document.scroll });
    else this.documents.set(file, { state, scroll, diagnostics: null });
  }

  /** The scroll position stored for `file`, if any. */
  scroll(file: string): StateEffect<unknown> | null {
    return this.documents.get(file)?.scroll ?? null;
  }

  text(file: string): string | undefined {
    return this.documents.get(file)?.state.doc.toString();
  }

  /** Moves `from`'s document to `to`, with its text, undo history, selection and markers. */
  rename(from: string, to: string): void {
    const document = this.documents.get(from);
    if (!document) return;
    this.documents.delete(from);
    this.documents.set(to, document);
  }

  delete(file: string): void {
    this.documents.delete(file);
  }

  /**
   * The transaction that places a build's diagnostics in `state`, the current state of `file`'s
   * document, or null when they are placed already: markers are placed once per build, then
   * CodeMirror moves them along with edits. Marks them placed.
   */
  diagnosticsUpdate(
    file: string,
    state: EditorState,
    diagnostics: readonly BuildDiagnostic[],
  ): TransactionSpec | null {
    const document = this.documents.get(file);
    if (!document || document.diagnostics === diagnostics) return null;
    document.diagnostics = diagnostics;
    return setDiagnostics(state, lintDiagnostics(state.doc, diagnostics, file));
  }

  /** Places a build's diagnostics in the stored state of `file` (a tab not being shown). */
  placeDiagnostics(file: string, diagnostics: readonly BuildDiagnostic[]): void {
    const document = this.documents.get(file);
    if (!document) return;
    const update = this.diagnosticsUpdate(file, document.state, diagnostics);
    if (update) document.state = document.state.update(update).state;
  }

  /** The files that have a document. */
  files(): string[] {
    return [...this.documents.keys()];
  }
}

/** The editor's toolbar: the file menu (New, Open, Save, Examples, export, print), undo and redo. */
import { useRef, useState, useSyncExternalStore } from "react";
import type { Schematic } from "@ohmcloud/canvas";
import type { EditorStore } from "./editor-store";
import { EXAMPLES, newSchematic, readSchematic, type ExampleEntry } from "./documents";

export interface ToolbarProps {
  readonly store: EditorStore;
  /** Asks before unsaved changes are thrown away; `window.confirm` by default. */
  readonly confirmDiscard?: (message: string) => boolean;
  /** A document was opened (New, Open, an example): `analyses` are the example's. */
  readonly onOpened?: (schematic: Schematic, example?: ExampleEntry) => void;
  readonly onSave: () => void;
  readonly onExportSvg: () => void;
  readonly onExportPng: () => void;
  /** Prints the sheet with its title block (the print stylesheet shows nothing else). */
  readonly onPrint?: () => void;
}

const DISCARD = "Discard the unsaved changes to this schematic?";

function defaultConfirm(message: string): boolean {
  return typeof window.confirm === "function" ? window.confirm(message) : true;
}

export function Toolbar(props: ToolbarProps) {
  return (
    <div className="oc-toolbar" role="toolbar" aria-label="Schematic">
      <FileMenu {...props} />
      <UndoButtons store={props.store} />
    </div>
  );
}

export function FileMenu({
  store,
  confirmDiscard = defaultConfirm,
  onOpened,
  onSave,
  onExportSvg,
  onExportPng,
  onPrint,
}: ToolbarProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [examplesOpen, setExamplesOpen] = useState(false);

  function replace(schematic: Schematic, example?: ExampleEntry): void {
    if (store.getSnapshot().dirty && !confirmDiscard(DISCARD)) return;
    store.load(schematic);
    setMessage(null);
    onOpened?.(schematic, example);
  }

  async function openFile(file: File): Promise<void> {
    try {
      replace(readSchematic(await file.text()));
    } catch (error) {
      setMessage(`${file.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return (
    <>
      <button type="button" data-testid="toolbar-new" onClick={() => replace(newSchematic())}>
        New
      </button>
      <button type="button" data-testid="toolbar-open" onClick={() => fileInput.current?.click()}>
        Open…
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="toolbar-open-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          if (file !== undefined) void openFile(file);
        }}
      />
      <button type="button" data-testid="toolbar-save" onClick={onSave}>
        Save
      </button>
      <div className="oc-menu">
        <button
          type="button"
          data-testid="examples-menu"
          aria-haspopup="menu"
          aria-expanded={examplesOpen}
          onClick={() => setExamplesOpen((open) => !open)}
        >
          Examples ▾
        </button>
        {examplesOpen && (
          <ul className="oc-menu-list" role="menu">
            {EXAMPLES.map((example) => (
              <li key={example.slug} role="none">
                <button
                  type="button"
                  role="menuitem"
                  data-testid={`example-${example.slug}`}
                  title={example.description}
                  onClick={() => {
                    setExamplesOpen(false);
                    replace(example.file.schematic, example);
                  }}
                >
                  {example.title}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" data-testid="export-sheet-svg" onClick={onExportSvg}>
        Export SVG
      </button>
      <button type="button" data-testid="export-sheet-png" onClick={onExportPng}>
        Export PNG
      </button>
      {onPrint !== undefined && (
        <button type="button" data-testid="toolbar-print" onClick={onPrint}>
          Print…
        </button>
      )}
      {message !== null && (
        <span className="oc-error" role="alert">
          {message}
        </span>
      )}
    </>
  );
}

function UndoButtons({ store }: { store: EditorStore }) {
  const { canUndo, canRedo, dirty } = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return (
    <>
      <button
        type="button"
        data-testid="toolbar-undo"
        disabled={!canUndo}
        onClick={() => store.undo()}
      >
        Undo
      </button>
      <button
        type="button"
        data-testid="toolbar-redo"
        disabled={!canRedo}
        onClick={() => store.redo()}
      >
        Redo
      </button>
      <span className="oc-muted" data-testid="toolbar-status">
        {dirty ? "Unsaved changes" : "Saved"}
      </span>
    </>
  );
}

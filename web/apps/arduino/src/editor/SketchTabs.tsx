/**
 * The tab bar of a sketch's files: the main tab first (never renamed or deleted), a marker on tabs
 * with build errors or warnings, "+" to add a file, double-click (or F2) to rename, × (or Delete)
 * to delete. Names are typed in an inline field and checked by sketch-files.ts before anything
 * changes; the field says what is wrong with a name that cannot be used.
 */
import { useRef, useState, type KeyboardEvent } from "react";
import { MAIN_TAB } from "../sketch/examples";
import { fileNameProblem } from "./sketch-files";

export interface TabMarker {
  readonly errors: number;
  readonly warnings: number;
}

export interface SketchTabsProps {
  /** The files in tab order, the main tab first. */
  readonly names: readonly string[];
  readonly active: string;
  /** Build problems per file name. */
  readonly markers: Readonly<Record<string, TabMarker>>;
  /** The id of the element the tabs show (for aria-controls). */
  readonly panelId: string;
  readonly onSelect: (name: string) => void;
  readonly onAdd: (name: string) => void;
  readonly onRename: (from: string, to: string) => void;
  readonly onDelete: (name: string) => void;
}

type Naming = { readonly kind: "add" } | { readonly kind: "rename"; readonly file: string };

export function SketchTabs({
  names,
  active,
  markers,
  panelId,
  onSelect,
  onAdd,
  onRename,
  onDelete,
}: SketchTabsProps) {
  const [naming, setNaming] = useState<Naming | null>(null);

  const commit = (name: string): string | null => {
    if (naming === null) return null;
    const renaming = naming.kind === "rename" ? naming.file : null;
    if (renaming === name) {
      setNaming(null);
      return null;
    }
    const problem = fileNameProblem(name, names, renaming);
    if (problem !== null) return problem;
    setNaming(null);
    if (renaming === null) onAdd(name);
    else onRename(renaming, name);
    return null;
  };

  const onTabKey = (event: KeyboardEvent, name: string) => {
    const index = names.indexOf(name);
    const move = (to: number) => {
      event.preventDefault();
      const target = names[(to + names.length) % names.length]!;
      onSelect(target);
      document.getElementById(tabId(panelId, target))?.focus();
    };
    if (event.key === "ArrowRight") move(index + 1);
    else if (event.key === "ArrowLeft") move(index - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(names.length - 1);
    else if (event.key === "F2" && name !== MAIN_TAB) {
      event.preventDefault();
      setNaming({ kind: "rename", file: name });
    } else if (event.key === "Delete" && name !== MAIN_TAB) {
      event.preventDefault();
      onDelete(name);
    }
  };

  return (
    <div className="ar-tabbar">
      <div className="ar-tabs" role="tablist" aria-label="Sketch files">
        {names.map((name) =>
          naming?.kind === "rename" && naming.file === name ? (
            <FileNameField
              key={name}
              label={`New name for ${name}`}
              initial={name}
              onCommit={commit}
              onCancel={() => setNaming(null)}
            />
          ) : (
            <span
              key={name}
              className={`ar-tab${name === active ? " ar-tab-active" : ""}`}
              data-testid={`tab-${name}`}
            >
              <button
                type="button"
                role="tab"
                id={tabId(panelId, name)}
                aria-selected={name === active}
                aria-controls={panelId}
                tabIndex={name === active ? 0 : -1}
                className="ar-tab-name"
                title={
                  name === MAIN_TAB
                    ? "The sketch's main file"
                    : `${name}: double-click or F2 to rename, Delete to delete`
                }
                onClick={() => onSelect(name)}
                onDoubleClick={() => name !== MAIN_TAB && setNaming({ kind: "rename", file: name })}
                onKeyDown={(event) => onTabKey(event, name)}
              >
                {name}
                <Marker marker={markers[name]} />
              </button>
              {name !== MAIN_TAB && (
                <button
                  type="button"
                  className="ar-tab-close"
                  aria-label={`Delete ${name}`}
                  title={`Delete ${name}`}
                  tabIndex={-1}
                  onClick={() => onDelete(name)}
                >
                  ×
                </button>
              )}
            </span>
          ),
        )}
      </div>
      {naming?.kind === "add" ? (
        <FileNameField
          label="Name of the new file"
          initial=""
          onCommit={commit}
          onCancel={() => setNaming(null)}
        />
      ) : (
        <button
          type="button"
          className="ar-tab-add"
          aria-label="Add a file"
          title="Add a file (.ino, .h, .hpp, .c or .cpp)"
          onClick={() => setNaming({ kind: "add" })}
        >
          +
        </button>
      )}
    </div>
  );
}

export function tabId(panelId: string, name: string): string {
  return `${panelId}-tab-${name}`;
}

function Marker({ marker }: { readonly marker: TabMarker | undefined }) {
  if (!marker || (marker.errors === 0 && marker.warnings === 0)) return null;
  const text =
    marker.errors > 0
      ? `${marker.errors} ${marker.errors === 1 ? "error" : "errors"}`
      : `${marker.warnings} ${marker.warnings === 1 ? "warning" : "warnings"}`;
  return (
    <span
      className={`ar-tab-marker ar-tab-marker-${marker.errors > 0 ? "error" : "warning"}`}
      title={text}
      data-testid="tab-marker"
    >
      <span aria-hidden="true">●</span>
      <span className="ar-visually-hidden">, {text}</span>
    </span>
  );
}

/**
 * The inline field a file name is typed in: Enter uses it (or shows what is wrong), Escape
 * cancels; leaving the field uses a good name and forgets a bad one.
 */
function FileNameField({
  label,
  initial,
  onCommit,
  onCancel,
}: {
  readonly label: string;
  readonly initial: string;
  readonly onCommit: (name: string) => string | null;
  readonly onCancel: () => void;
}) {
  const [value, setValue] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  // Set once the field has done its job, so the blur of its removal does nothing more.
  const finished = useRef(false);
  const tryCommit = (): string | null => {
    const problem = onCommit(value.trim());
    if (problem === null) finished.current = true;
    return problem;
  };
  return (
    <span className="ar-tab ar-tab-naming">
      <input
        className="ar-tab-input"
        aria-label={label}
        aria-invalid={problem !== null}
        aria-describedby={problem !== null ? "ar-tab-problem" : undefined}
        placeholder="name.h"
        value={value}
        size={Math.max(value.length, 8)}
        spellCheck={false}
        autoFocus
        onFocus={(event) => {
          // Select the name without its extension, as file managers do.
          const dot = event.target.value.lastIndexOf(".");
          event.target.setSelectionRange(0, dot > 0 ? dot : event.target.value.length);
        }}
        onChange={(event) => {
          setValue(event.target.value);
          setProblem(null);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            setProblem(tryCommit());
          } else if (event.key === "Escape") {
            event.preventDefault();
            finished.current = true;
            onCancel();
          }
        }}
        onBlur={() => {
          if (finished.current) return;
          finished.current = true;
          if (value.trim() === "" || tryCommit() !== null) onCancel();
        }}
      />
      {problem !== null && (
        <span id="ar-tab-problem" className="ar-tab-problem" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}

/**
 * The "Examples" menu button: lists the ready projects (title and one line each) and hands the one
 * chosen to `onOpen`. A WAI-ARIA menu button: Enter, Space or the arrow keys open it, the arrows,
 * Home and End move between entries, Enter or Space opens one, Escape or Tab closes the menu.
 * Asking before unsaved work is replaced is the page's business.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { ArduinoProject } from "../project/project-file";
import { EXAMPLES, type Example } from "./catalog";
import "./examples-menu.css";

export interface ExamplesMenuProps {
  readonly onOpen: (project: ArduinoProject, example: Example) => void;
  /** The entries; the catalog's by default. */
  readonly examples?: readonly Example[];
}

export function ExamplesMenu({ onOpen, examples = EXAMPLES }: ExamplesMenuProps) {
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  /** Index of the entry to focus when the menu opens; null while closed. */
  const [focusOnOpen, setFocusOnOpen] = useState<number | null>(null);
  const open = focusOnOpen !== null;

  useEffect(() => {
    if (focusOnOpen !== null) items.current[focusOnOpen]?.focus();
  }, [focusOnOpen]);

  useEffect(() => {
    if (!open) return;
    // A press anywhere outside the menu closes it.
    const closeOutside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setFocusOnOpen(null);
    };
    document.addEventListener("pointerdown", closeOutside);
    return () => document.removeEventListener("pointerdown", closeOutside);
  }, [open]);

  const close = () => {
    setFocusOnOpen(null);
    button.current?.focus();
  };

  const choose = (example: Example) => {
    close();
    onOpen(example.project, example);
  };

  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setFocusOnOpen(event.key === "ArrowDown" ? 0 : examples.length - 1);
    }
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const current = items.current.findIndex((item) => item === document.activeElement);
    const last = examples.length - 1;
    const target = {
      ArrowDown: current >= last ? 0 : current + 1,
      ArrowUp: current <= 0 ? last : current - 1,
      Home: 0,
      End: last,
    }[event.key];
    if (target !== undefined) {
      event.preventDefault();
      items.current[target]?.focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "Tab") {
      setFocusOnOpen(null);
    }
  };

  return (
    <div className="ar-examples" ref={root}>
      <button
        ref={button}
        type="button"
        data-testid="examples-menu"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? setFocusOnOpen(null) : setFocusOnOpen(0))}
        onKeyDown={onButtonKey}
      >
        Examples ▾
      </button>
      {open && (
        <ul
          id={menuId}
          className="ar-examples-list"
          role="menu"
          aria-label="Examples"
          onKeyDown={onMenuKey}
        >
          {examples.map((example, index) => (
            <li key={example.id} role="none">
              <button
                ref={(item) => {
                  items.current[index] = item;
                }}
                type="button"
                role="menuitem"
                tabIndex={-1}
                data-testid={`example-${example.id}`}
                onClick={() => choose(example)}
              >
                <span className="ar-examples-title">{example.title}</span>
                <span className="ar-examples-description">{example.description}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

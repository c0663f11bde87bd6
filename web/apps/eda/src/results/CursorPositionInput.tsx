/**
 * The x of cursor A or B as a field: shows where the cursor is, takes a typed SPICE number on
 * Enter or blur (Escape drops the edit, an empty field removes the cursor). Invalid text stays with
 * an inline error and the cursor stays where it was; a value off the plot is clamped and says so.
 */
import { useState, type KeyboardEvent } from "react";
import { cursorText, readCursorEntry, type XRange } from "./cursor-position";

export interface CursorPositionInputProps {
  which: "a" | "b";
  /** The cursor's x, or null when it is not placed. */
  value: number | null;
  range: XRange | null;
  unit: string;
  /** Places the cursor at x, or removes it (null). */
  onPlace: (x: number | null) => void;
}

export function CursorPositionInput({
  which,
  value,
  range,
  unit,
  onPlace,
}: CursorPositionInputProps) {
  const name = which.toUpperCase();
  // The text being typed; null shows the cursor's position.
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A note belongs to the position it was made for: a click elsewhere retires it.
  const [note, setNote] = useState<{ x: number; text: string } | null>(null);

  const commit = () => {
    if (draft === null) return;
    if (draft.trim() === "") {
      setDraft(null);
      setError(null);
      if (value !== null) onPlace(null);
      return;
    }
    const entry = readCursorEntry(draft, range, unit);
    if (!entry.ok) {
      setError(entry.message);
      return;
    }
    setDraft(null);
    setError(null);
    setNote(entry.note ? { x: entry.x, text: entry.note } : null);
    onPlace(entry.x);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      commit();
    } else if (event.key === "Escape") {
      event.preventDefault();
      setDraft(null);
      setError(null);
    }
  };

  const shownNote = note !== null && note.x === value ? note.text : null;
  return (
    <span className="oc-results-cursor-field">
      <input
        type="text"
        inputMode="decimal"
        spellCheck={false}
        className="oc-results-cursor-input"
        data-testid={`cursor-${which}-input`}
        aria-label={`Cursor ${name} position`}
        aria-invalid={error !== null || undefined}
        aria-describedby={error || shownNote ? `cursor-${which}-message` : undefined}
        placeholder="—"
        value={draft ?? (value === null ? "" : cursorText(value))}
        onChange={(e) => {
          setDraft(e.target.value);
          setError(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={commit}
      />
      {unit && <span className="oc-results-unit"> {unit}</span>}
      {error !== null && (
        <span
          id={`cursor-${which}-message`}
          className="oc-results-cursor-message oc-results-cursor-error"
          role="alert"
          data-testid={`cursor-${which}-error`}
        >
          {error}
        </span>
      )}
      {error === null && shownNote !== null && (
        <span
          id={`cursor-${which}-message`}
          className="oc-results-cursor-message"
          role="status"
          data-testid={`cursor-${which}-note`}
        >
          {shownNote}
        </span>
      )}
    </span>
  );
}

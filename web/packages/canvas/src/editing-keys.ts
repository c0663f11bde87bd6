/**
 * The editing shortcuts every editor here shares, with Ctrl (⌘ on a Mac): undo, redo (Ctrl+Shift+Z
 * or Ctrl+Y), copy, cut, paste, select all. Each editor adds its own keys around these.
 */

export type EditingCommand = "undo" | "redo" | "copy" | "cut" | "paste" | "select-all";

export interface KeyPress {
  readonly key: string;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly shiftKey?: boolean;
  readonly altKey?: boolean;
}

const WITH_CONTROL: Readonly<Record<string, EditingCommand>> = {
  y: "redo",
  c: "copy",
  x: "cut",
  v: "paste",
  a: "select-all",
};

/** The editing command of a Ctrl/⌘ key press; null for other keys (or without Ctrl/⌘). */
export function editingCommandOfKey(press: KeyPress): EditingCommand | null {
  if (!(press.ctrlKey === true || press.metaKey === true)) return null;
  const key = press.key.toLowerCase();
  if (key === "z") return press.shiftKey === true ? "redo" : "undo";
  return WITH_CONTROL[key] ?? null;
}

/**
 * The workspace's keyboard shortcuts: which command a key press means, and the list shown in the
 * "?" popover. Pure, so the key handling is tested without a page.
 */

import { editingCommandOfKey } from "@ohmcloud/canvas";

export type WorkspaceCommand =
  | "undo"
  | "redo"
  | "copy"
  | "cut"
  | "paste"
  | "delete"
  | "rotate"
  | "cancel"
  | "fit"
  | "zoom-in"
  | "zoom-out"
  | "select-all"
  | "nudge-left"
  | "nudge-right"
  | "nudge-up"
  | "nudge-down";

export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/** The command for a key press on the stage; null for keys the workspace leaves alone. */
export function commandOfKey(press: KeyPress): WorkspaceCommand | null {
  if (press.altKey) return null;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (press.ctrlKey || press.metaKey) return editingCommandOfKey(press);
  switch (key) {
    case "Delete":
    case "Backspace":
      return "delete";
    case "r":
      return "rotate";
    case "Escape":
      return "cancel";
    case "f":
      return "fit";
    case "+":
    case "=":
      return "zoom-in";
    case "-":
      return "zoom-out";
    case "ArrowLeft":
      return "nudge-left";
    case "ArrowRight":
      return "nudge-right";
    case "ArrowUp":
      return "nudge-up";
    case "ArrowDown":
      return "nudge-down";
    default:
      return null;
  }
}

/** How far a nudge moves the selection, in grid steps. */
export const NUDGES: Readonly<Record<string, { x: number; y: number }>> = {
  "nudge-left": { x: -1, y: 0 },
  "nudge-right": { x: 1, y: 0 },
  "nudge-up": { x: 0, y: -1 },
  "nudge-down": { x: 0, y: 1 },
};

/** What the "?" popover lists. */
export const SHORTCUTS: readonly { readonly keys: string; readonly action: string }[] = [
  { keys: "Click a pin, then another pin", action: "Draw a wire (click empty space for bends)" },
  { keys: "Drag a part", action: "Move it (snaps to the breadboard pitch)" },
  { keys: "Drag empty space / middle button", action: "Pan" },
  { keys: "Shift + drag empty space", action: "Select the parts and wires in a box" },
  { keys: "Shift + click", action: "Add to the selection" },
  { keys: "Wheel, + / −", action: "Zoom" },
  { keys: "F", action: "Fit the whole circuit in view" },
  { keys: "R", action: "Rotate the selected parts by 90°" },
  { keys: "Arrow keys", action: "Move the selection by one hole" },
  { keys: "Delete / Backspace", action: "Remove the selection" },
  { keys: "Ctrl+C / Ctrl+X / Ctrl+V", action: "Copy / cut / paste" },
  { keys: "Ctrl+A", action: "Select everything" },
  { keys: "Ctrl+Z", action: "Undo" },
  { keys: "Ctrl+Shift+Z / Ctrl+Y", action: "Redo" },
  { keys: "Escape", action: "Cancel the wire being drawn, or clear the selection" },
];

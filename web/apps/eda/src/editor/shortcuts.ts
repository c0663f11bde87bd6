/** The editor's keyboard shortcuts: a key press to an action name (the canvas carries the actions out). */
import { editingCommandOfKey } from "@ohmcloud/canvas";

export type EditorAction =
  | "rotate"
  | "mirror-x"
  | "mirror-y"
  | "delete"
  | "undo"
  | "redo"
  | "copy"
  | "cut"
  | "paste"
  | "duplicate"
  | "wire"
  | "label"
  | "ground"
  | "power"
  | "probe"
  | "escape"
  | "zoom-in"
  | "zoom-out"
  | "fit-sheet"
  | "fit-selection"
  | "select-all"
  | "help";

export interface KeyPress {
  readonly key: string;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly shiftKey?: boolean;
  readonly altKey?: boolean;
}

/** The shortcut sheet, in the order shown. */
export const SHORTCUTS: readonly { keys: string; action: string }[] = [
  { keys: "R", action: "Rotate 90°" },
  { keys: "X / Y", action: "Mirror upside down / left–right" },
  { keys: "Delete", action: "Delete the selection" },
  { keys: "Ctrl+Z", action: "Undo" },
  { keys: "Ctrl+Shift+Z / Ctrl+Y", action: "Redo" },
  { keys: "Ctrl+C / Ctrl+X / Ctrl+V", action: "Copy / cut / paste" },
  { keys: "Ctrl+D", action: "Duplicate" },
  { keys: "Ctrl+A", action: "Select all" },
  { keys: "W", action: "Draw a wire: click for bends, double-click or Escape to end" },
  { keys: "L", action: "Place a net label" },
  { keys: "G", action: "Place a ground symbol" },
  { keys: "P", action: "Place a power symbol (VCC)" },
  { keys: "V", action: "Probe: click a net to plot its voltage, a part to plot its current" },
  { keys: "Escape", action: "Cancel the current mode" },
  { keys: "+ / −, wheel", action: "Zoom in / out" },
  { keys: "Home", action: "Fit the sheet" },
  { keys: "F", action: "Fit the selection" },
  { keys: "Middle drag, Space+drag", action: "Pan" },
  { keys: "?", action: "This sheet" },
];

/** The action of a key press, or undefined when the editor ignores it. */
export function shortcutAction(event: KeyPress): EditorAction | undefined {
  const key = event.key;
  const command = event.ctrlKey === true || event.metaKey === true;
  if (command) {
    if (key.toLowerCase() === "d") return "duplicate";
    return editingCommandOfKey(event) ?? undefined;
  }
  if (event.altKey) return undefined;
  switch (key) {
    case "r":
    case "R":
      return "rotate";
    case "x":
    case "X":
      return "mirror-x";
    case "y":
    case "Y":
      return "mirror-y";
    case "Delete":
    case "Backspace":
      return "delete";
    case "w":
    case "W":
      return "wire";
    case "l":
    case "L":
      return "label";
    case "g":
    case "G":
      return "ground";
    case "p":
    case "P":
      return "power";
    case "v":
    case "V":
      return "probe";
    case "Escape":
      return "escape";
    case "+":
    case "=":
      return "zoom-in";
    case "-":
    case "_":
      return "zoom-out";
    case "Home":
      return "fit-sheet";
    case "f":
    case "F":
      return "fit-selection";
    case "?":
      return "help";
    default:
      return undefined;
  }
}

/** Key presses inside text fields belong to the field. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (typeof HTMLElement === "undefined" || !(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable;
}

import { describe, expect, it } from "vitest";
import { commandOfKey, type KeyPress } from "./shortcuts";

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...modifiers,
});

describe("commandOfKey", () => {
  it("maps the editing shortcuts, with Ctrl or Cmd", () => {
    expect(commandOfKey(press("z", { ctrlKey: true }))).toBe("undo");
    expect(commandOfKey(press("Z", { ctrlKey: true, shiftKey: true }))).toBe("redo");
    expect(commandOfKey(press("y", { metaKey: true }))).toBe("redo");
    expect(commandOfKey(press("c", { ctrlKey: true }))).toBe("copy");
    expect(commandOfKey(press("x", { ctrlKey: true }))).toBe("cut");
    expect(commandOfKey(press("v", { metaKey: true }))).toBe("paste");
    expect(commandOfKey(press("a", { ctrlKey: true }))).toBe("select-all");
  });

  it("maps single keys", () => {
    expect(commandOfKey(press("Delete"))).toBe("delete");
    expect(commandOfKey(press("Backspace"))).toBe("delete");
    expect(commandOfKey(press("R"))).toBe("rotate");
    expect(commandOfKey(press("Escape"))).toBe("cancel");
    expect(commandOfKey(press("f"))).toBe("fit");
    expect(commandOfKey(press("+"))).toBe("zoom-in");
    expect(commandOfKey(press("-"))).toBe("zoom-out");
    expect(commandOfKey(press("ArrowLeft"))).toBe("nudge-left");
    expect(commandOfKey(press("ArrowDown"))).toBe("nudge-down");
  });

  it("leaves other keys and browser shortcuts alone", () => {
    expect(commandOfKey(press("q"))).toBeNull();
    expect(commandOfKey(press("r", { ctrlKey: true }))).toBeNull(); // reload
    expect(commandOfKey(press("r", { altKey: true }))).toBeNull();
  });
});

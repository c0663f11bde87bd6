import { describe, expect, it } from "vitest";
import { editingCommandOfKey } from "./editing-keys";

describe("editingCommandOfKey", () => {
  it("maps Ctrl and ⌘ presses to the shared editing commands", () => {
    expect(editingCommandOfKey({ key: "z", ctrlKey: true })).toBe("undo");
    expect(editingCommandOfKey({ key: "Z", ctrlKey: true, shiftKey: true })).toBe("redo");
    expect(editingCommandOfKey({ key: "y", metaKey: true })).toBe("redo");
    expect(editingCommandOfKey({ key: "c", ctrlKey: true })).toBe("copy");
    expect(editingCommandOfKey({ key: "x", ctrlKey: true })).toBe("cut");
    expect(editingCommandOfKey({ key: "v", ctrlKey: true })).toBe("paste");
    expect(editingCommandOfKey({ key: "A", ctrlKey: true })).toBe("select-all");
  });

  it("leaves plain keys and other Ctrl keys to the editor", () => {
    expect(editingCommandOfKey({ key: "z" })).toBeNull();
    expect(editingCommandOfKey({ key: "c", shiftKey: true })).toBeNull();
    expect(editingCommandOfKey({ key: "d", ctrlKey: true })).toBeNull();
  });
});

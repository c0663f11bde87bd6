import { describe, expect, it } from "vitest";
import { SHORTCUTS, shortcutAction } from "./shortcuts";

describe("shortcutAction", () => {
  it("places a power symbol with P and probes with V, either case", () => {
    expect(shortcutAction({ key: "p" })).toBe("power");
    expect(shortcutAction({ key: "P", shiftKey: true })).toBe("power");
    expect(shortcutAction({ key: "v" })).toBe("probe");
    expect(shortcutAction({ key: "V", shiftKey: true })).toBe("probe");
  });

  it("keeps Ctrl+V for paste and leaves Alt+V alone", () => {
    expect(shortcutAction({ key: "v", ctrlKey: true })).toBe("paste");
    expect(shortcutAction({ key: "v", metaKey: true })).toBe("paste");
    expect(shortcutAction({ key: "v", altKey: true })).toBeUndefined();
  });

  it("lists both keys on the shortcut sheet", () => {
    expect(SHORTCUTS).toContainEqual({ keys: "P", action: "Place a power symbol (VCC)" });
    expect(SHORTCUTS).toContainEqual({
      keys: "V",
      action: "Probe: click a net to plot its voltage, a part to plot its current",
    });
  });
});

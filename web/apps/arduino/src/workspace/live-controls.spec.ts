import { PART_CATALOG } from "@ohmcloud/avr-sim";
import { describe, expect, it } from "vitest";
import { initialControlValue, LIVE_CONTROLS, liveControlsOf } from "./live-controls";

describe("LIVE_CONTROLS", () => {
  it("only names kinds avr-sim simulates", () => {
    for (const kind of Object.keys(LIVE_CONTROLS)) expect(PART_CATALOG[kind]).toBeDefined();
  });

  it("has each slider's fallback inside its range", () => {
    for (const control of Object.values(LIVE_CONTROLS).flat())
      if (control.type === "slider") {
        expect(control.fallback).toBeGreaterThanOrEqual(control.min);
        expect(control.fallback).toBeLessThanOrEqual(control.max);
      }
  });

  it("starts from the part's props", () => {
    const [position] = liveControlsOf("potentiometer");
    expect(initialControlValue(position!, { position: 0.2 })).toBe(0.2);
    expect(initialControlValue(position!, undefined)).toBe(0.5);
    const [toggle] = liveControlsOf("slide-switch");
    expect(initialControlValue(toggle!, { position: 1 })).toBe(1);
    expect(initialControlValue(toggle!, {})).toBe(0);
    expect(liveControlsOf("led")).toEqual([]);
  });
});

import { PART_CATALOG, PART_CONTROLS } from "@ohmcloud/avr-sim";
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

describe("the live controls against avr-sim's part controls", () => {
  it("offers exactly the controls each part reads, within the ranges it accepts", () => {
    for (const [kind, rules] of Object.entries(PART_CONTROLS)) {
      const offered = liveControlsOf(kind);
      expect(offered.map((control) => control.name).sort(), kind).toEqual(
        Object.keys(rules).sort(),
      );
      for (const control of offered) {
        const rule = rules[control.name]!;
        if (control.type === "slider") {
          expect(rule.type, `${kind}.${control.name}`).toBe("number");
          if (rule.type !== "number") continue;
          expect(control.min).toBeGreaterThanOrEqual(rule.min);
          expect(control.max).toBeLessThanOrEqual(rule.max);
        } else {
          const values = [control.off, control.on];
          if (rule.type === "boolean") expect(values).toEqual([false, true]);
          else
            expect(
              values.every((v) => typeof v === "number" && v >= rule.min && v <= rule.max),
            ).toBe(true);
        }
      }
    }
    expect(Object.keys(LIVE_CONTROLS).sort()).toEqual(Object.keys(PART_CONTROLS).sort());
  });
});

import { PART_CATALOG, type ComponentSpec, type PartProps } from "@ohmcloud/avr-sim";
import { describe, expect, it } from "vitest";
import { partGeometry } from "./geometry";
import { KINDS, kindInfo, searchKinds } from "./kinds";
import { WOKWI_GEOMETRY } from "./wokwi-geometry";

describe("KINDS", () => {
  it("lists every kind of avr-sim's catalogue once, and nothing else", () => {
    expect(KINDS.map((k) => k.kind).sort()).toEqual(Object.keys(PART_CATALOG).sort());
  });

  it("gives every kind's pins a place, exactly avr-sim's pins", () => {
    const boards: PartProps[] = [
      { size: "full" },
      { size: "half" },
      { size: "full", splitRails: true },
    ];
    const variants = KINDS.flatMap((info): ComponentSpec[] =>
      info.kind === "breadboard"
        ? boards.map((props) => ({ id: "x", kind: info.kind, props }))
        : [{ id: "x", kind: info.kind, props: info.defaultProps }],
    );
    for (const component of variants) {
      const simPins = PART_CATALOG[component.kind]!.pins(component);
      const placed = partGeometry(component).pins.map((pin) => pin.name);
      expect(placed.sort(), component.kind).toEqual([...simPins].sort());
    }
  });

  it("names the element each kind's geometry was taken from", () => {
    for (const info of KINDS)
      expect(info.element, info.kind).toBe(WOKWI_GEOMETRY[info.kind]?.element ?? null);
  });

  it("has default props avr-sim accepts and editable props that exist on the part", () => {
    expect(kindInfo("led").defaultProps).toEqual({ color: "red" });
    expect(kindInfo("resistor").defaultProps).toEqual({ ohms: 220 });
    expect(kindInfo("breadboard").defaultProps).toEqual({ size: "full" });
    for (const info of KINDS)
      for (const spec of info.editableProps)
        if (spec.type === "choice" && info.defaultProps?.[spec.name] !== undefined)
          expect(spec.choices, info.kind).toContain(info.defaultProps[spec.name]);
    expect(() => kindInfo("flux-capacitor")).toThrow('Unknown part kind "flux-capacitor"');
  });

  it("uses id prefixes without dots or digits at the end", () => {
    for (const info of KINDS) expect(info.idPrefix).toMatch(/^[a-z]+$/);
  });
});

describe("searchKinds", () => {
  it("lists everything for an empty query", () => {
    expect(searchKinds("  ")).toHaveLength(KINDS.length);
  });

  it("finds by title, kind and keyword, titles that start with the query first", () => {
    expect(searchKinds("led").map((k) => k.kind)).toEqual(["led", "rgb-led"]);
    expect(searchKinds("temperature").map((k) => k.kind)).toEqual(
      expect.arrayContaining(["ntc", "tmp36"]),
    );
    expect(searchKinds("ULTRASONIC")[0]!.kind).toBe("hc-sr04");
    expect(searchKinds("slide pot").map((k) => k.kind)).toEqual(["slide-potentiometer"]);
    expect(searchKinds("zzz")).toEqual([]);
  });
});

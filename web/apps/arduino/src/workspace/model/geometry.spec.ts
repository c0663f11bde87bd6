import { describe, expect, it } from "vitest";
import { GRID_PITCH } from "./breadboard-geometry";
import type { PlacedPart, WorkspaceDoc } from "./document";
import { partAt, partBounds, partGeometry, pinAt, pinPosition, snapTopLeft } from "./geometry";

const led = (over: Partial<PlacedPart> = {}): PlacedPart => ({
  id: "led1",
  kind: "led",
  x: 100,
  y: 200,
  rotation: 0,
  ...over,
});
const near = (value: number, step = GRID_PITCH) =>
  Math.abs(value - Math.round(value / step) * step);

describe("pinPosition", () => {
  // The LED element is 40 × 50 with its legs at (25, 42) and (15, 42); its centre is (20, 25).
  it("offsets the element's pin positions by the part's top-left", () => {
    expect(pinPosition(led(), "A")).toEqual({ x: 125, y: 242 });
    expect(pinPosition(led(), "C")).toEqual({ x: 115, y: 242 });
  });

  it("turns pins clockwise about the box's centre", () => {
    // A is (5, 17) from the centre; clockwise by 90° that is (−17, 5), by 180° (−5, −17), ...
    expect(pinPosition(led({ rotation: 90 }), "A")).toEqual({ x: 100 + 20 - 17, y: 200 + 25 + 5 });
    expect(pinPosition(led({ rotation: 180 }), "A")).toEqual({ x: 100 + 20 - 5, y: 200 + 25 - 17 });
    expect(pinPosition(led({ rotation: 270 }), "A")).toEqual({ x: 100 + 20 + 17, y: 200 + 25 - 5 });
  });

  it("refuses a pin the part does not have", () => {
    expect(() => pinPosition(led(), "B")).toThrow('led1 (led) has no pin "B"');
  });
});

describe("partBounds", () => {
  it("is the box as drawn, its sides swapped about the centre at 90° and 270°", () => {
    expect(partBounds(led())).toEqual({ x: 100, y: 200, width: 40, height: 50 });
    expect(partBounds(led({ rotation: 180 }))).toEqual({ x: 100, y: 200, width: 40, height: 50 });
    expect(partBounds(led({ rotation: 90 }))).toEqual({ x: 95, y: 205, width: 50, height: 40 });
    // Every pin of a turned part stays inside its turned box (the LED's legs end inside it).
    for (const rotation of [0, 90, 180, 270] as const) {
      const box = partBounds(led({ rotation }));
      for (const pin of ["A", "C"]) {
        const at = pinPosition(led({ rotation }), pin);
        expect(at.x).toBeGreaterThanOrEqual(box.x);
        expect(at.x).toBeLessThanOrEqual(box.x + box.width);
        expect(at.y).toBeGreaterThanOrEqual(box.y);
        expect(at.y).toBeLessThanOrEqual(box.y + box.height);
      }
    }
  });
});

describe("pinAt / partAt", () => {
  const bb: PlacedPart = { id: "bb1", kind: "breadboard", x: 0, y: 0, rotation: 0 };
  // LED legs at (96, 76.8) (C, on hole e9) and (106, 76.8) (A, 0.4 from hole e10 at 105.6).
  const onBoard = led({ x: 81, y: 34.8 });
  const doc: WorkspaceDoc = { parts: [bb, onBoard], wires: [] };

  it("finds the nearest pin within the tolerance, and nothing beyond it", () => {
    expect(pinAt(doc, { x: 96 + 3, y: 76.8 + 3 })).toBe("led1.C");
    expect(pinAt(doc, { x: 96 + 3, y: 76.8 + 3 }, 4)).toBeNull();
    expect(pinAt(doc, { x: 96 + 1, y: 76.8 }, 2)).toBe("led1.C");
  });

  it("prefers a part's leg to the breadboard hole under it, and finds free holes", () => {
    expect(pinAt(doc, { x: 105.6, y: 76.8 })).toBe("led1.A"); // the hole e10 is nearer
    expect(pinAt(doc, { x: 105.6, y: 76.8 - GRID_PITCH })).toBe("bb1.d10");
    // Full-size rails start 4 pitches in: centred under the 63 columns (2 to 64 pitches).
    expect(pinAt(doc, { x: 4 * GRID_PITCH, y: GRID_PITCH })).toBe("bb1.tn1");
  });

  it("partAt picks the topmost part whose box holds the point", () => {
    expect(partAt(doc, { x: 90, y: 50 })).toBe("led1");
    expect(partAt(doc, { x: 10, y: 10 })).toBe("bb1");
    expect(partAt(doc, { x: -10, y: 10 })).toBeNull();
  });
});

describe("snapTopLeft", () => {
  it("puts legs on the 0.1-inch grid, as near the wanted spot as it can", () => {
    for (const rotation of [0, 90, 180, 270] as const) {
      for (const kind of ["resistor", "push-button", "nano", "tmp36", "lcd1602"]) {
        const at = snapTopLeft({ kind, rotation }, { x: 123.4, y: 56.7 });
        expect(Math.abs(at.x - 123.4)).toBeLessThanOrEqual(GRID_PITCH / 2);
        expect(Math.abs(at.y - 56.7)).toBeLessThanOrEqual(GRID_PITCH / 2);
        const part = { id: "p", kind, rotation, ...at };
        for (const pin of partGeometry(part).pins) {
          const p = pinPosition(part, pin.name);
          // Within the hole tolerance (2): legs 10 px apart (an LED) cannot all hit 9.6 exactly.
          expect(near(p.x), `${kind}@${rotation} ${pin.name}`).toBeLessThan(2);
          expect(near(p.y), `${kind}@${rotation} ${pin.name}`).toBeLessThan(2);
        }
      }
    }
  });

  it("puts a breadboard's holes exactly on the grid", () => {
    const at = snapTopLeft({ kind: "breadboard", rotation: 0 }, { x: 33, y: 71 });
    const board = { id: "bb", kind: "breadboard", rotation: 0 as const, ...at };
    expect(near(pinPosition(board, "a1").x, 1e-9)).toBeLessThan(1e-6);
    for (const hole of ["a1", "j63", "tp1", "bn50"]) {
      const p = pinPosition(board, hole);
      expect(near(p.x)).toBeLessThan(1e-6);
      expect(near(p.y)).toBeLessThan(1e-6);
    }
  });
});

describe("breadboard geometry", () => {
  it("has 830 holes full size and 400 half size, 0.1 inch apart", () => {
    const full = partGeometry({ kind: "breadboard", props: { size: "full" } });
    const half = partGeometry({ kind: "breadboard", props: { size: "half" } });
    expect(full.pins).toHaveLength(830);
    expect(half.pins).toHaveLength(400);
    const at = (name: string) => full.pins.find((p) => p.name === name)!;
    expect(at("a2").x - at("a1").x).toBeCloseTo(GRID_PITCH);
    expect(at("b1").y - at("a1").y).toBeCloseTo(GRID_PITCH);
    // The centre channel: e to f is 0.3 inch (a DIP chip straddles it).
    expect(at("f1").y - at("e1").y).toBeCloseTo(3 * GRID_PITCH);
    // Rails: groups of five, a hole's gap between groups; top rails above the strips.
    expect(at("tp6").x - at("tp5").x).toBeCloseTo(2 * GRID_PITCH);
    expect(at("tn1").y).toBeLessThan(at("tp1").y);
    expect(at("tp1").y).toBeLessThan(at("a1").y);
    expect(at("j1").y).toBeLessThan(at("bp1").y);
    expect(at("bp1").y).toBeLessThan(at("bn1").y);
    // Every hole lies inside the board.
    for (const geometry of [full, half])
      for (const pin of geometry.pins) {
        expect(pin.x).toBeGreaterThan(0);
        expect(pin.x).toBeLessThan(geometry.width);
        expect(pin.y).toBeGreaterThan(0);
        expect(pin.y).toBeLessThan(geometry.height);
      }
  });
});

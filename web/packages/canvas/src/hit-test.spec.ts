import { describe, expect, it } from "vitest";
import { boxFromCorners, distanceToSegment, hitTest, hitTopmost, itemsInBox } from "./hit-test";
import { sampleSymbols } from "./sample-symbols";
import { Scene } from "./scene";

const scene = Scene.from({
  format: "ohmcloud-schematic",
  version: 1,
  components: [{ id: "r1", symbol: "Device:R", position: [1000, 1000], reference: "R1" }],
  wires: [
    {
      id: "w1",
      points: [
        [1000, 850],
        [1000, 600],
        [2000, 600],
      ],
    },
    {
      id: "d",
      points: [
        [3000, 0],
        [3300, 300],
      ],
    },
  ],
  junctions: [{ id: "j1", position: [1500, 600] }],
  labels: [{ id: "l1", position: [2000, 600], text: "out" }],
});
const options = { symbols: sampleSymbols, tolerance: 10 };

describe("hitTest", () => {
  it("prefers the pin end over the wire ending on it and the body", () => {
    const hits = hitTest(scene, { x: 1003, y: 853 }, options);
    expect(hits.map((hit) => hit.kind)).toEqual(["pin", "wire"]);
    expect(hits[0]).toMatchObject({ id: "r1", pin: "1", position: [1000, 850] });
  });

  it("hits a component body inside its box", () => {
    expect(hitTopmost(scene, { x: 1030, y: 1050 }, options)).toEqual({
      kind: "component",
      id: "r1",
    });
    expect(hitTopmost(scene, { x: 1060, y: 1050 }, options)).toBeUndefined();
  });

  it("hits wire segments by distance, diagonals too", () => {
    expect(hitTopmost(scene, { x: 1700, y: 608 }, options)).toEqual({
      kind: "wire",
      id: "w1",
      segment: 1,
    });
    expect(hitTopmost(scene, { x: 3105, y: 95 }, options)).toMatchObject({ kind: "wire", id: "d" });
    expect(hitTopmost(scene, { x: 1700, y: 620 }, options)).toBeUndefined();
  });

  it("hits junctions before the wire under them, and labels by their text box", () => {
    expect(hitTopmost(scene, { x: 1505, y: 600 }, options)).toEqual({ kind: "junction", id: "j1" });
    expect(hitTopmost(scene, { x: 2100, y: 620 }, options)).toEqual({ kind: "label", id: "l1" });
  });

  it("measures distance to a segment's ends beyond it", () => {
    expect(distanceToSegment({ x: -3, y: 4 }, [0, 0], [10, 0])).toBe(5);
    expect(distanceToSegment({ x: 5, y: 5 }, [0, 0], [0, 0])).toBeCloseTo(Math.SQRT2 * 5);
  });
});

describe("itemsInBox", () => {
  it("selects only what lies fully inside", () => {
    const box = boxFromCorners({ x: 2500, y: 1200 }, { x: 900, y: 500 });
    expect(itemsInBox(scene, box, options)).toEqual(["r1", "w1", "j1", "l1"]);
    // The label's text runs past x = 2050.
    const tight = boxFromCorners({ x: 2050, y: 1200 }, { x: 900, y: 500 });
    expect(itemsInBox(scene, tight, options)).toEqual(["r1", "w1", "j1"]);
    const partly = boxFromCorners({ x: 900, y: 950 }, { x: 1100, y: 1300 });
    expect(itemsInBox(scene, partly, options)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import type { Component, Mirror, Rotation, XY } from "./schematic";
import { componentBox, pinPositions, placementMatrix, toSheet } from "./schematic";
import { sampleSymbols } from "./sample-symbols";

// docs/formats/schematic.md, "Placing a symbol": both parts placed at (1000, 1000).
const TABLE: [string, XY, Mirror, [XY, XY, XY, XY]][] = [
  [
    "R pin 1",
    [0, 150],
    "none",
    [
      [1000, 850],
      [850, 1000],
      [1000, 1150],
      [1150, 1000],
    ],
  ],
  [
    "R pin 1",
    [0, 150],
    "x",
    [
      [1000, 1150],
      [1150, 1000],
      [1000, 850],
      [850, 1000],
    ],
  ],
  [
    "R pin 1",
    [0, 150],
    "y",
    [
      [1000, 850],
      [850, 1000],
      [1000, 1150],
      [1150, 1000],
    ],
  ],
  [
    "Q pin C",
    [100, 200],
    "none",
    [
      [1100, 800],
      [800, 900],
      [900, 1200],
      [1200, 1100],
    ],
  ],
  [
    "Q pin C",
    [100, 200],
    "x",
    [
      [1100, 1200],
      [1200, 900],
      [900, 800],
      [800, 1100],
    ],
  ],
  [
    "Q pin C",
    [100, 200],
    "y",
    [
      [900, 800],
      [800, 1100],
      [1100, 1200],
      [1200, 900],
    ],
  ],
];
const ROTATIONS: Rotation[] = [0, 90, 180, 270];

describe("placement transform", () => {
  it.each(TABLE)("%s (%j) mirror %s lands where the format says", (_, point, mirror, expected) => {
    ROTATIONS.forEach((rotation, i) => {
      expect(toSheet(point, [1000, 1000], rotation, mirror)).toEqual(expected[i]);
    });
  });

  it("is the identity on x and flips y at rotation 0", () => {
    expect(placementMatrix(0, "none")).toEqual([1, 0, 0, -1]);
  });

  it("rejects placements the format does not allow", () => {
    expect(() => placementMatrix(45 as Rotation, "none")).toThrow(RangeError);
  });

  it("places the pins of a component's unit", () => {
    const q: Component = {
      id: "q1",
      symbol: "Device:Q_NPN_BCE",
      position: [1000, 1000],
      reference: "Q1",
      rotation: 90,
      mirror: "x",
    };
    const symbol = sampleSymbols("Device:Q_NPN_BCE");
    expect(symbol).toBeDefined();
    expect(pinPositions(q, symbol!).get("2")).toEqual([1200, 900]);
  });

  it("turns the body box with the part", () => {
    const r: Component = {
      id: "r",
      symbol: "Device:R",
      position: [0, 0],
      reference: "R1",
      rotation: 90,
    };
    expect(componentBox(r, sampleSymbols("Device:R")!)).toEqual({
      minX: -100,
      minY: -40,
      maxX: 100,
      maxY: 40,
    });
  });
});

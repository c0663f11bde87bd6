import { describe, expect, it } from "vitest";
import { sampleSymbols } from "./sample-symbols";
import { Scene } from "./scene";
import { snapPoint } from "./snapping";

const scene = Scene.from({
  format: "ohmcloud-schematic",
  version: 1,
  // Pins at (1010, 860) and (1010, 1160): off the grid.
  components: [{ id: "r1", symbol: "Device:R", position: [1010, 1010], reference: "R1" }],
  wires: [
    {
      id: "w1",
      points: [
        [2000, 2000],
        [2033, 2000],
      ],
    },
  ],
});
const options = { symbols: sampleSymbols };

describe("snapPoint", () => {
  it("snaps to the 50-mil grid away from pins", () => {
    expect(snapPoint(scene, { x: 512, y: 488 }, options)).toEqual({
      point: { x: 500, y: 500 },
      target: "grid",
    });
  });

  it("snaps to a nearby pin end, even off the grid", () => {
    expect(snapPoint(scene, { x: 1000, y: 850 }, options)).toEqual({
      point: { x: 1010, y: 860 },
      target: "pin",
      id: "r1",
      pin: "1",
    });
  });

  it("snaps to wire ends, and honours the grid pitch and radius", () => {
    expect(snapPoint(scene, { x: 2040, y: 1990 }, options)).toMatchObject({
      point: { x: 2033, y: 2000 },
      target: "wire-end",
    });
    expect(snapPoint(scene, { x: 1000, y: 850 }, { ...options, radius: 5, grid: 100 })).toEqual({
      point: { x: 1000, y: 900 },
      target: "grid",
    });
  });
});

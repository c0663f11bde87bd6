import { describe, expect, it } from "vitest";
import { junctionDots } from "./connectivity";
import { History } from "./history";
import { idMaker, sampleSymbols } from "./sample-symbols";
import { Scene } from "./scene";
import { snapPoint } from "./snapping";
import { simplify, WireTool } from "./wiring";

const base = Scene.from({
  format: "ohmcloud-schematic",
  version: 1,
  components: [
    { id: "r1", symbol: "Device:R", position: [1000, 1000], reference: "R1" },
    { id: "r2", symbol: "Device:R", position: [2000, 1000], reference: "R2" },
  ],
});

function tool(scene: Scene, prefix = "w"): WireTool {
  return new WireTool({
    newId: idMaker(prefix),
    snap: (point) => snapPoint(scene, point, { symbols: sampleSymbols }).point,
  });
}

describe("WireTool", () => {
  it("draws horizontal-then-vertical bends from a pin and ends on double-click", () => {
    const wires = tool(base);
    wires.start({ x: 1004, y: 846 }); // snaps to R1 pin 1 (1000, 850)
    expect(wires.preview({ x: 1510, y: 590 })).toEqual([
      [1000, 850],
      [1500, 850],
      [1500, 600],
    ]);
    wires.click({ x: 1500, y: 600 });
    const command = wires.doubleClick(base, { x: 1990, y: 860 }); // R2 pin 1 (2000, 850)
    expect(wires.state.status).toBe("idle");
    expect(command?.changes).toEqual([
      {
        op: "insert",
        index: 0,
        entry: {
          kind: "wire",
          item: {
            id: "w-1",
            points: [
              [1000, 850],
              [1500, 850],
              [1500, 600],
              [2000, 600],
              [2000, 850],
            ],
          },
        },
      },
    ]);
  });

  it("routes vertical-first after toggling", () => {
    const wires = tool(base);
    wires.start({ x: 0, y: 0 });
    wires.toggleDirection();
    expect(wires.preview({ x: 300, y: 200 })).toEqual([
      [0, 0],
      [0, 200],
      [300, 200],
    ]);
  });

  it("escape keeps the committed points and drops a lone start", () => {
    const wires = tool(base);
    wires.start({ x: 0, y: 0 });
    expect(wires.escape(base)).toBeUndefined();
    wires.click({ x: 0, y: 0 });
    wires.click({ x: 500, y: 0 });
    const command = wires.escape(base);
    expect(command?.changes[0]).toMatchObject({
      entry: {
        item: {
          points: [
            [0, 0],
            [500, 0],
          ],
        },
      },
    });
  });

  it("gets a junction dot when a new wire ends on another wire's interior", () => {
    const history = new History(base);
    const wires = tool(base);
    wires.start({ x: 1000, y: 850 });
    history.do(wires.doubleClick(history.scene, { x: 2000, y: 850 })!);
    expect(junctionDots(history.scene, sampleSymbols)).toEqual([]);
    const branch = tool(history.scene, "branch");
    branch.start({ x: 1500, y: 850 });
    history.do(branch.doubleClick(history.scene, { x: 1500, y: 1300 })!);
    expect(junctionDots(history.scene, sampleSymbols)).toEqual([[1500, 850]]);
    history.undo();
    expect(junctionDots(history.scene, sampleSymbols)).toEqual([]);
  });
});

describe("simplify", () => {
  it("drops repeats and straight-through vertices, keeps turn-backs", () => {
    expect(
      simplify([
        [0, 0],
        [0, 0],
        [100, 0],
        [200, 0],
        [200, 100],
        [200, 50],
      ]),
    ).toEqual([
      [0, 0],
      [200, 0],
      [200, 100],
      [200, 50],
    ]);
  });
});

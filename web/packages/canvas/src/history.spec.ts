import { describe, expect, it } from "vitest";
import { moveSelection, removeItems, setValue } from "./commands";
import { History } from "./history";
import { sampleSymbols } from "./sample-symbols";
import { Scene } from "./scene";
import type { Component, Wire } from "./schematic";

function sampleScene(): Scene {
  return Scene.from({
    format: "ohmcloud-schematic",
    version: 1,
    components: [
      { id: "r1", symbol: "Device:R", position: [1000, 1000], reference: "R1", value: "1k" },
    ],
    wires: [
      {
        id: "w1",
        points: [
          [1000, 850],
          [1000, 600],
          [2000, 600],
        ],
      },
    ],
  });
}

function component(scene: Scene, id: string): Component {
  return scene.get(id)?.item as Component;
}

function wire(scene: Scene, id: string): Wire["points"] {
  return (scene.get(id)?.item as Wire).points;
}

function snapshot<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

describe("History", () => {
  it("merges the steps of one drag into one entry", () => {
    const history = new History(sampleScene());
    const before = snapshot(history.scene.schematic);
    for (let i = 0; i < 5; i++) {
      history.do(moveSelection(history.scene, ["r1"], [10, 0], sampleSymbols, "drag-1"));
    }
    history.seal();
    history.do(moveSelection(history.scene, ["r1"], [0, 10], sampleSymbols, "drag-1"));
    expect(history.labels).toEqual(["Move", "Move"]);
    history.undo();
    expect(component(history.scene, "r1").position).toEqual([1050, 1000]);
    expect(wire(history.scene, "w1")[0]).toEqual([1050, 850]);
    history.undo();
    expect(history.scene.schematic).toEqual(before);
    expect(history.canUndo).toBe(false);
  });

  it("drops the redo stack on a new command and ignores empty ones", () => {
    const scene = sampleScene();
    const history = new History(scene);
    history.do(setValue(scene, "r1", "2k"));
    history.undo();
    expect(history.canRedo).toBe(true);
    history.do(setValue(history.scene, "r1", "3k"));
    expect(history.canRedo).toBe(false);
    history.do(removeItems(history.scene, ["nothing"]));
    expect(history.labels).toEqual(["Set value"]);
    expect(history.redo()).toBe(history.scene);
  });
});

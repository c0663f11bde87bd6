import { describe, expect, it } from "vitest";
import type { Command } from "./commands";
import {
  addItems,
  deleteSelection,
  mirrorSelection,
  moveSelection,
  removeItems,
  rotateSelection,
  setLabelText,
  setProperty,
  setReference,
  setSheet,
  setTitleBlock,
  setUnit,
  setValue,
} from "./commands";
import { History } from "./history";
import { sampleSymbols } from "./sample-symbols";
import { Scene } from "./scene";
import type { Component, Wire, XY } from "./schematic";
import { pinPositions } from "./schematic";

function sampleScene(): Scene {
  return Scene.from({
    format: "ohmcloud-schematic",
    version: 1,
    components: [
      { id: "r1", symbol: "Device:R", position: [1000, 1000], reference: "R1", value: "1k" },
      {
        id: "q1",
        symbol: "Device:Q_NPN_BCE",
        position: [3000, 1000],
        reference: "Q1",
        properties: { Sim: "x" },
      },
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
      {
        id: "w2",
        points: [
          [1000, 1400],
          [1000, 1150],
        ],
      },
      {
        id: "w3",
        points: [
          [2000, 600],
          [2000, 400],
        ],
      },
    ],
    junctions: [{ id: "j1", position: [1500, 600] }],
    labels: [{ id: "l1", position: [1500, 600], text: "in" }],
    no_connects: [{ id: "n1", position: [3100, 800] }],
  });
}

/** Does `command` in a history, then checks undo restores the scene exactly and redo the result. */
function roundTrip(scene: Scene, command: Command): Scene {
  const before = snapshot(scene.schematic);
  const history = new History(scene);
  const after = history.do(command);
  expect(after.schematic).not.toEqual(before);
  const done = snapshot(after.schematic);
  expect(history.undo().schematic).toStrictEqual(scene.schematic);
  expect(history.redo().schematic).toEqual(done);
  expect(history.undo().schematic).toStrictEqual(scene.schematic);
  expect(scene.schematic).toEqual(before); // commands never mutate the scene they were built on
  return after;
}

/** A deep copy of plain JSON data. */
function snapshot<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function component(scene: Scene, id: string): Component {
  return scene.get(id)?.item as Component;
}

function wire(scene: Scene, id: string): XY[] {
  return [...(scene.get(id)?.item as Wire).points];
}

function pins(scene: Scene, id: string): Record<string, XY> {
  const part = component(scene, id);
  return Object.fromEntries(pinPositions(part, sampleSymbols(part.symbol)!));
}

describe("commands undo and redo exactly", () => {
  const scene = sampleScene();

  it("add items of every kind", () => {
    const after = roundTrip(
      scene,
      addItems(scene, [
        {
          kind: "component",
          item: { id: "c1", symbol: "Device:C", position: [0, 0], reference: "C1" },
        },
        {
          kind: "wire",
          item: {
            id: "w9",
            points: [
              [0, 0],
              [50, 0],
            ],
          },
        },
        { kind: "junction", item: { id: "j9", position: [50, 0] } },
        { kind: "label", item: { id: "l9", position: [50, 0], text: "x" } },
        { kind: "no_connect", item: { id: "n9", position: [0, 0] } },
      ]),
    );
    expect(after.schematic.components).toHaveLength(3);
    expect(after.get("w9")?.kind).toBe("wire");
  });

  it("refuses duplicate ids", () => {
    expect(() =>
      addItems(scene, [{ kind: "junction", item: { id: "r1", position: [0, 0] } }]),
    ).toThrow(/duplicate/);
  });

  it("remove items from the middle of their arrays, order restored on undo", () => {
    const after = roundTrip(scene, removeItems(scene, ["w1", "w3", "l1", "q1"]));
    expect(after.schematic.wires.map((w) => w.id)).toEqual(["w2"]);
  });

  it("delete selection", () => {
    const after = roundTrip(scene, deleteSelection(scene, ["r1", "j1", "n1"]));
    expect(after.has("r1")).toBe(false);
    expect(after.has("w1")).toBe(true);
  });

  it("move, rubber-banding the wire ends on the moved pins", () => {
    const after = roundTrip(scene, moveSelection(scene, ["r1"], [100, 50], sampleSymbols));
    expect(component(after, "r1").position).toEqual([1100, 1050]);
    expect(wire(after, "w1")).toEqual([
      [1100, 900],
      [1000, 600],
      [2000, 600],
    ]);
    expect(wire(after, "w2")).toEqual([
      [1000, 1400],
      [1100, 1200],
    ]);
    expect(wire(after, "w3")).toEqual(wire(scene, "w3"));
  });

  it("move a wire, dragging wires that end on its vertices", () => {
    const after = roundTrip(scene, moveSelection(scene, ["w1"], [0, -50], sampleSymbols));
    expect(wire(after, "w1")).toEqual([
      [1000, 800],
      [1000, 550],
      [2000, 550],
    ]);
    expect(wire(after, "w3")).toEqual([
      [2000, 550],
      [2000, 400],
    ]);
  });

  it("rotate 90° about the selection centre, pins landing where the transform says", () => {
    const after = roundTrip(scene, rotateSelection(scene, ["r1"], sampleSymbols));
    expect(component(after, "r1")).toMatchObject({ position: [1000, 1000], rotation: 90 });
    expect(pins(after, "r1")).toEqual({ "1": [850, 1000], "2": [1150, 1000] });
    expect(wire(after, "w1")[0]).toEqual([850, 1000]);
    expect(wire(after, "w2")[1]).toEqual([1150, 1000]);
  });

  it("rotate a group about its grid-snapped centre", () => {
    const group = ["r1", "w2"]; // anchors (1000, 1000), (1000, 1400), (1000, 1150): centre (1000, 1200)
    const after = roundTrip(scene, rotateSelection(scene, group, sampleSymbols));
    expect(component(after, "r1").position).toEqual([800, 1200]);
    expect(wire(after, "w2")).toEqual([
      [1200, 1200],
      [950, 1200],
    ]);
    expect(pins(after, "r1")["2"]).toEqual([950, 1200]);
    const fourTimes = [1, 2, 3].reduce(
      (s) => s.apply(rotateSelection(s, group, sampleSymbols).changes),
      after,
    );
    expect(component(fourTimes, "r1")).toMatchObject({ position: [1000, 1000], rotation: 0 });
  });

  it("rotates a label's text with it", () => {
    const after = roundTrip(scene, rotateSelection(scene, ["l1"], sampleSymbols));
    expect(after.get("l1")?.item).toMatchObject({ position: [1500, 600], rotation: 90 });
  });

  it.each(["x", "y"] as const)("mirror %s flips the pins about the centre", (axis) => {
    const after = roundTrip(scene, mirrorSelection(scene, ["q1"], axis, sampleSymbols));
    const before = pins(scene, "q1");
    const flipped = pins(after, "q1");
    for (const number of ["1", "2", "3"]) {
      const [x, y] = before[number]!;
      expect(flipped[number]).toEqual(axis === "x" ? [x, 2000 - y] : [6000 - x, y]);
    }
    expect(component(after, "q1").mirror).toBe(axis);
  });

  it("mirror of a rotated part keeps a valid placement", () => {
    const turned = scene.apply(rotateSelection(scene, ["q1"], sampleSymbols).changes);
    const after = roundTrip(turned, mirrorSelection(turned, ["q1"], "y", sampleSymbols));
    const before = pins(turned, "q1");
    const flipped = pins(after, "q1");
    for (const number of ["1", "2", "3"]) {
      const [x, y] = before[number]!;
      expect(flipped[number]).toEqual([6000 - x, y]);
    }
  });

  it("set value, reference and properties", () => {
    expect(component(roundTrip(scene, setValue(scene, "r1", "4k7")), "r1").value).toBe("4k7");
    expect(component(roundTrip(scene, setReference(scene, "r1", "R7")), "r1").reference).toBe("R7");
    expect(
      component(roundTrip(scene, setProperty(scene, "q1", "w", "1u")), "q1").properties,
    ).toEqual({
      Sim: "x",
      w: "1u",
    });
    expect(
      component(roundTrip(scene, setProperty(scene, "q1", "Sim", undefined)), "q1").properties,
    ).toEqual({});
    expect(roundTrip(scene, setLabelText(scene, "l1", "out")).get("l1")?.item).toMatchObject({
      text: "out",
    });
    expect(() => setValue(scene, "w1", "1k")).toThrow(/no component/);
  });

  it("set the unit of a multi-unit part", () => {
    expect(component(roundTrip(scene, setUnit(scene, "q1", 2)), "q1").unit).toBe(2);
  });

  it("set the sheet and the title block, absent before and present after", () => {
    const sheet = roundTrip(scene, setSheet(scene, { size: "A3", orientation: "portrait" }));
    expect(sheet.schematic.sheet).toEqual({ size: "A3", orientation: "portrait" });
    const titled = roundTrip(sheet, setTitleBlock(sheet, { title: "RC", revision: "B" }));
    expect(titled.schematic.title_block).toEqual({ title: "RC", revision: "B" });
    const dated = roundTrip(titled, setTitleBlock(titled, { date: "2026-11-28" }));
    expect(dated.schematic.title_block).toEqual({ title: "RC", revision: "B", date: "2026-11-28" });
  });

  it("merge typing into a title block field into one entry that undoes to the start", () => {
    const history = new History(scene);
    for (const title of ["R", "RC", "RC f"]) {
      history.do({ ...setTitleBlock(history.scene, { title }), mergeKey: "title" });
    }
    expect(history.scene.schematic.title_block).toEqual({ title: "RC f" });
    expect(history.undo().schematic).toStrictEqual(scene.schematic);
  });
});

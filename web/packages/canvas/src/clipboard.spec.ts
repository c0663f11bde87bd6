import { describe, expect, it } from "vitest";
import { copySelection, cutSelection, duplicateSelection, pasteText } from "./clipboard";
import { History } from "./history";
import { idMaker, sampleSymbols } from "./sample-symbols";
import { Scene } from "./scene";
import type { Component } from "./schematic";

const scene = Scene.from({
  format: "ohmcloud-schematic",
  version: 1,
  components: [
    { id: "r1", symbol: "Device:R", position: [1000, 1000], reference: "R1", value: "1k" },
    { id: "r2", symbol: "Device:R", position: [1500, 1000], reference: "R2", value: "2k" },
    { id: "r9", symbol: "Device:R", position: [9000, 1000], reference: "R9" },
    { id: "g1", symbol: "power:GND", position: [1000, 1400], reference: "#PWR01", value: "GND" },
  ],
  wires: [
    {
      id: "between",
      points: [
        [1000, 850],
        [1000, 800],
        [1500, 800],
        [1500, 850],
      ],
    },
    {
      id: "away",
      points: [
        [1500, 1150],
        [3000, 1150],
      ],
    },
  ],
  labels: [{ id: "l1", position: [1200, 800], text: "mid" }],
});

describe("clipboard", () => {
  it("copies the selection and the wires fully inside it as a format-v1 document", () => {
    const document = JSON.parse(copySelection(scene, ["r1", "r2", "l1"], sampleSymbols));
    expect(document).toMatchObject({ format: "ohmcloud-schematic", version: 1 });
    expect(document.components.map((c: Component) => c.id)).toEqual(["r1", "r2"]);
    expect(document.wires.map((w: { id: string }) => w.id)).toEqual(["between"]);
    expect(document.labels).toHaveLength(1);
    expect(document.junctions).toEqual([]);
  });

  it("pastes at an offset with fresh ids and references after the highest in use", () => {
    const text = copySelection(scene, ["r1", "r2", "g1", "l1"], sampleSymbols);
    const { command, ids } = pasteText(scene, text, [0, 2000], idMaker("p"));
    const after = new History(scene).do(command);
    expect(ids).toHaveLength(5);
    expect(ids.every((id) => !scene.has(id))).toBe(true);
    const pasted = after.schematic.components.slice(4);
    expect(pasted.map((c) => [c.reference, c.value, c.position])).toEqual([
      ["R10", "1k", [1000, 3000]],
      ["R11", "2k", [1500, 3000]],
      ["#PWR02", "GND", [1000, 3400]],
    ]);
    expect(after.get(ids[3]!)?.item).toMatchObject({
      points: [
        [1000, 2850],
        [1000, 2800],
        [1500, 2800],
        [1500, 2850],
      ],
    });
  });

  it("cuts (undoably) and duplicates", () => {
    const history = new History(scene);
    const { text, command } = cutSelection(scene, ["r9"], sampleSymbols);
    history.do(command);
    expect(history.scene.has("r9")).toBe(false);
    history.undo();
    expect(history.scene.schematic).toEqual(scene.schematic);
    expect(JSON.parse(text).components[0].id).toBe("r9");

    const copy = duplicateSelection(scene, ["r9"], [100, 100], sampleSymbols, idMaker("d"));
    const after = history.do(copy.command);
    expect(after.get("d-1")?.item).toMatchObject({ reference: "R10", position: [9100, 1100] });
  });

  it("keeps units of one package together and leaves R? alone", () => {
    const units = Scene.from({
      format: "ohmcloud-schematic",
      version: 1,
      components: [
        { id: "a", symbol: "Amp:Dual", unit: 1, position: [0, 0], reference: "U1" },
        { id: "b", symbol: "Amp:Dual", unit: 2, position: [500, 0], reference: "U1" },
        { id: "c", symbol: "Device:R", position: [900, 0], reference: "R?" },
      ],
    });
    const text = copySelection(units, ["a", "b", "c"], sampleSymbols);
    const { command } = pasteText(units, text, [0, 500], idMaker());
    const pasted = units.apply(command.changes).schematic.components.slice(3);
    expect(pasted.map((c) => c.reference)).toEqual(["U2", "U2", "R?"]);
  });

  it("refuses text that is not a schematic", () => {
    expect(() => pasteText(scene, '{"hello": 1}', [0, 0], idMaker())).toThrow(/format v1/);
  });
});

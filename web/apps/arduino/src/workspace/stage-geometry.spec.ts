import { describe, expect, it } from "vitest";
import type { WorkspaceDoc } from "./model/document";
import { partGeometry, pinPosition } from "./model/geometry";
import { boxOf, drawingBounds, itemsInBox, pinRefPosition, wirePath } from "./stage-geometry";

const doc: WorkspaceDoc = {
  parts: [
    { id: "led1", kind: "led", x: 100, y: 100, rotation: 0 },
    { id: "r1", kind: "resistor", x: 300, y: 100, rotation: 90 },
  ],
  wires: [
    { id: "w1", from: "led1.A", to: "r1.1", points: [{ x: 200, y: 40 }], color: "green" },
    { id: "w2", from: "led1.C", to: "gone1.X", points: [], color: "black" },
  ],
};

describe("wirePath", () => {
  it("runs from the first pin through the bends to the second", () => {
    const path = wirePath(doc, doc.wires[0]!)!;
    expect(path[0]).toEqual(pinPosition(doc.parts[0]!, "A"));
    expect(path[1]).toEqual({ x: 200, y: 40 });
    expect(path[2]).toEqual(pinPosition(doc.parts[1]!, "1"));
  });

  it("is null when an end's part is missing", () => {
    expect(wirePath(doc, doc.wires[1]!)).toBeNull();
    expect(pinRefPosition(doc, "led1.nope")).toBeNull();
  });
});

describe("drawingBounds", () => {
  it("holds every part and wire bend", () => {
    const box = drawingBounds(doc)!;
    expect(box.x).toBeLessThanOrEqual(100);
    expect(box.y).toBeLessThanOrEqual(40);
    const led = partGeometry({ kind: "led" });
    expect(box.y + box.height).toBeGreaterThanOrEqual(100 + led.height);
    expect(drawingBounds({ parts: [], wires: [] })).toBeNull();
  });
});

describe("itemsInBox", () => {
  it("selects the parts wholly inside and wires whose whole path is inside", () => {
    const led = partGeometry({ kind: "led" });
    const aroundLed = boxOf({ x: 90, y: 90 }, { x: 110 + led.width, y: 110 + led.height });
    expect(itemsInBox(doc, aroundLed)).toEqual(["led1"]);
    expect(itemsInBox(doc, boxOf({ x: -1000, y: -1000 }, { x: 2000, y: 2000 }))).toEqual([
      "led1",
      "r1",
      "w1",
    ]);
  });
});

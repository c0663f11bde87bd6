import { describe, expect, it } from "vitest";
import { GRID_PITCH } from "./breadboard-geometry";
import { EMPTY_DOC, type WorkspaceDoc } from "./document";
import {
  addPart,
  addWire,
  autoPlace,
  copyItems,
  moveParts,
  movePart,
  pasteItems,
  removeItems,
  rotatePart,
  setPartProps,
  setWireColor,
  setWirePoints,
} from "./edits";
import { partBounds, pinPosition } from "./geometry";

function build(...steps: ((doc: WorkspaceDoc) => { doc: WorkspaceDoc })[]): WorkspaceDoc {
  return steps.reduce((doc, step) => step(doc).doc, EMPTY_DOC);
}

const place =
  (kind: string, x = 0, y = 0) =>
  (doc: WorkspaceDoc) =>
    addPart(doc, kind, { x, y });
const offGrid = (v: number) => Math.abs(v - Math.round(v / GRID_PITCH) * GRID_PITCH);

describe("addPart", () => {
  it("gives fresh ids per kind and the kind's default props", () => {
    const doc = build(
      place("uno"),
      place("led"),
      place("led"),
      place("resistor"),
      place("breadboard"),
    );
    expect(doc.parts.map((p) => p.id)).toEqual(["uno1", "led1", "led2", "r1", "bb1"]);
    expect(doc.parts[0]!.props).toBeUndefined();
    expect(doc.parts[1]!.props).toEqual({ color: "red" });
    expect(doc.parts[3]!.props).toEqual({ ohms: 220 });
    expect(doc.parts[4]!.props).toEqual({ size: "full" });
    const blue = addPart(doc, "led", { x: 0, y: 0 }, { color: "blue" });
    expect(blue.id).toBe("led3");
    expect(blue.doc.parts.at(-1)!.props).toEqual({ color: "blue" });
  });

  it("reuses no id still in use, parts' or wires'", () => {
    const doc = build(place("led"), place("led"));
    const fewer = removeItems(doc, ["led1"]);
    expect(addPart(fewer, "led", { x: 0, y: 0 }).id).toBe("led1");
    expect(addPart(doc, "led", { x: 0, y: 0 }).id).toBe("led3");
  });

  it("refuses a kind it does not know", () => {
    expect(() => addPart(EMPTY_DOC, "flux-capacitor", { x: 0, y: 0 })).toThrow(
      'Unknown part kind "flux-capacitor"',
    );
  });
});

describe("movePart / moveParts / rotatePart", () => {
  it("snaps a moved part so its legs land on the grid", () => {
    const doc = movePart(build(place("resistor")), "r1", { x: 101.3, y: 47.9 });
    const leg = pinPosition(doc.parts[0]!, "1");
    expect(offGrid(leg.x)).toBeLessThan(1e-6);
    expect(offGrid(leg.y)).toBeLessThan(1e-6);
    expect(Math.abs(doc.parts[0]!.x - 101.3)).toBeLessThanOrEqual(GRID_PITCH / 2);
  });

  it("moves parts by whole grid steps, with the bends of wires between them", () => {
    let doc = build(place("led", 0, 0), place("resistor", 200, 0), place("uno", 0, 300));
    doc = addWire(doc, "led1.A", "r1.1", [{ x: 50, y: 50 }]).doc;
    doc = addWire(doc, "led1.C", "uno1.GND", [{ x: 10, y: 200 }]).doc;
    const moved = moveParts(doc, ["led1", "r1"], { x: 20, y: -9 });
    expect(moved.parts[0]!.x - doc.parts[0]!.x).toBeCloseTo(2 * GRID_PITCH);
    expect(moved.parts[0]!.y - doc.parts[0]!.y).toBeCloseTo(-GRID_PITCH);
    expect(moved.parts[2]).toBe(doc.parts[2]);
    expect(moved.wires[0]!.points).toEqual([{ x: 50 + 19.2, y: 50 - 9.6 }]);
    expect(moved.wires[1]!.points).toEqual([{ x: 10, y: 200 }]); // one end stays: bends stay
    expect(moveParts(doc, ["led1"], { x: 2, y: 3 })).toBe(doc);
  });

  it("turns a part a quarter clockwise about its centre, four turns bring it back", () => {
    const doc = build(place("resistor", 96, 96));
    const before = partBounds(doc.parts[0]!);
    const once = rotatePart(doc, "r1");
    expect(once.parts[0]!.rotation).toBe(90);
    const after = partBounds(once.parts[0]!);
    // Same centre, up to the snap of the legs back onto the grid.
    expect(Math.abs(after.x + after.width / 2 - (before.x + before.width / 2))).toBeLessThan(
      GRID_PITCH / 2,
    );
    expect(after.width).toBeCloseTo(before.height);
    for (const pin of ["1", "2"])
      expect(offGrid(pinPosition(once.parts[0]!, pin).x)).toBeLessThan(2);
    const fourTimes = [1, 2, 3].reduce((d) => rotatePart(d, "r1"), once);
    expect(fourTimes.parts[0]!.rotation).toBe(0);
    expect(fourTimes.parts[0]!.x).toBeCloseTo(doc.parts[0]!.x);
    expect(fourTimes.parts[0]!.y).toBeCloseTo(doc.parts[0]!.y);
  });
});

describe("removeItems", () => {
  it("removes a part with its wires, and wires alone", () => {
    let doc = build(place("uno", 0, 300), place("led"), place("resistor", 200, 0));
    doc = addWire(doc, "uno1.D13", "r1.1").doc;
    doc = addWire(doc, "r1.2", "led1.A").doc;
    doc = addWire(doc, "led1.C", "uno1.GND").doc;
    const noLed = removeItems(doc, ["led1"]);
    expect(noLed.parts.map((p) => p.id)).toEqual(["uno1", "r1"]);
    expect(noLed.wires.map((w) => w.id)).toEqual(["w1"]);
    const noWire = removeItems(doc, ["w2", "nothing"]);
    expect(noWire.parts).toHaveLength(3);
    expect(noWire.wires.map((w) => w.id)).toEqual(["w1", "w3"]);
  });
});

describe("setPartProps", () => {
  it("replaces the props, dropping wires to holes a smaller breadboard lacks", () => {
    let doc = build(place("breadboard"), place("uno", 0, 300));
    doc = addWire(doc, "uno1.5V", "bb1.tp40").doc;
    doc = addWire(doc, "uno1.GND", "bb1.tn3").doc;
    const half = setPartProps(doc, "bb1", { size: "half" });
    expect(half.parts[0]!.props).toEqual({ size: "half" });
    expect(half.wires.map((w) => w.to)).toEqual(["bb1.tn3"]);
    expect(setPartProps(half, "bb1", {}).parts[0]!.props).toBeUndefined();
    expect(() => setPartProps(doc, "nope", {})).toThrow('No part "nope"');
  });
});

describe("wires", () => {
  it("colours new wires by their nets: red for power, black for ground, green for signals", () => {
    let doc = build(place("breadboard"), place("uno", 0, 300), place("led", 700, 0));
    const colour = (from: string, to: string) => {
      const added = addWire(doc, from, to);
      doc = added.doc;
      return added.doc.wires.at(-1)!.color;
    };
    expect(colour("uno1.5V", "bb1.tp1")).toBe("red");
    expect(colour("uno1.GND", "bb1.bn1")).toBe("black");
    expect(colour("uno1.D13", "bb1.a10")).toBe("green");
    expect(colour("bb1.tp7", "bb1.a20")).toBe("red"); // the + rail
    expect(colour("bb1.a12", "bb1.tn4")).toBe("black"); // the − rail, at the far end
    expect(colour("bb1.b20", "led1.A")).toBe("red"); // a strip the + rail feeds
    expect(colour("uno1.D2", "led1.C")).toBe("green");
  });

  it("takes a colour and bends when given, and edits them", () => {
    let doc = build(place("uno"), place("led", 400, 0));
    const added = addWire(doc, "uno1.D3", "led1.A", [{ x: 1, y: 2 }], "orange");
    doc = added.doc;
    expect(doc.wires[0]).toEqual({
      id: added.id,
      from: "uno1.D3",
      to: "led1.A",
      points: [{ x: 1, y: 2 }],
      color: "orange",
    });
    expect(setWireColor(doc, added.id, "blue").wires[0]!.color).toBe("blue");
    expect(setWirePoints(doc, added.id, []).wires[0]!.points).toEqual([]);
  });

  it("refuses pins that do not exist and wires from a pin to itself", () => {
    const doc = build(place("uno"));
    expect(() => addWire(doc, "uno1.D13", "uno1.D99")).toThrow("No pin uno1.D99");
    expect(() => addWire(doc, "led9.A", "uno1.D13")).toThrow("No pin led9.A");
    expect(() => addWire(doc, "uno1.D13", "uno1.D13")).toThrow("two different pins");
  });
});

describe("copyItems / pasteItems", () => {
  function circuit() {
    let doc = build(place("uno", 0, 300), place("led"), place("resistor", 200, 0));
    doc = addWire(doc, "r1.2", "led1.A", [{ x: 100, y: 100 }]).doc;
    doc = addWire(doc, "uno1.D13", "r1.1").doc;
    return doc;
  }

  it("pastes copies with fresh ids, moved, the wires between them along", () => {
    const doc = circuit();
    const text = copyItems(doc, ["led1", "r1"]);
    const pasted = pasteItems(doc, text, { x: 96, y: 0 });
    expect(pasted.ids).toEqual(["led2", "r2", "w3"]);
    const [led2, r2] = pasted.doc.parts.slice(3);
    expect(led2).toEqual({ ...doc.parts[1]!, id: "led2", x: doc.parts[1]!.x + 96 });
    expect(r2).toEqual({ ...doc.parts[2]!, id: "r2", x: doc.parts[2]!.x + 96 });
    // The wire between the copied parts comes along; the one to the Uno (not copied) does not.
    expect(pasted.doc.wires.at(-1)).toEqual({
      ...doc.wires[0]!,
      id: "w3",
      from: "r2.2",
      to: "led2.A",
      points: [{ x: 196, y: 100 }],
    });
    expect(pasted.doc.wires).toHaveLength(3);
    // The original is untouched, and pasting again gives other ids.
    expect(pasted.doc.parts.slice(0, 3)).toEqual(doc.parts);
    expect(pasteItems(pasted.doc, text, { x: 0, y: 96 }).ids).toEqual(["led3", "r3", "w4"]);
  });

  it("refuses text that is not parts copied from the workspace", () => {
    const doc = circuit();
    expect(() => pasteItems(doc, "hello", { x: 0, y: 0 })).toThrow(
      "does not hold parts copied from the Arduino workspace",
    );
    expect(() => pasteItems(doc, '{"format":"kicad"}', { x: 0, y: 0 })).toThrow(
      "does not hold parts",
    );
    const text = JSON.parse(copyItems(doc, ["led1"])) as { parts: { kind: string }[] };
    text.parts[0]!.kind = "flux-capacitor";
    expect(() => pasteItems(doc, JSON.stringify(text), { x: 0, y: 0 })).toThrow(
      'Unknown part kind "flux-capacitor"',
    );
  });
});

describe("autoPlace", () => {
  it("puts the first part near the origin, the next ones right of the others, then below", () => {
    const first = autoPlace(EMPTY_DOC, "uno");
    expect(first.x).toBeLessThan(100);
    let doc = addPart(EMPTY_DOC, "uno", first).doc;
    const second = autoPlace(doc, "led");
    expect(second.x).toBeGreaterThan(partBounds(doc.parts[0]!).x + partBounds(doc.parts[0]!).width);
    doc = addPart(doc, "led", second).doc;
    doc = addPart(doc, "breadboard", autoPlace(doc, "breadboard")).doc;
    // Still in the first row (level with the Uno, up to snapping the legs onto the grid).
    expect(Math.abs(partBounds(doc.parts[2]!).y - partBounds(doc.parts[0]!).y)).toBeLessThan(
      GRID_PITCH,
    );
    // A second full breadboard in that row would pass 1200 units: it goes below everything.
    doc = addPart(doc, "breadboard", autoPlace(doc, "breadboard")).doc;
    const lowest = Math.max(
      ...doc.parts.slice(0, 3).map((p) => partBounds(p).y + partBounds(p).height),
    );
    expect(partBounds(doc.parts[3]!).y).toBeGreaterThan(lowest);
    for (const a of doc.parts)
      for (const b of doc.parts) {
        if (a === b) continue;
        const [p, q] = [partBounds(a), partBounds(b)];
        const apart =
          p.x + p.width < q.x ||
          q.x + q.width < p.x ||
          p.y + p.height < q.y ||
          q.y + q.height < p.y;
        expect(apart).toBe(true);
      }
  });
});

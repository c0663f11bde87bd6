import type { Circuit } from "@ohmcloud/avr-sim";
import { describe, expect, it } from "vitest";
import { parseProject, serializeProject } from "../../project/project-file";
import { MAIN_TAB } from "../../sketch/examples";
import { circuitOf } from "./connections";
import { EMPTY_DOC, type WorkspaceDoc } from "./document";
import { addPart, addWire, movePart, rotatePart } from "./edits";
import { partBounds, pinPosition } from "./geometry";
import { docFromProject, projectCircuitOf } from "./project-layout";

/** The wires of a circuit as a set of unordered pairs, for comparing connectivity. */
const pairs = (circuit: Circuit) => new Set(circuit.wires.map((w) => [...w].sort().join(" ")));

function putPinAt(doc: WorkspaceDoc, id: string, pin: string, at: { x: number; y: number }) {
  const part = doc.parts.find((p) => p.id === id)!;
  const offset = pinPosition(part, pin);
  return movePart(doc, id, { x: part.x + at.x - offset.x, y: part.y + at.y - offset.y });
}

/** Uno + breadboard + 220 Ω + LED on D13, the GND over the − rail, a turned resistor too. */
function workspace(): WorkspaceDoc {
  let doc = addPart(EMPTY_DOC, "uno", { x: 0, y: 300 }).doc;
  doc = addPart(doc, "breadboard", { x: 0, y: 0 }).doc;
  doc = addPart(doc, "resistor", { x: 0, y: 0 }).doc;
  doc = putPinAt(doc, "r1", "1", { x: 5 * 9.6, y: 6 * 9.6 }); // c4
  doc = addPart(doc, "led", { x: 0, y: 0 }, { color: "green" }).doc;
  doc = putPinAt(doc, "led1", "A", { x: 11 * 9.6, y: 8 * 9.6 }); // e10
  doc = addPart(doc, "resistor", { x: 0, y: 0 }, { ohms: 10_000 }).doc;
  doc = rotatePart(doc, "r2");
  doc = putPinAt(doc, "r2", "1", { x: 22 * 9.6, y: 11 * 9.6 }); // f21, the other leg in bp16
  doc = addWire(doc, "uno1.D13", "bb1.a4", [{ x: 120, y: 250 }]).doc;
  doc = addWire(doc, "uno1.GND", "bb1.tn1").doc;
  doc = addWire(doc, "bb1.tn5", "bb1.a9", [], "blue").doc;
  return doc;
}

describe("projectCircuitOf / docFromProject", () => {
  it("saves the complete circuit and the layout, and loads the same document back", () => {
    const doc = workspace();
    const { circuit, layout } = projectCircuitOf(doc);
    expect(circuit).toEqual(circuitOf(doc));
    expect(layout.parts.led1).toEqual({ x: doc.parts[3]!.x, y: doc.parts[3]!.y, rotation: 0 });
    expect(layout.parts.r2!.rotation).toBe(90);
    expect(layout.wires).toHaveLength(circuit.wires.length);
    expect(layout.wires[0]).toEqual({ color: "green", points: [[120, 250]], id: "w1" });
    expect(layout.wires.slice(3).every((wire) => wire === null)).toBe(true);

    const text = serializeProject({ board: "uno", sketch: { [MAIN_TAB]: "" }, circuit, layout });
    const project = parseProject(text);
    expect(docFromProject(project.circuit, project.layout)).toEqual(doc);
  });

  it("loads a hand-written circuit without layout: parts placed, legs plugged into their holes", () => {
    const circuit: Circuit = {
      components: [
        { id: "uno", kind: "uno" },
        { id: "bb", kind: "breadboard", props: { size: "half" } },
        { id: "r1", kind: "resistor", props: { ohms: 220 } },
        { id: "led1", kind: "led" },
        { id: "r2", kind: "resistor" },
        { id: "led2", kind: "led" },
      ],
      wires: [
        ["uno.D13", "bb.a4"],
        ["r1.1", "bb.c4"],
        ["r1.2", "bb.c10"],
        ["led1.A", "bb.e10"],
        ["led1.C", "bb.e9"],
        ["uno.GND", "bb.tn1"],
        ["bb.tn5", "bb.a9"],
        // Standing on end, from a strip to the + rail (it only fits turned).
        ["r2.1", "bb.f20"],
        ["r2.2", "bb.bp16"],
        // Legs 12 columns apart: no LED spans that; it plugs one leg in, the other is wired.
        ["led2.A", "bb.j2"],
        ["led2.C", "bb.j14"],
      ],
    };
    const doc = docFromProject(circuit);
    expect(doc.parts.map((p) => p.id)).toEqual(circuit.components.map((c) => c.id));
    expect(doc.wires.map((w) => `${w.from} ${w.to}`)).toEqual([
      "uno.D13 bb.a4",
      "uno.GND bb.tn1",
      "bb.tn5 bb.a9",
      "led2.C bb.j14",
    ]);
    expect(doc.parts.find((p) => p.id === "r2")!.rotation).toBe(90);
    // The loaded workspace is the same circuit, joins recognised from where the parts went.
    expect(pairs(circuitOf(doc))).toEqual(pairs(circuit));
    // Parts not on the board were placed apart from everything else.
    const uno = partBounds(doc.parts[0]!);
    const board = partBounds(doc.parts[1]!);
    expect(uno.x + uno.width < board.x || board.x + board.width < uno.x).toBe(true);
    expect(doc.wires.map((w) => w.color)).toEqual(["green", "black", "black", "green"]);
  });

  it("loads a project file from before the workspace (no layout, LED straight on the Uno)", () => {
    const oldFile = JSON.stringify({
      format: "ohmcloud-arduino-project",
      version: 1,
      board: "uno",
      sketch: { [MAIN_TAB]: "void setup() {}\nvoid loop() {}\n" },
      circuit: {
        components: [
          { id: "uno", kind: "uno" },
          { id: "led1", kind: "led", props: { color: "red" } },
        ],
        wires: [
          ["led1.A", "uno.D13"],
          ["led1.C", "uno.GND"],
        ],
      },
    });
    const project = parseProject(oldFile);
    expect(project.layout).toBeUndefined();
    const doc = docFromProject(project.circuit, project.layout);
    expect(doc.parts.map((p) => [p.id, p.kind, p.rotation])).toEqual([
      ["uno", "uno", 0],
      ["led1", "led", 0],
    ]);
    expect(doc.wires).toEqual([
      { id: "w1", from: "led1.A", to: "uno.D13", points: [], color: "green" },
      { id: "w2", from: "led1.C", to: "uno.GND", points: [], color: "black" },
    ]);
    expect(circuitOf(doc)).toEqual(project.circuit);
  });

  it("draws a wire whose layout says null but whose leg is not in that hole", () => {
    const circuit: Circuit = {
      components: [
        { id: "bb", kind: "breadboard" },
        { id: "led1", kind: "led" },
      ],
      wires: [["led1.A", "bb.a1"]],
    };
    const layout = {
      parts: {
        bb: { x: 0, y: 0, rotation: 0 as const },
        led1: { x: 700, y: 0, rotation: 0 as const },
      },
      wires: [null],
    };
    const doc = docFromProject(circuit, layout);
    expect(doc.wires).toEqual([
      { id: "w1", from: "led1.A", to: "bb.a1", points: [], color: "green" },
    ]);
  });

  it("keeps saved wire ids and gives unsaved ones ids that clash with none", () => {
    const circuit: Circuit = {
      components: [
        { id: "w1", kind: "uno" },
        { id: "led1", kind: "led" },
      ],
      wires: [
        ["led1.A", "w1.D13"],
        ["led1.C", "w1.GND"],
      ],
    };
    const layout = {
      parts: {},
      wires: [null, { color: "black", points: [], id: "w2" }],
    };
    const doc = docFromProject(circuit, layout);
    expect(doc.wires.map((w) => w.id)).toEqual(["w3", "w2"]);
  });
});

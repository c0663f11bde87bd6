import {
  isLedLit,
  ledForwardVolts,
  PART_CATALOG,
  PreparedCircuit,
  type PartContext,
} from "@ohmcloud/avr-sim";
import { describe, expect, it } from "vitest";
import { GRID_PITCH } from "./breadboard-geometry";
import { circuitOf, legJoins, netOf } from "./connections";
import { EMPTY_DOC, type WorkspaceDoc } from "./document";
import { addPart, addWire, movePart, rotatePart } from "./edits";
import { pinPosition } from "./geometry";

/** A full breadboard with its top-left at the origin: hole (row, column) is where the docs say. */
const ROW = { tn: 1, tp: 2, a: 4, b: 5, c: 6, d: 7, e: 8, f: 11, j: 15, bp: 17, bn: 18 };
const hole = (row: keyof typeof ROW, column: number) => ({
  x: (column + 1) * GRID_PITCH,
  y: ROW[row] * GRID_PITCH,
});

/** Moves part `id` so that its pin `pin` sits at `at`, as a user dragging it there would. */
function putPinAt(doc: WorkspaceDoc, id: string, pin: string, at: { x: number; y: number }) {
  const part = doc.parts.find((p) => p.id === id)!;
  const offset = pinPosition(part, pin);
  return movePart(doc, id, { x: part.x + at.x - offset.x, y: part.y + at.y - offset.y });
}

function dropWithPinAt(doc: WorkspaceDoc, kind: string, pin: string, at: { x: number; y: number }) {
  const added = addPart(doc, kind, { x: 0, y: 0 });
  return { doc: putPinAt(added.doc, added.id, pin, at), id: added.id };
}

/** Breadboard, resistor from c4 to c10, LED with its anode in e10 and cathode in e9. */
function ledOnBreadboard() {
  let doc = addPart(EMPTY_DOC, "breadboard", { x: 0, y: 0 }).doc;
  doc = dropWithPinAt(doc, "resistor", "1", hole("c", 4)).doc;
  doc = dropWithPinAt(doc, "led", "A", hole("e", 10)).doc;
  return doc;
}

describe("legJoins", () => {
  it("joins the legs of an LED and a resistor dropped on a breadboard to the holes under them", () => {
    const doc = ledOnBreadboard();
    expect(legJoins(doc)).toEqual([
      ["r1.1", "bb1.c4"],
      ["r1.2", "bb1.c10"],
      ["led1.A", "bb1.e10"],
      ["led1.C", "bb1.e9"],
    ]);
  });

  it("follows a turned part: a resistor on end from a strip to the + rail below", () => {
    const turned = rotatePart(ledOnBreadboard(), "r1");
    // 90° clockwise puts leg 1 on top; six pitches below f21 is the bottom + rail's 16th hole.
    const doc = putPinAt(turned, "r1", "1", hole("f", 21));
    expect(legJoins(doc).filter(([leg]) => leg.startsWith("r1."))).toEqual([
      ["r1.1", "bb1.f21"],
      ["r1.2", "bb1.bp16"],
    ]);
    // Below f20 is a gap between groups of rail holes: that leg joins nothing.
    const onGap = putPinAt(turned, "r1", "1", hole("f", 20));
    expect(legJoins(onGap).filter(([leg]) => leg.startsWith("r1."))).toEqual([["r1.1", "bb1.f20"]]);
    // From row a, its lower leg ends in the centre channel.
    const inChannel = putPinAt(turned, "r1", "1", hole("a", 21));
    expect(legJoins(inChannel).filter(([leg]) => leg.startsWith("r1."))).toEqual([
      ["r1.1", "bb1.a21"],
    ]);
  });

  it("does not plug in the Uno's socket headers, nor parts away from the board", () => {
    let doc = addPart(EMPTY_DOC, "breadboard", { x: 0, y: 0 }).doc;
    doc = addPart(doc, "uno", { x: 10, y: 10 }).doc; // lying over the board
    doc = addPart(doc, "led", { x: 1000, y: 1000 }).doc;
    expect(legJoins(doc)).toEqual([]);
  });
});

describe("circuitOf", () => {
  it("lists every part, the drawn wires and then the joins", () => {
    let doc = ledOnBreadboard();
    doc = addPart(doc, "uno", { x: 0, y: 300 }).doc;
    doc = addWire(doc, "uno1.D13", "bb1.a4").doc;
    const circuit = circuitOf(doc);
    expect(circuit.components).toEqual([
      { id: "bb1", kind: "breadboard", props: { size: "full" } },
      { id: "r1", kind: "resistor", props: { ohms: 220 } },
      { id: "led1", kind: "led", props: { color: "red" } },
      { id: "uno1", kind: "uno" },
    ]);
    expect(circuit.wires[0]).toEqual(["uno1.D13", "bb1.a4"]);
    expect(circuit.wires.slice(1)).toEqual(legJoins(doc));
  });
});

describe("netOf", () => {
  it("follows a strip: the five holes of a column half, the legs in them, not the other half", () => {
    const doc = ledOnBreadboard();
    const net = netOf(doc, "r1.2");
    expect([...net.pins].sort()).toEqual(
      ["bb1.a10", "bb1.b10", "bb1.c10", "bb1.d10", "bb1.e10", "led1.A", "r1.2"].sort(),
    );
    expect(net.pins.has("bb1.f10")).toBe(false);
    // Not through the resistor: its other leg is a net of its own.
    expect(net.pins.has("r1.1")).toBe(false);
  });

  it("follows a rail along its length, and the drawn wires on it", () => {
    let doc = ledOnBreadboard();
    doc = addPart(doc, "uno", { x: 0, y: 300 }).doc;
    const toRail = addWire(doc, "uno1.GND", "bb1.tn1");
    const toLed = addWire(toRail.doc, "bb1.tn50", "bb1.a9");
    const net = netOf(toLed.doc, "led1.C");
    for (const pin of ["uno1.GND", "bb1.tn1", "bb1.tn25", "bb1.tn50", "bb1.e9", "led1.C"])
      expect(net.pins.has(pin), pin).toBe(true);
    expect(net.pins.has("bb1.tp1")).toBe(false);
    expect(net.pins.has("uno1.GND.2")).toBe(false); // other GND pins join only on the board itself
    expect([...net.wires].sort()).toEqual([toRail.id, toLed.id].sort());
  });

  it("is just the pin for a pin on nothing", () => {
    const doc = addPart(EMPTY_DOC, "led", { x: 0, y: 0 }).doc;
    expect([...netOf(doc, "led1.A").pins]).toEqual(["led1.A"]);
    expect(netOf(doc, "led1.A").wires.size).toBe(0);
  });
});

describe("a full example: Uno, breadboard, LED and 220 Ω on D13", () => {
  function example() {
    let doc = ledOnBreadboard();
    doc = addPart(doc, "uno", { x: 0, y: 300 }).doc;
    doc = addWire(doc, "uno1.D13", "bb1.a4").doc; // D13 → resistor leg 1 (column 4)
    doc = addWire(doc, "uno1.GND", "bb1.tn1").doc; // GND → − rail
    doc = addWire(doc, "bb1.tn5", "bb1.a9").doc; // − rail → LED cathode (column 9)
    return doc;
  }

  const driving = (d13: "high" | "low"): PartContext => ({
    mcuDrive: (_board, pin) => (pin === 13 ? d13 : "input"),
    isClosed: () => false,
  });

  it("gives a circuit avr-sim accepts, D13 and the resistor's end on one net", () => {
    const prepared = new PreparedCircuit(circuitOf(example()), PART_CATALOG);
    const resolution = prepared.resolve(driving("high"));
    const net = resolution.netOf("uno1.D13");
    expect(net).toBeDefined();
    expect(resolution.netOf("r1.1")).toBe(net);
    expect(resolution.netOf("r1.2")).toBe(resolution.netOf("led1.A"));
    expect(resolution.netOf("led1.C")).toBe(resolution.netOf("uno1.GND"));
    expect(resolution.netOf("r1.2")).not.toBe(net);
  });

  it("lights the LED while D13 is HIGH, with no warnings", () => {
    const prepared = new PreparedCircuit(circuitOf(example()), PART_CATALOG);
    const high = prepared.resolve(driving("high"));
    expect(isLedLit(high, "led1", ledForwardVolts("red"))).toBe(true);
    expect(high.warnings).toEqual([]);
    expect(isLedLit(prepared.resolve(driving("low")), "led1", ledForwardVolts("red"))).toBe(false);
  });

  it("colours the wires by what they carry", () => {
    const colors = example().wires.map((w) => w.color);
    expect(colors).toEqual(["green", "black", "black"]);
  });
});

describe("parts the workspace draws itself", () => {
  it("plug a 9 V battery's leads into the two top rails, + into tp and − into tn", () => {
    let doc = addPart(EMPTY_DOC, "breadboard", { x: 0, y: 0 }).doc;
    doc = dropWithPinAt(doc, "battery-9v", "+", { x: 5 * GRID_PITCH, y: 2 * GRID_PITCH }).doc;
    expect(legJoins(doc)).toEqual([
      ["bat1.+", "bb1.tp2"],
      ["bat1.-", "bb1.tn4"],
    ]);
  });

  it("plug a relay module's header in, but not its screw terminals", () => {
    let doc = addPart(EMPTY_DOC, "breadboard", { x: 0, y: 0 }).doc;
    doc = dropWithPinAt(doc, "relay", "VCC", hole("f", 3)).doc;
    // Unturned, the header runs down a column (VCC f3, GND g3, IN h3); the screw terminals, ten
    // pitches right, sit half a pitch off the rows and take no hole.
    expect(legJoins(doc)).toEqual([
      ["relay1.VCC", "bb1.f3"],
      ["relay1.GND", "bb1.g3"],
      ["relay1.IN", "bb1.h3"],
    ]);
  });
});

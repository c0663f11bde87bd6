import { buildConnectivity, hitTest, Scene, type Schematic } from "@ohmcloud/canvas";
import { describe, expect, it } from "vitest";
import { EXAMPLES } from "./documents";
import { SymbolStore } from "./library";
import { probeHighlight, probeKey, probeTargetOf } from "./probe";
import { TEST_SYMBOLS } from "./test-symbols";

const symbols = new SymbolStore(undefined, TEST_SYMBOLS);

function divider(extra: Partial<Schematic> = {}): Scene {
  const example = EXAMPLES.find((e) => e.slug === "voltage-divider");
  if (example === undefined) throw new Error("the voltage divider example is missing");
  const schematic = example.file.schematic;
  return Scene.from({
    ...schematic,
    junctions: [...schematic.junctions, ...(extra.junctions ?? [])],
  });
}

function probeAt(scene: Scene, x: number, y: number) {
  const hits = hitTest(scene, { x, y }, { symbols: symbols.lookup, tolerance: 30 });
  return probeTargetOf(hits, scene, buildConnectivity(scene, symbols.lookup), symbols.lookup);
}

describe("probeTargetOf", () => {
  // The divider: V1 (c1) feeds "in" (w6) into R1 (c4), R1 and R2 (c5) meet at "out" (w7, label l8).
  const scene = divider({ junctions: [{ id: "j", position: [1000, 1450] }] });

  it("takes a wire, a label or a pin end for its net", () => {
    expect(probeAt(scene, 2000, 1900)).toEqual({ kind: "net", net: "out" }); // w7
    expect(probeAt(scene, 2020, 2040)).toEqual({ kind: "net", net: "out" }); // pin 1 of R2, label l8
    expect(probeAt(scene, 1500, 1450)).toEqual({ kind: "net", net: "in" }); // w6
    expect(probeAt(scene, 2000, 1455)).toEqual({ kind: "net", net: "in" }); // pin 1 of R1
  });

  it("takes a junction for the net of the wire under it", () => {
    expect(probeAt(scene, 1000, 1450)).toEqual({ kind: "net", net: "in" });
  });

  it("takes a part's body for the part, a power symbol's for its net", () => {
    expect(probeAt(scene, 2000, 1600)).toEqual({ kind: "component", id: "c4", reference: "R1" });
    expect(probeAt(scene, 2000, 2600)).toEqual({ kind: "net", net: "GND" }); // #PWR10's body
  });

  it("finds nothing on empty paper", () => {
    expect(probeAt(scene, 5000, 5000)).toBeUndefined();
  });
});

describe("probeHighlight and probeKey", () => {
  const scene = divider();
  const connectivity = buildConnectivity(scene, symbols.lookup);

  it("highlights a net's wires and labels, or the part", () => {
    expect([...probeHighlight({ kind: "net", net: "out" }, connectivity)].sort()).toEqual([
      "l8",
      "w7",
    ]);
    expect([
      ...probeHighlight({ kind: "component", id: "c4", reference: "R1" }, connectivity),
    ]).toEqual(["c4"]);
    expect(probeHighlight(null, connectivity).size).toBe(0);
  });

  it("keys equal targets equally", () => {
    expect(probeKey({ kind: "net", net: "out" })).toBe(probeKey({ kind: "net", net: "out" }));
    expect(probeKey({ kind: "net", net: "out" })).not.toBe(probeKey({ kind: "net", net: "in" }));
    expect(probeKey(null)).toBeNull();
  });
});

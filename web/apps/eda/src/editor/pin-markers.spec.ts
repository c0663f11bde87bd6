import {
  buildConnectivity,
  Scene,
  type Component,
  type Schematic,
  type SymbolLookup,
  type SymbolPins,
} from "@ohmcloud/canvas";
import { describe, expect, it } from "vitest";
import { EXAMPLES } from "./documents";
import { SymbolStore } from "./library";
import { onPolyline, pinMarkers } from "./pin-markers";
import { TEST_SYMBOLS } from "./test-symbols";

/** A 74xx-style gate: two visible pins and a hidden supply pin that joins VCC by name. */
const GATE: SymbolPins = {
  is_power: false,
  pins: [
    { number: "1", name: "A", x: -200, y: 0, unit: 0, hidden: false, electrical_type: "input" },
    { number: "2", name: "Y", x: 200, y: 0, unit: 0, hidden: false, electrical_type: "output" },
    { number: "14", name: "VCC", x: 0, y: 100, unit: 0, hidden: true, electrical_type: "power_in" },
  ],
};

const store = new SymbolStore(undefined, TEST_SYMBOLS);
const lookup: SymbolLookup = (symbol) => (symbol === "Test:Gate" ? GATE : store.lookup(symbol));

function part(id: string, symbol: string, position: [number, number], reference = id): Component {
  return { id, symbol, position, reference, value: "" };
}

function markersOf(document: Partial<Schematic>) {
  const scene = Scene.from({ format: "ohmcloud-schematic", version: 1, ...document });
  const markers = pinMarkers(scene, buildConnectivity(scene, lookup), lookup);
  return new Map(markers.map((m) => [`${m.reference}.${m.number}`, m]));
}

describe("pinMarkers", () => {
  it("finds every pin of the wired voltage divider connected, at its sheet position", () => {
    const example = EXAMPLES.find((e) => e.slug === "voltage-divider");
    if (example === undefined) throw new Error("the voltage divider example is missing");
    const markers = markersOf(example.file.schematic);
    expect([...markers.keys()].sort()).toEqual(
      ["#PWR10.1", "#PWR3.1", "R1.1", "R1.2", "R2.1", "R2.2", "V1.1", "V1.2"].sort(),
    );
    expect([...markers.values()].every((m) => m.connected)).toBe(true);
    expect(markers.get("R1.1")?.position).toEqual([2000, 1450]);
  });

  it("leaves the pins of a lone part open", () => {
    const markers = markersOf({ components: [part("R1", "Device:R", [1000, 1000])] });
    expect(markers.get("R1.1")).toMatchObject({ connected: false, position: [1000, 850] });
    expect(markers.get("R1.2")).toMatchObject({ connected: false, position: [1000, 1150] });
  });

  it("connects a pin that a wire passes through, a wire ends on, a pin touches or a flag marks", () => {
    const markers = markersOf({
      components: [
        part("R1", "Device:R", [1000, 1000]),
        part("R2", "Device:R", [1000, 1300]), // its pin 1 (1000, 1150) touches R1's pin 2
        part("R3", "Device:R", [2000, 1000]),
        part("R4", "Device:R", [3000, 1000]),
      ],
      wires: [
        {
          id: "through",
          points: [
            [500, 850],
            [1500, 850],
          ],
        },
        {
          id: "end",
          points: [
            [2000, 1150],
            [2000, 1500],
          ],
        },
      ],
      no_connects: [{ id: "nc", position: [3000, 850] }],
    });
    expect(markers.get("R1.1")?.connected).toBe(true);
    expect(markers.get("R1.2")?.connected).toBe(true);
    expect(markers.get("R2.1")?.connected).toBe(true);
    expect(markers.get("R2.2")?.connected).toBe(false);
    expect(markers.get("R3.1")?.connected).toBe(false);
    expect(markers.get("R3.2")?.connected).toBe(true);
    expect(markers.get("R4.1")?.connected).toBe(true);
    expect(markers.get("R4.2")?.connected).toBe(false);
  });

  it("does not count a wire of the same net that does not reach the pin", () => {
    // Both ground symbols are on the net GND (by name); only G2 has a wire.
    const markers = markersOf({
      components: [part("G1", "power:GND", [1000, 1000]), part("G2", "power:GND", [2000, 1000])],
      wires: [
        {
          id: "w",
          points: [
            [2000, 500],
            [2000, 1000],
          ],
        },
      ],
    });
    expect(markers.get("G1.1")?.connected).toBe(false);
    expect(markers.get("G2.1")?.connected).toBe(true);
  });

  it("connects a pin a label sits on", () => {
    const markers = markersOf({
      components: [part("R1", "Device:R", [1000, 1000])],
      labels: [{ id: "a", position: [1000, 850], text: "n" }],
    });
    expect(markers.get("R1.1")?.connected).toBe(true);
    expect(markers.get("R1.2")?.connected).toBe(false);
  });

  it("marks the hidden supply pin of an ordinary symbol hidden, not that of a power symbol", () => {
    const markers = markersOf({
      components: [part("U1", "Test:Gate", [1000, 1000]), part("G1", "power:GND", [3000, 3000])],
    });
    expect(markers.get("U1.14")?.hidden).toBe(true);
    expect(markers.get("U1.1")?.hidden).toBe(false);
    expect(markers.get("G1.1")?.hidden).toBe(false);
  });
});

describe("onPolyline", () => {
  it("is exact on straight and diagonal segments, ends included", () => {
    const wire: [number, number][] = [
      [0, 0],
      [100, 0],
      [200, 100],
    ];
    expect(onPolyline([50, 0], wire)).toBe(true);
    expect(onPolyline([0, 0], wire)).toBe(true);
    expect(onPolyline([150, 50], wire)).toBe(true);
    expect(onPolyline([200, 100], wire)).toBe(true);
    expect(onPolyline([150, 51], wire)).toBe(false);
    expect(onPolyline([300, 200], wire)).toBe(false);
    expect(onPolyline([-50, 0], wire)).toBe(false);
  });
});

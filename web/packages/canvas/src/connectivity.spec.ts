import { describe, expect, it } from "vitest";
import type { Connectivity } from "./connectivity";
import { buildConnectivity, junctionDots, naturalKey, compareKeys, netOfPin } from "./connectivity";
import { sampleSymbols } from "./sample-symbols";
import { Scene } from "./scene";
import type { Component, Junction, Label, Schematic, Wire, XY } from "./schematic";

function scene(items: Partial<Schematic>): Scene {
  return Scene.from({ format: "ohmcloud-schematic", version: 1, ...items });
}

function part(id: string, symbol: string, position: XY, extra: Partial<Component> = {}): Component {
  return { id, symbol, position, reference: id.toUpperCase(), ...extra };
}

function wire(id: string, ...points: XY[]): Wire {
  return { id, points };
}

/** Each net as `name: REF.pin ...`, for comparing with expectations at a glance. */
function summary(connectivity: Connectivity): string[] {
  return connectivity.nets.map(
    (net) => `${net.name}: ${net.pins.map((pin) => `${pin.reference}.${pin.number}`).join(" ")}`,
  );
}

describe("buildConnectivity", () => {
  it("nets the format document's example (label on a wire's interior)", () => {
    const result = buildConnectivity(
      scene({
        components: [
          part("v1", "Simulation_SPICE:VDC", [1000, 1000]),
          part("r1", "Device:R", [2000, 1000]),
          part("g1", "power:GND", [1000, 1400], { reference: "#PWR01", value: "GND" }),
          part("g2", "power:GND", [2000, 1400], { reference: "#PWR02", value: "GND" }),
        ],
        wires: [
          wire("w1", [1000, 800], [1000, 600], [2000, 600], [2000, 850]),
          wire("w2", [1000, 1200], [1000, 1400]),
          wire("w3", [2000, 1150], [2000, 1400]),
        ],
        labels: [{ id: "l1", position: [1500, 600], text: "supply" }],
      }),
      sampleSymbols,
    );
    expect(summary(result)).toEqual(["GND: #PWR01.1 #PWR02.1 R1.2 V1.2", "supply: R1.1 V1.1"]);
    expect(result.nets[0]?.isGround).toBe(true);
    expect(result.nets[0]?.wires).toEqual(["w2", "w3"]);
    expect(result.labelNets.get("l1")).toBe(1);
    expect(netOfPin(result, "r1", "1")?.name).toBe("supply");
    expect(result.junctionDots).toEqual([]);
  });

  it("nets a divider: power symbols join GND, a label names the middle", () => {
    const result = buildConnectivity(
      scene({
        components: [
          part("v1", "Simulation_SPICE:VDC", [1000, 1000], { value: "dc 5" }),
          part("r1", "Device:R", [2000, 1000]),
          part("r2", "Device:R", [2000, 1500]),
          part("g1", "power:GND", [1000, 1800], { reference: "#PWR01", value: "GND" }),
          part("g2", "power:GND", [2000, 1800], { reference: "#PWR02", value: "" }),
        ],
        wires: [
          wire("w1", [1000, 800], [1000, 600], [2000, 600], [2000, 850]),
          wire("w2", [2000, 1150], [2000, 1350]),
          wire("w3", [1000, 1200], [1000, 1800]),
          wire("w4", [2000, 1650], [2000, 1800]),
        ],
        labels: [{ id: "out", position: [2000, 1250], text: "out" }],
      }),
      sampleSymbols,
    );
    expect(summary(result)).toEqual([
      "GND: #PWR01.1 #PWR02.1 R2.2 V1.2",
      "out: R1.2 R2.1",
      "N$1: R1.1 V1.1",
    ]);
    expect(result.nets[0]?.powerNames).toEqual(["GND"]);
  });

  it("nets an RC with a T-junction and puts the dots where the server does", () => {
    const rc = scene({
      components: [
        part("v1", "Simulation_SPICE:VDC", [1000, 1000]),
        part("r1", "Device:R", [1500, 600], { rotation: 90 }), // pins at (1350, 600) and (1650, 600)
        part("c1", "Device:C", [2200, 1000]),
        part("g1", "power:GND", [1600, 1400], { reference: "#PWR01", value: "GND" }),
      ],
      wires: [
        wire("w1", [1000, 800], [1000, 600], [1350, 600]),
        wire("w2", [1650, 600], [2500, 600]),
        wire("w3", [2200, 850], [2200, 600]), // ends inside w2: a T
        wire("w4", [1000, 1200], [1000, 1400], [2200, 1400], [2200, 1150]),
      ],
      labels: [{ id: "l1", position: [2500, 600], text: "out" }],
    });
    const result = buildConnectivity(rc, sampleSymbols);
    expect(summary(result)).toEqual([
      "GND: #PWR01.1 C1.2 V1.2",
      "out: C1.1 R1.2",
      "N$1: R1.1 V1.1",
    ]);
    // The T, and the ground pin sitting inside w4 (a pass-through counts twice, plus the pin).
    expect(junctionDots(rc, sampleSymbols)).toEqual([
      [1600, 1400],
      [2200, 600],
    ]);
  });

  it("keeps crossing wires apart without a junction and joins them with one", () => {
    const wires = [wire("a", [0, 0], [1000, 0]), wire("b", [500, -500], [500, 500])];
    const apart = buildConnectivity(scene({ wires }), sampleSymbols);
    expect(apart.nets).toHaveLength(2);
    expect(apart.junctionDots).toEqual([]);
    const junctions: Junction[] = [{ id: "j", position: [500, 0] }];
    const joined = buildConnectivity(scene({ wires, junctions }), sampleSymbols);
    expect(joined.nets).toHaveLength(1);
    expect(joined.nets[0]?.wires).toEqual(["a", "b"]);
    expect(joined.junctionDots).toEqual([[500, 0]]);
  });

  it("joins labels with the same text, global names first", () => {
    const labels: Label[] = [
      { id: "la", position: [0, 0], text: "sig" },
      { id: "lb", position: [5000, 0], text: "sig" },
      { id: "lc", position: [5000, 0], text: "zz", kind: "global" },
    ];
    const result = buildConnectivity(
      scene({
        components: [part("r1", "Device:R", [0, 150]), part("r2", "Device:R", [5000, 150])],
        labels,
      }),
      sampleSymbols,
    );
    expect(summary(result)).toEqual(["zz: R1.1 R2.1", "N$1: R1.2", "N$2: R2.2"]);
    expect(result.nets[0]?.labelNames).toEqual(["sig", "zz"]);
  });

  it("joins power symbols by value; flags name no net", () => {
    const result = buildConnectivity(
      scene({
        components: [
          part("r1", "Device:R", [0, 0]),
          part("r10", "Device:R", [5000, 0]),
          part("p1", "power:+5V", [0, -150], { reference: "#PWR1", value: "+5V" }),
          part("p2", "power:+5V", [5000, -150], { reference: "#PWR2", value: "+5V" }),
          part("f1", "power:PWR_FLAG", [0, 150], { reference: "#FLG1" }),
        ],
      }),
      sampleSymbols,
    );
    expect(summary(result)).toEqual([
      "+5V: #PWR1.1 #PWR2.1 R1.1 R10.1",
      "N$1: #FLG1.1 R1.2",
      "N$2: R10.2",
    ]);
  });

  it("connects pins on diagonal segments, exactly", () => {
    const result = buildConnectivity(
      scene({
        components: [part("r1", "Device:R", [100, 250])], // pin 1 at (100, 100)
        wires: [wire("d", [0, 0], [300, 300])],
      }),
      sampleSymbols,
    );
    expect(netOfPin(result, "r1", "1")?.wires).toEqual(["d"]);
    expect(netOfPin(result, "r1", "2")?.wires).toEqual([]);
  });

  it("ignores parts whose symbol is unknown", () => {
    const result = buildConnectivity(
      scene({ components: [part("u1", "Lib:Missing", [0, 0])] }),
      sampleSymbols,
    );
    expect(result.nets).toEqual([]);
  });
});

describe("naturalKey", () => {
  it("puts R2 before R10", () => {
    const sorted = ["R10", "R2", "C1", "R1"].sort((a, b) =>
      compareKeys(naturalKey(a), naturalKey(b)),
    );
    expect(sorted).toEqual(["C1", "R1", "R2", "R10"]);
  });
});

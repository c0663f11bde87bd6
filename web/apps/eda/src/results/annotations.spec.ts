import { buildConnectivity, componentBox, Scene, type Schematic } from "@ohmcloud/canvas";
import { describe, expect, it } from "vitest";
import { EXAMPLES } from "../editor/documents";
import { symbolPinsOf } from "../editor/library";
import { TEST_SYMBOLS, VOLTAGE_SOURCE } from "../editor/test-symbols";
import {
  ANNOTATION_FONT_SIZE,
  formatReadingOnSheet,
  operatingPointAnnotations,
  operatingPointPlot,
  type OpAnnotation,
} from "./annotations";
import { DIVIDER_NAMES, DIVIDER_OP } from "./fixtures";
import type { SpiceNames } from "./probe";
import type { ResultPlot } from "./types";

// The bundled examples with the spec symbols (same pins as the library's), and what the server answered
// for them: `nodes`/`elements` of POST /api/netlist and the op plot of the real ngspice run (values as
// ngspice printed them, rounding noise included).
const symbols = (symbol: string) => {
  const found = TEST_SYMBOLS.find((s) => s.symbol_id === symbol);
  return found && symbolPinsOf(found);
};

function example(slug: string): Schematic {
  const found = EXAMPLES.find((e) => e.slug === slug);
  if (found === undefined) throw new Error(`no example ${slug}`);
  return found.file.schematic;
}

function annotate(schematic: Schematic, names: SpiceNames, plot: ResultPlot): OpAnnotation[] {
  const connectivity = buildConnectivity(Scene.from(schematic), symbols);
  return operatingPointAnnotations({ schematic, symbols, connectivity, names, plot });
}

const byNet = (annotations: readonly OpAnnotation[]) =>
  Object.fromEntries(annotations.flatMap((a) => (a.kind === "voltage" ? [[a.net, a]] : [])));
const byReference = (annotations: readonly OpAnnotation[]) =>
  Object.fromEntries(annotations.flatMap((a) => (a.kind === "current" ? [[a.reference, a]] : [])));

describe("operatingPointAnnotations on the voltage divider", () => {
  const schematic = example("voltage-divider");
  const annotations = annotate(schematic, DIVIDER_NAMES, DIVIDER_OP);

  it("names the same nets as the server's netlist", () => {
    const nets = buildConnectivity(Scene.from(schematic), symbols).nets.map((n) => n.name);
    expect(nets.sort()).toEqual(Object.keys(DIVIDER_NAMES.nodes).sort());
  });

  it("shows every non-ground net's voltage and the source's current", () => {
    const voltages = byNet(annotations);
    expect(Object.keys(voltages).sort()).toEqual(["in", "out"]);
    expect(voltages.in).toMatchObject({ text: "10 V", value: 10, vector: "v(in)" });
    expect(voltages.out).toMatchObject({ text: "7.5 V", value: 7.5, vector: "v(out)" });
    // Resistor currents are not in a plain run: only V1's branch current is.
    expect(Object.keys(byReference(annotations))).toEqual(["V1"]);
    expect(byReference(annotations).V1).toMatchObject({
      componentId: "c1",
      text: "-2.5 mA",
      vector: "i(v1)",
    });
  });

  it("writes a net's voltage after its label's text, on the label's baseline", () => {
    const label = schematic.labels.find((l) => l.text === "out")!;
    const out = byNet(annotations).out!;
    expect(out.anchor).toBe("start");
    expect(out.at[1]).toBe(label.position[1] - 15);
    const labelEnd = label.position[0] + 10 + 0.6 * 60 * label.text.length;
    expect(out.at[0]).toBeGreaterThan(labelEnd);
    expect(out.at[0]).toBeLessThan(labelEnd + 100);
  });

  it("writes a part's current left of its body, level with its top (the fields sit right and across)", () => {
    const v1 = schematic.components.find((c) => c.reference === "V1")!;
    const box = componentBox(v1, symbolPinsOf(VOLTAGE_SOURCE));
    const current = byReference(annotations).V1!;
    expect(current.anchor).toBe("end");
    expect(current.at[0]).toBeLessThan(box.minX);
    expect(current.at[0]).toBeGreaterThan(box.minX - 100);
    expect(current.at[1]).toBeGreaterThan(box.minY);
    expect(current.at[1]).toBeLessThan((box.minY + box.maxY) / 2);
  });

  it("moves a voltage off a part that covers the spot after its label", () => {
    const label = schematic.labels.find((l) => l.text === "out")!;
    const blocker = {
      id: "c99",
      symbol: "Device:R",
      reference: "R99",
      value: "1k",
      position: [label.position[0] + 250, label.position[1] - 50] as const,
    };
    const crowded = { ...schematic, components: [...schematic.components, blocker] };
    const out = byNet(annotate(crowded, DIVIDER_NAMES, DIVIDER_OP)).out!;
    // The next spot: beside the middle of the net's wire w7, (2000,1750)-(2000,2050).
    expect(out).toMatchObject({ anchor: "start", text: "7.5 V" });
    expect(out.at).toEqual([2030, 1900 + ANNOTATION_FONT_SIZE / 3]);
  });

  it("writes only the sources' currents, though the netlist records every part's", () => {
    const withCurrents: ResultPlot = {
      ...DIVIDER_OP,
      vectors: [
        ...DIVIDER_OP.vectors,
        { name: "i(@r1[i])", unit: "A", values: [0.0025] },
        { name: "i(@r2[i])", unit: "A", values: [0.0025] },
      ],
    };
    const currents = byReference(annotate(schematic, DIVIDER_NAMES, withCurrents));
    expect(Object.keys(currents)).toEqual(["V1"]);
  });

  it("skips nets and parts the run did not have (the schematic changed since)", () => {
    const names: SpiceNames = { nodes: { GND: "0", in: "in" }, elements: {} };
    const changed = annotate(schematic, names, DIVIDER_OP);
    expect(changed.map((a) => (a.kind === "voltage" ? a.net : a.reference))).toEqual(["in"]);
  });
});

describe("placing nets without labels", () => {
  const divider = example("voltage-divider");
  // Without labels the nets get automatic names; the server's netlist would name them the same way.
  const names: SpiceNames = {
    nodes: { GND: "0", N$1: "N_1", N$2: "N_2", N$3: "N_3" },
    elements: {},
  };
  const plot: ResultPlot = {
    ...DIVIDER_OP,
    vectors: [
      { name: "v(n_1)", unit: "V", values: [10] },
      { name: "v(n_2)", unit: "V", values: [7.5] },
      { name: "v(n_3)", unit: "V", values: [7.5] },
    ],
  };

  it("uses the middle of the net's longest wire segment, beside the wire", () => {
    const unlabelled = { ...divider, labels: [] };
    const nets = buildConnectivity(Scene.from(unlabelled), symbols).nets;
    const top = nets.find((n) => n.wires.includes("w6"))!;
    const middle = nets.find((n) => n.wires.includes("w7"))!;
    const voltages = byNet(annotate(unlabelled, names, plot));
    // w6 runs (1000,1800) → (1000,1450) → (2000,1450): its long horizontal part takes the text above it.
    expect(voltages[top.name]).toMatchObject({ at: [1500, 1420], anchor: "middle", text: "10 V" });
    // w7 is vertical from (2000,1750) to (2000,2050): the text starts right of its middle.
    expect(voltages[middle.name]?.anchor).toBe("start");
    expect(voltages[middle.name]?.at[0]).toBeGreaterThan(2000);
    expect(voltages[middle.name]?.at[1]).toBeCloseTo(1900 + ANNOTATION_FONT_SIZE / 3);
  });

  it("falls back to the net's first pin", () => {
    // No labels and no wire between R1 and R2: each of their facing pins is a net of its own.
    const split = { ...divider, labels: [], wires: divider.wires.filter((w) => w.id !== "w7") };
    const nets = buildConnectivity(Scene.from(split), symbols).nets;
    const voltages = byNet(annotate(split, names, plot));
    const pinOnly = nets.filter((n) => n.wires.length === 0 && !n.isGround);
    expect(pinOnly.length).toBe(2);
    for (const net of pinOnly) {
      const [x, y] = net.pins[0]!.position;
      expect(voltages[net.name]).toMatchObject({ at: [x + 30, y - 30], anchor: "start" });
    }
  });
});

describe("an unbiased rectifier's operating point", () => {
  // Half-wave rectifier: the sine source is 0 V at the operating point; ngspice leaves rounding noise.
  const names: SpiceNames = {
    nodes: { GND: "0", in: "in", out: "out" },
    elements: { c4: "D1", c5: "R1", c1: "V1" },
  };
  const plot: ResultPlot = {
    name: "op1",
    title: "Half-wave rectifier",
    kind: "op",
    scale: "v(in)",
    points: 1,
    vectors: [
      { name: "v(in)", unit: "V", values: [0] },
      { name: "v(out)", unit: "V", values: [-4.763757705704922e-27] },
      { name: "i(v1)", unit: "A", values: [4.763757705704923e-30] },
      { name: "i(@d1[id])", unit: "A", values: [4.7639482560131505e-39] },
      { name: "i(@r1[i])", unit: "A", values: [-4.763757705704923e-30] },
    ],
  };

  it("shows solver noise as 0, keeping the exact value for the tooltip", () => {
    const annotations = annotate(example("half-wave-rectifier"), names, plot);
    expect(byNet(annotations).out).toMatchObject({ text: "0 V", value: -4.763757705704922e-27 });
    expect(Object.values(byReference(annotations)).map((a) => [a.reference, a.text])).toEqual([
      ["V1", "0 A"],
    ]);
  });
});

describe("formatReadingOnSheet", () => {
  it("keeps three significant digits with SI prefixes", () => {
    expect(formatReadingOnSheet(5.669988367719467, "V")).toBe("5.67 V");
    expect(formatReadingOnSheet(-0.0015589628180192137, "A")).toBe("-1.56 mA");
    expect(formatReadingOnSheet(-5.010000010338689e-12, "A")).toBe("-5.01 pA");
    expect(formatReadingOnSheet(4e-7, "V")).toBe("0 V");
  });
});

describe("operatingPointPlot", () => {
  it("finds the op plot among the run's plots", () => {
    const tran = { ...DIVIDER_OP, name: "tran1", kind: "tran" };
    expect(operatingPointPlot({ plots: [tran, DIVIDER_OP] })).toBe(DIVIDER_OP);
    expect(operatingPointPlot({ plots: [tran] })).toBeUndefined();
    expect(operatingPointPlot(null)).toBeUndefined();
  });
});

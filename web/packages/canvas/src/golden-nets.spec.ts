/**
 * The connectivity preview is the server's connectivity: on every golden schematic (the server's golden
 * drawings with real KiCad symbols, the EDA examples, and the sketches of its connectivity tests)
 * `buildConnectivity` finds exactly the nets the server found. The fixture is written by the server
 * (`./run manage export_golden_nets`, server/schematic/golden_nets.py), which checks it stays current.
 */
import { describe, expect, it } from "vitest";
import type { Net } from "./connectivity";
import { buildConnectivity } from "./connectivity";
import golden from "./fixtures/golden-nets.json";
import { Scene } from "./scene";
import type { Schematic, SymbolPins, XY } from "./schematic";

/** A net as the server writes it: pins as `REF:number` in the server's order. */
interface GoldenNet {
  readonly name: string;
  readonly pins: readonly string[];
  readonly wires: readonly string[];
  readonly labels: readonly string[];
  readonly is_ground: boolean;
}

interface GoldenCase {
  readonly name: string;
  readonly schematic: Schematic;
  readonly symbols: Readonly<Record<string, SymbolPins>>;
  readonly nets: readonly GoldenNet[];
  readonly junction_dots: readonly XY[];
}

// JSON reads rotations as plain numbers; the server validated every document against the format.
const cases = golden.cases as unknown as readonly GoldenCase[];

function asServerNet(net: Net): GoldenNet {
  return {
    name: net.name,
    pins: net.pins.map((pin) => `${pin.reference}:${pin.number}`),
    wires: net.wires,
    labels: net.labels,
    is_ground: net.isGround,
  };
}

describe("golden nets", () => {
  it("covers the server's golden drawings, the examples and the connectivity sketches", () => {
    const groups = new Set(cases.map((golden) => golden.name.split("/")[0]));
    expect(groups).toEqual(new Set(["golden", "examples", "connectivity"]));
    expect(cases.every((golden) => golden.nets.length > 0)).toBe(true);
  });

  it.each(cases.map((golden) => [golden.name, golden] as const))(
    "%s: the preview's nets are the server's",
    (_name, golden) => {
      const connectivity = buildConnectivity(
        Scene.from(golden.schematic),
        (symbol) => golden.symbols[symbol],
      );
      expect(connectivity.nets.map(asServerNet)).toEqual(golden.nets);
      expect(connectivity.junctionDots).toEqual(golden.junction_dots);
    },
  );
});

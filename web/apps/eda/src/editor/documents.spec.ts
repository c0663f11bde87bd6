import { hitTest, Scene } from "@ohmcloud/canvas";
import { describe, expect, it } from "vitest";
import index from "../examples/index.json";
import { EXAMPLES, newSchematic, readSchematic, writeSchematic } from "./documents";
import { symbolPinsOf } from "./library";
import { TEST_SYMBOLS } from "./test-symbols";

describe("examples", () => {
  it("bundles every example of index.json", () => {
    expect(EXAMPLES.map((e) => e.slug)).toEqual(index.map((e) => e.slug));
  });

  it.each(EXAMPLES.map((e) => [e.slug, e] as const))(
    "%s parses into the core scene",
    (_, example) => {
      const schematic = readSchematic(JSON.stringify(example.file));
      const scene = Scene.from(schematic);
      const ids = scene.ids();
      expect(new Set(ids).size).toBe(ids.length);
      expect(schematic.components.length).toBeGreaterThan(0);
      for (const component of schematic.components) {
        expect(scene.get(component.id)?.kind).toBe("component");
      }
      // The core answers questions about it (a pin hit on the first component with a known symbol).
      const lookup = (symbol: string) => {
        const found = TEST_SYMBOLS.find((s) => s.symbol_id === symbol);
        return found && symbolPinsOf(found);
      };
      const first = schematic.components.find((c) => lookup(c.symbol) !== undefined);
      if (first !== undefined) {
        const hits = hitTest(
          scene,
          { x: first.position[0], y: first.position[1] },
          { symbols: lookup },
        );
        expect(hits.some((hit) => hit.id === first.id)).toBe(true);
      }
      // Saving writes it back unchanged.
      expect(readSchematic(writeSchematic(schematic))).toEqual(schematic);
    },
  );
});

describe("readSchematic", () => {
  it("refuses what is not a format v1 schematic", () => {
    expect(() => readSchematic("{")).toThrow("not JSON");
    expect(() => readSchematic('{"format": "kicad"}')).toThrow("not an OhmCloud schematic");
    expect(() => readSchematic('{"format": "ohmcloud-schematic", "version": 2}')).toThrow(
      "version 2",
    );
  });

  it("fills the arrays a document may leave out", () => {
    const schematic = readSchematic('{"format": "ohmcloud-schematic", "version": 1}');
    expect(schematic.wires).toEqual([]);
    expect(newSchematic(new Date("2026-01-05T10:00:00Z")).title_block?.date).toBe("2026-01-05");
  });
});

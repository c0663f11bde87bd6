/**
 * The examples as the workspace and the project file see them: every part placed, no part on top
 * of another, legs on the breadboard exactly in the holes the circuit names, and each project
 * surviving a save and a reopen unchanged.
 */
import type { PinRef } from "@ohmcloud/avr-sim";
import { describe, expect, it } from "vitest";
import { parseProject, serializeProject } from "../project/project-file";
import {
  docFromProject,
  partBounds,
  projectCircuitOf,
  type Box,
  type PlacedPart,
} from "../workspace/model";
import { EXAMPLES } from "./catalog";

const cases = EXAMPLES.map((example) => [example.id, example] as const);

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const wireKey = ([a, b]: readonly [PinRef, PinRef]) => [a, b].sort().join(" ");

describe("examples in the workspace", () => {
  it("have unique ids", () => {
    const ids = EXAMPLES.map((example) => example.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
  });

  it.each(cases)(
    "%s places every part and draws every wire but the legs in holes",
    (_, example) => {
      const { circuit, layout } = example.project;
      expect(Object.keys(layout!.parts).sort()).toEqual(circuit.components.map((c) => c.id).sort());
      expect(layout!.wires).toHaveLength(circuit.wires.length);

      const doc = docFromProject(circuit, layout);
      expect(doc.wires).toHaveLength(layout!.wires.filter((wire) => wire !== null).length);
      // Saved again, the workspace gives the same connections: each leg is in its hole, in no other.
      const saved = projectCircuitOf(doc).circuit;
      expect(saved.wires.map(wireKey).sort()).toEqual(circuit.wires.map(wireKey).sort());
    },
  );

  it.each(cases)("%s has no part on top of another", (_, example) => {
    const doc = docFromProject(example.project.circuit, example.project.layout);
    // Parts on a breadboard sit on it, so breadboards are left out.
    const parts = doc.parts.filter((part) => part.kind !== "breadboard");
    const overlapping: [string, string][] = [];
    parts.forEach((a: PlacedPart, i) =>
      parts
        .slice(i + 1)
        .forEach((b) => overlap(partBounds(a), partBounds(b)) && overlapping.push([a.id, b.id])),
    );
    expect(overlapping).toEqual([]);
  });

  it.each(cases)("%s survives saving and opening the project file", (_, example) => {
    expect(parseProject(serializeProject(example.project))).toEqual(example.project);
  });
});

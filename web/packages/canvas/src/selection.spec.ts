import { describe, expect, it } from "vitest";
import { Scene } from "./scene";
import { Selection } from "./selection";

const scene = Scene.from({
  format: "ohmcloud-schematic",
  version: 1,
  wires: [
    {
      id: "w1",
      points: [
        [0, 0],
        [50, 0],
      ],
    },
  ],
  junctions: [{ id: "j1", position: [0, 0] }],
});

describe("Selection", () => {
  it("click selects one item, or nothing on empty space", () => {
    const one = Selection.empty().click("a").click("b");
    expect([...one.ids]).toEqual(["b"]);
    expect(one.click(undefined).size).toBe(0);
  });

  it("shift-click toggles and keeps the rest", () => {
    const two = Selection.empty().click("a").click("b", true);
    expect([...two.ids]).toEqual(["a", "b"]);
    expect([...two.click("a", true).ids]).toEqual(["b"]);
    expect(two.click(undefined, true)).toBe(two);
  });

  it("box selection replaces, or adds with shift", () => {
    const start = new Selection(["a"]);
    expect([...start.box(["b", "c"]).ids]).toEqual(["b", "c"]);
    expect([...start.box(["b"], true).ids]).toEqual(["a", "b"]);
  });

  it("selects all and prunes ids that left the scene", () => {
    expect([...Selection.all(scene).ids]).toEqual(["w1", "j1"]);
    expect([...new Selection(["w1", "gone"]).prune(scene).ids]).toEqual(["w1"]);
  });
});

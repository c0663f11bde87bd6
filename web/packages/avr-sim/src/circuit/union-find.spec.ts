import { describe, expect, it } from "vitest";
import { UnionFind } from "./union-find";

describe("UnionFind", () => {
  it("joins keys transitively and keeps the others apart", () => {
    const sets = new UnionFind();
    sets.union("a", "b");
    sets.union("c", "d");
    sets.union("b", "c");
    sets.add("e");
    expect(sets.find("a")).toBe(sets.find("d"));
    expect(sets.find("e")).not.toBe(sets.find("a"));
    expect(sets.groups()).toEqual([["a", "b", "c", "d"], ["e"]]);
  });

  it("handles long chains", () => {
    const sets = new UnionFind();
    for (let i = 1; i < 10_000; i++) sets.union(`n${i - 1}`, `n${i}`);
    expect(sets.find("n0")).toBe(sets.find("n9999"));
    expect(sets.groups()).toHaveLength(1);
  });
});

import { describe, expect, it } from "vitest";
import {
  breadboardElements,
  breadboardGeometry,
  breadboardHoles,
  breadboardStrips,
} from "./breadboard";
import { resolveLevels } from "./resolve-levels";

describe("breadboards", () => {
  it("has 830 points on a full board and 400 on a half board", () => {
    expect(breadboardHoles(breadboardGeometry("full"))).toHaveLength(830);
    expect(new Set(breadboardHoles(breadboardGeometry("full"))).size).toBe(830);
    expect(breadboardHoles(breadboardGeometry("half"))).toHaveLength(400);
  });

  it("joins a column's five holes on each side of the gap, not across it", () => {
    const { netOf } = resolveLevels(breadboardElements("bb", breadboardGeometry("full")));
    expect(netOf("bb.a1")).toBe(netOf("bb.e1"));
    expect(netOf("bb.f1")).toBe(netOf("bb.j1"));
    expect(netOf("bb.e1")).not.toBe(netOf("bb.f1"));
    expect(netOf("bb.a1")).not.toBe(netOf("bb.a2"));
    expect(netOf("bb.j63")).toBe(netOf("bb.g63"));
  });

  it("runs rails the whole length unless split in the middle", () => {
    const whole = resolveLevels(breadboardElements("bb", breadboardGeometry("full")));
    expect(whole.netOf("bb.tp1")).toBe(whole.netOf("bb.tp50"));
    expect(whole.netOf("bb.tp1")).not.toBe(whole.netOf("bb.tn1"));
    expect(whole.netOf("bb.tp1")).not.toBe(whole.netOf("bb.bp1"));
    const split = resolveLevels(breadboardElements("bb", breadboardGeometry("full", true)));
    expect(split.netOf("bb.tp1")).toBe(split.netOf("bb.tp25"));
    expect(split.netOf("bb.tp25")).not.toBe(split.netOf("bb.tp26"));
    expect(split.netOf("bb.tp26")).toBe(split.netOf("bb.tp50"));
  });

  it("gives a half board 30 columns and 25-hole rails", () => {
    const strips = breadboardStrips(breadboardGeometry("half"));
    expect(strips).toHaveLength(30 * 2 + 4);
    expect(strips.at(-1)).toHaveLength(25);
    expect(strips).toContainEqual(["a30", "b30", "c30", "d30", "e30"]);
  });
});

import { describe, expect, it } from "vitest";
import type { CircuitElement } from "./elements";
import { resolveLevels } from "./resolve-levels";

const wire = (a: string, b: string): CircuitElement => ({ type: "wire", a, b });
const supply = (pin: string, volts: number): CircuitElement => ({ type: "supply", pin, volts });
const resistor = (a: string, b: string, ohms: number): CircuitElement => ({
  type: "resistor",
  part: "r",
  a,
  b,
  ohms,
});

describe("resolveLevels", () => {
  it("joins wired pins into one net with the supply's level", () => {
    const levels = resolveLevels([
      supply("u.5V", 5),
      wire("u.5V", "x.1"),
      wire("x.1", "y.1"),
      supply("u.GND", 0),
    ]);
    expect(levels.netOf("y.1")).toBe(levels.netOf("u.5V"));
    expect(levels.levelOf("y.1")).toEqual({ strength: "strong", volts: 5 });
    expect(levels.levelOf("u.GND")).toEqual({ strength: "strong", volts: 0 });
    expect(levels.nets).toHaveLength(2);
  });

  it("reports two supplies at different levels on one net as a short naming both pins", () => {
    const levels = resolveLevels([supply("u.D3", 0), supply("u.D2", 5), wire("u.D2", "u.D3")]);
    expect(levels.warnings).toEqual([
      expect.objectContaining({ kind: "contention", pins: ["u.D2", "u.D3"] }),
    ]);
    expect(levels.warnings[0]!.message).toContain("u.D2 (5 V), u.D3 (0 V)");
    expect(levels.levelOf("u.D2").strength).toBe("strong");
  });

  it("accepts equal supplies on one net", () => {
    expect(
      resolveLevels([supply("a.1", 5), supply("b.1", 5), wire("a.1", "b.1")]).warnings,
    ).toEqual([]);
  });

  it("passes a level through a resistor to an undriven net (pull-down, divider, chain)", () => {
    const levels = resolveLevels([
      supply("u.GND", 0),
      supply("u.5V", 5),
      resistor("u.GND", "in.1", 10_000), // pull-down
      resistor("u.5V", "mid.1", 10_000), // divider 10k / 10k
      resistor("mid.1", "u.GND", 10_000),
      resistor("u.5V", "c1.1", 1_000), // chain into a dead end
      resistor("c1.1", "c2.1", 1_000),
    ]);
    expect(levels.levelOf("in.1")).toEqual({ strength: "weak", volts: 0 });
    expect(levels.levelOf("mid.1").volts).toBeCloseTo(2.5, 5);
    expect(levels.levelOf("mid.1").strength).toBe("weak");
    expect(levels.levelOf("c2.1").volts).toBeCloseTo(5, 5);
  });

  it("lets an external 10 kΩ pull-down win over the 35 kΩ internal pull-up", () => {
    const levels = resolveLevels([
      supply("u.GND", 0),
      { type: "pull", pin: "u.D2", volts: 5, ohms: 35_000 },
      resistor("u.D2", "u.GND", 10_000),
    ]);
    expect(levels.levelOf("u.D2").volts).toBeCloseTo((5 * 10) / 45, 5);
  });

  it("warns about an input wired to something that nothing drives, not about an unused one", () => {
    const levels = resolveLevels([
      { type: "input", pin: "u.D2" },
      { type: "terminal", pin: "btn.1" },
      wire("u.D2", "btn.1"),
      { type: "input", pin: "u.D3" },
      { type: "input", pin: "u.D4" },
      wire("u.D4", "r.1"),
      resistor("r.1", "r.2", 1000), // a resistor to nothing drives nothing
    ]);
    expect(levels.levelOf("u.D2")).toEqual({ strength: "none", volts: null });
    expect(levels.warnings.map((w) => [w.kind, w.pins])).toEqual([
      ["floating-input", ["u.D2"]],
      ["floating-input", ["u.D4"]],
    ]);
  });
});

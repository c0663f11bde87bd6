import { describe, expect, it } from "vitest";
import { formatOhms, parseOhms } from "./ohms-input";

describe("parseOhms", () => {
  it.each([
    ["220", 220],
    ["4.7k", 4700],
    ["4k7", 4700],
    ["10 kΩ", 10_000],
    ["1M", 1_000_000],
    ["1m5", 1_500_000],
    ["2R2", 2.2],
    ["470 ohm", 470],
    ["1e3", 1000],
    [" 100K ", 100_000],
  ])("reads %s as %d Ω", (text, ohms) => {
    const parsed = parseOhms(text);
    expect(parsed.ok && parsed.ohms).toBeCloseTo(ohms);
  });

  it.each(["", "abc", "4.7x", "0", "-5"])("refuses %j with a hint", (text) => {
    const parsed = parseOhms(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(/resistance|value/);
  });
});

describe("formatOhms", () => {
  it("writes values as they are printed on parts lists", () => {
    expect([220, 4700, 10_000, 1_000_000, 1500, 2.2].map(formatOhms)).toEqual([
      "220",
      "4.7k",
      "10k",
      "1M",
      "1.5k",
      "2.2",
    ]);
  });

  it("round-trips through parseOhms", () => {
    for (const ohms of [1, 47, 330, 6800, 220_000, 4_700_000]) {
      const parsed = parseOhms(formatOhms(ohms));
      expect(parsed.ok && parsed.ohms).toBe(ohms);
    }
  });
});

import { describe, expect, it } from "vitest";
import { formatSi, parseSi, toSpiceNumber } from "./si-value";

describe("parseSi", () => {
  it.each([
    ["0", 0, "0"],
    ["4.7k", 4700, "4.7k"],
    ["4700", 4700, "4.7k"],
    ["4K7", 4700, "4.7k"],
    ["4k7", 4700, "4.7k"],
    ["2R2", 2.2, "2.2"],
    ["R47", 0.47, "470m"],
    ["1u5", 1.5e-6, "1.5u"],
    ["1meg5", 1.5e6, "1.5meg"],
    ["1meg", 1e6, "1meg"],
    ["1MEG", 1e6, "1meg"],
    ["1Meg", 1e6, "1meg"],
    ["1m", 1e-3, "1m"],
    ["10u", 1e-5, "10u"],
    ["10uF", 1e-5, "10u"],
    ["10 uF", 1e-5, "10u"],
    ["10µF", 1e-5, "10u"],
    ["10μF", 1e-5, "10u"],
    ["100n", 1e-7, "100n"],
    ["22p", 22e-12, "22p"],
    ["3f", 3e-15, "3f"],
    ["2g", 2e9, "2g"],
    ["1T", 1e12, "1t"],
    ["4.7kΩ", 4700, "4.7k"],
    ["4.7 kΩ", 4700, "4.7k"],
    ["4.7kohm", 4700, "4.7k"],
    ["10R", 10, "10"],
    ["5V", 5, "5"],
    ["1A", 1, "1"],
    ["1s", 1, "1"],
    ["1kHz", 1000, "1k"],
    ["2.5e-3", 2.5e-3, "2.5m"],
    ["2.5E3k", 2.5e6, "2.5meg"],
    [".5", 0.5, "500m"],
    ["-1.5", -1.5, "-1.5"],
    ["+3.3V", 3.3, "3.3"],
    ["1mil", 25.4e-6, "25.4u"],
    ["  47k  ", 47000, "47k"],
    ["1e-18", 1e-18, "1e-18"],
    ["0.1u", 1e-7, "100n"],
  ])("%s → %d (%s)", (text, value, spice) => {
    const result = parseSi(text);
    expect(result).toMatchObject({ ok: true, spice });
    if (result.ok)
      expect(Math.abs(result.value - value)).toBeLessThanOrEqual(Math.abs(value) * 1e-15);
  });

  it.each([
    ["", "enter a value, such as 4.7k or 10u"],
    ["   ", "enter a value, such as 4.7k or 10u"],
    ["4kk", "4kk: unexpected 'k' after the suffix"],
    ["4k7k", "4k7k: unexpected 'k' after the suffix"],
    ["abc", "abc: not a number (write values such as 4.7k, 10u or 1meg)"],
    ["k7", "k7: not a number (write values such as 4.7k, 10u or 1meg)"],
    ["1.2.3", "1.2.3: unexpected '.' after the number"],
    ["1e", "1e: unexpected 'e' after the number"],
    ["10 0", "10 0: unexpected '0' after the number"],
    ["10uX", "10uX: unexpected 'X' after the suffix"],
    ["1e999", "1e999: out of range"],
  ])("refuses %j", (text, message) => {
    expect(parseSi(text)).toEqual({ ok: false, message });
  });

  it("checks the expected unit and the sign", () => {
    expect(parseSi("10uF", { unit: "F" }).ok).toBe(true);
    expect(parseSi("10u", { unit: "F" }).ok).toBe(true);
    expect(parseSi("10R", { unit: "Ω" }).ok).toBe(true);
    expect(parseSi("10kohm", { unit: "ohm" }).ok).toBe(true);
    expect(parseSi("10uH", { unit: "F" })).toEqual({
      ok: false,
      message: "10uH: the unit H does not fit here (expected F)",
    });
    expect(parseSi("-1k", { positive: true })).toEqual({
      ok: false,
      message: "-1k: must be more than 0",
    });
    expect(parseSi("0", { positive: true }).ok).toBe(false);
    expect(parseSi("0", { nonNegative: true }).ok).toBe(true);
    expect(parseSi("-1", { nonNegative: true })).toEqual({
      ok: false,
      message: "-1: must not be negative",
    });
  });

  it("follows SPICE for M and F but warns", () => {
    expect(parseSi("1M")).toMatchObject({ ok: true, value: 1e-3, spice: "1m" });
    expect(parseSi("1M")).toHaveProperty("warning");
    expect(parseSi("1MΩ")).toHaveProperty("warning");
    expect(parseSi("1F")).toMatchObject({ ok: true, value: 1e-15, spice: "1f" });
    expect(parseSi("1F")).toHaveProperty("warning");
    expect(parseSi("1m")).not.toHaveProperty("warning");
    expect(parseSi("10uF")).not.toHaveProperty("warning");
    expect(parseSi("1meg")).not.toHaveProperty("warning");
  });
});

describe("toSpiceNumber", () => {
  it.each([
    [4700, "4.7k"],
    [1e-5, "10u"],
    [1e6, "1meg"],
    [0.001, "1m"],
    [-2.2e-9, "-2.2n"],
    [1 / 3, "333.333333333m"],
    [999.9999999999999, "1k"],
    [1e15, "1e15"],
    [123456, "123.456k"],
    [0, "0"],
  ])("%d → %s", (value, spice) => {
    expect(toSpiceNumber(value)).toBe(spice);
  });

  it("round-trips through parseSi", () => {
    for (const value of [1.5e-13, 4.7e3, 2.2e-6, 1e9, 12.5, 0.25, 7e-16, 3.3e12]) {
      const parsed = parseSi(toSpiceNumber(value));
      expect(parsed.ok && parsed.value).toBe(value);
    }
  });

  it("refuses non-finite numbers", () => {
    expect(() => toSpiceNumber(Infinity)).toThrow(RangeError);
  });
});

describe("formatSi", () => {
  it.each([
    [[4700], "4.7k"],
    [[1e-5, "F"], "10 µF"],
    [[4700, "Ω"], "4.7 kΩ"],
    [[1e6, "Ω"], "1 MΩ"],
    [[0, "V"], "0 V"],
    [[5, "V"], "5 V"],
    [[1 / 3, "V"], "333.3 mV"],
    [[999.96], "1k"],
    [[-0.0015, "A"], "-1.5 mA"],
    [[1e-18, "F"], "1e-18 F"],
    [[123456, "Hz", 3], "123 kHz"],
  ] as Array<[[number, string?, number?], string]>)("%j → %s", (args, text) => {
    expect(formatSi(...args)).toBe(text);
  });
});

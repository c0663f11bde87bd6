import { describe, expect, it } from "vitest";
import { isRunShortcut } from "./use-run-shortcut";
import {
  formatElapsed,
  isNetlistFileName,
  lineRange,
  netlistFileName,
  splitLines,
} from "./netlist-text";

describe("netlist text", () => {
  it("splits lines without a trailing empty one", () => {
    expect(splitLines("a\nb\n")).toEqual(["a", "b"]);
    expect(splitLines("a\r\nb")).toEqual(["a", "b"]);
    expect(splitLines("")).toEqual([""]);
  });

  it("finds the range of a line", () => {
    const text = "title\nr1 1 0 1k\n.end";
    expect(lineRange(text, 2)).toEqual([6, 15]);
    expect(text.slice(6, 15)).toBe("r1 1 0 1k");
    expect(lineRange(text, 3)).toEqual([16, 20]);
    expect(lineRange(text, 4)).toBeNull();
    expect(lineRange(text, 0)).toBeNull();
  });

  it("names the download after the title", () => {
    expect(netlistFileName("RC Filter (v2)\n.end\n")).toBe("rc-filter-v2.cir");
    expect(netlistFileName("\n.end")).toBe("netlist.cir");
  });

  it("accepts netlist file names", () => {
    expect(["a.cir", "B.SP", "c.net"].every(isNetlistFileName)).toBe(true);
    expect(isNetlistFileName("a.txt")).toBe(false);
  });

  it("formats elapsed time", () => {
    expect(formatElapsed(0)).toBe("0:00");
    expect(formatElapsed(65_400)).toBe("1:05");
    expect(formatElapsed(3_725_000)).toBe("1:02:05");
  });

  it("knows the run shortcut", () => {
    const key = { key: "Enter", ctrlKey: true, metaKey: false, altKey: false, shiftKey: false };
    expect(isRunShortcut(key)).toBe(true);
    expect(isRunShortcut({ ...key, ctrlKey: false, metaKey: true })).toBe(true);
    expect(isRunShortcut({ ...key, ctrlKey: false })).toBe(false);
    expect(isRunShortcut({ ...key, shiftKey: true })).toBe(false);
  });
});

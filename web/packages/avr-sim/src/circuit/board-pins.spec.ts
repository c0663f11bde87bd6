import { describe, expect, it } from "vitest";
import { BOARDS } from "../boards";
import { boardElements, boardIoPins, boardPinNames } from "./board-pins";
import { resolveLevels } from "./resolve-levels";

describe("board pins", () => {
  it("names the Uno's header pins as printed", () => {
    const names = boardPinNames(BOARDS.uno);
    expect(names.slice(0, 20)).toEqual([
      ...Array.from({ length: 14 }, (_, n) => `D${n}`),
      ...["A0", "A1", "A2", "A3", "A4", "A5"],
    ]);
    expect(names).toEqual(expect.arrayContaining(["5V", "3V3", "GND", "GND.2", "GND.3", "VIN"]));
    expect(boardIoPins(BOARDS.uno).find((p) => p.name === "A2")).toEqual({
      name: "A2",
      digital: 16,
      adcChannel: 2,
    });
  });

  it("gives the Nano analog-only A6/A7 and the Mega D53 and A15", () => {
    expect(boardIoPins(BOARDS.nano).at(-1)).toEqual({ name: "A7", digital: null, adcChannel: 7 });
    const mega = boardIoPins(BOARDS.mega2560);
    expect(mega.find((p) => p.name === "D53")?.digital).toBe(53);
    expect(mega.find((p) => p.name === "A15")).toEqual({
      name: "A15",
      digital: 69,
      adcChannel: 15,
    });
  });

  it("drives outputs strongly, pull-ups weakly and leaves inputs floating", () => {
    const drives = { 2: "high", 3: "low", 4: "input_pullup" } as const;
    const levels = resolveLevels(
      boardElements("uno", BOARDS.uno, (n) => drives[n as keyof typeof drives] ?? "input"),
    );
    expect(levels.levelOf("uno.D2")).toEqual({ strength: "strong", volts: 5 });
    expect(levels.levelOf("uno.D3")).toEqual({ strength: "strong", volts: 0 });
    expect(levels.levelOf("uno.D4")).toEqual({ strength: "weak", volts: 5 });
    expect(levels.levelOf("uno.D5")).toEqual({ strength: "none", volts: null });
    expect(levels.levelOf("uno.3V3")).toEqual({ strength: "strong", volts: 3.3 });
    expect(levels.warnings).toEqual([]); // unconnected inputs are not worth a warning
  });
});

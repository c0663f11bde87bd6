import { describe, expect, it } from "vitest";
import { BOARDS } from "./boards";
import { DEFAULTS, parseSimRequest, SimRequestError } from "./sim-request";

const HEX = ":00000001FF";

describe("parseSimRequest", () => {
  it("fills in the defaults", () => {
    const request = parseSimRequest({ hex: HEX });
    expect(request).toMatchObject({
      board: BOARDS.uno,
      ms: DEFAULTS.ms,
      serialInput: "",
      serialBaud: null,
      serialBytes: false,
      lcd: null,
      pins: null,
      maxPinChanges: 100_000,
      maxSerialBytes: 100_000,
      maxWallMs: null,
    });
    expect(request.adc.size).toBe(0);
    expect(request.digitalInputs.size).toBe(0);
  });

  it("takes the documented fields", () => {
    const request = parseSimRequest({
      hex: HEX,
      board: "nano",
      ms: 3000,
      serialInput: "text",
      serialBaud: 9600,
      serialBytes: true,
      adc: { A0: 2.5, A7: 5 },
      digitalInputs: { "2": 1, "3": 0 },
      lcd: { rs: 12, e: 11, d: [5, 4, 3, 2] },
      pins: [13, 12],
      maxPinChanges: 10,
      maxSerialBytes: 0,
      maxWallMs: 500,
    });
    expect(request.board.id).toBe("nano");
    expect([...request.adc]).toEqual([
      [0, 2.5],
      [7, 5],
    ]);
    expect([...request.digitalInputs]).toEqual([
      [2, true],
      [3, false],
    ]);
    expect(request.lcd).toEqual({ rs: 12, e: 11, d: [5, 4, 3, 2], cols: 16, rows: 2 });
    expect([...request.pins!]).toEqual([13, 12]);
    expect(request).toMatchObject({
      ms: 3000,
      serialBaud: 9600,
      serialBytes: true,
      maxPinChanges: 10,
      maxWallMs: 500,
    });
  });

  it("takes an 8-bit LCD with RW and a 20x4 glass", () => {
    const lcd = { rs: 8, rw: 9, e: 10, d: [0, 1, 2, 3, 4, 5, 6, 7], cols: 20, rows: 4 };
    expect(parseSimRequest({ hex: HEX, lcd }).lcd).toEqual(lcd);
  });

  it.each([
    [[], "the request must be a JSON object"],
    [{}, "hex: Intel HEX text is required"],
    [{ hex: HEX, extra: 1 }, "unknown field(s): extra"],
    [{ hex: HEX, board: "leonardo" }, "board: must be one of uno, nano, mega2560"],
    [{ hex: HEX, ms: 0 }, "ms: must be a number above 0 to 600000"],
    [{ hex: HEX, ms: "100" }, "ms: must be a number above 0 to 600000"],
    [{ hex: HEX, ms: 1e9 }, "ms: must be a number above 0 to 600000"],
    [{ hex: HEX, adc: { A6: 1 } }, "adc.A6: Arduino Uno has no such analog input"],
    [{ hex: HEX, adc: { A0: 6 } }, "adc.A0: must be a number from 0 to 5"],
    [{ hex: HEX, adc: [1] }, 'adc: must be an object like {"A0": 2.5}'],
    [{ hex: HEX, digitalInputs: { "2": 2 } }, "digitalInputs.2: must be 0 or 1"],
    [
      { hex: HEX, digitalInputs: { "20": 1 } },
      "digitalInputs.20: Arduino Uno has digital pins 0..19",
    ],
    [
      { hex: HEX, lcd: { rs: 12, e: 11, d: [5, 4, 3] } },
      "lcd.d: 4 pins (D4..D7) or 8 pins (D0..D7)",
    ],
    [{ hex: HEX, lcd: { e: 11, d: [5, 4, 3, 2] } }, "lcd.rs: Arduino Uno has digital pins 0..19"],
    [
      { hex: HEX, lcd: { rs: 12, e: 11, d: [5, 4, 3, 2], rows: 5 } },
      "lcd.rows: must be an integer from 1 to 4",
    ],
    [{ hex: HEX, pins: [1.5] }, "pins[0]: Arduino Uno has digital pins 0..19"],
    [{ hex: HEX, maxPinChanges: -1 }, "maxPinChanges: must be an integer from 0 to 1000000"],
    [{ hex: HEX, serialInput: 5 }, "serialInput: must be a string"],
    [{ hex: HEX, serialBytes: "yes" }, "serialBytes: must be true or false"],
  ])("refuses %j", (input, message) => {
    expect(() => parseSimRequest(input)).toThrow(new SimRequestError(message));
  });

  it("refuses HEX text longer than a full Mega image needs", () => {
    expect(() => parseSimRequest({ hex: "x".repeat(2_000_001) })).toThrow(
      "hex: longer than 2000000 characters",
    );
  });

  it("accepts the Mega's pins 0..69", () => {
    expect([...parseSimRequest({ hex: HEX, board: "mega2560", pins: [69] }).pins!]).toEqual([69]);
  });
});

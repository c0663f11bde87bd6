/** The benchmark's scenarios do the work they claim: real compiled sketches, short runs, their outcome. */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSketch } from "../src/test-support/arduino-sketch";
import { runScenario, SCENARIOS, type ScenarioName } from "./scenarios";

const hexes = new Map<ScenarioName, string>();
const hexOf = (name: ScenarioName) => hexes.get(name)!;

describe("benchmark scenarios", () => {
  // Building with the Servo and LiquidCrystal libraries takes a few seconds on a busy machine.
  beforeAll(() => {
    for (const name of SCENARIOS)
      hexes.set(
        name,
        buildSketch(readFileSync(new URL(`./sketches/${name}.ino`, import.meta.url), "utf8")),
      );
  }, 120_000);

  it("busy-loop runs the arithmetic loop and toggles D13 between rounds", () => {
    const result = runScenario({
      scenario: "busy-loop",
      hex: hexOf("busy-loop"),
      simulatedMs: 200,
    });
    expect(result.cycles).toBeGreaterThanOrEqual(16_000 * 200);
    expect(result.cycles).toBeLessThan(16_000 * 216); // whole 16 ms slices
    // 1000 rounds of a 32-bit multiply-add take ~6.5 ms: ~30 toggles in 200 ms.
    expect(result.outcome.pin13Toggles).toBeGreaterThan(20);
    expect(result.outcome.pin13Toggles).toBeLessThan(40);
    expect(result.mhz).toBeCloseTo(result.cycles / (result.wallMs * 1000), 6);
  }, 30_000);

  it("lcd-servo shows the counter on the LCD and sweeps the servo, without warnings", () => {
    const result = runScenario({
      scenario: "lcd-servo",
      hex: hexOf("lcd-servo"),
      simulatedMs: 500,
    });
    const { lcdLines, servoAngle, servoPulseUs, warnings, lcdBusyViolations } = result.outcome;
    expect(lcdLines).toHaveLength(2);
    const [title, counter] = lcdLines as string[];
    expect(title).toBe("OhmCloud bench");
    // After lcd.begin's waits, one loop is 15 ms of delay plus the LCD writes: ~30 loops in 500 ms.
    expect(Number(counter)).toBeGreaterThan(20);
    expect(Number(counter)).toBeLessThan(34);
    // The sweep moves 1° per loop from 0°, so the angle follows the counter; a pulse every 20 ms
    // shows a write one or two loops late.
    expect(servoPulseUs).not.toBeNull();
    expect(Number(counter) - (servoAngle as number)).toBeGreaterThan(0);
    expect(Number(counter) - (servoAngle as number)).toBeLessThan(4);
    expect(warnings).toEqual([]);
    expect(lcdBusyViolations).toBe(0);
  }, 30_000); // seconds of wall time when the machine is busy
});

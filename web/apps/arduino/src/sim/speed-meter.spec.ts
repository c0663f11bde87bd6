import { expect, it } from "vitest";
import { SpeedMeter } from "./speed-meter";

it("measures simulated over wall time across its window", () => {
  const meter = new SpeedMeter(1000);
  expect(meter.record(0, 0)).toBe(0);
  expect(meter.record(100, 100)).toBe(1);
  expect(meter.record(200, 150)).toBeCloseTo(0.75);
  for (let t = 300; t <= 3000; t += 100) meter.record(t, 150 + (t - 200) * 2);
  expect(meter.record(3100, 150 + 2900 * 2)).toBeCloseTo(2);
});

it("starts afresh after reset", () => {
  const meter = new SpeedMeter();
  meter.record(0, 0);
  meter.record(100, 10);
  meter.reset();
  meter.record(5000, 10);
  expect(meter.record(5100, 110)).toBe(1);
});

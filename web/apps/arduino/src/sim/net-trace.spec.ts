/** The net trace on real resolutions of the level model (no boards needed to drive a net). */
import { resolveLevels, type CircuitResolution } from "@ohmcloud/avr-sim";
import { expect, it } from "vitest";
import { NetTrace } from "./net-trace";

/** `x.1` at 5 V, 0 V, or on a net of its own (floating); `y.1` always at 0 V. */
function resolution(level: 5 | 0 | null): CircuitResolution {
  return resolveLevels([
    level === null
      ? { type: "terminal", pin: "x.1" }
      : { type: "supply", pin: "x.1", volts: level },
    { type: "supply", pin: "y.1", volts: 0 },
  ]);
}

it("records net level changes with their time, once each", () => {
  const trace = new NetTrace();
  trace.setPins(["x.1", "y.1"], resolution(null), 0);
  trace.observe(resolution(5), 10);
  trace.observe(resolution(5), 20); // no change
  trace.observe(resolution(0), 30.5);
  expect(trace.take()).toEqual([
    {
      pin: "x.1",
      edges: [
        [0, null],
        [10, 1],
        [30.5, 0],
      ],
    },
    { pin: "y.1", edges: [[0, 0]] },
  ]);
  expect(trace.take()).toEqual([
    { pin: "x.1", edges: [] },
    { pin: "y.1", edges: [] },
  ]);
  trace.observe(resolution(5), 35);
  trace.setPins(["x.1"], resolution(5), 36); // still traced: no new first edge
  expect(trace.take()).toEqual([{ pin: "x.1", edges: [[35, 1]] }]);
  trace.setPins([], resolution(0), 40);
  trace.observe(resolution(5), 50);
  expect(trace.take()).toEqual([]);
});

it("keeps only the newest edges past its cap and says how many it dropped", () => {
  const trace = new NetTrace(3);
  trace.setPins(["x.1"], resolution(0), 0);
  for (let t = 1; t <= 10; t++) trace.observe(resolution(t % 2 ? 5 : 0), t);
  expect(trace.take()).toEqual([
    {
      pin: "x.1",
      edges: [
        [8, 0],
        [9, 1],
        [10, 0],
      ],
      dropped: 8,
    },
  ]);
});

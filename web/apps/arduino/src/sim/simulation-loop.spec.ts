/**
 * The worker's loop under Node: real timers, a real compiled sketch; only the worker global is
 * replaced by a list of posted messages (Node has no `self.postMessage`).
 */
import type { Circuit } from "@ohmcloud/avr-sim";
import { afterEach, describe, expect, it } from "vitest";
import { buildSketch } from "../../../../packages/avr-sim/src/test-support/arduino-sketch";
import { BLINK_SKETCH } from "../sketch/examples";
import type { FromWorker, WorkerUpdate } from "./protocol";
import { SimulationLoop } from "./simulation-loop";

const justUno: Circuit = { components: [{ id: "uno", kind: "uno" }], wires: [] };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function startLoop() {
  const posted: FromWorker[] = [];
  const loop = new SimulationLoop({
    post: (message) => posted.push(message),
    now: () => performance.now(),
    setTimeout: (action, ms) => setTimeout(action, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  });
  const updates = () => posted.filter((m): m is WorkerUpdate => m.type === "update");
  const errors = () => posted.filter((m) => m.type === "error");
  return { loop, posted, updates, errors };
}

let running: SimulationLoop | null = null;
afterEach(() => running?.handle({ type: "stop" }));

describe("SimulationLoop", () => {
  it("posts updates while running, none while paused, and follows the speed setting", async () => {
    const { loop, updates, errors } = startLoop();
    running = loop;
    loop.handle({
      type: "start",
      boards: { uno: { board: "uno", hex: buildSketch(BLINK_SKETCH) } },
      circuit: justUno,
      speed: 1,
      tracePins: ["uno.D13"],
    });
    await sleep(300);
    const first = updates();
    expect(errors()).toEqual([]);
    expect(first.length).toBeGreaterThan(2);
    const last = first.at(-1)!;
    expect(last.simulatedMs).toBeGreaterThan(first[0]!.simulatedMs);
    expect(last.speed).toBeGreaterThan(0);
    expect(last.parts.uno).toMatchObject({ type: "board" });
    expect(Object.keys(last.serial)).toEqual(["uno"]);
    // The trace starts with D13 floating, then pinMode and HIGH.
    const edges = first.flatMap((u) => u.traces.flatMap((t) => t.edges));
    expect(edges[0]).toEqual([0, null]);
    expect(edges.map(([, level]) => level)).toContain(1);

    loop.handle({ type: "pause" });
    expect(loop.running).toBe(false);
    const paused = updates().length;
    await sleep(100);
    expect(updates()).toHaveLength(paused);

    loop.handle({ type: "speed", speed: 0.1 });
    loop.handle({ type: "resume" });
    const resumedAt = updates().at(-1)!.simulatedMs;
    await sleep(300);
    const slow = updates().at(-1)!;
    // At most 0.1 × the ~300 ms of wall time (plus a tick of slack).
    expect(slow.simulatedMs - resumedAt).toBeLessThan(0.1 * 400);
    expect(slow.simulatedMs).toBeGreaterThan(resumedAt);

    loop.handle({ type: "stop" });
    expect(loop.running).toBe(false);
  }, 120_000);

  it("reports a circuit it cannot run and inputs for parts that do not exist", () => {
    const { loop, posted } = startLoop();
    running = loop;
    loop.handle({
      type: "start",
      boards: { uno: { board: "uno", hex: buildSketch(BLINK_SKETCH) } },
      circuit: { components: [], wires: [] },
      speed: 1,
    });
    expect(posted).toEqual([
      { type: "error", message: "uno: no uno component of that id in the circuit" },
    ]);
    expect(loop.running).toBe(false);

    loop.handle({
      type: "start",
      boards: { uno: { board: "uno", hex: buildSketch(BLINK_SKETCH) } },
      circuit: justUno,
      speed: 1,
    });
    loop.handle({ type: "control", part: "pot9", name: "position", value: 0.5 });
    expect(posted.at(-1)).toEqual({
      type: "error",
      message: "pot9: no part of that id in the circuit",
    });
    expect(loop.running).toBe(true); // a bad input does not end the run
  }, 120_000);
});

/**
 * The page's handle posts protocol v2 messages. The worker is a recording stand-in: Node has no Web
 * Worker to load the Vite module worker into (the worker's own loop is tested in
 * simulation-loop.spec.ts).
 */
import { expect, it } from "vitest";
import type { FromWorker, ToWorker } from "./protocol";
import { SimulationWorker, type WorkerLike } from "./simulation-worker";

function recordingWorker() {
  const sent: ToWorker[] = [];
  const worker: WorkerLike & { terminated: boolean } = {
    onmessage: null,
    terminated: false,
    postMessage: (message) => sent.push(message),
    terminate() {
      this.terminated = true;
    },
  };
  return { worker, sent };
}

it("sends each command as its protocol message and passes replies on", () => {
  const { worker, sent } = recordingWorker();
  const received: FromWorker[] = [];
  const handle = new SimulationWorker(worker, (message) => received.push(message));
  const circuit = { components: [{ id: "uno1", kind: "uno" }], wires: [] };
  handle.start({ boards: { uno1: { board: "uno", hex: ":00000001FF" } }, circuit, speed: 1 });
  handle.setSpeed(null);
  handle.sendSerial("uno1", [104, 105, 10]);
  handle.setControl("pot1", "position", 0.25);
  handle.press("btn1", true);
  handle.trace(["uno1.D13"]);
  handle.pause();
  handle.resume();
  handle.stop();
  expect(sent).toEqual([
    { type: "start", boards: { uno1: { board: "uno", hex: ":00000001FF" } }, circuit, speed: 1 },
    { type: "speed", speed: null },
    { type: "serial", board: "uno1", bytes: [104, 105, 10] },
    { type: "control", part: "pot1", name: "position", value: 0.25 },
    { type: "press", part: "btn1", pressed: true },
    { type: "trace", pins: ["uno1.D13"] },
    { type: "pause" },
    { type: "resume" },
    { type: "stop" },
  ]);
  worker.onmessage!({ data: { type: "error", message: "boom" } } as MessageEvent<FromWorker>);
  expect(received).toEqual([{ type: "error", message: "boom" }]);
  handle.dispose();
  expect(worker.terminated).toBe(true);
  expect(worker.onmessage).toBeNull();
});

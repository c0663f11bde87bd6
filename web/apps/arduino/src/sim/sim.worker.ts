/**
 * The simulation's Web Worker: runs the circuit and its boards' sketches (`SimulationLoop`, a
 * `CircuitSession` paced to the wall clock) off the page's thread, so the page and the editor stay
 * responsive. Speaks protocol v2 (`protocol.ts`).
 */
import type { ToWorker } from "./protocol";
import { SimulationLoop } from "./simulation-loop";

const loop = new SimulationLoop({
  post: (message) => self.postMessage(message),
  now: () => performance.now(),
  setTimeout: (action, ms) => setTimeout(action, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
});

self.onmessage = (event: MessageEvent<ToWorker>) => loop.handle(event.data);

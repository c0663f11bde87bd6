/**
 * The benchmark's Web Worker (headless Chromium): one `ScenarioRequest` in, its `ScenarioResult`
 * (or `{ error }`) out. Runs the same bundled `scenarios` module as `node.ts` does under Node.
 */
import { runScenario, type ScenarioRequest } from "./scenarios";

self.onmessage = (event: MessageEvent<ScenarioRequest>) => {
  try {
    self.postMessage(runScenario(event.data));
  } catch (error) {
    self.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};

/**
 * The simulation's Web Worker: runs a `SketchSession` in slices paced to the wall clock, so the
 * page (and the editor) stay responsive, and posts each slice's pins and serial bytes.
 */
import { BOARDS } from "@ohmcloud/avr-sim";
import type { FromWorker, ToWorker } from "./protocol";
import { SketchSession } from "./sketch-session";
import { SpeedMeter } from "./speed-meter";

/** About one display frame. */
const TICK_MS = 16;

let session: SketchSession | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
let lastWall = 0;
const meter = new SpeedMeter();

function post(message: FromWorker): void {
  self.postMessage(message);
}

function tick(): void {
  if (!session) return;
  const now = performance.now();
  try {
    const report = session.advance(now - lastWall);
    lastWall = now;
    const speed = meter.record(now, report.simulatedMs);
    post({ type: "update", ...report, speed });
  } catch (error) {
    post({ type: "error", message: error instanceof Error ? error.message : String(error) });
    stop();
    return;
  }
  timer = setTimeout(tick, TICK_MS);
}

function resume(): void {
  if (!session || timer !== null) return;
  lastWall = performance.now();
  meter.reset();
  timer = setTimeout(tick, 0);
}

function pause(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
}

function stop(): void {
  pause();
  session = null;
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case "start":
      stop();
      try {
        session = new SketchSession(message.hex, BOARDS[message.board]);
      } catch (error) {
        post({ type: "error", message: error instanceof Error ? error.message : String(error) });
        return;
      }
      resume();
      break;
    case "pause":
      pause();
      break;
    case "resume":
      resume();
      break;
    case "stop":
      stop();
      break;
    case "serial":
      session?.type(message.text);
      break;
  }
};

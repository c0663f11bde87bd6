/**
 * The simulation worker's message handling and pacing loop (protocol v2), apart from the worker
 * global so it runs under Node in specs: a `start` builds a `CircuitSession`, then a tick about
 * every frame advances it by the wall time that passed and posts an `update` with the speed
 * readout; `pause`/`resume`/`stop`/`speed` steer the loop; inputs go to the session.
 */
import { CircuitSession } from "./circuit-session";
import type { FromWorker, ToWorker } from "./protocol";
import { SpeedMeter } from "./speed-meter";

/** About one display frame. */
export const TICK_MS = 16;

export interface LoopEnvironment {
  post(message: FromWorker): void;
  /** Wall clock in ms. */
  now(): number;
  setTimeout(action: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class SimulationLoop {
  private session: CircuitSession | null = null;
  private timer: unknown = null;
  private lastWall = 0;
  private readonly meter = new SpeedMeter();

  constructor(private readonly env: LoopEnvironment) {}

  get running(): boolean {
    return this.timer !== null;
  }

  handle(message: ToWorker): void {
    try {
      this.dispatch(message);
    } catch (error) {
      this.env.post({ type: "error", message: messageOf(error) });
    }
  }

  private dispatch(message: ToWorker): void {
    switch (message.type) {
      case "start":
        this.stop();
        this.session = new CircuitSession({
          boards: message.boards,
          circuit: message.circuit,
          speed: message.speed,
          tracePins: message.tracePins ?? [],
          clock: () => this.env.now(),
        });
        this.resume();
        break;
      case "pause":
        this.pause();
        break;
      case "resume":
        this.resume();
        break;
      case "stop":
        this.stop();
        break;
      case "speed":
        this.session?.setSpeed(message.speed);
        this.meter.reset(); // the readout shows the new speed, not a blend with the old one
        break;
      case "serial":
        this.session?.sendSerial(message.board, message.bytes);
        break;
      case "control":
        this.session?.setControl(message.part, message.name, message.value);
        break;
      case "press":
        this.session?.press(message.part, message.pressed);
        break;
      case "trace":
        this.session?.setTracePins(message.pins);
        break;
    }
  }

  private tick = (): void => {
    const session = this.session;
    if (!session) return;
    const started = this.env.now();
    try {
      const update = session.advance(started - this.lastWall);
      this.lastWall = started;
      const speed = this.meter.record(this.env.now(), update.simulatedMs);
      this.env.post({ type: "update", ...update, speed });
    } catch (error) {
      this.env.post({ type: "error", message: messageOf(error) });
      this.stop();
      return;
    }
    // The next tick one frame after this one began: unthrottled, the budget leaves a few ms idle.
    const spent = this.env.now() - started;
    this.timer = this.env.setTimeout(this.tick, Math.max(0, TICK_MS - spent));
  };

  private resume(): void {
    if (!this.session || this.timer !== null) return;
    this.lastWall = this.env.now();
    this.meter.reset();
    this.timer = this.env.setTimeout(this.tick, 0);
  }

  private pause(): void {
    if (this.timer !== null) this.env.clearTimeout(this.timer);
    this.timer = null;
  }

  private stop(): void {
    this.pause();
    this.session = null;
  }
}

/**
 * The run controls: Run (build every board's sketch and start), Pause/Resume, Stop, the speed
 * setting (0.1× to unthrottled) with the measured speed and simulated time, the buzzer's mute, and
 * the run's status.
 */
import type { SimulationSpeed } from "../sim/protocol";

export type RunState =
  | { readonly kind: "idle" }
  | { readonly kind: "building" }
  | { readonly kind: "running" }
  | { readonly kind: "paused" }
  | { readonly kind: "stopped" }
  | { readonly kind: "failed"; readonly message: string };

/** The speed menu: factors of real time, null = as fast as the machine goes. */
export const SPEEDS: readonly SimulationSpeed[] = [0.1, 0.25, 0.5, 1, 2, 5, 10, null];

export interface RunToolbarProps {
  readonly state: RunState;
  onRun(): void;
  onPause(): void;
  onResume(): void;
  onStop(): void;
  readonly speed: SimulationSpeed;
  onSpeed(speed: SimulationSpeed): void;
  /** Simulated time over wall time over the last second; null when not running. */
  readonly measuredSpeed: number | null;
  readonly simulatedMs: number | null;
  readonly muted: boolean;
  onMuted(muted: boolean): void;
  /** A remark next to the status (edits that apply on the next run). */
  readonly note: string | null;
}

export function RunToolbar(props: RunToolbarProps) {
  const { state, speed, measuredSpeed, simulatedMs, muted } = props;
  const live = state.kind === "running" || state.kind === "paused";
  return (
    <div className="ar-toolbar" role="toolbar" aria-label="Run">
      <button
        type="button"
        className="ar-primary"
        onClick={props.onRun}
        disabled={state.kind === "building"}
        title="Build every board's sketch and run (Ctrl+Enter in the editor)"
        data-testid="run"
      >
        {live ? "Restart" : "Run"}
      </button>
      {state.kind === "paused" ? (
        <button type="button" onClick={props.onResume} data-testid="resume">
          Resume
        </button>
      ) : (
        <button
          type="button"
          onClick={props.onPause}
          disabled={state.kind !== "running"}
          data-testid="pause"
        >
          Pause
        </button>
      )}
      <button
        type="button"
        onClick={props.onStop}
        disabled={!live && state.kind !== "building"}
        data-testid="stop"
      >
        Stop
      </button>
      <label className="ar-speed">
        Speed{" "}
        <select
          value={speedKey(speed)}
          onChange={(event) => props.onSpeed(speedOfKey(event.target.value))}
          data-testid="speed"
        >
          {SPEEDS.map((option) => (
            <option key={speedKey(option)} value={speedKey(option)}>
              {speedLabel(option)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        aria-pressed={muted}
        onClick={() => props.onMuted(!muted)}
        title={muted ? "Let buzzers sound" : "Silence buzzers"}
        data-testid="mute"
      >
        {muted ? "Sound off" : "Sound on"}
      </button>
      <span className="ar-status" role="status" data-testid="run-status">
        {statusText(state)}
      </span>
      {simulatedMs !== null && (
        <span className="ar-muted" data-testid="sim-speed" data-simulated-ms={simulatedMs}>
          {formatSimTime(simulatedMs)}
          {measuredSpeed !== null && `, ${Math.round(measuredSpeed * 100)} % of real time`}
        </span>
      )}
      {props.note && (
        <span className="ar-note" data-testid="run-note">
          {props.note}
        </span>
      )}
    </div>
  );
}

function speedKey(speed: SimulationSpeed): string {
  return speed === null ? "max" : String(speed);
}

function speedOfKey(key: string): SimulationSpeed {
  return key === "max" ? null : Number(key);
}

export function speedLabel(speed: SimulationSpeed): string {
  return speed === null ? "Unthrottled" : `${speed}×`;
}

function statusText(state: RunState): string {
  switch (state.kind) {
    case "idle":
      return "Press Run (Ctrl+Enter) to build the sketch and run it.";
    case "building":
      return "Building…";
    case "running":
      return "Running";
    case "paused":
      return "Paused";
    case "stopped":
      return "Stopped";
    case "failed":
      return state.message;
  }
}

/** "12.3 s simulated". */
function formatSimTime(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s simulated`;
}

/**
 * The Arduino app page: the sketch editor, the (fixed, for now) workspace of parts and the serial
 * monitor. Run builds the editor's current text on the server and runs the HEX in a Web Worker;
 * edits made while a sketch runs apply on the next Run.
 */
import { ApiClient, ArduinoApi, type BuildDiagnostic, type BuildSize } from "@ohmcloud/api-client";
import { AppShell } from "@ohmcloud/app-shell";
import { useCallback, useEffect, useRef, useState } from "react";
import "./arduino.css";
import { CodeEditor } from "./editor/CodeEditor";
import { ProblemsList } from "./editor/ProblemsList";
import { formatSize } from "./editor/build-report";
import { SerialMonitor } from "./serial/SerialMonitor";
import { SerialOutput } from "./serial/serial-log";
import type { FromWorker } from "./sim/protocol";
import { createSimulationWorker, SimulationWorker, type WorkerLike } from "./sim/simulation-worker";
import { BLINK_SKETCH, MAIN_TAB } from "./sketch/examples";
import { Workspace } from "./workspace/Workspace";

/** What the page needs of the build service; specs pass a fake. */
export type BuildService = Pick<ArduinoApi, "build" | "waitUntilDone">;

export interface ArduinoAppProps {
  readonly builds?: BuildService;
  readonly createWorker?: () => WorkerLike;
}

type RunState =
  | { readonly kind: "idle" }
  | { readonly kind: "building" }
  | { readonly kind: "running" }
  | { readonly kind: "paused" }
  | { readonly kind: "stopped" }
  | { readonly kind: "failed"; readonly message: string };

interface Pin13 {
  readonly value: boolean;
  readonly duty: number;
}

const DARK: Pin13 = { value: false, duty: 0 };

let defaultBuilds: BuildService | undefined;

export function ArduinoApp({
  builds = (defaultBuilds ??= new ArduinoApi(new ApiClient())),
  createWorker = createSimulationWorker,
}: ArduinoAppProps) {
  const text = useRef(BLINK_SKETCH);
  const [state, setState] = useState<RunState>({ kind: "idle" });
  const [diagnostics, setDiagnostics] = useState<readonly BuildDiagnostic[]>([]);
  const [size, setSize] = useState<BuildSize | null>(null);
  const [pin13, setPin13] = useState<Pin13>(DARK);
  const [speed, setSpeed] = useState<number | null>(null);
  const [simulatedMs, setSimulatedMs] = useState(0);
  const [baud, setBaud] = useState<number | null>(null);
  const serial = useRef(new SerialOutput());
  const [output, setOutput] = useState("");
  const worker = useRef<SimulationWorker | null>(null);
  const building = useRef<AbortController | null>(null);

  const onWorkerMessage = useCallback((message: FromWorker) => {
    if (message.type === "error") {
      setState({ kind: "failed", message: `The simulation stopped: ${message.message}` });
      return;
    }
    const pin = message.pins.find((p) => p.pin === 13);
    if (pin) setPin13({ value: pin.value === 1, duty: pin.duty });
    if (message.serial.length > 0) setOutput(serial.current.append(message.serial));
    setSpeed(message.speed);
    setSimulatedMs(message.simulatedMs);
    setBaud(message.baud);
  }, []);

  const simulation = useCallback(() => {
    worker.current ??= new SimulationWorker(createWorker(), onWorkerMessage);
    return worker.current;
  }, [createWorker, onWorkerMessage]);

  useEffect(
    () => () => {
      building.current?.abort();
      worker.current?.dispose();
      worker.current = null;
    },
    [],
  );

  const resetRun = useCallback(() => {
    worker.current?.stop();
    setPin13(DARK);
    setSpeed(null);
    setBaud(null);
  }, []);

  const run = useCallback(async () => {
    building.current?.abort();
    const controller = new AbortController();
    building.current = controller;
    resetRun();
    setState({ kind: "building" });
    try {
      const accepted = await builds.build("uno", text.current);
      const build = await builds.waitUntilDone(accepted.id, { signal: controller.signal });
      setDiagnostics(build.diagnostics);
      setSize(build.size);
      if (build.status !== "succeeded" || !build.hex) {
        setState({ kind: "failed", message: `The build ${build.status}: see the problems below.` });
        return;
      }
      setOutput(serial.current.clear());
      setSimulatedMs(0);
      simulation().start(build.hex, "uno");
      setState({ kind: "running" });
    } catch (error) {
      if (controller.signal.aborted) return;
      setState({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  }, [builds, simulation, resetRun]);

  const pause = () => {
    worker.current?.pause();
    setState({ kind: "paused" });
  };
  const resume = () => {
    worker.current?.resume();
    setState({ kind: "running" });
  };
  const stop = () => {
    building.current?.abort();
    resetRun();
    setState({ kind: "stopped" });
  };

  const live = state.kind === "running" || state.kind === "paused";
  return (
    <AppShell current="arduino">
      <h1 className="oc-page-title">Arduino simulator</h1>
      <div className="ar-toolbar" role="toolbar" aria-label="Run">
        <button
          type="button"
          className="ar-primary"
          onClick={() => void run()}
          disabled={state.kind === "building"}
          title="Build and run (Ctrl+Enter)"
          data-testid="run"
        >
          {live ? "Restart" : "Run"}
        </button>
        {state.kind === "paused" ? (
          <button type="button" onClick={resume} data-testid="resume">
            Resume
          </button>
        ) : (
          <button
            type="button"
            onClick={pause}
            disabled={state.kind !== "running"}
            data-testid="pause"
          >
            Pause
          </button>
        )}
        <button
          type="button"
          onClick={stop}
          disabled={!live && state.kind !== "building"}
          data-testid="stop"
        >
          Stop
        </button>
        <span className="ar-status" role="status" data-testid="run-status">
          {statusText(state)}
        </span>
        {live && (
          <span className="ar-muted" data-testid="sim-speed">
            {formatSimTime(simulatedMs)}
            {speed !== null && `, ${Math.round(speed * 100)} % of real time`}
          </span>
        )}
      </div>
      <div className="ar-main">
        <div className="ar-editor-column">
          <div className="ar-tabs" role="tablist">
            <span role="tab" aria-selected="true" className="ar-tab">
              {MAIN_TAB}
            </span>
          </div>
          <CodeEditor
            initialText={BLINK_SKETCH}
            file={MAIN_TAB}
            diagnostics={diagnostics}
            onChange={(value) => (text.current = value)}
            onRun={() => void run()}
          />
          {size && (
            <p className="ar-size" data-testid="build-size">
              {formatSize(size)}
            </p>
          )}
          <ProblemsList diagnostics={diagnostics} />
        </div>
        <div className="ar-side-column">
          <Workspace pin13={pin13.value} pin13Duty={pin13.duty} />
          <SerialMonitor
            output={output}
            baud={baud}
            running={live}
            onSend={(line) => worker.current?.type(line)}
            onClear={() => setOutput(serial.current.clear())}
          />
        </div>
      </div>
    </AppShell>
  );
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

/** "12.3 s" of simulated time. */
function formatSimTime(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s simulated`;
}

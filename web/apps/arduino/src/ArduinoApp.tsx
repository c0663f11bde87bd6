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
import { baudMismatch, misreceive } from "./serial/baud-mismatch";
import { PlotBuffer, type PlotSeries } from "./serial/plot-data";
import { SerialOutput } from "./serial/serial-log";
import type { FromWorker } from "./sim/protocol";
import { createSimulationWorker, SimulationWorker, type WorkerLike } from "./sim/simulation-worker";
import { MAIN_TAB } from "./sketch/examples";
import { Workspace } from "./workspace/Workspace";
import { readAutosave, writeAutosave } from "./project/autosave";
import { downloadFile, ProjectBar } from "./project/ProjectBar";
import { newProject, serializeProject, type ArduinoProject } from "./project/project-file";

/** What the page needs of the build service; specs pass a fake. */
export type BuildService = Pick<ArduinoApi, "build" | "waitUntilDone">;

export interface ArduinoAppProps {
  readonly builds?: BuildService;
  readonly createWorker?: () => WorkerLike;
  /** Where the project is autosaved (default `localStorage`). */
  readonly storage?: Storage;
  /** Asks before unsaved changes are discarded (default `window.confirm`). */
  readonly confirm?: (question: string) => boolean;
  /** Offers the saved project file (default: a browser download). */
  readonly download?: (name: string, text: string) => void;
}

/** The name a saved project is offered under. */
export const PROJECT_FILE_NAME = "arduino-project.json";

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
  storage = window.localStorage,
  confirm = (question) => window.confirm(question),
  download = downloadFile,
}: ArduinoAppProps) {
  const [restored] = useState(() => readAutosave(storage));
  const [project, setProject] = useState<ArduinoProject>(restored?.project ?? newProject());
  const [unsaved, setUnsaved] = useState(restored?.unsaved ?? false);
  /** Bumped when another project is loaded: the editor starts afresh with its text. */
  const [editorGeneration, setEditorGeneration] = useState(0);
  const text = useRef(project.sketch[MAIN_TAB]!);
  const [state, setState] = useState<RunState>({ kind: "idle" });
  const [diagnostics, setDiagnostics] = useState<readonly BuildDiagnostic[]>([]);
  const [size, setSize] = useState<BuildSize | null>(null);
  const [pin13, setPin13] = useState<Pin13>(DARK);
  const [speed, setSpeed] = useState<number | null>(null);
  const [simulatedMs, setSimulatedMs] = useState(0);
  const [baud, setBaud] = useState<number | null>(null);
  const serial = useRef(new SerialOutput());
  const [output, setOutput] = useState({ text: "", timestamped: "" });
  const [monitorBaud, setMonitorBaud] = useState(9600);
  const monitorBaudRef = useRef(monitorBaud);
  const plot = useRef(new PlotBuffer());
  const [plotData, setPlotData] = useState<{ xs: readonly number[]; series: PlotSeries[] }>({
    xs: [],
    series: [],
  });
  const worker = useRef<SimulationWorker | null>(null);
  const board = project.board;
  const building = useRef<AbortController | null>(null);

  const showSerial = useCallback(
    () => setOutput({ text: serial.current.text, timestamped: serial.current.timestamped }),
    [],
  );
  const clearSerial = useCallback(() => {
    serial.current.clear();
    plot.current.clear();
    setPlotData({ xs: [], series: [] });
    showSerial();
  }, [showSerial]);

  const onWorkerMessage = useCallback(
    (message: FromWorker) => {
      if (message.type === "error") {
        setState({ kind: "failed", message: `The simulation stopped: ${message.message}` });
        return;
      }
      const pin = message.pins.find((p) => p.pin === 13);
      if (pin) setPin13({ value: pin.value === 1, duty: pin.duty });
      if (message.serial.length > 0) {
        const heard = monitorBaudRef.current;
        const bytes =
          message.baud !== null && baudMismatch(message.baud, heard)
            ? misreceive(message.serial, message.baud, heard)
            : message.serial;
        serial.current.append(bytes, message.simulatedMs);
        showSerial();
        let plotted = false;
        for (const line of serial.current.takeCompletedLines())
          plotted = plot.current.add(line.ms, line.text) || plotted;
        if (plotted) setPlotData({ xs: [...plot.current.xs], series: plot.current.allSeries });
      }
      setSpeed(message.speed);
      setSimulatedMs(message.simulatedMs);
      setBaud(message.baud);
    },
    [showSerial],
  );

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

  useEffect(() => writeAutosave(storage, project, unsaved), [storage, project, unsaved]);

  const load = (next: ArduinoProject) => {
    text.current = next.sketch[MAIN_TAB]!;
    setProject(next);
    setUnsaved(false);
    setEditorGeneration((n) => n + 1);
  };
  const editSketch = (value: string) => {
    text.current = value;
    setProject((current) => ({ ...current, sketch: { ...current.sketch, [MAIN_TAB]: value } }));
    setUnsaved(true);
  };
  const save = () => {
    download(PROJECT_FILE_NAME, serializeProject(project));
    setUnsaved(false);
  };

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
      const accepted = await builds.build(board, text.current);
      const build = await builds.waitUntilDone(accepted.id, { signal: controller.signal });
      setDiagnostics(build.diagnostics);
      setSize(build.size);
      if (build.status !== "succeeded" || !build.hex) {
        setState({ kind: "failed", message: `The build ${build.status}: see the problems below.` });
        return;
      }
      clearSerial();
      setSimulatedMs(0);
      simulation().start(build.hex, board);
      setState({ kind: "running" });
    } catch (error) {
      if (controller.signal.aborted) return;
      setState({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  }, [builds, simulation, resetRun, clearSerial, board]);

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
      <ProjectBar
        unsaved={unsaved}
        onNew={() => load(newProject())}
        onOpen={load}
        onSave={save}
        confirm={confirm}
      />
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
            key={editorGeneration}
            initialText={project.sketch[MAIN_TAB]!}
            file={MAIN_TAB}
            diagnostics={diagnostics}
            onChange={editSketch}
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
            output={output.text}
            timestampedOutput={output.timestamped}
            monitorBaud={monitorBaud}
            onMonitorBaud={(rate) => {
              monitorBaudRef.current = rate;
              setMonitorBaud(rate);
            }}
            plot={plotData}
            baud={baud}
            running={live}
            onSend={(line) => worker.current?.type(line)}
            onClear={clearSerial}
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

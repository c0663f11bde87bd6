/**
 * The Arduino app page: the breadboard workspace, the sketch of each board, the run controls, and
 * the serial monitor and pin traces of a run. Run builds every board's sketch on the server and
 * runs the whole circuit in a Web Worker; edits made while it runs apply on the next Run.
 */
import { ApiClient, ArduinoApi, type BuildSize } from "@ohmcloud/api-client";
import { AppShell } from "@ohmcloud/app-shell";
import type { BoardId, Circuit, CircuitWarning, PartView, PinRef } from "@ohmcloud/avr-sim";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import "./arduino.css";
import { BuzzerSound, unlockOnFirstGesture } from "./audio/buzzer-sound";
import { formatSize } from "./editor/build-report";
import { SketchEditor } from "./editor/SketchEditor";
import { ExamplesMenu } from "./examples/ExamplesMenu";
import { readAutosave, writeAutosave } from "./project/autosave";
import {
  projectOf,
  sketchesOfProject,
  withBoardSketches,
  type BoardSketches,
} from "./project/board-sketches";
import { downloadFile, type Download } from "./project/download";
import { DISCARD_QUESTION, ProjectBar } from "./project/ProjectBar";
import { newProject, serializeProject, type ArduinoProject } from "./project/project-file";
import { buildBoards, type BoardBuild, type BuildService } from "./run/build-boards";
import { RunToolbar, type RunState } from "./run/RunToolbar";
import { SerialConsoles } from "./serial/serial-consoles";
import { SerialMonitor } from "./serial/SerialMonitor";
import { receivedBySketch } from "./serial/typed-input";
import type { FromWorker, SimulationSpeed } from "./sim/protocol";
import { createSimulationWorker, SimulationWorker, type WorkerLike } from "./sim/simulation-worker";
import { appendTraces, emptyTraceBuffer, keepTracedPins } from "./trace/trace-buffer";
import { mcuTracePins } from "./trace/trace-pins";
import { TraceView } from "./trace/TraceView";
import { circuitOf, docFromProject, mcuParts, type WorkspaceDoc } from "./workspace/model";
import { Workspace } from "./workspace/Workspace";

export type { BuildService } from "./run/build-boards";

export interface ArduinoAppProps {
  readonly builds?: BuildService;
  readonly createWorker?: () => WorkerLike;
  /** Where the project is autosaved (default `localStorage`). */
  readonly storage?: Storage;
  /** Asks before unsaved changes are discarded (default `window.confirm`). */
  readonly confirm?: (question: string) => boolean;
  /** Offers a file: the saved project, an exported picture or trace (default: a browser download). */
  readonly download?: Download;
}

/** The name a saved project is offered under. */
export const PROJECT_FILE_NAME = "arduino-project.json";

let defaultBuilds: BuildService | undefined;

/** What a loaded project gives the page: the workspace and the sketch of each of its boards. */
interface Loaded {
  readonly doc: WorkspaceDoc;
  readonly sketches: BoardSketches;
}

function loaded(project: ArduinoProject): Loaded {
  const doc = docFromProject(project.circuit, project.layout);
  return { doc, sketches: sketchesOfProject(project, doc) };
}

export function ArduinoApp({
  builds = (defaultBuilds ??= new ArduinoApi(new ApiClient())),
  createWorker = createSimulationWorker,
  storage = window.localStorage,
  confirm = (question) => window.confirm(question),
  download = downloadFile,
}: ArduinoAppProps) {
  const [restored] = useState(() => readAutosave(storage));
  const [initial] = useState(() => loaded(restored?.project ?? newProject()));
  const [doc, setDoc] = useState(initial.doc);
  const [sketches, setSketches] = useState(initial.sketches);
  const sketchesRef = useRef(sketches);
  const [unsaved, setUnsaved] = useState(restored?.unsaved ?? false);
  /** Bumped when another project is loaded: workspace and editors start afresh. */
  const [generation, setGeneration] = useState(0);
  const boards = useMemo(() => mcuParts(doc), [doc]);
  const [chosenBoard, setChosenBoard] = useState<string | null>(null);
  const selectedBoard = boards.find((b) => b.id === chosenBoard)?.id ?? boards[0]?.id ?? null;

  const [state, setState] = useState<RunState>({ kind: "idle" });
  const [built, setBuilt] = useState<Readonly<Record<string, BoardBuild>>>({});
  const [speed, setSpeed] = useState<SimulationSpeed>(1);
  const [measuredSpeed, setMeasuredSpeed] = useState<number | null>(null);
  const [simulatedMs, setSimulatedMs] = useState(0);
  const [views, setViews] = useState<Readonly<Record<string, PartView>>>({});
  const [warnings, setWarnings] = useState<readonly CircuitWarning[]>([]);
  const [baud, setBaud] = useState<Readonly<Record<string, number | null>>>({});
  /** The circuit of the run in progress (edits since apply on the next Run). */
  const [runCircuit, setRunCircuit] = useState<Circuit | null>(null);
  /** Mutable, stable for the page's life; `consoleVersion` counts its changes. */
  const [consoles] = useState(() => new SerialConsoles());
  const [consoleVersion, setConsoleVersion] = useState(0);
  const [monitorBaud, setMonitorBaud] = useState(9600);
  const monitorBaudRef = useRef(monitorBaud);
  const [traced, setTraced] = useState<readonly PinRef[]>([]);
  const [traceBuffer, setTraceBuffer] = useState(() => emptyTraceBuffer());
  const [muted, setMuted] = useState(false);
  const [sound] = useState(() => new BuzzerSound());
  const worker = useRef<SimulationWorker | null>(null);
  const building = useRef<AbortController | null>(null);

  const project = useMemo(() => projectOf(doc, sketches), [doc, sketches]);
  useEffect(() => writeAutosave(storage, project, unsaved), [storage, project, unsaved]);
  useEffect(() => unlockOnFirstGesture(sound, window), [sound]);
  useEffect(() => () => sound.dispose(), [sound]);

  const onWorkerMessage = useCallback(
    (message: FromWorker) => {
      if (message.type === "error") {
        sound.silence();
        setState({ kind: "failed", message: `The simulation stopped: ${message.message}` });
        return;
      }
      let heard = false;
      for (const [board, bytes] of Object.entries(message.serial)) {
        consoles.receive(
          board,
          bytes,
          message.baud[board] ?? null,
          monitorBaudRef.current,
          message.simulatedMs,
        );
        heard ||= bytes.length > 0;
      }
      if (heard) setConsoleVersion((n) => n + 1);
      if (message.traces.length > 0)
        setTraceBuffer((buffer) =>
          appendTraces(buffer, message.traces, message.simulatedMs * 1000),
        );
      setViews(message.parts);
      setWarnings(message.warnings);
      setBaud(message.baud);
      setMeasuredSpeed(message.speed);
      setSimulatedMs(message.simulatedMs);
      sound.update(message.parts);
    },
    [sound, consoles],
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

  const resetRun = useCallback(() => {
    worker.current?.stop();
    sound.silence();
    setViews({});
    setWarnings([]);
    setMeasuredSpeed(null);
    setBaud({});
    setRunCircuit(null);
  }, [sound]);

  const load = (next: ArduinoProject) => {
    building.current?.abort();
    resetRun();
    setState({ kind: "idle" });
    const { doc: nextDoc, sketches: nextSketches } = loaded(next);
    setDoc(nextDoc);
    sketchesRef.current = nextSketches;
    setSketches(nextSketches);
    setChosenBoard(null);
    setBuilt({});
    setUnsaved(false);
    setGeneration((n) => n + 1);
  };
  const mayDiscard = () => !unsaved || confirm(DISCARD_QUESTION);

  const editDoc = (next: WorkspaceDoc) => {
    setDoc(next);
    const withBoards = withBoardSketches(sketchesRef.current, next);
    if (withBoards !== sketchesRef.current) {
      sketchesRef.current = withBoards;
      setSketches(withBoards);
    }
    setUnsaved(true);
  };
  const editSketch = (board: string, files: BoardSketches[string]) => {
    sketchesRef.current = { ...sketchesRef.current, [board]: files };
    setSketches(sketchesRef.current);
    setUnsaved(true);
  };
  const save = () => {
    download(PROJECT_FILE_NAME, serializeProject(project));
    setUnsaved(false);
  };

  const run = async () => {
    building.current?.abort();
    const controller = new AbortController();
    building.current = controller;
    resetRun();
    sound.unlock();
    if (boards.length === 0) {
      setState({
        kind: "failed",
        message: "Add a board (Uno, Nano or Mega) from the palette first.",
      });
      return;
    }
    setState({ kind: "building" });
    const circuit = circuitOf(doc);
    try {
      const result = await buildBoards(
        builds,
        boards.map((board) => ({
          id: board.id,
          kind: board.kind as BoardId,
          files: sketchesRef.current[board.id]!,
        })),
        controller.signal,
      );
      setBuilt(result.builds);
      if (!result.hexes) {
        const [first] = result.failed;
        setChosenBoard(first!);
        const which = boards.length > 1 ? ` of ${first}` : "";
        setState({
          kind: "failed",
          message: `The build${which} ${result.builds[first!]!.status}: see the problems below.`,
        });
        return;
      }
      consoles.clear();
      setConsoleVersion((n) => n + 1);
      setTraceBuffer(emptyTraceBuffer());
      setSimulatedMs(0);
      setRunCircuit(circuit);
      simulation().start({ boards: result.hexes, circuit, speed, tracePins: traced });
      setState({ kind: "running" });
    } catch (error) {
      if (controller.signal.aborted) return;
      setState({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  };

  const pause = () => {
    worker.current?.pause();
    sound.silence();
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
  const changeSpeed = (next: SimulationSpeed) => {
    setSpeed(next);
    worker.current?.setSpeed(next);
  };
  const changeMuted = (next: boolean) => {
    setMuted(next);
    sound.setMuted(next);
  };
  const changeTraced = (pins: readonly PinRef[]) => {
    setTraced(pins);
    setTraceBuffer((buffer) => keepTracedPins(buffer, pins));
    if (live) worker.current?.trace(pins);
  };

  const live = state.kind === "running" || state.kind === "paused";
  const selectedBuild = selectedBoard ? built[selectedBoard] : undefined;
  const size: BuildSize | null = selectedBuild?.size ?? null;
  const console = useMemo(
    () => consoles.view(selectedBoard ?? ""),
    // consoleVersion: the consoles are mutable; a new version means new text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [selectedBoard, consoleVersion],
  );
  const tracePins = useMemo(() => mcuTracePins(runCircuit ?? circuitOf(doc)), [runCircuit, doc]);
  const changedSinceRun = useMemo(
    () => runCircuit !== null && JSON.stringify(circuitOf(doc)) !== JSON.stringify(runCircuit),
    [runCircuit, doc],
  );
  const stale = live && changedSinceRun;

  return (
    <AppShell current="arduino">
      <h1 className="oc-page-title">Arduino simulator</h1>
      <div className="ar-project-row">
        <ProjectBar
          unsaved={unsaved}
          onNew={() => load(newProject())}
          onOpen={load}
          onSave={save}
          confirm={confirm}
        />
        <ExamplesMenu onOpen={(example) => mayDiscard() && load(example)} />
      </div>
      <RunToolbar
        state={state}
        onRun={() => void run()}
        onPause={pause}
        onResume={resume}
        onStop={stop}
        speed={speed}
        onSpeed={changeSpeed}
        measuredSpeed={live ? measuredSpeed : null}
        simulatedMs={live ? simulatedMs : null}
        muted={muted}
        onMuted={changeMuted}
        note={stale ? "The workspace changed: the changes apply on the next Run." : null}
      />
      <div className="ar-main">
        <Workspace
          key={generation}
          doc={doc}
          onChange={editDoc}
          views={views}
          warnings={warnings}
          running={live}
          onPress={(part, pressed) => worker.current?.press(part, pressed)}
          onControl={(part, name, value) => worker.current?.setControl(part, name, value)}
          onTracePin={(pin) => !traced.includes(pin) && changeTraced([...traced, pin])}
          selectedBoard={selectedBoard ?? undefined}
          onSelectBoard={setChosenBoard}
          download={download}
        />
        <div className="ar-editor-column">
          {boards.length > 1 && (
            <div className="ar-board-tabs" role="tablist" aria-label="Board">
              {boards.map((board) => (
                <button
                  key={board.id}
                  type="button"
                  role="tab"
                  aria-selected={board.id === selectedBoard}
                  className={built[board.id]?.status === "failed" ? "ar-board-failed" : undefined}
                  onClick={() => setChosenBoard(board.id)}
                  data-testid={`board-tab-${board.id}`}
                >
                  {board.id} <span className="ar-muted">({board.kind})</span>
                </button>
              ))}
            </div>
          )}
          {boards.map((board) => (
            <div key={`${generation}-${board.id}`} hidden={board.id !== selectedBoard}>
              <SketchEditor
                initialFiles={sketches[board.id]!}
                diagnostics={built[board.id]?.diagnostics ?? []}
                confirm={confirm}
                onRun={() => void run()}
                onChange={(files) => editSketch(board.id, files)}
              >
                {board.id === selectedBoard && size && (
                  <p className="ar-size" data-testid="build-size">
                    {formatSize(size)}
                  </p>
                )}
              </SketchEditor>
            </div>
          ))}
          {boards.length === 0 && (
            <p className="ar-empty" data-testid="no-board">
              No board in the workspace: add an Uno, Nano or Mega from the palette to write its
              sketch.
            </p>
          )}
        </div>
      </div>
      <div className="ar-bottom">
        <SerialMonitor
          output={console.text}
          timestampedOutput={console.timestamped}
          monitorBaud={monitorBaud}
          onMonitorBaud={(rate) => {
            monitorBaudRef.current = rate;
            setMonitorBaud(rate);
          }}
          plot={console.plot}
          baud={selectedBoard ? (baud[selectedBoard] ?? null) : null}
          running={live}
          onSend={(text) => {
            if (!selectedBoard) return;
            const bytes = receivedBySketch(text, monitorBaud, baud[selectedBoard] ?? null);
            worker.current?.sendSerial(selectedBoard, bytes);
          }}
          onClear={() => {
            consoles.clear(selectedBoard ?? "");
            setConsoleVersion((n) => n + 1);
          }}
          board={boards.length > 1 ? selectedBoard : null}
        />
        <TraceView
          pins={tracePins}
          traced={traced}
          onTracedChange={changeTraced}
          buffer={traceBuffer}
          running={live}
          download={download}
          onClear={() => setTraceBuffer(emptyTraceBuffer())}
        />
      </div>
    </AppShell>
  );
}

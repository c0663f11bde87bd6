/**
 * The breadboard workspace (issue 7, step 3): a searchable parts palette, the stage where parts are
 * placed, moved, rotated and wired, the properties of the selection with the live controls of a
 * run, the circuit's warnings, undo/redo, copy/paste, zoom and export as SVG/PNG. The parent holds
 * the document (autosave, run) and gets every edit through `onChange`; the undo history lives here
 * (give the component a new `key` when another project is loaded).
 */
import { splitPinRef, type CircuitWarning, type PartView, type PinRef } from "@ohmcloud/avr-sim";
import { UndoStack } from "@ohmcloud/canvas";
import { useLayoutEffect, useMemo, useRef, useState } from "react";
import { downloadFile, type Download } from "../project/download";
import { GRID_PITCH } from "./model/breadboard-geometry";
import type { Point, WorkspaceDoc } from "./model/document";
import {
  addPart,
  autoPlace,
  ClipboardError,
  copyItems,
  moveParts,
  pasteItems,
  removeItems,
  rotatePart,
} from "./model/edits";
import { partGeometry } from "./model/geometry";
import { kindInfo } from "./model/kinds";
import { Palette } from "./Palette";
import type { PartControls } from "./part-visuals";
import { PropertiesPanel } from "./PropertiesPanel";
import { NUDGES, SHORTCUTS, type WorkspaceCommand } from "./shortcuts";
import { Stage } from "./Stage";
import { drawingBounds } from "./stage-geometry";
import { fitViewport, workspaceViewport, zoomStep } from "./view-fit";
import { WarningList } from "./WarningList";
import { svgSize, svgToPng } from "./workspace-export";
import { workspacePicture } from "./workspace-picture";
import "./workspace.css";

export interface WorkspaceProps {
  readonly doc: WorkspaceDoc;
  /** Every edit, undo and redo: the new document and what was done ("Move led1", "Undo Move led1"). */
  onChange(doc: WorkspaceDoc, label: string): void;
  /** Live part states from the simulation; {} when stopped. */
  readonly views: Readonly<Record<string, PartView>>;
  readonly warnings: readonly CircuitWarning[];
  readonly running: boolean;
  onPress(part: string, pressed: boolean): void;
  onControl(part: string, name: string, value: number | boolean): void;
  /** Offered in a pin's context menu and the properties panel when given. */
  onTracePin?(pin: PinRef): void;
  /** The MCU board whose sketch the editor shows. */
  readonly selectedBoard?: string;
  onSelectBoard?(id: string): void;
  /** Offers an exported picture (default: a browser download). */
  readonly download?: Download;
}

const NO_SELECTION: ReadonlySet<string> = new Set();

export function Workspace(props: WorkspaceProps) {
  const { doc, onChange, running } = props;
  const [history] = useState(() => new UndoStack(doc));
  /** What Undo and Redo would do, for their titles (the history itself is mutable). */
  const [labels, setLabels] = useState<{ undo: string | null; redo: string | null }>({
    undo: null,
    redo: null,
  });
  const showLabels = () => setLabels({ undo: history.undoLabel, redo: history.redoLabel });
  const [selected, setSelected] = useState<ReadonlySet<string>>(NO_SELECTION);
  const [viewport, setViewport] = useState(() => workspaceViewport());
  const [controls, setControls] = useState<Readonly<Record<string, PartControls>>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const clipboard = useRef<{ text: string; pastes: number } | null>(null);
  const stageRef = useRef<HTMLDivElement>(null);

  // Ids removed by an edit or an undo drop out of the selection.
  const selection = useMemo(() => {
    const ids = new Set([...doc.parts.map((p) => p.id), ...doc.wires.map((w) => w.id)]);
    const kept = [...selected].filter((id) => ids.has(id));
    return kept.length === selected.size ? selected : new Set(kept);
  }, [doc, selected]);

  // A run starts with the parts at their props: the page's slider positions start over too.
  const [controlsRunning, setControlsRunning] = useState(running);
  if (controlsRunning !== running) {
    setControlsRunning(running);
    if (running) setControls({});
  }

  const edit = (next: WorkspaceDoc, label: string) => {
    if (next === doc) return;
    history.push(next, label);
    showLabels();
    setNotice(null);
    onChange(next, label);
  };

  const place = (kind: string, centre?: Point) => {
    const info = kindInfo(kind);
    let at: Point;
    if (centre) {
      const { width, height } = partGeometry({ kind, props: info.defaultProps });
      at = { x: centre.x - width / 2, y: centre.y - height / 2 };
    } else {
      at = autoPlace(doc, kind, info.defaultProps);
    }
    const { doc: next, id } = addPart(doc, kind, at);
    edit(next, `Add ${id}`);
    setSelected(new Set([id]));
  };

  const setControl = (part: string, name: string, value: number | boolean) => {
    setControls((current) => ({ ...current, [part]: { ...current[part], [name]: value } }));
  };
  const press = (part: string, pressed: boolean) => {
    setControl(part, "pressed", pressed);
    props.onPress(part, pressed);
  };
  const control = (part: string, name: string, value: number | boolean) => {
    setControl(part, name, value);
    props.onControl(part, name, value);
  };

  // A workspace opens with everything in view (an example larger than the stage, say); the
  // parent gives a new key for every project it loads.
  useLayoutEffect(() => {
    const stage = stageRef.current;
    if (stage && doc.parts.length > 0)
      setViewport(
        fitViewport(drawingBounds(doc), { width: stage.clientWidth, height: stage.clientHeight }),
      );
    // Only when mounted: later edits keep the view where the user put it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const stageSize = () => ({
    width: stageRef.current?.clientWidth ?? 0,
    height: stageRef.current?.clientHeight ?? 0,
  });

  const stepHistory = (direction: "undo" | "redo") => {
    if (!(direction === "undo" ? history.canUndo : history.canRedo)) return;
    const label = direction === "undo" ? history.undoLabel : history.redoLabel;
    const next = direction === "undo" ? history.undo() : history.redo();
    showLabels();
    onChange(next, `${direction === "undo" ? "Undo" : "Redo"} ${label ?? ""}`.trim());
  };

  const run = (command: WorkspaceCommand) => {
    const ids = [...selection];
    switch (command) {
      case "undo":
      case "redo":
        stepHistory(command);
        return;
      case "copy":
      case "cut":
        if (ids.length === 0) return;
        clipboard.current = { text: copyItems(doc, ids), pastes: 0 };
        if (command === "cut") edit(removeItems(doc, ids), `Cut ${describe(ids)}`);
        return;
      case "paste": {
        if (!clipboard.current) return;
        const pastes = ++clipboard.current.pastes;
        try {
          const offset = { x: 2 * GRID_PITCH * pastes, y: 2 * GRID_PITCH * pastes };
          const pasted = pasteItems(doc, clipboard.current.text, offset);
          edit(pasted.doc, `Paste ${describe(pasted.ids)}`);
          setSelected(new Set(pasted.ids));
        } catch (error) {
          if (!(error instanceof ClipboardError)) throw error;
          setNotice(error.message);
        }
        return;
      }
      case "delete":
        if (ids.length > 0) edit(removeItems(doc, ids), `Delete ${describe(ids)}`);
        return;
      case "rotate": {
        const parts = ids.filter((id) => doc.parts.some((p) => p.id === id));
        if (parts.length > 0) edit(parts.reduce(rotatePart, doc), `Rotate ${describe(parts)}`);
        return;
      }
      case "cancel":
        setSelected(NO_SELECTION);
        setHelpOpen(false);
        return;
      case "select-all":
        setSelected(new Set([...doc.parts.map((p) => p.id), ...doc.wires.map((w) => w.id)]));
        return;
      case "fit":
        setViewport(fitViewport(drawingBounds(doc), stageSize()));
        return;
      case "zoom-in":
      case "zoom-out":
        setViewport((v) => zoomStep(v, command === "zoom-in" ? 1 : -1, stageSize()));
        return;
      case "nudge-left":
      case "nudge-right":
      case "nudge-up":
      case "nudge-down": {
        const step = NUDGES[command]!;
        const by = { x: step.x * GRID_PITCH, y: step.y * GRID_PITCH };
        if (ids.length > 0) edit(moveParts(doc, ids, by), `Move ${describe(ids)}`);
        return;
      }
    }
  };

  const download = props.download ?? downloadFile;
  const exportPicture = async (format: "svg" | "png") => {
    const svg = stageRef.current ? workspacePicture(doc, stageRef.current) : null;
    if (svg === null) {
      setNotice("The workspace is empty: add parts before exporting a picture.");
      return;
    }
    if (format === "svg") {
      download("arduino-workspace.svg", svg);
      return;
    }
    try {
      const { width, height } = svgSize(svg);
      download("arduino-workspace.png", await svgToPng(svg, width, height));
    } catch (error) {
      setNotice(`The PNG could not be made: ${error instanceof Error ? error.message : error}`);
    }
  };

  const showWarning = (warning: CircuitWarning) => {
    const parts = new Set(warning.pins.map((pin) => splitPinRef(pin).component));
    setSelected(new Set([...parts].filter((id) => doc.parts.some((p) => p.id === id))));
  };

  const { undo: undoLabel, redo: redoLabel } = labels;
  return (
    <section className="ws" aria-label="Workspace">
      <div className="ws-toolbar" role="toolbar" aria-label="Workspace tools">
        <button
          type="button"
          onClick={() => run("undo")}
          disabled={undoLabel === null}
          title={undoLabel ? `Undo ${undoLabel} (Ctrl+Z)` : "Nothing to undo"}
          data-testid="ws-undo"
        >
          Undo
        </button>
        <button
          type="button"
          onClick={() => run("redo")}
          disabled={redoLabel === null}
          title={redoLabel ? `Redo ${redoLabel} (Ctrl+Shift+Z)` : "Nothing to redo"}
          data-testid="ws-redo"
        >
          Redo
        </button>
        <span className="ws-separator" />
        <button
          type="button"
          onClick={() => run("zoom-out")}
          title="Zoom out (−)"
          aria-label="Zoom out"
        >
          −
        </button>
        <span className="ws-zoom" data-testid="ws-zoom">
          {Math.round(viewport.scale * 100)} %
        </span>
        <button
          type="button"
          onClick={() => run("zoom-in")}
          title="Zoom in (+)"
          aria-label="Zoom in"
        >
          +
        </button>
        <button type="button" onClick={() => run("fit")} title="Fit the circuit in view (F)">
          Fit
        </button>
        <span className="ws-separator" />
        <button type="button" onClick={() => void exportPicture("svg")} data-testid="export-svg">
          Export SVG
        </button>
        <button type="button" onClick={() => void exportPicture("png")} data-testid="export-png">
          Export PNG
        </button>
        <span className="ws-separator" />
        <button
          type="button"
          onClick={() => setHelpOpen((open) => !open)}
          aria-expanded={helpOpen}
          title="Keyboard shortcuts"
          data-testid="ws-help"
        >
          ?
        </button>
        {helpOpen && (
          <div className="ws-help" role="dialog" aria-label="Keyboard shortcuts">
            <table>
              <tbody>
                {SHORTCUTS.map((shortcut) => (
                  <tr key={shortcut.keys}>
                    <th scope="row">{shortcut.keys}</th>
                    <td>{shortcut.action}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      <div className="ws-body">
        <Palette onPlace={(kind) => place(kind)} />
        <div className="ws-centre">
          <Stage
            doc={doc}
            viewport={viewport}
            onViewport={setViewport}
            selection={selection}
            onSelection={setSelected}
            onEdit={edit}
            onPlace={place}
            onCommand={run}
            views={props.views}
            controls={controls}
            warnings={props.warnings}
            running={running}
            onPress={press}
            onTracePin={props.onTracePin}
            selectedBoard={props.selectedBoard}
            stageRef={stageRef}
          >
            {doc.parts.length === 0 && (
              <p className="ws-empty" data-testid="workspace-empty">
                Add a board and parts from the palette
              </p>
            )}
          </Stage>
          {notice && (
            <p className="ws-notice" role="status">
              {notice}
            </p>
          )}
          <WarningList warnings={props.warnings} onShow={showWarning} />
        </div>
        <PropertiesPanel
          doc={doc}
          selection={selection}
          onEdit={edit}
          running={running}
          controls={controls}
          onControl={control}
          onPress={press}
          onTracePin={props.onTracePin}
          selectedBoard={props.selectedBoard}
          onSelectBoard={props.onSelectBoard}
        />
      </div>
    </section>
  );
}

/** "led1" or "3 items", for edit labels. */
function describe(ids: readonly string[]): string {
  return ids.length === 1 ? ids[0]! : `${ids.length} items`;
}

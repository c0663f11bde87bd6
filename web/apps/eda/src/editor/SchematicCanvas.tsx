/**
 * The schematic as SVG over the editor core: it renders the scene and turns pointer and key input into
 * core commands (through `EditorStore`); all geometry, hit-testing, snapping and undo live in the core.
 *
 * The drawing itself is `SceneLayer` (memoized): this component re-renders on every pointer move of a pan,
 * a zoom or a hover, and then only its view transform and the few items whose highlight changed update.
 */
import {
  addItems,
  boxAround,
  boxFromCorners,
  buildConnectivity,
  componentBox,
  hitTest,
  hitTopmost,
  itemsInBox,
  moveSelection,
  pinPositions,
  Selection,
  snapPoint,
  snapToGrid,
  Viewport,
  WireTool,
  type Box,
  type Connectivity,
  type Point,
  type Scene,
  type XY,
} from "@ohmcloud/canvas";
import {
  useCallback,
  useEffect,
  useEffectEvent,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
  type PointerEvent as ReactPointerEvent,
  type DragEvent as ReactDragEvent,
  type MouseEvent as ReactMouseEvent,
} from "react";
import { newId, nextReference, type EditorStore } from "./editor-store";
import type { SymbolStore } from "./library";
import { sheetBox } from "./sheet";
import { PinMarkerLayer } from "./PinMarkerLayer";
import { pinMarkers } from "./pin-markers";
import { probeHighlight, probeKey, probeTargetOf, type ProbeTarget } from "./probe";
import { SceneLayer, SELECT_COLOUR, UnknownSymbol, WIRE_COLOUR } from "./SceneLayer";
import { isTextEntry, SHORTCUTS, shortcutAction, type EditorAction } from "./shortcuts";
import { SymbolRenderer } from "./SymbolRenderer";

export type { ProbeTarget } from "./probe";

/** A part waiting to be placed: it follows the cursor until a click puts it down. */
export interface Placement {
  readonly symbol: string;
  /** Reference prefix (`R`, `#PWR`). */
  readonly prefix: string;
  readonly value?: string;
}

/** An ERC finding from the server (docs/formats/schematic.md, "ERC"). */
export interface ErcFinding {
  readonly severity: "error" | "warning";
  readonly code: string;
  readonly message: string;
  readonly component?: string;
  readonly reference?: string;
  readonly pin?: string;
  readonly wire?: string;
  readonly label?: string;
  readonly net?: string;
}

/** Drag-and-drop payload type of a library result. */
export const SYMBOL_DRAG_TYPE = "application/x-ohmcloud-symbol";

export interface SchematicCanvasProps {
  readonly store: EditorStore;
  readonly symbols: SymbolStore;
  readonly findings?: readonly ErcFinding[];
  readonly placing?: Placement | null;
  readonly onPlacingChange?: (placing: Placement | null) => void;
  /** A part was put down (for the library's recent list). */
  readonly onPlaced?: (placement: Placement) => void;
  /** Receives the SVG element (for exporting it). */
  readonly svgRef?: (element: SVGSVGElement | null) => void;
  /**
   * Drawn in sheet coordinates over the scene, inside the exported group (so it is exported and printed
   * with the sheet): operating-point annotations, for example.
   */
  readonly overlay?: ReactNode;
  /** Probe mode: a click asks to plot a net's voltage or a part's current instead of editing. */
  readonly probing?: boolean;
  /** V toggles probe mode, Escape leaves it. */
  readonly onProbingChange?: (probing: boolean) => void;
  /** A click in probe mode, with the net or part under the pointer. */
  readonly onProbe?: (target: ProbeTarget) => void;
}

type Tool = "select" | "wire" | "label";

type Drag =
  | { kind: "pan"; last: Point }
  | { kind: "move"; start: Point; applied: XY; key: string }
  | { kind: "box"; start: Point };

const GRID = 50;
/**
 * Below this scale (px per mil) part and label text is under 2.5 px tall: unreadable, and the costliest
 * thing to draw (Chromium lays SVG text out again at every zoom step). The canvas then hides it on screen,
 * never in the exported or printed sheet (the rule is scoped to the live canvas and is not exported).
 */
const SMALL_TEXT_SCALE = 0.05;
const SMALL_TEXT_RULE = `[data-testid="schematic-canvas"][data-small-text="hidden"] :is(.oc-symbol text, [data-testid^="label-"] > text) { display: none; }`;
let dragCount = 0;

export function SchematicCanvas({
  store,
  symbols,
  findings = [],
  placing = null,
  onPlacingChange,
  onPlaced,
  svgRef,
  overlay,
  probing = false,
  onProbingChange,
  onProbe,
}: SchematicCanvasProps) {
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const symbolVersion = useSyncExternalStore(symbols.subscribe, symbols.version);
  const { scene, selection } = snapshot;
  const lookup = symbols.lookup;
  const containerRef = useRef<HTMLDivElement>(null);
  const svgElement = useRef<SVGSVGElement | null>(null);
  const setSvg = useCallback(
    (element: SVGSVGElement | null) => {
      svgElement.current = element;
      svgRef?.(element);
    },
    [svgRef],
  );
  const [size, setSize] = useState({ width: 960, height: 600 });
  const [viewport, setViewport] = useState(() => fitView(sheetBox(scene.schematic), 960, 600));
  const [tool, setTool] = useState<Tool>("select");
  // The pointer in sheet coordinates: a ref for paste, state only while a preview follows it.
  const [cursor, setCursor] = useState<Point | null>(null);
  const cursorRef = useRef<Point | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const [probeHover, setProbeHover] = useState<ProbeTarget | null>(null);
  const [boxRect, setBoxRect] = useState<Box | null>(null);
  const [wireTool] = useState(
    () =>
      new WireTool({
        newId,
        snap: (point) =>
          snapPoint(store.scene, point, { symbols: store.symbols, grid: GRID }).point,
      }),
  );
  const [wireVersion, setWireVersion] = useState(0);
  const [labelDraft, setLabelDraft] = useState<{ at: XY; text: string } | null>(null);
  const [showHelp, setShowHelp] = useState(false);
  const [tip, setTip] = useState<string | null>(null);
  const drag = useRef<Drag | null>(null);
  const spaceDown = useRef(false);
  const fitted = useRef(false);

  // Fetch the drawings of the placed symbols (and of the part being placed).
  useEffect(() => {
    const wanted = new Set(scene.schematic.components.map((c) => c.symbol));
    if (placing !== null) wanted.add(placing.symbol);
    symbols.ensure(wanted);
  }, [scene, placing, symbols]);

  // Follow the container's size; fit the sheet the first time it is known.
  useEffect(() => {
    const element = containerRef.current;
    if (element === null || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry === undefined) return;
      const { width, height } = entry.contentRect;
      if (width <= 0 || height <= 0) return;
      setSize({ width, height });
      if (!fitted.current) {
        fitted.current = true;
        setViewport(fitView(sheetBox(store.scene.schematic), width, height));
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [store]);

  // A newly loaded document (an example, an opened file) is shown fitted to what it holds, once its
  // symbols are known (React's "adjust state when a prop changes" pattern: set during render).
  const [fittedDocument, setFittedDocument] = useState(0);
  if (snapshot.documents !== fittedDocument) {
    const scene = snapshot.scene;
    const ready = scene.schematic.components.every((c) => symbols.lookup(c.symbol) !== undefined);
    if (ready) {
      setFittedDocument(snapshot.documents);
      const content = selectionBox(scene, Selection.all(scene), symbols);
      if (content !== undefined) {
        const margin = 400;
        const box = {
          minX: content.minX - margin,
          minY: content.minY - margin,
          maxX: content.maxX + margin,
          maxY: content.maxY + margin,
        };
        setViewport(fitView(box, size.width, size.height));
      }
    }
  }

  // The wheel zooms around the cursor; a passive React listener could not stop the page scrolling.
  useEffect(() => {
    const element = svgElement.current;
    if (element === null) return;
    const onWheel = (event: WheelEvent): void => {
      event.preventDefault();
      const rect = element.getBoundingClientRect();
      const anchor = { x: event.clientX - rect.left, y: event.clientY - rect.top };
      const factor = Math.exp(-event.deltaY * 0.0015);
      setViewport((view) => view.zoomAt(anchor, factor));
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    return () => element.removeEventListener("wheel", onWheel);
  }, []);

  // One connectivity per scene (and per arrival of symbols): junction dots, pin markers, probed nets.
  const connectivity = useMemo(
    () => buildConnectivity(scene, lookup),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `lookup` knows more pins once symbols arrive
    [scene, lookup, symbolVersion],
  );
  const junctions = useMemo(() => allJunctions(scene, connectivity), [scene, connectivity]);
  const markers = useMemo(
    () => pinMarkers(scene, connectivity, lookup),
    [scene, connectivity, lookup],
  );
  const highlighted = useMemo(
    () =>
      probing
        ? probeHighlight(probeHover, connectivity)
        : new Set(hovered === null ? [] : [hovered]),
    [probing, probeHover, hovered, connectivity],
  );

  const hitOptions = { symbols: lookup, tolerance: 8 / viewport.scale };

  function toWorld(event: { clientX: number; clientY: number }): Point {
    const rect = svgElement.current?.getBoundingClientRect();
    return viewport.screenToWorld({
      x: event.clientX - (rect?.left ?? 0),
      y: event.clientY - (rect?.top ?? 0),
    });
  }

  function gridPoint(point: Point): XY {
    const snapped = snapToGrid(point, GRID);
    return [snapped.x, snapped.y];
  }

  function placeAt(placement: Placement, point: Point): void {
    const current = store.scene;
    const id = newId();
    const value = placement.value ?? symbols.detail(placement.symbol)?.value ?? "";
    store.dispatch(
      addItems(
        current,
        [
          {
            kind: "component",
            item: {
              id,
              symbol: placement.symbol,
              position: gridPoint(point),
              reference: nextReference(current, placement.prefix),
              value,
              rotation: 0,
              mirror: "none",
              unit: 1,
            },
          },
        ],
        "Place",
      ),
      [id],
    );
    onPlaced?.(placement);
  }

  function cancelModes(): void {
    const command = wireTool.escape(store.scene);
    if (command !== undefined) store.dispatch(command);
    setWireVersion((v) => v + 1);
    setTool("select");
    setLabelDraft(null);
    onPlacingChange?.(null);
    setShowHelp(false);
    setProbeHover(null);
    if (probing) onProbingChange?.(false);
  }

  /** Starts a mode that edits: probing ends, and a preview starts where the pointer is. */
  function startEditMode(): void {
    if (probing) onProbingChange?.(false);
    setCursor(cursorRef.current);
  }

  function fitTo(box: Box | undefined): void {
    if (box === undefined) return;
    setViewport(fitView(box, size.width, size.height));
  }

  function runAction(action: EditorAction): void {
    switch (action) {
      case "rotate":
        return store.rotate();
      case "mirror-x":
        return store.mirror("x");
      case "mirror-y":
        return store.mirror("y");
      case "delete":
        return store.deleteSelected();
      case "undo":
        return store.undo();
      case "redo":
        return store.redo();
      case "copy": {
        const text = store.copy();
        if (text !== undefined) writeClipboard(text);
        return;
      }
      case "cut": {
        const text = store.cut();
        if (text !== undefined) writeClipboard(text);
        return;
      }
      case "paste":
        return pasteFromClipboard(store, cursorRef.current);
      case "duplicate":
        return store.duplicate();
      case "select-all":
        return store.select(Selection.all(store.scene));
      case "wire":
        startEditMode();
        onPlacingChange?.(null);
        setTool("wire");
        return;
      case "label":
        startEditMode();
        onPlacingChange?.(null);
        setTool("label");
        return;
      case "ground":
        startEditMode();
        setTool("select");
        onPlacingChange?.({ symbol: "power:GND", prefix: "#PWR", value: "GND" });
        return;
      case "power":
        startEditMode();
        setTool("select");
        onPlacingChange?.({ symbol: "power:VCC", prefix: "#PWR", value: "VCC" });
        return;
      case "probe": {
        const command = wireTool.escape(store.scene);
        if (command !== undefined) store.dispatch(command);
        setWireVersion((v) => v + 1);
        setTool("select");
        setLabelDraft(null);
        onPlacingChange?.(null);
        setProbeHover(null);
        onProbingChange?.(!probing);
        return;
      }
      case "escape":
        return cancelModes();
      case "zoom-in":
        setViewport((view) => view.zoomAt({ x: size.width / 2, y: size.height / 2 }, 1.25));
        return;
      case "zoom-out":
        setViewport((view) => view.zoomAt({ x: size.width / 2, y: size.height / 2 }, 0.8));
        return;
      case "fit-sheet":
        return fitTo(sheetBox(store.scene.schematic));
      case "fit-selection":
        return fitTo(selectionBox(store.scene, store.selected, symbols));
      case "help":
        setShowHelp((shown) => !shown);
        return;
    }
  }

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (isTextEntry(event.target)) return;
    const action = shortcutAction(event);
    // Keys pressed in the other panels (a focused button, the results table) are theirs; Escape
    // still cancels a placement started from the library.
    if (!inEditor(event.target, containerRef.current) && action !== "escape") return;
    if (event.key === " ") {
      spaceDown.current = true;
      event.preventDefault();
      return;
    }
    if (action === undefined) return;
    event.preventDefault();
    runAction(action);
  });
  const onKeyUp = useEffectEvent((event: KeyboardEvent) => {
    if (event.key === " ") spaceDown.current = false;
  });
  useEffect(() => {
    const down = (event: KeyboardEvent): void => onKeyDown(event);
    const up = (event: KeyboardEvent): void => onKeyUp(event);
    window.addEventListener("keydown", down);
    window.addEventListener("keyup", up);
    return () => {
      window.removeEventListener("keydown", down);
      window.removeEventListener("keyup", up);
    };
  }, []);

  function onPointerDown(event: ReactPointerEvent<SVGSVGElement>): void {
    const world = toWorld(event);
    if (event.button === 1 || (event.button === 0 && spaceDown.current)) {
      drag.current = { kind: "pan", last: { x: event.clientX, y: event.clientY } };
      event.currentTarget.setPointerCapture?.(event.pointerId);
      event.preventDefault();
      return;
    }
    if (event.button !== 0) return;
    if (placing !== null) {
      placeAt(placing, world);
      onPlacingChange?.(null);
      return;
    }
    if (probing) {
      const target = probeTargetOf(hitTest(scene, world, hitOptions), scene, connectivity, lookup);
      if (target !== undefined) onProbe?.(target);
      return;
    }
    if (tool === "wire") {
      wireTool.click(world);
      setWireVersion((v) => v + 1);
      return;
    }
    if (tool === "label") {
      // Keep the focus in the label field about to open: the click's default action would move it to
      // the canvas, and the field commits (empty: nothing) on blur.
      event.preventDefault();
      setLabelDraft({ at: gridPoint(world), text: "" });
      return;
    }
    const hit = hitTopmost(store.scene, world, hitOptions);
    if (hit === undefined) {
      if (!event.shiftKey) store.select(Selection.empty());
      drag.current = { kind: "box", start: world };
    } else {
      if (!store.selected.has(hit.id)) store.select(store.selected.click(hit.id, event.shiftKey));
      else if (event.shiftKey) store.select(store.selected.click(hit.id, true));
      drag.current = {
        kind: "move",
        start: world,
        applied: [0, 0],
        key: `drag-${++dragCount}`,
      };
    }
    event.currentTarget.setPointerCapture?.(event.pointerId);
  }

  function onPointerMove(event: ReactPointerEvent<SVGSVGElement>): void {
    const world = toWorld(event);
    cursorRef.current = world;
    if (tool === "wire" || placing !== null) setCursor(world);
    const current = drag.current;
    if (current === null) {
      if (placing !== null) return;
      if (probing) {
        const target =
          probeTargetOf(hitTest(scene, world, hitOptions), scene, connectivity, lookup) ?? null;
        setProbeHover((last) => (probeKey(last) === probeKey(target) ? last : target));
      } else if (tool === "select") {
        setHovered(hitTopmost(store.scene, world, hitOptions)?.id ?? null);
      }
      return;
    }
    if (current.kind === "pan") {
      const dx = event.clientX - current.last.x;
      const dy = event.clientY - current.last.y;
      current.last = { x: event.clientX, y: event.clientY };
      setViewport((view) => view.panBy({ x: dx, y: dy }));
    } else if (current.kind === "move") {
      const total: XY = [
        Math.round((world.x - current.start.x) / GRID) * GRID,
        Math.round((world.y - current.start.y) / GRID) * GRID,
      ];
      const step: XY = [total[0] - current.applied[0], total[1] - current.applied[1]];
      if (step[0] !== 0 || step[1] !== 0) {
        store.dispatch(
          moveSelection(store.scene, store.selected.ids, step, store.symbols, current.key),
        );
        current.applied = total;
      }
    } else {
      setBoxRect(boxFromCorners(current.start, world));
    }
  }

  function onPointerUp(event: ReactPointerEvent<SVGSVGElement>): void {
    const current = drag.current;
    drag.current = null;
    if (current?.kind === "move") store.seal();
    if (current?.kind === "box") {
      const box = boxFromCorners(current.start, toWorld(event));
      setBoxRect(null);
      if (box.maxX - box.minX > 2 / viewport.scale || box.maxY - box.minY > 2 / viewport.scale) {
        const ids = itemsInBox(store.scene, box, { symbols: lookup });
        store.select(store.selected.box(ids, event.shiftKey));
      }
    }
  }

  function onDoubleClick(event: ReactMouseEvent<SVGSVGElement>): void {
    if (tool !== "wire") return;
    const command = wireTool.doubleClick(store.scene, toWorld(event));
    if (command !== undefined) store.dispatch(command);
    setWireVersion((v) => v + 1);
  }

  function onDrop(event: ReactDragEvent<HTMLDivElement>): void {
    const data = event.dataTransfer.getData(SYMBOL_DRAG_TYPE);
    if (!data) return;
    event.preventDefault();
    try {
      placeAt(JSON.parse(data) as Placement, toWorld(event));
    } catch {
      // Not one of ours.
    }
  }

  function commitLabel(): void {
    if (labelDraft === null) return;
    const text = labelDraft.text.trim();
    if (text !== "") {
      const id = newId();
      store.dispatch(
        addItems(
          store.scene,
          [{ kind: "label", item: { id, position: labelDraft.at, text, kind: "local" } }],
          "Place label",
        ),
        [id],
      );
    }
    setLabelDraft(null);
  }

  const s = viewport.scale;
  const o = viewport.origin;
  const wirePreview = tool === "wire" && cursor !== null ? wireTool.preview(cursor) : [];
  void wireVersion;
  const ghostAt = placing !== null && cursor !== null ? gridPoint(cursor) : null;
  const ghostGeometry = placing !== null ? symbols.detail(placing.symbol) : undefined;
  const mode = placing !== null ? "place" : probing ? "probe" : tool;

  return (
    <div
      ref={containerRef}
      className={`oc-canvas oc-canvas-${mode}`}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes(SYMBOL_DRAG_TYPE)) event.preventDefault();
      }}
      onDrop={onDrop}
    >
      <svg
        ref={setSvg}
        data-testid="schematic-canvas"
        data-mode={mode}
        data-view={`${o.x} ${o.y} ${s}`}
        data-small-text={s < SMALL_TEXT_SCALE ? "hidden" : undefined}
        role="application"
        aria-label="Schematic"
        tabIndex={0}
        width="100%"
        height="100%"
        xmlns="http://www.w3.org/2000/svg"
        style={mode === "probe" ? { cursor: "crosshair" } : undefined}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerLeave={() => {
          setHovered(null);
          setProbeHover(null);
          setCursor(null);
          cursorRef.current = null;
        }}
        onDoubleClick={onDoubleClick}
        onContextMenu={(event) => event.preventDefault()}
      >
        <defs>
          <pattern
            id="oc-grid"
            width={s > 0.12 ? GRID : GRID * 2}
            height={s > 0.12 ? GRID : GRID * 2}
            patternUnits="userSpaceOnUse"
          >
            <circle cx={0} cy={0} r={4} fill="#9e9e9e" />
          </pattern>
        </defs>
        <g data-export-root="true" transform={`scale(${s}) translate(${-o.x} ${-o.y})`}>
          <SceneLayer
            scene={scene}
            symbols={symbols}
            symbolVersion={symbolVersion}
            selection={selection}
            highlighted={highlighted}
            junctions={junctions}
          />
          {overlay}
          <g data-export="skip">
            <style>{SMALL_TEXT_RULE}</style>
            <PinMarkerLayer markers={markers} />
            {findings.map((finding, i) => {
              const at = findingPosition(scene, finding, symbols);
              if (at === undefined) return null;
              const colour = finding.severity === "error" ? "#d32f2f" : "#f9a825";
              return (
                <circle
                  key={i}
                  data-testid="erc-marker"
                  data-severity={finding.severity}
                  cx={at[0]}
                  cy={at[1]}
                  r={45}
                  fill={colour}
                  fillOpacity={0.25}
                  stroke={colour}
                  strokeWidth={10}
                  onPointerEnter={() => setTip(`${finding.code}: ${finding.message}`)}
                  onPointerLeave={() => setTip(null)}
                >
                  <title>{finding.message}</title>
                </circle>
              );
            })}

            {wirePreview.length > 1 && (
              <polyline
                points={wirePreview.map((p) => `${p[0]},${p[1]}`).join(" ")}
                fill="none"
                stroke={WIRE_COLOUR}
                strokeWidth={8}
                strokeDasharray="30 20"
                data-role="wire-preview"
              />
            )}
            {ghostAt !== null && (
              <g opacity={0.5} data-role="placement-ghost">
                {ghostGeometry !== undefined ? (
                  <SymbolRenderer
                    geometry={ghostGeometry.geometry}
                    isPower={ghostGeometry.is_power}
                    placed={{ position: ghostAt }}
                  />
                ) : (
                  <UnknownSymbol at={ghostAt} reference={placing?.prefix ?? "?"} missing={false} />
                )}
              </g>
            )}
            {boxRect !== null && (
              <rect
                data-role="box-select"
                x={boxRect.minX}
                y={boxRect.minY}
                width={boxRect.maxX - boxRect.minX}
                height={boxRect.maxY - boxRect.minY}
                fill={SELECT_COLOUR}
                fillOpacity={0.08}
                stroke={SELECT_COLOUR}
                strokeWidth={2 / s}
              />
            )}
          </g>
        </g>
      </svg>

      {labelDraft !== null && (
        <input
          className="oc-label-draft"
          aria-label="Net label text"
          autoFocus
          style={{
            left: viewport.worldToScreen({ x: labelDraft.at[0], y: labelDraft.at[1] }).x,
            top: viewport.worldToScreen({ x: labelDraft.at[0], y: labelDraft.at[1] }).y,
          }}
          value={labelDraft.text}
          onChange={(event) => setLabelDraft({ ...labelDraft, text: event.target.value })}
          onKeyDown={(event) => {
            if (event.key === "Enter") commitLabel();
            if (event.key === "Escape") setLabelDraft(null);
          }}
          onBlur={commitLabel}
        />
      )}
      {tip !== null && (
        <div className="oc-canvas-tip" role="status">
          {tip}
        </div>
      )}
      <div className="oc-canvas-status" aria-live="polite">
        {mode === "wire" && "Wire: click to add bends, double-click or Escape to end"}
        {mode === "label" && "Label: click where the net label goes"}
        {mode === "place" &&
          `Placing ${placing?.symbol ?? ""}: click to put it down, Escape cancels`}
        {mode === "probe" &&
          "Probe: click a net to plot its voltage, a part to plot its current; Escape ends"}
        {mode === "select" && `${Math.round(s * 1000) / 10} px per 100 mil · ? for shortcuts`}
      </div>
      {showHelp && (
        <div
          className="oc-shortcut-sheet"
          data-testid="shortcut-sheet"
          role="dialog"
          aria-label="Keyboard shortcuts"
        >
          <h2>Keyboard shortcuts</h2>
          <dl>
            {SHORTCUTS.map((shortcut) => (
              <div key={shortcut.keys}>
                <dt>{shortcut.keys}</dt>
                <dd>{shortcut.action}</dd>
              </div>
            ))}
          </dl>
          <button type="button" onClick={() => setShowHelp(false)}>
            Close
          </button>
        </div>
      )}
    </div>
  );
}

/** Whether a key event belongs to the editor: nothing else focused, or focus inside the canvas. */
function inEditor(target: EventTarget | null, container: HTMLElement | null): boolean {
  if (target === null || target === window || target === document) return true;
  if (typeof Node === "undefined" || !(target instanceof Node)) return true;
  return target === document.body || (container?.contains(target) ?? false);
}

/** The core's automatic junction dots plus the document's own junctions. */
function allJunctions(scene: Scene, connectivity: Connectivity): XY[] {
  const seen = new Map<string, XY>();
  for (const dot of connectivity.junctionDots) seen.set(`${dot[0]},${dot[1]}`, dot);
  for (const junction of scene.schematic.junctions) {
    seen.set(`${junction.position[0]},${junction.position[1]}`, junction.position);
  }
  return [...seen.values()];
}

function findingPosition(scene: Scene, finding: ErcFinding, symbols: SymbolStore): XY | undefined {
  const byId = (id: string | undefined) => (id === undefined ? undefined : scene.get(id));
  const component =
    byId(finding.component) ??
    (finding.reference !== undefined
      ? (() => {
          const found = scene.schematic.components.find((c) => c.reference === finding.reference);
          return found === undefined ? undefined : { kind: "component" as const, item: found };
        })()
      : undefined);
  if (component?.kind === "component") {
    const pins = symbols.lookup(component.item.symbol);
    if (finding.pin !== undefined && pins !== undefined) {
      const at = pinPositions(component.item, pins).get(finding.pin);
      if (at !== undefined) return at;
    }
    if (pins !== undefined) {
      const box = componentBox(component.item, pins);
      return [box.maxX, box.minY];
    }
    return component.item.position;
  }
  const wire = byId(finding.wire);
  if (wire?.kind === "wire") return wire.item.points[0];
  const label = byId(finding.label);
  if (label?.kind === "label") return label.item.position;
  return undefined;
}

function selectionBox(scene: Scene, selection: Selection, symbols: SymbolStore): Box | undefined {
  const points: XY[] = [];
  for (const id of selection.ids) {
    const entry = scene.get(id);
    if (entry === undefined) continue;
    if (entry.kind === "wire") points.push(...entry.item.points);
    else if (entry.kind === "component") {
      const pins = symbols.lookup(entry.item.symbol);
      if (pins === undefined) points.push(entry.item.position);
      else {
        const box = componentBox(entry.item, pins);
        points.push([box.minX, box.minY], [box.maxX, box.maxY]);
      }
    } else points.push(entry.item.position);
  }
  const box = boxAround(points);
  if (box === undefined) return undefined;
  return { minX: box.minX - 200, minY: box.minY - 200, maxX: box.maxX + 200, maxY: box.maxY + 200 };
}

/** A viewport showing `box` centred in a `width` × `height` pixel view, with a margin. */
export function fitView(box: Box, width: number, height: number): Viewport {
  const w = Math.max(box.maxX - box.minX, 1);
  const h = Math.max(box.maxY - box.minY, 1);
  const scale = Math.min(width / w, height / h) * 0.95;
  const cx = (box.minX + box.maxX) / 2;
  const cy = (box.minY + box.maxY) / 2;
  return new Viewport({
    scale,
    origin: { x: cx - width / 2 / scale, y: cy - height / 2 / scale },
    minScale: 0.005,
    maxScale: 10,
  });
}

function writeClipboard(text: string): void {
  navigator.clipboard?.writeText(text).catch(() => {
    // The in-memory copy in the store stays available.
  });
}

function pasteFromClipboard(store: EditorStore, cursor: Point | null): void {
  const paste = (text: string | undefined): void => {
    const source = text ?? store.clipboardText;
    if (source === undefined) return;
    if (!store.paste(source, pasteOffset(source, cursor)) && text !== undefined) {
      // The system clipboard held something else: fall back to our own copy.
      const own = store.clipboardText;
      if (own !== undefined) store.paste(own, pasteOffset(own, cursor));
    }
  };
  const read = navigator.clipboard?.readText?.bind(navigator.clipboard);
  if (read === undefined) return paste(undefined);
  read().then(
    (text) => paste(text === "" ? undefined : text),
    () => paste(undefined),
  );
}

/** Moves pasted items so their top-left anchor lands on the cursor (else 100 mils down-right). */
function pasteOffset(text: string, cursor: Point | null): XY {
  if (cursor === null) return [100, 100];
  try {
    const document = JSON.parse(text) as {
      components?: { position: XY }[];
      wires?: { points: XY[] }[];
      labels?: { position: XY }[];
    };
    const points: XY[] = [
      ...(document.components ?? []).map((c) => c.position),
      ...(document.wires ?? []).flatMap((w) => w.points),
      ...(document.labels ?? []).map((l) => l.position),
    ];
    const box = boxAround(points);
    if (box === undefined) return [100, 100];
    const at = snapToGrid(cursor, GRID);
    return [at.x - Math.round(box.minX / GRID) * GRID, at.y - Math.round(box.minY / GRID) * GRID];
  } catch {
    return [100, 100];
  }
}

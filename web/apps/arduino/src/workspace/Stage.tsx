/**
 * The stage: parts, wires and pin targets in a zoomable, pannable world, and the pointer gestures on
 * it — select, drag to move (snapped), draw wires from pin to pin through bends, pan, rubber-band
 * select, hover a pin for its name and net, press push buttons during a run, drop parts from the
 * palette. Edits go out as new documents (`onEdit`); keys as workspace commands (`onCommand`).
 */
import { splitPinRef, type CircuitWarning, type PartView, type PinRef } from "@ohmcloud/avr-sim";
import { snapToGrid, type Viewport } from "@ohmcloud/canvas";
import {
  useEffect,
  useEffectEvent,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type PointerEvent,
  type ReactNode,
  type RefObject,
} from "react";
import { GRID_PITCH } from "./model/breadboard-geometry";
import { netOf } from "./model/connections";
import { findPart, type Point, type WorkspaceDoc } from "./model/document";
import { addWire, movePart, moveParts, setWirePoints } from "./model/edits";
import { partGeometry } from "./model/geometry";
import { PART_KIND_MIME } from "./Palette";
import { PartLayer } from "./PartLayer";
import type { PartControls } from "./part-visuals";
import { PinLayer } from "./PinLayer";
import { commandOfKey, type WorkspaceCommand } from "./shortcuts";
import { boxOf, itemsInBox, pinRefPosition } from "./stage-geometry";
import { WireLayer } from "./WireLayer";

export interface StageProps {
  readonly doc: WorkspaceDoc;
  readonly viewport: Viewport;
  onViewport(viewport: Viewport): void;
  readonly selection: ReadonlySet<string>;
  onSelection(ids: ReadonlySet<string>): void;
  onEdit(doc: WorkspaceDoc, label: string): void;
  /** A part kind dropped from the palette, centred on `at` (world units). */
  onPlace(kind: string, at: Point): void;
  onCommand(command: WorkspaceCommand): void;
  readonly views: Readonly<Record<string, PartView>>;
  readonly controls: Readonly<Record<string, PartControls>>;
  readonly warnings: readonly CircuitWarning[];
  readonly running: boolean;
  onPress(part: string, pressed: boolean): void;
  onTracePin?(pin: PinRef): void;
  readonly selectedBoard?: string;
  readonly stageRef: RefObject<HTMLDivElement | null>;
  readonly children?: ReactNode;
}

interface Draft {
  readonly from: PinRef;
  readonly bends: readonly Point[];
  readonly pointer: Point;
}

interface Drag {
  readonly ids: readonly string[];
  /** Set when a wire's bend is dragged rather than items. */
  readonly bend?: { readonly wire: string; readonly index: number };
  readonly start: Point;
  readonly by: Point;
  /** Whether the pointer went far enough to be a drag rather than a click. */
  readonly moving: boolean;
}

/** Bends snap to half the pin pitch: neat, yet free enough to route between holes. */
const BEND_PITCH = GRID_PITCH / 2;
const WHEEL_ZOOM_RATE = 0.0015;
const DRAG_THRESHOLD_PX = 3;

export function Stage(props: StageProps) {
  const { doc, viewport, selection, onSelection, onEdit, running, stageRef } = props;
  const [draft, setDraft] = useState<Draft | null>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [band, setBand] = useState<{ start: Point; end: Point; add: boolean } | null>(null);
  const [hover, setHover] = useState<PinRef | null>(null);
  const [menu, setMenu] = useState<{ pin: PinRef; at: Point } | null>(null);
  const pan = useRef<Point | null>(null);
  const pressing = useRef<string | null>(null);

  const shown = useMemo(() => (drag ? dragged(doc, drag) : doc), [doc, drag]);
  const net = useMemo(() => (hover ? netOf(shown, hover) : null), [shown, hover]);
  const warnedPins = useMemo(
    () => new Set(props.warnings.flatMap((w) => w.pins)),
    [props.warnings],
  );
  const warnedParts = useMemo(
    () => new Set([...warnedPins].map((pin) => splitPinRef(pin).component)),
    [warnedPins],
  );
  const noPins = useMemo(() => new Set<string>(), []);

  const screenOf = (event: { clientX: number; clientY: number }): Point => {
    const rect = stageRef.current?.getBoundingClientRect();
    return { x: event.clientX - (rect?.left ?? 0), y: event.clientY - (rect?.top ?? 0) };
  };
  // The wheel zooms about the pointer; React's wheel listener is passive, so register our own.
  const onWheel = useEffectEvent((event: WheelEvent) => {
    event.preventDefault();
    props.onViewport(viewport.zoomAt(screenOf(event), Math.exp(-event.deltaY * WHEEL_ZOOM_RATE)));
  });
  useEffect(() => {
    const stage = stageRef.current;
    if (!stage) return;
    const listener = (event: WheelEvent) => onWheel(event);
    stage.addEventListener("wheel", listener, { passive: false });
    return () => stage.removeEventListener("wheel", listener);
  }, [stageRef]);

  const capture = (event: PointerEvent) => {
    try {
      stageRef.current?.setPointerCapture(event.pointerId);
    } catch {
      // Synthetic events (tests) have no active pointer to capture.
    }
  };
  const toggled = (id: string) => {
    const next = new Set(selection);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  };

  const finishWire = (current: Draft, to: PinRef) => {
    setDraft(null);
    if (to === current.from) return;
    try {
      const { doc: next } = addWire(doc, current.from, to, current.bends);
      onEdit(next, `Wire ${current.from} – ${to}`);
    } catch {
      // A pin that vanished meanwhile: nothing to connect.
    }
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    setMenu(null);
    stageRef.current?.focus({ preventScroll: true });
    const screen = screenOf(event);
    const world = viewport.screenToWorld(screen);
    if (event.button === 1) {
      event.preventDefault();
      pan.current = screen;
      capture(event);
      return;
    }
    if (event.button !== 0) return;
    const target = event.target as Element;
    const pin = attributeOf(target, "data-pin");
    if (pin) {
      event.preventDefault();
      if (draft) finishWire(draft, pin);
      else setDraft({ from: pin, bends: [], pointer: world });
      return;
    }
    if (draft) {
      setDraft({
        ...draft,
        bends: [...draft.bends, snapToGrid(world, BEND_PITCH)],
        pointer: world,
      });
      return;
    }
    const bend = attributeOf(target, "data-bend");
    if (bend) {
      event.preventDefault();
      const [wire, index] = bend.split(":") as [string, string];
      setDrag({
        ids: [wire],
        bend: { wire, index: Number(index) },
        start: world,
        by: { x: 0, y: 0 },
        moving: false,
      });
      capture(event);
      return;
    }
    const partId = attributeOf(target, "data-part");
    if (partId) {
      event.preventDefault();
      if (event.shiftKey) {
        onSelection(toggled(partId));
        return;
      }
      if (running && findPart(doc, partId)?.kind === "push-button") {
        pressing.current = partId;
        props.onPress(partId, true);
        capture(event);
        return;
      }
      const chosen = selection.has(partId) ? selection : new Set([partId]);
      if (chosen !== selection) onSelection(chosen);
      setDrag({ ids: [...chosen], start: world, by: { x: 0, y: 0 }, moving: false });
      capture(event);
      return;
    }
    const wireId = attributeOf(target, "data-wire");
    if (wireId) {
      onSelection(event.shiftKey ? toggled(wireId) : new Set([wireId]));
      return;
    }
    if (event.shiftKey) {
      setBand({ start: world, end: world, add: true });
    } else {
      if (selection.size > 0) onSelection(new Set());
      pan.current = screen;
    }
    capture(event);
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const screen = screenOf(event);
    const world = viewport.screenToWorld(screen);
    if (pan.current) {
      props.onViewport(
        viewport.panBy({ x: screen.x - pan.current.x, y: screen.y - pan.current.y }),
      );
      pan.current = screen;
    }
    if (drag) {
      const by = { x: world.x - drag.start.x, y: world.y - drag.start.y };
      // A click that wobbles a pixel or two is not a move.
      const moving = drag.moving || Math.hypot(by.x, by.y) * viewport.scale > DRAG_THRESHOLD_PX;
      if (moving) setDrag({ ...drag, by, moving });
    }
    if (band) setBand({ ...band, end: world });
    if (draft) setDraft({ ...draft, pointer: world });
  };

  const onPointerUp = () => {
    pan.current = null;
    if (pressing.current) {
      props.onPress(pressing.current, false);
      pressing.current = null;
    }
    if (drag) {
      const moved = dragged(doc, drag);
      setDrag(null);
      if (moved !== doc) onEdit(moved, dragLabel(drag));
    }
    if (band) {
      const inside = itemsInBox(doc, boxOf(band.start, band.end));
      onSelection(new Set([...(band.add ? selection : []), ...inside]));
      setBand(null);
    }
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const command = commandOfKey(event);
    if (!command) return;
    event.preventDefault();
    if (command === "cancel" && (draft || drag || band || menu)) {
      setDraft(null);
      setDrag(null);
      setBand(null);
      setMenu(null);
      return;
    }
    props.onCommand(command);
  };

  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (!event.dataTransfer.types.includes(PART_KIND_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    const kind = event.dataTransfer.getData(PART_KIND_MIME);
    if (!kind) return;
    event.preventDefault();
    props.onPlace(kind, viewport.screenToWorld(screenOf(event)));
  };

  const draftPath = useMemo(() => {
    if (!draft) return null;
    const from = pinRefPosition(shown, draft.from);
    return from ? { path: [from, ...draft.bends, draft.pointer] } : null;
  }, [draft, shown]);

  const tooltip = hover ? pinTooltip(shown, hover, viewport) : null;
  const world = viewport.origin;
  const classes = ["ws-stage", draft && "ws-drafting", drag && "ws-dragging"];
  return (
    <div
      ref={stageRef}
      className={classes.filter(Boolean).join(" ")}
      tabIndex={0}
      role="application"
      aria-label="Breadboard workspace: click a pin to start a wire, drag parts to move them"
      data-testid="workspace-stage"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => {
        pan.current = null;
        if (pressing.current) props.onPress(pressing.current, false);
        pressing.current = null;
        setDrag(null);
        setBand(null);
      }}
      onPointerOver={(event) => {
        const pin = attributeOf(event.target as Element, "data-pin");
        if (pin !== hover) setHover(pin);
      }}
      onPointerLeave={() => setHover(null)}
      onContextMenu={(event) => {
        const pin = attributeOf(event.target as Element, "data-pin");
        if (!pin) return;
        event.preventDefault();
        setMenu({ pin, at: screenOf(event) });
      }}
      onKeyDown={onKeyDown}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <div
        className="ws-world"
        style={{
          transform: `scale(${viewport.scale}) translate(${-world.x}px, ${-world.y}px)`,
        }}
      >
        <PartLayer
          parts={shown.parts}
          views={props.views}
          controls={props.controls}
          selection={selection}
          warned={warnedParts}
          selectedBoard={props.selectedBoard}
        />
        <WireLayer
          doc={shown}
          selection={selection}
          highlighted={net?.wires ?? noPins}
          draft={draftPath}
        />
        <PinLayer doc={shown} highlighted={net?.pins ?? noPins} warned={warnedPins} />
      </div>
      {band && <div className="ws-band" style={bandStyle(band.start, band.end, viewport)} />}
      {tooltip && (
        <div className="ws-tooltip" role="tooltip" data-testid="pin-tooltip" style={tooltip.style}>
          {tooltip.text}
        </div>
      )}
      {menu && (
        <div
          className="ws-menu"
          role="menu"
          style={{ left: menu.at.x, top: menu.at.y }}
          onPointerDown={(event) => event.stopPropagation()}
        >
          <div className="ws-menu-title">{menu.pin}</div>
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              setDraft({
                from: menu.pin,
                bends: [],
                pointer: pinRefPosition(doc, menu.pin) ?? { x: 0, y: 0 },
              });
              setMenu(null);
            }}
          >
            Start a wire here
          </button>
          {props.onTracePin && (
            <button
              type="button"
              role="menuitem"
              data-testid="trace-pin"
              onClick={() => {
                props.onTracePin?.(menu.pin);
                setMenu(null);
              }}
            >
              Trace this pin
            </button>
          )}
        </div>
      )}
      {props.children}
    </div>
  );
}

/**
 * The document with the dragged items moved. A lone part snaps its legs onto the grid wherever it
 * was (so a part placed off the grid lands in holes once moved); a group keeps its layout and moves
 * by whole grid steps. The same document when nothing moved.
 */
function dragged(doc: WorkspaceDoc, drag: Drag): WorkspaceDoc {
  if (!drag.moving) return doc;
  if (drag.bend) {
    const { wire, index } = drag.bend;
    const points = doc.wires.find((w) => w.id === wire)?.points ?? [];
    const bend = points[index];
    if (!bend) return doc;
    const to = snapToGrid({ x: bend.x + drag.by.x, y: bend.y + drag.by.y }, BEND_PITCH);
    return setWirePoints(
      doc,
      wire,
      points.map((p, i) => (i === index ? to : p)),
    );
  }
  const part = drag.ids.length === 1 ? findPart(doc, drag.ids[0]!) : undefined;
  if (!part) return moveParts(doc, drag.ids, drag.by);
  const moved = movePart(doc, part.id, { x: part.x + drag.by.x, y: part.y + drag.by.y });
  const after = findPart(moved, part.id)!;
  return after.x === part.x && after.y === part.y ? doc : moved;
}

function dragLabel(drag: Drag): string {
  if (drag.bend) return `Move a bend of ${drag.bend.wire}`;
  return drag.ids.length === 1 ? `Move ${drag.ids[0]}` : `Move ${drag.ids.length} items`;
}

function attributeOf(target: Element, name: string): string | null {
  return target.closest?.(`[${name}]`)?.getAttribute(name) ?? null;
}

/** "uno1 · D13" (with the pin's longer label where it has one) next to the pin. */
function pinTooltip(doc: WorkspaceDoc, ref: PinRef, viewport: Viewport) {
  const at = pinRefPosition(doc, ref);
  if (!at) return null;
  const { component, pin } = splitPinRef(ref);
  const part = findPart(doc, component);
  const label = part ? partGeometry(part).pins.find((p) => p.name === pin)?.label : undefined;
  const screen = viewport.worldToScreen(at);
  return {
    text: `${component} · ${label ?? pin}`,
    style: { left: screen.x + 10, top: screen.y - 28 },
  };
}

function bandStyle(a: Point, b: Point, viewport: Viewport) {
  const box = boxOf(viewport.worldToScreen(a), viewport.worldToScreen(b));
  return { left: box.x, top: box.y, width: box.width, height: box.height };
}

/**
 * The waveform: one row per traced pin (high and low as a line, floating at mid height, unknown and
 * too-fast-to-draw stretches as boxes) over a time axis, a cursor that reads out the time and each
 * pin's level under the mouse, wheel to zoom, drag to pan, and the same from the keyboard.
 * Geometry comes from waveform-shapes.ts and the shown stretch from trace-viewport.ts.
 */
import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type RefObject,
} from "react";
import type { PinRef } from "@ohmcloud/avr-sim";
import { formatTime, timeTicks } from "./time-axis";
import {
  levelAt,
  traceOf,
  type TraceBuffer,
  type TraceLevel,
  type TraceWindow,
} from "./trace-buffer";
import {
  FIT_ALL,
  followLive,
  panBy,
  visibleRange,
  zoomAt,
  type TraceViewport,
} from "./trace-viewport";
import { waveSegments, wavePaths } from "./waveform-shapes";

export interface WaveformRow {
  readonly pin: PinRef;
  readonly label: string;
}

export interface WaveformProps {
  readonly rows: readonly WaveformRow[];
  readonly buffer: TraceBuffer;
  /** The recording's span; null while nothing is recorded. */
  readonly bounds: TraceWindow | null;
  readonly view: TraceViewport;
  readonly onViewChange: (view: TraceViewport) => void;
  readonly onRemove: (pin: PinRef) => void;
  /** While running, zooming keeps the live end in view; when stopped it zooms at the mouse. */
  readonly running: boolean;
  /** Shown in the plot while nothing is recorded. */
  readonly emptyText: string;
}

const ROW = { height: 28, highY: 5, lowY: 23 };
const AXIS_HEIGHT = 22;
/** Before the layout is measured (and in tests, where nothing is laid out). */
const FALLBACK_WIDTH = 600;
const TICK_SPACING_PX = 90;
/** Zoom per wheel notch (100 px of deltaY) and per key press. */
const ZOOM_STEP = 1.5;
const PAN_FRACTION = 0.2;

export const WAVEFORM_KEYS = "+/− zoom, ←/→ pan, 0 fits all, L follows live";
const WAVEFORM_HINT = "Hover to read levels · wheel zooms · drag pans";

export function levelName(level: TraceLevel | undefined): string {
  return level === undefined ? "unknown" : level === null ? "floating" : level ? "HIGH" : "LOW";
}

function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(FALLBACK_WIDTH);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      if (element.clientWidth > 0) setWidth(element.clientWidth);
    };
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

export function Waveform(props: WaveformProps) {
  const { rows, buffer, bounds, view, onViewChange, onRemove, running, emptyText } = props;
  const plot = useRef<HTMLDivElement>(null);
  const axis = useRef<HTMLDivElement>(null);
  const width = useWidth(axis);
  const [cursorX, setCursorX] = useState<number | null>(null);
  const drag = useRef<{ x: number; view: TraceViewport } | null>(null);

  const range = bounds ? visibleRange(view, bounds) : null;
  const usPerPx = range ? (range.toUs - range.fromUs) / width : 0;
  const cursorUs = range && cursorX !== null ? range.fromUs + cursorX * usPerPx : null;

  // Following only means something while the recording grows.
  const zoomBase: TraceViewport = running ? view : { ...view, follow: false };
  const xOf = (clientX: number) => clientX - (axis.current?.getBoundingClientRect().left ?? 0);

  // Wheel zoom needs a non-passive listener to keep the page from scrolling; the handler reads
  // the latest props through a ref.
  const zoomWithWheel = useRef<(event: WheelEvent) => void>(() => undefined);
  useEffect(() => {
    zoomWithWheel.current = (event: WheelEvent) => {
      if (!bounds || !range) return;
      event.preventDefault();
      const anchor = range.fromUs + xOf(event.clientX) * usPerPx;
      onViewChange(zoomAt(zoomBase, bounds, anchor, ZOOM_STEP ** (event.deltaY / 100)));
    };
  });
  useEffect(() => {
    const element = plot.current;
    if (!element) return;
    const listener = (event: WheelEvent) => zoomWithWheel.current(event);
    element.addEventListener("wheel", listener, { passive: false });
    return () => element.removeEventListener("wheel", listener);
  }, []);

  const pointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || !bounds || xOf(event.clientX) < 0) return;
    if ((event.target as Element).closest("button")) return;
    drag.current = { x: event.clientX, view };
    event.currentTarget.setPointerCapture?.(event.pointerId);
  };
  const pointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const x = xOf(event.clientX);
    setCursorX(x >= 0 && x <= width ? x : null);
    if (drag.current && bounds) {
      const dx = event.clientX - drag.current.x;
      onViewChange(panBy(drag.current.view, bounds, -dx * usPerPx));
    }
  };
  const pointerUp = () => {
    drag.current = null;
  };

  const keyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!bounds || !range) return;
    const span = range.toUs - range.fromUs;
    const middle = cursorUs ?? (range.fromUs + range.toUs) / 2;
    const next: Record<string, () => TraceViewport> = {
      "+": () => zoomAt(zoomBase, bounds, middle, 1 / ZOOM_STEP),
      "=": () => zoomAt(zoomBase, bounds, middle, 1 / ZOOM_STEP),
      "-": () => zoomAt(zoomBase, bounds, middle, ZOOM_STEP),
      ArrowLeft: () => panBy(view, bounds, -span * PAN_FRACTION),
      ArrowRight: () => panBy(view, bounds, span * PAN_FRACTION),
      "0": () => FIT_ALL,
      l: () => followLive(view),
      L: () => followLive(view),
    };
    const action = next[event.key];
    if (!action) return;
    event.preventDefault();
    onViewChange(action());
  };

  const ticks = range
    ? timeTicks(range.fromUs, range.toUs, Math.floor(width / TICK_SPACING_PX))
    : [];
  const xOfTime = (tUs: number) => (range ? (tUs - range.fromUs) / usPerPx : 0);

  return (
    <div
      ref={plot}
      className="ar-trace-plot"
      tabIndex={0}
      role="group"
      aria-label={`Waveform (${WAVEFORM_KEYS})`}
      title={`Wheel zooms, drag pans; keys: ${WAVEFORM_KEYS}`}
      onPointerDown={pointerDown}
      onPointerMove={pointerMove}
      onPointerUp={pointerUp}
      onPointerCancel={pointerUp}
      onPointerLeave={() => setCursorX(null)}
      onKeyDown={keyDown}
    >
      <p className="ar-trace-readout" data-testid="trace-cursor" aria-live="off">
        {cursorUs !== null
          ? `at ${formatTime(cursorUs, usPerPx)}`
          : range
            ? WAVEFORM_HINT
            : emptyText}
      </p>
      {rows.map(({ pin, label }) => {
        const trace = traceOf(buffer, pin);
        const paths = range ? wavePaths(waveSegments(trace, range, width), ROW) : null;
        const level = levelAt(trace, cursorUs ?? bounds?.t1 ?? 0);
        return (
          <div key={pin} className="ar-trace-row" data-testid={`trace-row-${pin}`}>
            <div className="ar-trace-label">
              <span className="ar-trace-name" title={pin}>
                {label}
              </span>
              <span className={`ar-trace-level ar-trace-level-${levelName(level)}`}>
                {levelName(level)}
              </span>
              <button
                type="button"
                className="ar-trace-remove"
                aria-label={`Stop tracing ${label}`}
                title="Stop tracing"
                onClick={() => onRemove(pin)}
              >
                ×
              </button>
            </div>
            <svg
              className="ar-trace-wave"
              width={width}
              height={ROW.height}
              role="img"
              aria-label={`${label} waveform`}
            >
              {paths && (
                <>
                  <path className="ar-trace-unknown" d={paths.unknown} />
                  <path className="ar-trace-busy" d={paths.busy} />
                  <path className="ar-trace-floating" d={paths.floating} />
                  <path className="ar-trace-line" d={paths.line} />
                </>
              )}
              {cursorX !== null && (
                <line
                  className="ar-trace-cursor"
                  x1={cursorX}
                  x2={cursorX}
                  y1={0}
                  y2={ROW.height}
                />
              )}
            </svg>
          </div>
        );
      })}
      <div className="ar-trace-row">
        <div />
        <div ref={axis} className="ar-trace-axis">
          <svg width={width} height={AXIS_HEIGHT} aria-hidden="true">
            {ticks.map((tick) => {
              const x = xOfTime(tick.tUs);
              return (
                <g key={tick.tUs}>
                  <line x1={x} x2={x} y1={0} y2={4} />
                  <text
                    x={Math.min(Math.max(x, 2), width - 2)}
                    y={16}
                    textAnchor={x < 30 ? "start" : x > width - 30 ? "end" : "middle"}
                  >
                    {tick.label}
                  </text>
                </g>
              );
            })}
          </svg>
        </div>
      </div>
    </div>
  );
}

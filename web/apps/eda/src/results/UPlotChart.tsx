/**
 * One uPlot chart (a pane of the results view). Needs a real canvas: the results view only mounts
 * it where {@link canvasSupported} says so (not in happy-dom unit tests).
 */
import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { formatSi } from "../spice/si-value";
import { alignedData, formatReading, type ChartModel, type Cursors, type Pane } from "./series";

export function canvasSupported(): boolean {
  try {
    return typeof document !== "undefined" && !!document.createElement("canvas").getContext("2d");
  } catch {
    return false;
  }
}

/** `#rrggbb` with an alpha (0..1). */
function withAlpha(color: string, alpha: number): string {
  const hex = Math.round(alpha * 255)
    .toString(16)
    .padStart(2, "0");
  return /^#[0-9a-f]{6}$/i.test(color) ? `${color}${hex}` : color;
}

function tick(value: number | null, unit: string): string {
  if (value === null) return "";
  if (unit === "dB" || unit === "°") return `${Number(value.toPrecision(4))}`;
  return formatSi(value, "", 3);
}

/**
 * An x tick label. uPlot hands null for the ticks it leaves out; on a log axis only decades are
 * labelled (the minor ticks between them would run into each other).
 */
function xTick(value: number | null, unit: string, logX: boolean): string {
  if (value === null) return "";
  if (logX && Math.abs(Math.log10(value) - Math.round(Math.log10(value))) > 1e-9) return "";
  return formatSi(value, unit, 3);
}

/** The same right padding on every pane, so that the panes' x axes (and cursors) line up. */
const RIGHT_PADDING = 28;

export interface UPlotChartProps {
  model: ChartModel;
  pane: Pane;
  height: number;
  /** Charts with the same key share their cursor. */
  syncKey: string;
  cursors: Cursors;
  /** Draw the x axis (the lower pane of a Bode view only). */
  showXAxis?: boolean;
  /** A click (not a drag) at x. */
  onPick: (x: number) => void;
  /** The mouse over x, or null when it leaves. */
  onHover: (x: number | null) => void;
  /** The x range after a zoom of this chart. */
  onXRange: (min: number, max: number) => void;
  /** The chart once created, and null when destroyed. */
  onChart: (chart: uPlot | null) => void;
}

export function UPlotChart(props: UPlotChartProps) {
  const { model, pane, height, syncKey, showXAxis = true } = props;
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  // Callbacks and cursors change every render; the chart reads the latest through refs.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const units = [...new Set(pane.traces.map((t) => t.unit))];
    const yUnit = units.length === 1 ? units[0]! : "";
    const options: uPlot.Options = {
      width: element.clientWidth || 640,
      height,
      scales: {
        // The sweep's own ends: a log scale would otherwise round out to whole decades (10 kHz → 100 kHz).
        x: { time: false, distr: model.logX ? 3 : 1, log: 10, range: (_u, min, max) => [min, max] },
      },
      padding: [null, RIGHT_PADDING, null, null],
      axes: [
        {
          show: showXAxis,
          label: model.xUnit ? `${model.xName} (${model.xUnit})` : model.xName,
          values: (_u, splits) => splits.map((v) => xTick(v, model.xUnit, model.logX)),
        },
        {
          label: yUnit && !pane.label.includes(yUnit) ? `${pane.label} (${yUnit})` : pane.label,
          size: 64,
          values: (_u, splits) => splits.map((v) => tick(v, yUnit)),
        },
      ],
      series: [
        { label: model.xName, value: (_u, v) => formatReading(v, model.xUnit) },
        ...pane.traces.map((t): uPlot.Series => ({
          label: t.label,
          stroke: t.previous ? withAlpha(t.color, 0.45) : t.color,
          width: t.previous ? 1 : 1.5,
          dash: t.previous ? [6, 4] : undefined,
          points: { show: false },
          value: (_u, v) => formatReading(v, t.unit),
        })),
      ],
      legend: { show: false },
      cursor: {
        sync: { key: syncKey },
        drag: { x: true, y: false, setScale: true },
      },
      hooks: {
        draw: [(u) => drawCursors(u, latest.current.cursors)],
        setCursor: [
          (u) => {
            const left = u.cursor.left ?? -1;
            latest.current.onHover(left >= 0 ? u.posToVal(left, "x") : null);
          },
        ],
        setScale: [
          (u, key) => {
            if (key !== "x") return;
            const { min, max } = u.scales.x ?? {};
            if (min !== undefined && max !== undefined && min !== null && max !== null) {
              latest.current.onXRange(min, max);
            }
          },
        ],
      },
    };
    const u = new uPlot(options, alignedData(model, pane) as uPlot.AlignedData, element);
    chart.current = u;
    latest.current.onChart(u);

    // A click places a cursor; a drag zooms and must not.
    let down: { x: number; y: number } | null = null;
    const onDown = (e: MouseEvent) => {
      down = { x: e.clientX, y: e.clientY };
    };
    const onClick = (e: MouseEvent) => {
      const moved = down ? Math.hypot(e.clientX - down.x, e.clientY - down.y) : 0;
      down = null;
      const left = u.cursor.left ?? -1;
      if (moved < 4 && left >= 0) latest.current.onPick(u.posToVal(left, "x"));
    };
    u.over.addEventListener("mousedown", onDown);
    u.over.addEventListener("click", onClick);

    const resize =
      typeof ResizeObserver === "undefined"
        ? null
        : new ResizeObserver(() => {
            const width = element.clientWidth;
            if (width > 0 && width !== u.width) u.setSize({ width, height });
          });
    resize?.observe(element);
    return () => {
      resize?.disconnect();
      u.over.removeEventListener("mousedown", onDown);
      u.over.removeEventListener("click", onClick);
      latest.current.onChart(null);
      chart.current = null;
      u.destroy();
    };
  }, [model, pane, height, syncKey, showXAxis]);

  // Moving a cursor only redraws.
  useEffect(() => {
    chart.current?.redraw(false, false);
  }, [props.cursors]);

  return <div ref={container} className="oc-results-chart" />;
}

const CURSOR_COLORS = { a: "#c62828", b: "#1565c0" };

function drawCursors(u: uPlot, cursors: Cursors) {
  const { ctx, bbox } = u;
  ctx.save();
  ctx.lineWidth = Math.max(1, uPlot.pxRatio);
  ctx.setLineDash([4 * uPlot.pxRatio, 3 * uPlot.pxRatio]);
  ctx.font = `${12 * uPlot.pxRatio}px system-ui, sans-serif`;
  for (const which of ["a", "b"] as const) {
    const value = cursors[which];
    if (value === null) continue;
    const x = Math.round(u.valToPos(value, "x", true));
    if (x < bbox.left || x > bbox.left + bbox.width) continue;
    ctx.strokeStyle = CURSOR_COLORS[which];
    ctx.fillStyle = CURSOR_COLORS[which];
    ctx.beginPath();
    ctx.moveTo(x, bbox.top);
    ctx.lineTo(x, bbox.top + bbox.height);
    ctx.stroke();
    ctx.fillText(which.toUpperCase(), x + 3 * uPlot.pxRatio, bbox.top + 12 * uPlot.pxRatio);
  }
  ctx.restore();
}

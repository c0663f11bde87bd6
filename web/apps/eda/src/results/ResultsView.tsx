/**
 * The results of a simulation: a tab per plot, tables for operating point, .tf, .sens and .pz,
 * uPlot charts for sweeps (Bode panes for AC and noise; a curve per outer value for nested .dc
 * sweeps) with trace toggles, probed traces, zoom, two cursors (placed by click, key or typed
 * position), CSV/PNG export and the previous run drawn dashed underneath.
 */
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type uPlot from "uplot";
import { xRange } from "./cursor-position";
import { CursorPositionInput } from "./CursorPositionInput";
import { nestedShape, outerSweep, type OuterSweep } from "./nested-sweep";
import { newlyProbed, plotForProbes, withProbed } from "./probed-traces";
import "./results.css";
import {
  COMPLEX_MODES,
  NO_CURSORS,
  buildChartModel,
  decimation,
  defaultVisible,
  exportFileName,
  formatReading,
  inverseUnit,
  matchingPlot,
  placeCursor,
  plotCsv,
  readouts,
  toggleTrace,
  traceColor,
  traceVectors,
  viewKind,
  type ComplexMode,
  type Cursors,
} from "./series";
import { nextSort, sortRows, tableRows, type SortKey, type TableSort } from "./table";
import type { ResultPlot, SimulationResult } from "./types";
import { UPlotChart, canvasSupported } from "./UPlotChart";

export interface ResultsViewProps {
  /** The `result` of a finished simulation; null/undefined before the first run. */
  result?: SimulationResult | null;
  /** The run before this one: its traces are drawn dashed under the same traces of `result`. */
  previous?: SimulationResult | null;
  /** Called by "load all" when the plots were cut with `?points=`; no button without it. */
  onLoadFull?: () => void;
  /** The plot shown first (by name); the first plot otherwise. */
  initialPlot?: string;
  /**
   * Vector names that must be drawn (probes on the schematic): added to the shown plot's traces
   * when it holds them; a newly probed name the shown plot lacks brings up a plot that has it.
   * Names no plot holds are ignored here (the caller reports them).
   */
  probed?: readonly string[];
  /** The netlist that ran: names the outer source and values of nested `.dc` sweeps. */
  netlist?: string;
}

const NO_NAMES: readonly string[] = [];

/** The default traces of each plot object, kept so that they stay the same array between renders. */
const defaults = new WeakMap<ResultPlot, string[]>();

function defaultTraces(plot: ResultPlot): string[] {
  let names = defaults.get(plot);
  if (!names) {
    names = defaultVisible(plot);
    defaults.set(plot, names);
  }
  return names;
}

export function ResultsView({
  result,
  previous,
  onLoadFull,
  initialPlot,
  probed = NO_NAMES,
  netlist,
}: ResultsViewProps) {
  const plots = useMemo(() => result?.plots ?? [], [result]);
  const [selected, setSelected] = useState<string | undefined>(initialPlot);
  const [visibleByPlot, setVisibleByPlot] = useState<Record<string, string[]>>({});
  const [mode, setMode] = useState<ComplexMode>("db-phase");
  const plot = plots.find((p) => p.name === selected) ?? plots[0];

  // Probes seen with a result on screen; a name new since then may bring up another plot.
  const [seenProbes, setSeenProbes] = useState<readonly string[]>(NO_NAMES);
  const probedKey = probed.join("\n");
  if (plot && probedKey !== seenProbes.join("\n")) {
    setSeenProbes(probed);
    const fresh = newlyProbed(seenProbes, probed);
    const target = plotForProbes(plots, plot, fresh);
    if (target !== plot) setSelected(target.name);
  }

  const chosen = plot ? (visibleByPlot[plot.name] ?? defaultTraces(plot)) : NO_NAMES;
  // Kept the same array while nothing changes, so that the charts are not rebuilt every render.
  const visible = useMemo(
    () => (plot ? withProbed(plot, chosen, probedKey === "" ? [] : probedKey.split("\n")) : []),
    [plot, chosen, probedKey],
  );
  const outer = useMemo(
    () => (plot ? outerSweep(plot, plots, netlist) : null),
    [plot, plots, netlist],
  );

  if (!plot) {
    return (
      <div data-testid="results-view" className="oc-results">
        <p className="oc-empty-state" data-testid="results-empty">
          Run a simulation to see results
        </p>
      </div>
    );
  }

  const view = viewKind(plot);
  const cut = decimation(plot);
  const previousPlot = matchingPlot(plot, plots, previous?.plots);

  return (
    <div data-testid="results-view" className="oc-results">
      <div role="tablist" aria-label="Plots" className="oc-results-tabs">
        {plots.map((p) => (
          <button
            key={p.name}
            type="button"
            role="tab"
            id={`results-tab-${p.name}`}
            aria-selected={p === plot}
            title={p.title}
            className="oc-results-tab"
            data-testid={`plot-tab-${p.name}`}
            onClick={() => setSelected(p.name)}
          >
            {p.name}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-labelledby={`results-tab-${plot.name}`}>
        {cut && (
          <p className="oc-results-note" data-testid="decimation-note">
            Showing {cut.shown.toLocaleString("en")} of {cut.total.toLocaleString("en")} points
            {onLoadFull && (
              <>
                {" — "}
                <button
                  type="button"
                  className="oc-link-button"
                  data-testid="load-full"
                  onClick={onLoadFull}
                >
                  load all
                </button>
              </>
            )}
          </p>
        )}
        {view === "table" ? (
          <ResultTable key={plot.name} plot={plot} />
        ) : (
          <ChartView
            key={plot.name}
            plot={plot}
            previous={previousPlot}
            outer={outer}
            visible={visible}
            probed={probed}
            onToggle={(name) =>
              setVisibleByPlot((all) => ({ ...all, [plot.name]: toggleTrace(plot, chosen, name) }))
            }
            mode={mode}
            onMode={setMode}
          />
        )}
      </div>
    </div>
  );
}

function ResultTable({ plot }: { plot: ResultPlot }) {
  const [sort, setSort] = useState<TableSort | null>(null);
  const rows = useMemo(() => sortRows(tableRows(plot), sort), [plot, sort]);
  const header = (key: SortKey, label: string) => (
    <th
      scope="col"
      aria-sort={sort?.key === key ? sort.direction : "none"}
      className={key === "value" ? "oc-results-num" : undefined}
    >
      <button
        type="button"
        className="oc-results-sort"
        data-testid={`sort-${key}`}
        onClick={() => setSort((s) => nextSort(s, key))}
      >
        {label}
        {sort?.key === key ? (sort.direction === "ascending" ? " ▲" : " ▼") : ""}
      </button>
    </th>
  );
  return (
    <div className="oc-results-table-wrap">
      <table className="oc-results-table" data-testid="op-table">
        <caption>
          {plot.title} ({plot.kind})
        </caption>
        <thead>
          <tr>
            {header("name", plot.kind === "pz" ? "Pole / zero" : "Name")}
            {header("value", "Value")}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <td>{row.name}</td>
              <td className="oc-results-num">{row.display}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="oc-results-toolbar">
        <button
          type="button"
          className="oc-button oc-button-quiet"
          data-testid="export-csv"
          onClick={() => download(exportFileName(plot, "csv"), csvUrl(plotCsv(plot)))}
        >
          Export CSV
        </button>
      </div>
    </div>
  );
}

interface ChartViewProps {
  plot: ResultPlot;
  previous: ResultPlot | undefined;
  /** The outer sweep of a nested .dc plot, when the netlist names it. */
  outer: OuterSweep | null;
  visible: string[];
  /** Traces drawn because they are probed: their toggles are locked on. */
  probed: readonly string[];
  onToggle: (name: string) => void;
  mode: ComplexMode;
  onMode: (mode: ComplexMode) => void;
}

function ChartView({
  plot,
  previous,
  outer,
  visible,
  probed,
  onToggle,
  mode,
  onMode,
}: ChartViewProps) {
  const view = viewKind(plot);
  const [canDraw] = useState(canvasSupported);
  const [cursors, setCursors] = useState<Cursors>(NO_CURSORS);
  const hoverX = useRef<number | null>(null);
  const charts = useRef(new Map<string, uPlot>());
  const syncing = useRef(false);
  const model = useMemo(
    () => buildChartModel(plot, visible, mode, previous, outer),
    [plot, visible, mode, previous, outer],
  );
  const reading = readouts(model, cursors);
  const range = useMemo(() => xRange(model.xs), [model.xs]);
  const nested = nestedShape(plot) !== null;
  // The curves of each vector of a nested sweep, for the legend.
  const curves = nested ? (model.panes[0]?.traces.filter((t) => !t.previous) ?? []) : [];
  const syncKey = `oc-results-${plot.name}`;
  const paneHeight = model.panes.length > 1 ? 220 : 340;

  const onXRange = useCallback((source: string, min: number, max: number) => {
    if (syncing.current) return;
    syncing.current = true;
    for (const [id, chart] of charts.current) {
      const x = chart.scales.x;
      if (id !== source && (x?.min !== min || x?.max !== max)) chart.setScale("x", { min, max });
    }
    syncing.current = false;
  }, []);

  const resetZoom = () => {
    const first = model.xs[0];
    const last = model.xs[model.xs.length - 1];
    if (first === undefined || last === undefined) return;
    for (const chart of charts.current.values()) {
      chart.setScale("x", { min: Math.min(first, last), max: Math.max(first, last) });
    }
  };

  const exportPng = () => {
    const canvases = model.panes
      .map((pane) => charts.current.get(pane.id)?.ctx.canvas)
      .filter((c): c is HTMLCanvasElement => c !== undefined);
    if (canvases.length === 0) return;
    const out = document.createElement("canvas");
    out.width = Math.max(...canvases.map((c) => c.width));
    out.height = canvases.reduce((sum, c) => sum + c.height, 0);
    const ctx = out.getContext("2d");
    if (!ctx) return;
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, out.width, out.height);
    let y = 0;
    for (const c of canvases) {
      ctx.drawImage(c, 0, y);
      y += c.height;
    }
    download(exportFileName(plot, "png"), out.toDataURL("image/png"));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const key = event.key.toLowerCase();
    if ((key === "a" || key === "b") && hoverX.current !== null) {
      const x = hoverX.current;
      setCursors((c) => placeCursor(c, x, key));
      event.preventDefault();
    } else if (key === "escape") {
      setCursors(NO_CURSORS);
    }
  };

  const traces = traceVectors(plot);
  return (
    <div className="oc-results-chart-view">
      <div className="oc-results-toolbar">
        {view === "bode" && (
          <label>
            Complex values{" "}
            <select
              data-testid="complex-mode"
              value={mode}
              onChange={(e) => onMode(e.target.value as ComplexMode)}
            >
              {COMPLEX_MODES.map((m) => (
                <option key={m.value} value={m.value}>
                  {m.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <button
          type="button"
          className="oc-button oc-button-quiet"
          data-testid="reset-zoom"
          onClick={resetZoom}
          disabled={!canDraw}
        >
          Reset zoom
        </button>
        <button
          type="button"
          className="oc-button oc-button-quiet"
          data-testid="clear-cursors"
          onClick={() => setCursors(NO_CURSORS)}
          disabled={cursors.a === null && cursors.b === null}
        >
          Clear cursors
        </button>
        <button
          type="button"
          className="oc-button oc-button-quiet"
          data-testid="export-csv"
          onClick={() =>
            download(exportFileName(plot, "csv"), csvUrl(plotCsv(plot, visible, outer)))
          }
        >
          Export CSV
        </button>
        <button
          type="button"
          className="oc-button oc-button-quiet"
          data-testid="export-png"
          onClick={exportPng}
          disabled={!canDraw}
        >
          Export PNG
        </button>
      </div>
      <div className="oc-results-body">
        <div
          className="oc-results-charts"
          tabIndex={0}
          role="group"
          aria-label={`${plot.name} chart: click to place cursors A and B, or press a / b; drag to zoom`}
          onKeyDown={onKeyDown}
        >
          {canDraw ? (
            model.panes.map((pane, i) => (
              <UPlotChart
                key={pane.id}
                model={model}
                pane={pane}
                height={paneHeight}
                syncKey={syncKey}
                cursors={cursors}
                showXAxis={i === model.panes.length - 1}
                onPick={(x) => setCursors((c) => placeCursor(c, x))}
                onHover={(x) => {
                  hoverX.current = x;
                }}
                onXRange={(min, max) => onXRange(pane.id, min, max)}
                onChart={(chart) => {
                  if (chart) charts.current.set(pane.id, chart);
                  else charts.current.delete(pane.id);
                }}
              />
            ))
          ) : (
            <p className="oc-results-note">Charts need a browser with canvas support.</p>
          )}
        </div>
        <fieldset className="oc-results-traces">
          <legend>Traces</legend>
          {traces.map((v) => {
            const locked = probed.includes(v.name);
            return (
              <div key={v.name}>
                <label
                  className="oc-results-trace"
                  title={
                    locked ? "Probed on the schematic: remove the probe to hide it" : undefined
                  }
                >
                  <input
                    type="checkbox"
                    checked={visible.includes(v.name)}
                    disabled={locked}
                    onChange={() => onToggle(v.name)}
                    data-testid={`trace-toggle-${v.name}`}
                  />
                  {!nested && (
                    <span
                      className="oc-results-swatch"
                      style={{ background: traceColor(plot, v.name) }}
                      aria-hidden="true"
                    />
                  )}
                  {v.name}
                  {v.unit && <span className="oc-results-unit"> ({v.unit})</span>}
                  {locked && <span className="oc-results-unit"> · probed</span>}
                </label>
                {nested && visible.includes(v.name) && (
                  <ul className="oc-results-curves">
                    {curves
                      .filter((t) => t.vector === v.name)
                      .map((t) => (
                        <li key={t.key} data-testid={`trace-curve-${t.key}`}>
                          <span
                            className="oc-results-swatch"
                            style={{ background: t.color }}
                            aria-hidden="true"
                          />
                          {t.label}
                        </li>
                      ))}
                  </ul>
                )}
              </div>
            );
          })}
          {previous && <p className="oc-results-hint">Dashed: the previous run.</p>}
        </fieldset>
      </div>
      <table className="oc-results-readout" data-testid="cursor-readout">
        <thead>
          <tr>
            <th scope="col">Cursor</th>
            <th scope="col">A</th>
            <th scope="col">B</th>
            <th scope="col">Δ (B − A)</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{model.xName}</th>
            {(["a", "b"] as const).map((which) => (
              <td
                key={which}
                data-testid={`cursor-${which}-x`}
                data-value={cursors[which] ?? undefined}
              >
                <CursorPositionInput
                  which={which}
                  value={cursors[which]}
                  range={range}
                  unit={reading.xUnit}
                  onPlace={(x) =>
                    setCursors((c) =>
                      x === null ? { ...c, [which]: null } : placeCursor(c, x, which),
                    )
                  }
                />
              </td>
            ))}
            <td data-testid="cursor-delta-x" data-value={reading.dx ?? undefined}>
              {formatReading(reading.dx, reading.xUnit)}
              {reading.inverseDx !== null && (
                <span data-testid="cursor-inverse-delta-x" data-value={reading.inverseDx}>
                  {" "}
                  (1/Δ {formatReading(reading.inverseDx, inverseUnit(reading.xUnit))})
                </span>
              )}
            </td>
          </tr>
          {reading.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td data-testid={`cursor-a-y-${row.key}`} data-value={row.y1 ?? undefined}>
                {formatReading(row.y1, row.unit)}
              </td>
              <td data-testid={`cursor-b-y-${row.key}`} data-value={row.y2 ?? undefined}>
                {formatReading(row.y2, row.unit)}
              </td>
              <td data-testid={`cursor-delta-y-${row.key}`} data-value={row.dy ?? undefined}>
                {formatReading(row.dy, row.unit)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function csvUrl(text: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(text)}`;
}

/** Saves a data URL as a file through a temporary link. */
function download(name: string, url: string) {
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
}

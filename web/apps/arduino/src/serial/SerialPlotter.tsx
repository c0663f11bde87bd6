/**
 * The serial plotter: the numbers the sketch prints per line, charted over simulated time with
 * uPlot, and a legend with each series' latest value. The chart needs a real canvas, so it is
 * left out where there is none (happy-dom unit tests).
 */
import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { PlotSeries } from "./plot-data";

const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2"];

export interface SerialPlotterProps {
  readonly xs: readonly number[];
  readonly series: readonly PlotSeries[];
}

function canvasSupported(): boolean {
  try {
    return !!document.createElement("canvas").getContext("2d");
  } catch {
    return false;
  }
}

export function SerialPlotter({ xs, series }: SerialPlotterProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const names = series.map((s) => s.name).join("\n");

  useEffect(() => {
    const element = container.current;
    if (!element || !canvasSupported() || names === "") return;
    const options: uPlot.Options = {
      width: Math.max(element.clientWidth, 200),
      height: 220,
      scales: { x: { time: false } },
      axes: [{ label: "simulated s" }, {}],
      legend: { show: false },
      series: [
        {},
        ...names.split("\n").map((label, i) => ({
          label,
          stroke: COLORS[i % COLORS.length]!,
          spanGaps: true,
        })),
      ],
    };
    chart.current = new uPlot(options, [[]], element);
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [names]);

  useEffect(() => {
    chart.current?.setData([xs as number[], ...series.map((s) => s.values as (number | null)[])]);
  }, [xs, series]);

  return (
    <div className="ar-plotter" data-testid="serial-plotter">
      {series.length === 0 ? (
        <p className="ar-muted">
          Print numbers per line (e.g. <code>Serial.println(analogRead(A0));</code> or{" "}
          <code>temp:21.5,hum:40</code>) to chart them.
        </p>
      ) : (
        <ul className="ar-plot-legend">
          {series.map((s, i) => (
            <li key={s.name} data-testid="plot-series">
              <span className="ar-plot-swatch" style={{ background: COLORS[i % COLORS.length] }} />
              {s.name}: {String(s.values[s.values.length - 1] ?? "–")}
            </li>
          ))}
        </ul>
      )}
      <div ref={container} />
    </div>
  );
}

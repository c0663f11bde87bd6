/**
 * What one waveform row draws, in pixels: a pin's level runs over the visible time range mapped to
 * x, with runs too short to see (a fast PWM zoomed out) merged into "busy" blocks so a row never
 * needs more shapes than it has pixels. Then SVG path data for each kind of run: the high/low
 * line with its transitions, floating (mid-level) stretches, unknown stretches and busy blocks.
 */
import { levelRuns, type PinTrace, type TraceLevel } from "./trace-buffer";
import type { TimeRange } from "./trace-viewport";

/** Runs narrower than this many pixels are merged into busy blocks. */
const MIN_RUN_PX = 1;

export interface WaveSegment {
  readonly x0: number;
  readonly x1: number;
  /** undefined = unknown; "busy" = many changes within a pixel or so. */
  readonly level: TraceLevel | undefined | "busy";
}

export function waveSegments(
  trace: PinTrace | undefined,
  range: TimeRange,
  widthPx: number,
): WaveSegment[] {
  const span = range.toUs - range.fromUs;
  if (!(span > 0) || !(widthPx > 0)) return [];
  const x = (tUs: number) => ((tUs - range.fromUs) / span) * widthPx;
  const segments: WaveSegment[] = [];
  for (const run of levelRuns(trace, range.fromUs, range.toUs)) {
    const x0 = x(run.from);
    const x1 = x(run.to);
    const narrow = x1 - x0 < MIN_RUN_PX;
    const last = segments[segments.length - 1];
    if (narrow && last?.level === "busy") segments[segments.length - 1] = { ...last, x1 };
    else segments.push({ x0, x1, level: narrow ? "busy" : run.level });
  }
  return segments;
}

export interface RowGeometry {
  /** y of the high level. */
  readonly highY: number;
  /** y of the low level. */
  readonly lowY: number;
}

export interface WavePaths {
  /** The 0/1 line and the transitions between levels. */
  readonly line: string;
  /** Floating stretches, a line halfway between high and low. */
  readonly floating: string;
  /** Rectangles (as paths) for unknown stretches. */
  readonly unknown: string;
  /** Rectangles (as paths) for busy blocks. */
  readonly busy: string;
}

const round = (value: number) => Math.round(value * 100) / 100;

function rectangle(x0: number, x1: number, top: number, bottom: number): string {
  return `M${round(x0)} ${round(top)}H${round(x1)}V${round(bottom)}H${round(x0)}Z`;
}

export function wavePaths(segments: readonly WaveSegment[], row: RowGeometry): WavePaths {
  const middle = (row.highY + row.lowY) / 2;
  const y = (level: WaveSegment["level"]) =>
    level === 1 ? row.highY : level === 0 ? row.lowY : level === null ? middle : undefined;
  const line: string[] = [];
  const floating: string[] = [];
  const unknown: string[] = [];
  const busy: string[] = [];
  let previous: WaveSegment | undefined;
  for (const segment of segments) {
    const { x0, x1, level } = segment;
    if (level === 0 || level === 1) {
      // A transition from the level before (0, 1 or floating) to this one.
      const start = previous ? y(previous.level) : undefined;
      line.push(
        start !== undefined && start !== y(level)
          ? `M${round(x0)} ${round(start)}V${round(y(level)!)}H${round(x1)}`
          : `M${round(x0)} ${round(y(level)!)}H${round(x1)}`,
      );
    } else if (level === null) {
      floating.push(`M${round(x0)} ${round(middle)}H${round(x1)}`);
    } else if (level === "busy") {
      busy.push(rectangle(x0, Math.max(x1, x0 + MIN_RUN_PX), row.highY, row.lowY));
    } else {
      unknown.push(rectangle(x0, x1, row.highY, row.lowY));
    }
    previous = segment;
  }
  return {
    line: line.join(""),
    floating: floating.join(""),
    unknown: unknown.join(""),
    busy: busy.join(""),
  };
}

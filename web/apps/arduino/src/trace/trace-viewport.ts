/**
 * Which stretch of simulated time the waveform shows: following the live end of the recording
 * (the whole recording, or its last `spanUs`), or a fixed stretch the user zoomed (wheel) or panned
 * (drag) to. Pure: the view keeps a `TraceViewport` in state and asks for its range each render.
 */
import type { TraceWindow } from "./trace-buffer";

export interface TraceViewport {
  /** Keep the live end in view as the recording grows. */
  readonly follow: boolean;
  /** The width shown; null = the whole recording. */
  readonly spanUs: number | null;
  /** Where the shown stretch starts when not following. */
  readonly startUs: number;
}

export interface TimeRange {
  readonly fromUs: number;
  readonly toUs: number;
}

/** The narrowest zoom: a few AVR clock cycles are 1/16 µs each, so 2 µs still shows them apart. */
export const MIN_SPAN_US = 2;

/** The whole recording, following it as it grows. */
export const FIT_ALL: TraceViewport = { follow: true, spanUs: null, startUs: 0 };

export function visibleRange(view: TraceViewport, bounds: TraceWindow): TimeRange {
  if (view.spanUs === null) {
    return { fromUs: bounds.t0, toUs: Math.max(bounds.t1, bounds.t0 + MIN_SPAN_US) };
  }
  if (view.follow) {
    // Until the recording is as long as the span, it fills the view from the left.
    const toUs = Math.max(bounds.t1, bounds.t0 + view.spanUs);
    return { fromUs: toUs - view.spanUs, toUs };
  }
  return { fromUs: view.startUs, toUs: view.startUs + view.spanUs };
}

/**
 * Zooms by `factor` (< 1 in, > 1 out) keeping `anchorUs` (the time under the mouse) where it is;
 * while following, the live end stays put instead. Zooming out past the whole recording fits it.
 */
export function zoomAt(
  view: TraceViewport,
  bounds: TraceWindow,
  anchorUs: number,
  factor: number,
): TraceViewport {
  const { fromUs, toUs } = visibleRange(view, bounds);
  const span = toUs - fromUs;
  const spanUs = Math.max(span * factor, MIN_SPAN_US);
  if (spanUs >= bounds.t1 - bounds.t0 && factor > 1) return { ...FIT_ALL, follow: view.follow };
  if (view.follow) return { follow: true, spanUs, startUs: toUs - spanUs };
  const anchor = Math.min(Math.max(anchorUs, fromUs), toUs);
  return clampStart(
    { follow: false, spanUs, startUs: anchor - (anchor - fromUs) * (spanUs / span) },
    bounds,
  );
}

/** Moves the view by `deltaUs` (later for > 0) and stops following. */
export function panBy(view: TraceViewport, bounds: TraceWindow, deltaUs: number): TraceViewport {
  const { fromUs, toUs } = visibleRange(view, bounds);
  return clampStart({ follow: false, spanUs: toUs - fromUs, startUs: fromUs + deltaUs }, bounds);
}

/** Back to the live end, at the same zoom. */
export function followLive(view: TraceViewport): TraceViewport {
  return { ...view, follow: true };
}

/** Keeps at least half the view on the recording. */
function clampStart(view: TraceViewport, bounds: TraceWindow): TraceViewport {
  const span = view.spanUs ?? bounds.t1 - bounds.t0;
  const lowest = bounds.t0 - span / 2;
  const highest = Math.max(bounds.t1 - span / 2, lowest);
  return { ...view, startUs: Math.min(Math.max(view.startUs, lowest), highest) };
}

import { describe, expect, it } from "vitest";
import type { TraceEdge } from "../sim/protocol";
import { appendTraces, emptyTraceBuffer, traceOf } from "./trace-buffer";
import { waveSegments, wavePaths } from "./waveform-shapes";

function trace(edges: TraceEdge[]) {
  return traceOf(appendTraces(emptyTraceBuffer(), [{ pin: "p.A", edges }]), "p.A");
}

describe("waveSegments", () => {
  it("maps level runs onto pixels", () => {
    const segments = waveSegments(
      trace([
        [100, 1],
        [200, 0],
        [300, null],
      ]),
      { fromUs: 0, toUs: 400 },
      800,
    );
    expect(segments).toEqual([
      { x0: 0, x1: 200, level: undefined },
      { x0: 200, x1: 400, level: 1 },
      { x0: 400, x1: 600, level: 0 },
      { x0: 600, x1: 800, level: null },
    ]);
  });

  it("merges runs shorter than a pixel into one busy block", () => {
    const edges: TraceEdge[] = [[0, 0]];
    for (let t = 1000; t < 2000; t += 2) edges.push([t, 1], [t + 1, 0]);
    const segments = waveSegments(trace(edges), { fromUs: 0, toUs: 4000 }, 400);
    expect(segments).toEqual([
      { x0: 0, x1: 100, level: 0 },
      { x0: 100, x1: 199.9, level: "busy" },
      { x0: 199.9, x1: 400, level: 0 },
    ]);
  });

  it("draws nothing without width or time", () => {
    expect(waveSegments(trace([[0, 1]]), { fromUs: 0, toUs: 0 }, 100)).toEqual([]);
    expect(waveSegments(trace([[0, 1]]), { fromUs: 0, toUs: 10 }, 0)).toEqual([]);
  });
});

describe("wavePaths", () => {
  const row = { highY: 4, lowY: 20 };

  it("draws high and low with transitions, floating at mid height, unknown and busy as boxes", () => {
    const paths = wavePaths(
      [
        { x0: 0, x1: 10, level: undefined },
        { x0: 10, x1: 20, level: 1 },
        { x0: 20, x1: 30, level: 0 },
        { x0: 30, x1: 40, level: null },
        { x0: 40, x1: 50, level: 1 },
        { x0: 50, x1: 50.5, level: "busy" },
        { x0: 50.5, x1: 60, level: 0 },
      ],
      row,
    );
    expect(paths.line).toBe("M10 4H20M20 4V20H30M40 12V4H50M50.5 20H60");
    expect(paths.floating).toBe("M30 12H40");
    expect(paths.unknown).toBe("M0 4H10V20H0Z");
    expect(paths.busy).toBe("M50 4H51V20H50Z"); // at least a pixel wide
  });
});

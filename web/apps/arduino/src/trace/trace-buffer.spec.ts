import { describe, expect, it } from "vitest";
import {
  appendTraces,
  clearTraceBuffer,
  emptyTraceBuffer,
  keepTracedPins,
  levelAt,
  levelRuns,
  traceOf,
  traceWindow,
} from "./trace-buffer";

describe("appendTraces", () => {
  it("gathers each pin's changes across updates in time order", () => {
    let buffer = emptyTraceBuffer();
    buffer = appendTraces(
      buffer,
      [
        {
          pin: "uno1.D13",
          edges: [
            [0, 0],
            [1000, 1],
          ],
        },
        { pin: "uno1.D2", edges: [[0, null]] },
      ],
      1500,
    );
    buffer = appendTraces(buffer, [{ pin: "uno1.D13", edges: [[2000, 0]] }], 2500);

    expect(traceOf(buffer, "uno1.D13")?.edges).toEqual([
      [0, 0],
      [1000, 1],
      [2000, 0],
    ]);
    expect(traceOf(buffer, "uno1.D2")?.edges).toEqual([[0, null]]);
    expect(buffer.traces.map((trace) => trace.pin)).toEqual(["uno1.D13", "uno1.D2"]);
    expect(buffer.endUs).toBe(2500);
  });

  it("keeps only real changes: same time replaces, same level and going back in time are dropped", () => {
    const buffer = appendTraces(emptyTraceBuffer(), [
      {
        pin: "p.A",
        edges: [
          [0, 0],
          [10, 1],
          [10, 0], // same time: the last level wins, and 0 is no change from 0
          [20, 0], // no change
          [30, 1],
          [25, 0], // earlier than the last change
          [40, null],
        ],
      },
    ]);
    expect(traceOf(buffer, "p.A")?.edges).toEqual([
      [0, 0],
      [30, 1],
      [40, null],
    ]);
  });

  it("drops the oldest changes past the capacity and counts them", () => {
    let buffer = emptyTraceBuffer(3);
    for (let t = 0; t < 5; t++) {
      buffer = appendTraces(buffer, [{ pin: "p.A", edges: [[t * 10, (t % 2) as 0 | 1]] }]);
    }
    const trace = traceOf(buffer, "p.A")!;
    expect(trace.edges).toEqual([
      [20, 0],
      [30, 1],
      [40, 0],
    ]);
    expect(trace.dropped).toBe(2);
    expect(traceWindow(buffer)).toEqual({ t0: 20, t1: 40 });
  });

  it("counts the changes the worker dropped before sending", () => {
    let buffer = appendTraces(emptyTraceBuffer(), [{ pin: "p.A", edges: [[0, 1]] }]);
    buffer = appendTraces(buffer, [{ pin: "p.A", edges: [], dropped: 7 }]);
    buffer = appendTraces(buffer, [{ pin: "p.A", edges: [[90, 0]], dropped: 3 }]);
    expect(traceOf(buffer, "p.A")).toEqual({
      pin: "p.A",
      edges: [
        [0, 1],
        [90, 0],
      ],
      dropped: 10,
    });
  });

  it("returns the same snapshot when nothing changed, and never changes an old one", () => {
    const first = appendTraces(emptyTraceBuffer(), [{ pin: "p.A", edges: [[0, 1]] }], 100);
    expect(appendTraces(first, [{ pin: "p.A", edges: [] }], 100)).toBe(first);
    expect(appendTraces(first, [], 50)).toBe(first); // time does not go back

    const second = appendTraces(first, [{ pin: "p.A", edges: [[200, 0]] }], 300);
    expect(second).not.toBe(first);
    expect(traceOf(first, "p.A")?.edges).toEqual([[0, 1]]);
    expect(first.endUs).toBe(100);
  });

  it("rejects a capacity below one", () => {
    expect(() => emptyTraceBuffer(0)).toThrow(RangeError);
  });
});

describe("keepTracedPins and clearTraceBuffer", () => {
  const buffer = appendTraces(
    emptyTraceBuffer(50),
    [
      { pin: "a.1", edges: [[0, 1]] },
      { pin: "b.1", edges: [[5, 0]] },
    ],
    10,
  );

  it("forgets pins no longer traced", () => {
    const kept = keepTracedPins(buffer, ["b.1", "c.1"]);
    expect(kept.traces.map((trace) => trace.pin)).toEqual(["b.1"]);
    expect(keepTracedPins(buffer, ["a.1", "b.1"])).toBe(buffer);
  });

  it("clears everything but the capacity", () => {
    const cleared = clearTraceBuffer(buffer);
    expect(cleared).toEqual({ capacity: 50, traces: [], endUs: null });
    expect(traceWindow(cleared)).toBeNull();
  });
});

describe("traceWindow", () => {
  it("spans the earliest change to the latest simulated time", () => {
    const buffer = appendTraces(
      emptyTraceBuffer(),
      [
        { pin: "a.1", edges: [[300, 1]] },
        {
          pin: "b.1",
          edges: [
            [120, 0],
            [900, 1],
          ],
        },
      ],
      1000,
    );
    expect(traceWindow(buffer)).toEqual({ t0: 120, t1: 1000 });
  });

  it("is null before any change, even when time has passed", () => {
    expect(traceWindow(appendTraces(emptyTraceBuffer(), [], 5000))).toBeNull();
  });
});

describe("levelAt and levelRuns", () => {
  const trace = traceOf(
    appendTraces(emptyTraceBuffer(), [
      {
        pin: "p.A",
        edges: [
          [100, 1],
          [200, 0],
          [300, null],
        ],
      },
    ]),
    "p.A",
  );

  it("reads the level in force at a time, unknown before the first change", () => {
    expect([50, 100, 150, 200, 299, 300, 1e6].map((t) => levelAt(trace, t))).toEqual([
      undefined,
      1,
      1,
      0,
      0,
      null,
      null,
    ]);
    expect(levelAt(undefined, 100)).toBeUndefined();
  });

  it("splits a span into runs that cover it exactly", () => {
    expect(levelRuns(trace, 0, 400)).toEqual([
      { from: 0, to: 100, level: undefined },
      { from: 100, to: 200, level: 1 },
      { from: 200, to: 300, level: 0 },
      { from: 300, to: 400, level: null },
    ]);
    expect(levelRuns(trace, 150, 250)).toEqual([
      { from: 150, to: 200, level: 1 },
      { from: 200, to: 250, level: 0 },
    ]);
    expect(levelRuns(trace, 200, 300)).toEqual([{ from: 200, to: 300, level: 0 }]);
    expect(levelRuns(undefined, 0, 10)).toEqual([{ from: 0, to: 10, level: undefined }]);
    expect(levelRuns(trace, 10, 10)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import type { TraceUpdate } from "../sim/protocol";
import { appendTraces, emptyTraceBuffer, type TraceBuffer, type TraceLevel } from "./trace-buffer";
import { toVcd, vcdIdentifier, vcdName } from "./vcd";

const DATE = new Date("2026-01-02T03:04:05Z");

function buffer(updates: readonly TraceUpdate[], nowUs?: number): TraceBuffer {
  return appendTraces(emptyTraceBuffer(), updates, nowUs);
}

const sample = buffer(
  [
    {
      pin: "uno1.D13",
      edges: [
        [0, 0],
        [1000, 1],
        [2000, 0],
        [2000.3, 1],
        [3000, 0],
      ],
    },
    {
      pin: "uno1.D2",
      edges: [
        [500, null],
        [1500, 1],
        [2000, 0],
      ],
    },
    { pin: "sw[1] x.in", edges: [[0, 1]] },
  ],
  3500,
);

/** A small VCD reader, enough to read back what `toVcd` writes: wire name → [time, value] changes. */
function readVcd(text: string) {
  const tokens = text.split(/\s+/).filter(Boolean);
  const names = new Map<string, string>(); // code → name
  const changes = new Map<string, [number, string][]>();
  const times: number[] = [];
  let timescale = "";
  let time: number | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === "$var") {
      const [type, width, code, name, end] = tokens.slice(i + 1, i + 6);
      expect([type, width, end]).toEqual(["wire", "1", "$end"]);
      names.set(code!, name!);
      changes.set(name!, []);
      i += 5;
    } else if (token === "$timescale") {
      timescale = `${tokens[i + 1]} ${tokens[i + 2]}`;
      i += 3;
    } else if (["$date", "$version", "$scope"].includes(token)) {
      while (tokens[i] !== "$end") i++;
    } else if (token.startsWith("#")) {
      time = Number(token.slice(1));
      times.push(time);
    } else if (/^[01xz]/.test(token)) {
      const name = names.get(token.slice(1));
      if (name === undefined || time === null) throw new Error(`stray value ${token}`);
      changes.get(name)!.push([time, token[0]!]);
    }
  }
  return { timescale, names: [...names.values()], changes, times };
}

describe("toVcd", () => {
  it("writes the header, the first values and the changes in time order", () => {
    expect(toVcd(sample, { timescale: "1us", date: DATE })).toBe(
      [
        "$date 2026-01-02T03:04:05.000Z $end",
        "$version OhmCloud Arduino app pin trace $end",
        "$timescale 1 us $end",
        "$scope module circuit $end",
        "$var wire 1 ! uno1.D13 $end",
        '$var wire 1 " uno1.D2 $end',
        "$var wire 1 # sw_1__x.in $end",
        "$upscope $end",
        "$enddefinitions $end",
        "#0",
        "$dumpvars",
        "0!",
        'x"', // not recorded yet: unknown
        "1#",
        "$end",
        "#500",
        'z"', // floating
        "#1000",
        "1!",
        "#1500",
        '1"',
        "#2000", // D13's 0 at 2000 and 1 at 2000.3 fall in one microsecond: its last level, no change
        '0"',
        "#3000",
        "0!",
        "#3500", // the end of the run
        "",
      ].join("\n"),
    );
  });

  it("keeps sub-microsecond changes with a finer timescale", () => {
    const text = toVcd(sample, { timescale: "1ns", date: DATE });
    expect(text).toContain("$timescale 1 ns $end");
    expect(text).toContain('#2000000\n0!\n0"\n#2000300\n1!\n#3000000\n0!\n#3500000\n');
  });

  it("starts at the first recorded change when the recording began after 0", () => {
    const late = buffer(
      [
        {
          pin: "a.1",
          edges: [
            [7000, 1],
            [9000, 0],
          ],
        },
      ],
      9500,
    );
    expect(toVcd(late, { timescale: "1us", date: DATE })).toMatch(
      /\$enddefinitions \$end\n#7000\n\$dumpvars\n1!\n\$end\n#9000\n0!\n#9500\n$/,
    );
  });

  it("writes the chosen pins in the chosen order, unknown ones as x throughout", () => {
    const { names, changes } = readVcd(
      toVcd(sample, { timescale: "1us", pins: ["uno1.D2", "led1.A"], date: DATE }),
    );
    expect(names).toEqual(["uno1.D2", "led1.A"]);
    expect(changes.get("led1.A")).toEqual([[0, "x"]]);
  });

  it("writes the same value changes as the server's writer for the same run", () => {
    // Produced by server/arduino/vcd.py:
    // write_vcd({13: [[0,0],[1000,1],[2000,0],[2000.3,1],[3000,0]], 2: [[1500,1],[2000,0]]}, 3500)
    const server = [
      "$version OhmCloud headless Arduino run $end",
      "$timescale 1 us $end",
      "$scope module arduino $end",
      "$var wire 1 ! D2 $end",
      '$var wire 1 " D13 $end',
      "$upscope $end",
      "$enddefinitions $end",
      "#0",
      "$dumpvars",
      "0!",
      '0"',
      "$end",
      "#1000",
      '1"',
      "#1500",
      "1!",
      "#2000",
      "0!",
      "#3000",
      '0"',
      "#3500",
      "",
    ].join("\n");
    const browser = toVcd(
      buffer(
        [
          {
            pin: "uno.D2",
            edges: [
              [0, 0],
              [1500, 1],
              [2000, 0],
            ],
          }, // the server starts every pin at 0
          {
            pin: "uno.D13",
            edges: [
              [0, 0],
              [1000, 1],
              [2000, 0],
              [2000.3, 1],
              [3000, 0],
            ],
          },
        ],
        3500,
      ),
      { timescale: "1us", scope: "arduino", date: DATE },
    );
    const tail = (text: string) => text.slice(text.indexOf("$timescale"));
    expect(tail(browser).replace(/uno\./g, "")).toBe(tail(server));
  });

  it("reads back as the recorded changes, with times only going forward", () => {
    // A PWM-like pin, a slow one that floats for a while, and one traced later in the run.
    const pwm: [number, TraceLevel][] = [];
    for (let t = 0; t < 20_000; t += 1020) pwm.push([t, 1], [t + 255, 0]);
    const slow: [number, TraceLevel][] = [
      [0, 0],
      [4000, null],
      [9000, 1],
      [15000, 0],
    ];
    const late: [number, TraceLevel][] = [
      [12000, 1],
      [12500, 0],
    ];
    const recorded = buffer(
      [
        { pin: "uno1.D9", edges: pwm },
        { pin: "pot1.SIG", edges: slow },
        { pin: "uno1.A0", edges: late },
      ],
      20_000,
    );

    const read = readVcd(toVcd(recorded, { timescale: "1us", date: DATE }));
    const asText = (edges: [number, TraceLevel][]) =>
      edges.map(([t, level]) => [t, level === null ? "z" : String(level)]);
    expect(read.timescale).toBe("1 us");
    expect(read.changes.get("uno1.D9")).toEqual(asText(pwm));
    expect(read.changes.get("pot1.SIG")).toEqual(asText(slow));
    expect(read.changes.get("uno1.A0")).toEqual([[0, "x"], ...asText(late)]);
    expect(read.times.every((time, i) => i === 0 || time > read.times[i - 1]!)).toBe(true);
    expect(read.times.at(-1)).toBe(20_000);
  });

  it("writes an empty recording as its header and unknown first values", () => {
    const { names, changes, times } = readVcd(
      toVcd(emptyTraceBuffer(), { timescale: "1us", pins: ["uno1.D13"], date: DATE }),
    );
    expect(names).toEqual(["uno1.D13"]);
    expect(changes.get("uno1.D13")).toEqual([[0, "x"]]);
    expect(times).toEqual([0]);
  });

  it("rejects a timescale it cannot write", () => {
    // @ts-expect-error: not a VCD timescale
    expect(() => toVcd(sample, { timescale: "5us" })).toThrow(RangeError);
  });
});

describe("vcdIdentifier", () => {
  it("counts in base 94 like the server's writer", () => {
    // identifier(i) of server/arduino/vcd.py for the same i
    expect([0, 1, 93, 94, 95, 187, 188, 94 + 94 * 94].map(vcdIdentifier)).toEqual([
      "!",
      '"',
      "~",
      "!!",
      '"!',
      "~!",
      '!"',
      "!!!",
    ]);
  });
});

describe("vcdName", () => {
  it("keeps pin refs readable and replaces what VCD cannot hold", () => {
    expect(vcdName("uno1.D13")).toBe("uno1.D13");
    expect(vcdName("btn.1.l")).toBe("btn.1.l");
    expect(vcdName("my led.A")).toBe("my_led.A");
    expect(vcdName("bus[3].$x")).toBe("bus_3_._x");
    expect(vcdName("")).toBe("_");
  });

  it("keeps two pins apart whose names come out the same", () => {
    const text = toVcd(
      buffer([
        { pin: "a b.1", edges: [[0, 1]] },
        { pin: "a_b.1", edges: [[0, 0]] },
      ]),
      { timescale: "1us", date: DATE },
    );
    expect(readVcd(text).names).toEqual(["a_b.1", "a_b.1_2"]);
  });
});

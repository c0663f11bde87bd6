/**
 * A pin trace recording as a Value Change Dump (IEEE 1364, section 18): the file GTKWave, PulseView
 * and sigrok open. The browser's twin of the server's writer (server/arduino/vcd.py): one-bit wires,
 * the same identifier codes, `#time` then `$dumpvars` for the first values, a pin that changes twice
 * within one time unit shows its last level then (and nothing if that is the level it already had),
 * and a last bare timestamp so viewers show the run to its end.
 *
 * Differences, because the browser knows more: a wire is named by its pin ref (`uno1.D13`; the
 * server names Arduino pins `D13` of its single board), a floating net is `z`, and a pin is `x`
 * until its first recorded change. Times are the run's simulated time, so a recording that began
 * (or was trimmed) after 0 starts at its first change.
 */
import type { PinRef } from "@ohmcloud/avr-sim";
import { traceOf, traceWindow, type TraceBuffer, type TraceLevel } from "./trace-buffer";

const FIRST_ID = 33; // identifier codes are printable ASCII, '!'..'~'
const LAST_ID = 126;

const UNIT_US = { s: 1e6, ms: 1e3, us: 1, ns: 1e-3 } as const;

/** A VCD time unit as the brief spells it ("1us"); written to the file as `1 us`. */
export type VcdTimescale = `${1 | 10 | 100}${keyof typeof UNIT_US}`;

export interface VcdOptions {
  readonly timescale: VcdTimescale;
  /** The pins to write, in this order (default: every pin of the buffer). */
  readonly pins?: readonly PinRef[];
  /** Written as `$date` (default: now). */
  readonly date?: Date;
  /** The scope module the wires sit in. */
  readonly scope?: string;
}

/** The short code of the `index`-th variable: '!', '"', ... '~', then '!!', '"!' ... (base 94). */
export function vcdIdentifier(index: number): string {
  const base = LAST_ID - FIRST_ID + 1;
  let code = String.fromCharCode(FIRST_ID + (index % base));
  index = Math.floor(index / base);
  while (index) {
    index -= 1;
    code += String.fromCharCode(FIRST_ID + (index % base));
    index = Math.floor(index / base);
  }
  return code;
}

/**
 * A pin ref as a VCD reference name: letters, digits, `_` and the `.` between component and pin
 * stay; anything else (spaces end a token, `[` starts a bit range, `$` a keyword) becomes `_`.
 */
export function vcdName(pin: PinRef): string {
  return pin.replace(/[^A-Za-z0-9_.]/g, "_") || "_";
}

function levelChar(level: TraceLevel | undefined): string {
  return level === undefined ? "x" : level === null ? "z" : String(level);
}

/** The recording as VCD text; see the module comment for the conventions. */
export function toVcd(buffer: TraceBuffer, options: VcdOptions): string {
  const match = /^(1|10|100)(s|ms|us|ns)$/.exec(options.timescale);
  if (!match) throw new RangeError(`unsupported VCD timescale ${options.timescale}`);
  const [, count, unit] = match as unknown as [string, string, keyof typeof UNIT_US];
  const tickUs = Number(count) * UNIT_US[unit];
  const ticks = (tUs: number) => Math.round(tUs / tickUs);

  const pins = options.pins ?? buffer.traces.map((trace) => trace.pin);
  const codes = pins.map((_, i) => vcdIdentifier(i));
  const names = uniqueNames(pins.map(vcdName));
  const window = traceWindow(buffer);
  const start = window ? ticks(window.t0) : 0;

  const levels: (TraceLevel | undefined)[] = pins.map(() => undefined);
  const changes = new Map<number, Map<number, TraceLevel>>(); // time → pin index → its last level then
  pins.forEach((pin, index) => {
    for (const [tUs, level] of traceOf(buffer, pin)?.edges ?? []) {
      const time = ticks(tUs);
      if (time <= start)
        levels[index] = level; // at or before the start: the first value
      else {
        const atTime = changes.get(time) ?? new Map<number, TraceLevel>();
        changes.set(time, atTime.set(index, level));
      }
    }
  });

  const lines = [
    `$date ${(options.date ?? new Date()).toISOString()} $end`,
    "$version OhmCloud Arduino app pin trace $end",
    `$timescale ${count} ${unit} $end`,
    `$scope module ${options.scope ?? "circuit"} $end`,
    ...pins.map((_, i) => `$var wire 1 ${codes[i]} ${names[i]} $end`),
    "$upscope $end",
    "$enddefinitions $end",
    `#${start}`,
    "$dumpvars",
    ...pins.map((_, i) => `${levelChar(levels[i])}${codes[i]}`),
    "$end",
  ];
  let last = start;
  for (const time of [...changes.keys()].sort((a, b) => a - b)) {
    const moved = [...changes.get(time)!]
      .sort(([a], [b]) => a - b)
      .filter(([index, level]) => levels[index] !== level);
    if (moved.length === 0) continue;
    lines.push(`#${time}`);
    for (const [index, level] of moved) {
      lines.push(`${levelChar(level)}${codes[index]}`);
      levels[index] = level;
    }
    last = time;
  }
  if (window && ticks(window.t1) > last) lines.push(`#${ticks(window.t1)}`);
  return lines.join("\n") + "\n";
}

/** Names made distinct by a `_2`, `_3` ... suffix where two pins' names came out the same. */
function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let unique = name;
    for (let n = 2; taken.has(unique); n++) unique = `${name}_${n}`;
    taken.add(unique);
    return unique;
  });
}

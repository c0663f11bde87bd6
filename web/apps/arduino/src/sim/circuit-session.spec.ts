/** CircuitSession under Node with sketches compiled by the repo's build service (real avr-gcc). */
import type { Circuit, PartView } from "@ohmcloud/avr-sim";
import { describe, expect, it } from "vitest";
// The avr-sim package's own helper: builds a sketch with the repo's build service.
import { buildSketch } from "../../../../packages/avr-sim/src/test-support/arduino-sketch";
import { BLINK_SKETCH } from "../sketch/examples";
import { CircuitSession, MAX_CATCH_UP_MS, UNTHROTTLED_BUDGET_MS } from "./circuit-session";
import type { TraceEdge } from "./protocol";

const blinkEvery = (ms: number) => `
void setup() { pinMode(12, OUTPUT); }
void loop() { digitalWrite(12, HIGH); delay(${ms}); digitalWrite(12, LOW); delay(${ms}); }`;

const ECHO_SKETCH = `
void setup() { Serial.begin(9600); Serial.println("ready"); }
void loop() { if (Serial.available()) Serial.write(Serial.read()); }`;

/** Lights the built-in LED while D2 reads LOW (a button to GND, the pull-up on). */
const BUTTON_SKETCH = `
void setup() { pinMode(2, INPUT_PULLUP); pinMode(13, OUTPUT); }
void loop() { digitalWrite(13, digitalRead(2) == LOW); }`;

const text = (bytes: readonly number[]) => new TextDecoder().decode(Uint8Array.from(bytes));
const brightness = (parts: Readonly<Record<string, PartView>>, id: string) =>
  (parts[id] as Extract<PartView, { type: "led" }>).brightness;
const led13 = (parts: Readonly<Record<string, PartView>>, id: string) =>
  (parts[id] as Extract<PartView, { type: "board" }>).led13;

/** Board `uno<n>` drives its own LED `led<n>` from D12 through 220 Ω. */
function twoUnos(): Circuit {
  return {
    components: [1, 2].flatMap((n) => [
      { id: `uno${n}`, kind: "uno" },
      { id: `r${n}`, kind: "resistor", props: { ohms: 220 } },
      { id: `led${n}`, kind: "led" },
    ]),
    wires: [1, 2].flatMap((n): [string, string][] => [
      [`uno${n}.D12`, `r${n}.1`],
      [`r${n}.2`, `led${n}.A`],
      [`led${n}.C`, `uno${n}.GND`],
    ]),
  };
}

const justUno: Circuit = { components: [{ id: "uno", kind: "uno" }], wires: [] };
/** A wall clock that never moves: the time budgets never cut a slice short. */
const frozenClock = () => 0;

/** Times (ms) of the edges to 1 and to 0 after the first, as traced. */
const toggles = (edges: readonly TraceEdge[]) =>
  edges.filter(([, level]) => level !== null).map(([t, level]) => ({ ms: t / 1000, level }));

describe("CircuitSession", () => {
  it("runs two Unos together in one circuit, each blinking its own LED at its own rate", () => {
    const session = new CircuitSession({
      boards: {
        uno1: { board: "uno", hex: buildSketch(blinkEvery(100)) },
        uno2: { board: "uno", hex: buildSketch(blinkEvery(250)) },
      },
      circuit: twoUnos(),
      tracePins: ["led1.A", "led2.A"],
    });
    const lit = { led1: new Set<number>(), led2: new Set<number>() };
    const edges: Record<string, TraceEdge[]> = { "led1.A": [], "led2.A": [] };
    for (let step = 0; step < 100; step++) {
      const update = session.run(10);
      for (const id of ["led1", "led2"] as const) lit[id].add(brightness(update.parts, id)!);
      for (const trace of update.traces) edges[trace.pin]!.push(...trace.edges);
    }
    expect(session.simulatedMs).toBeCloseTo(1000, 1);
    // Both LEDs were seen fully on and fully off.
    expect(lit.led1).toContain(1);
    expect(lit.led1).toContain(0);
    expect(lit.led2).toContain(1);
    expect(lit.led2).toContain(0);
    // In 1 s: uno1 toggles every 100 ms (10 edges after its first HIGH), uno2 every 250 ms (4).
    const first = toggles(edges["led1.A"]!);
    const second = toggles(edges["led2.A"]!);
    expect(first.filter((e) => e.level === 1)).toHaveLength(5);
    expect(second.filter((e) => e.level === 1)).toHaveLength(2);
    const gaps = (list: { ms: number }[]) => list.slice(2).map((e, i) => e.ms - list[i + 1]!.ms);
    for (const gap of gaps(first)) expect(Math.abs(gap - 100)).toBeLessThan(0.5);
    for (const gap of gaps(second)) expect(Math.abs(gap - 250)).toBeLessThan(0.5);
  }, 120_000);

  it("paces: a slice runs the wall time that passed times the speed, capped", () => {
    const session = new CircuitSession({
      boards: { uno: { board: "uno", hex: buildSketch(BLINK_SKETCH) } },
      circuit: justUno,
      speed: 0.5,
      clock: frozenClock,
    });
    expect(session.advance(16).simulatedMs).toBeCloseTo(8, 2);
    session.setSpeed(2);
    expect(session.advance(16).simulatedMs).toBeCloseTo(8 + 32, 2);
    session.setSpeed(1);
    // A tick a whole second late (a hidden tab): only MAX_CATCH_UP_MS of it is made up.
    expect(session.advance(1000).simulatedMs).toBeCloseTo(40 + MAX_CATCH_UP_MS, 2);
    session.setSpeed(100); // clamped to 10×
    expect(session.speed).toBe(10);
    expect(session.advance(10).simulatedMs).toBeCloseTo(290 + 100, 2);
  }, 120_000);

  it("makes up in the next slices what a slice had no time for", () => {
    // A clock that jumps 30 ms per reading while the machine is busy: the slice's 40 ms budget
    // ends after two 1 ms chunks; once the machine is free again the owed 14 ms are caught up.
    let busy = true;
    let now = 0;
    const session = new CircuitSession({
      boards: { uno: { board: "uno", hex: buildSketch(BLINK_SKETCH) } },
      circuit: justUno,
      speed: 1,
      clock: () => (busy ? (now += 30) : now),
    });
    expect(session.advance(16).simulatedMs).toBeCloseTo(2, 2);
    busy = false;
    expect(session.advance(16).simulatedMs).toBeCloseTo(32, 2);
    expect(session.advance(16).simulatedMs).toBeCloseTo(48, 2);
  }, 120_000);

  it("runs unthrottled as much as its wall-time budget allows, beyond real time", () => {
    // The injected clock stands for a machine that simulates 4× faster than real time: each
    // reading (one per 1 ms chunk) is 0.25 ms later. Whether this machine is that fast depends on
    // its load; bench/avr measures that.
    let now = 0;
    const session = new CircuitSession({
      boards: { uno: { board: "uno", hex: buildSketch(BLINK_SKETCH) } },
      circuit: justUno,
      speed: null,
      clock: () => (now += 0.25) - 0.25,
    });
    // 16 ms of wall time passed, but unthrottled runs for its budget: 12 ms / 0.25 ms = 48 chunks.
    expect(session.advance(16).simulatedMs).toBeCloseTo(4 * UNTHROTTLED_BUDGET_MS, 2);
    session.setSpeed(1); // paced again: the 16 ms that passed, whatever the machine could do
    expect(session.advance(16).simulatedMs).toBeCloseTo(4 * UNTHROTTLED_BUDGET_MS + 16, 2);
  }, 120_000);

  it("spends the unthrottled budget on the real clock", () => {
    const session = new CircuitSession({
      boards: { uno: { board: "uno", hex: buildSketch(BLINK_SKETCH) } },
      circuit: justUno,
      speed: null,
    });
    const started = performance.now();
    const simulated = session.advance(16).simulatedMs;
    expect(performance.now() - started).toBeGreaterThanOrEqual(UNTHROTTLED_BUDGET_MS);
    expect(simulated).toBeGreaterThanOrEqual(1);
  }, 120_000);

  it("delivers serial bytes to the board they are sent to, at its baud rate", () => {
    const session = new CircuitSession({
      boards: {
        uno1: { board: "uno", hex: buildSketch(ECHO_SKETCH) },
        uno2: { board: "uno", hex: buildSketch(ECHO_SKETCH) },
      },
      circuit: {
        components: [
          { id: "uno1", kind: "uno" },
          { id: "uno2", kind: "uno" },
        ],
        wires: [],
      },
    });
    const first = session.run(50);
    expect(text(first.serial.uno1!)).toBe("ready\r\n");
    expect(text(first.serial.uno2!)).toBe("ready\r\n");
    for (const id of ["uno1", "uno2"]) {
      expect(first.baud[id]).toBeGreaterThan(9500);
      expect(first.baud[id]).toBeLessThan(9700);
    }
    session.sendSerial("uno2", [...new TextEncoder().encode("hi\n")]);
    const echoed = session.run(10); // 3 bytes at ~1 ms each, received then sent back
    expect(text(echoed.serial.uno2!)).toBe("hi\n");
    expect(echoed.serial.uno1).toEqual([]);
    expect(echoed.parts.uno2).toMatchObject({ tx: true, rx: true });
    expect(echoed.parts.uno1).toMatchObject({ tx: false, rx: false });
    expect(() => session.sendSerial("uno3", [1])).toThrow(/uno3/);
  }, 120_000);

  it("passes a button press on to digitalRead", () => {
    const session = new CircuitSession({
      boards: { uno: { board: "uno", hex: buildSketch(BUTTON_SKETCH) } },
      circuit: {
        components: [
          { id: "uno", kind: "uno" },
          { id: "btn", kind: "push-button" },
        ],
        wires: [
          ["btn.1.l", "uno.D2"],
          ["btn.2.l", "uno.GND"],
        ],
      },
    });
    expect(led13(session.run(50).parts, "uno")).toBe(0);
    session.press("btn", true);
    expect(led13(session.run(30).parts, "uno")).toBe(1);
    session.press("btn", false);
    expect(led13(session.run(30).parts, "uno")).toBe(0);
    expect(() => session.press("nope", true)).toThrow(/nope/);
  }, 120_000);

  it("traces D13's net: Blink's edges a second apart", () => {
    const session = new CircuitSession({
      boards: { uno: { board: "uno", hex: buildSketch(BLINK_SKETCH) } },
      circuit: justUno,
      tracePins: ["uno.D13"],
    });
    const start = session.run(0).traces;
    expect(start).toEqual([{ pin: "uno.D13", edges: [[0, null]] }]); // an input nothing drives
    const edges = session.run(3500).traces[0]!.edges;
    const levels = toggles(edges);
    // pinMode → LOW, then HIGH at once, then LOW at 1 s, HIGH at 2 s, LOW at 3 s after it.
    expect(levels.map((e) => e.level)).toEqual([0, 1, 0, 1, 0]);
    const high = levels[1]!.ms;
    for (let i = 2; i < 5; i++)
      expect(Math.abs(levels[i]!.ms - high - 1000 * (i - 1)) / (1000 * (i - 1))).toBeLessThan(0.01);
    // Edges are handed over once; an empty list stops tracing.
    expect(session.run(100).traces).toEqual([{ pin: "uno.D13", edges: [] }]);
    session.setTracePins([]);
    expect(session.run(1000).traces).toEqual([]);
  }, 120_000);

  it("keeps an LED with one leg open dark while its pin blinks", () => {
    const session = new CircuitSession({
      boards: { uno: { board: "uno", hex: buildSketch(BLINK_SKETCH) } },
      circuit: {
        components: [
          { id: "uno", kind: "uno" },
          { id: "r1", kind: "resistor", props: { ohms: 220 } },
          { id: "led1", kind: "led" },
        ],
        wires: [
          ["uno.D13", "r1.1"],
          ["r1.2", "led1.A"], // led1.C unconnected
        ],
      },
    });
    const board = new Set<number>();
    for (let step = 0; step < 25; step++) {
      const { parts } = session.run(100);
      board.add(led13(parts, "uno"));
      expect(parts.led1).toEqual({ type: "led", brightness: 0 });
    }
    expect(board).toEqual(new Set([0, 1]));
  }, 120_000);
});

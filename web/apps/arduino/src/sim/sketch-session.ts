/**
 * One run of a built sketch, paced to real time: the Web Worker's core, without worker APIs so it
 * is unit-tested under Node. Each `advance(wallMs)` runs the wall time that passed (times the speed
 * factor) of simulated time and returns what the page must show: every pin the sketch has moved,
 * with the level it ended at and the share of the slice it was high (an LED's brightness under
 * PWM), and the bytes the sketch sent on `Serial`.
 */
import { AvrSimulation, BOARDS, UsartTerminal, type Board } from "@ohmcloud/avr-sim";

/**
 * A slice never covers more than this much wall time: after the tab was hidden or the worker was
 * busy, the simulation goes on from where it was instead of racing to catch up.
 */
export const MAX_SLICE_MS = 50;

export interface PinUpdate {
  readonly pin: number;
  /** The level at the end of the slice. */
  readonly value: 0 | 1;
  /** Fraction of the slice the pin was high (0..1). */
  readonly duty: number;
}

export interface SliceReport {
  readonly pins: PinUpdate[];
  /** Bytes the sketch sent on USART0 during the slice. */
  readonly serial: number[];
  readonly simulatedMs: number;
  /** The baud rate the sketch set (`Serial.begin`), null before it did. */
  readonly baud: number | null;
}

export class SketchSession {
  readonly sim: AvrSimulation;
  private readonly terminal: UsartTerminal;
  private serialOut: number[] = [];
  /** Per pin: its level now and when it last changed, and the high cycles in this slice. */
  /** The cycle the current slice started at. */
  private sliceStart = 0;
  private readonly levels = new Map<number, { value: 0 | 1; since: number; high: number }>();

  constructor(hex: string, board: Board = BOARDS.uno) {
    this.sim = new AvrSimulation(board, hex);
    const usart = this.sim.usarts[0]!;
    // The terminal types the monitor's input; it keeps no copy of the output (maxBytes 0)
    // because a run may go on for hours: the bytes are passed on each slice instead.
    this.terminal = new UsartTerminal(usart, () => this.sim.cycles, 0);
    const count = usart.onByteTransmit;
    usart.onByteTransmit = (byte) => {
      count?.(byte);
      this.serialOut.push(byte);
    };
    this.sim.addPinListener((pin, value, _mode, cycle) => {
      const state = this.levels.get(pin) ?? { value: 0, since: 0, high: 0 };
      if (state.value === 1) state.high += cycle - Math.max(state.since, this.sliceStart);
      state.value = value;
      state.since = cycle;
      this.levels.set(pin, state);
    });
  }

  /** Runs `ms` of simulated time and reports it. */
  run(ms: number): SliceReport {
    const start = this.sim.cycles;
    this.sliceStart = start;
    for (const state of this.levels.values()) state.high = 0;
    this.sim.runUntil(start + this.sim.cyclesIn(ms));
    const end = this.sim.cycles;
    const span = Math.max(end - start, 1);
    const pins: PinUpdate[] = [];
    for (const [pin, state] of this.levels) {
      const high = state.high + (state.value === 1 ? end - Math.max(state.since, start) : 0);
      pins.push({ pin, value: state.value, duty: Math.min(high / span, 1) });
    }
    const serial = this.serialOut;
    this.serialOut = [];
    return { pins, serial, simulatedMs: this.sim.microsAt(end) / 1000, baud: this.baud };
  }

  /** Runs the simulated time matching `wallMs` of wall time at `speed` (1 = real time). */
  advance(wallMs: number, speed = 1): SliceReport {
    return this.run(Math.min(Math.max(wallMs, 0), MAX_SLICE_MS) * speed);
  }

  /** Text typed into the serial monitor, received by the sketch at its own baud rate. */
  type(text: string): void {
    this.terminal.type(text);
  }

  get baud(): number | null {
    const usart = this.sim.usarts[0]!;
    return usart.txEnable || usart.rxEnable ? this.terminal.baudRate : null;
  }
}

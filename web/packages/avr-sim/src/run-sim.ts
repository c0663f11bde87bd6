/**
 * Runs a validated request: loads the HEX, attaches the serial terminal, inputs and LCD — or places
 * the board in its circuit (`run-circuit.ts`) —, runs for the simulated time and shapes the JSON
 * response (format in README.md). Output is bounded by the request's caps, which the response
 * reports.
 */
import { AvrSimulation, type PinMode } from "./avr-simulation";
import { Hd44780, type Hd44780State } from "./hd44780";
import { CircuitRun, type CircuitRunReport } from "./run-circuit";
import type { SimRequest } from "./sim-request";
import { UsartTerminal } from "./usart-terminal";

export interface PinChangeRecord {
  readonly t_us: number;
  readonly pin: number;
  readonly value: 0 | 1;
  readonly mode: PinMode;
}

/** With a circuit the response adds the fields of `CircuitRunReport`. */
export interface SimResponse extends Partial<CircuitRunReport> {
  readonly board: string;
  readonly serial: string;
  readonly serialBytes?: { readonly t_us: number; readonly byte: number }[];
  readonly serialBytesTotal: number;
  readonly serialCapped: boolean;
  /** Baud rate the program set on USART0, or null if it never enabled it. */
  readonly serialBaud: number | null;
  /** Bytes of `serialInput` the program's receiver did not take before the end. */
  readonly serialInputPending: number;
  readonly pinChanges: PinChangeRecord[];
  readonly pinChangesTotal: number;
  readonly pinChangesCapped: boolean;
  readonly lcd?: Hd44780State;
  readonly cycles: number;
  readonly simulatedMs: number;
  readonly wallMs: number;
  /** Simulated time over wall time: above 1 is faster than real time. */
  readonly speed: number;
  /** True when `maxWallMs` stopped the run before `ms`. */
  readonly stoppedEarly: boolean;
  readonly warnings: string[];
}

/** Simulated time per slice between wall-clock checks: short enough to stop promptly, long enough to be free. */
const SLICE_MS = 5;

export function runSim(
  request: SimRequest,
  wallClock: () => number = () => performance.now(),
): SimResponse {
  const started = wallClock();
  const sim = new AvrSimulation(request.board, request.hex);
  const warnings: string[] = [];
  const usart0 = sim.usarts[0]!;
  const terminal = new UsartTerminal(usart0, () => sim.cycles, request.maxSerialBytes);
  if (request.serialInput) terminal.type(request.serialInput);

  for (const [channel, volts] of request.adc) sim.setAdcVoltage(channel, volts);
  for (const [pin, high] of request.digitalInputs) sim.setInputLevel(pin, high);
  const circuit =
    request.circuit && new CircuitRun(sim, request.circuit, request.netPins, request.maxPinChanges);

  const pinChanges: PinChangeRecord[] = [];
  let pinChangesTotal = 0;
  const { pins, maxPinChanges } = request;
  sim.addPinListener((pin, value, mode, cycle) => {
    if (pins && !pins.has(pin)) return;
    pinChangesTotal++;
    if (pinChanges.length < maxPinChanges)
      pinChanges.push({ t_us: sim.microsAt(cycle), pin, value, mode });
  });

  let lcd: Hd44780 | null = null;
  if (request.lcd) {
    const { cols, rows, ...wiring } = request.lcd;
    const display = new Hd44780(wiring, { cols, rows });
    lcd = display;
    sim.addPinListener((pin, value, _mode, cycle) =>
      display.pinChanged(pin, value, sim.microsAt(cycle) * 1000),
    );
  }

  const endCycle = sim.cyclesIn(request.ms);
  const sliceCycles = sim.cyclesIn(SLICE_MS);
  let stoppedEarly = false;
  while (sim.cycles < endCycle) {
    sim.runUntil(Math.min(endCycle, sim.cycles + sliceCycles));
    if (request.maxWallMs !== null && wallClock() - started > request.maxWallMs) {
      stoppedEarly = sim.cycles < endCycle;
      break;
    }
  }
  const wallMs = wallClock() - started;
  const simulatedMs = (sim.cycles * 1000) / request.board.frequencyHz;

  const serialBaud = usart0.txEnable || usart0.rxEnable ? terminal.baudRate : null;
  if (request.serialBaud !== null && serialBaud !== null) {
    const error = Math.abs(serialBaud - request.serialBaud) / request.serialBaud;
    if (error > 0.02) {
      warnings.push(
        `the program runs Serial at ${serialBaud} baud, not ${request.serialBaud}: a real terminal would show garbage`,
      );
    }
  }
  if (request.serialInput && usart0.rxEnable === false && terminal.pending > 0) {
    warnings.push("serialInput was not delivered: the program never enabled the serial receiver");
  }
  const serialCapped = terminal.sentCount > terminal.sent.length;
  if (serialCapped)
    warnings.push(
      `serial output capped at ${request.maxSerialBytes} of ${terminal.sentCount} bytes`,
    );
  const pinChangesCapped = pinChangesTotal > pinChanges.length;
  if (pinChangesCapped)
    warnings.push(`pin changes capped at ${maxPinChanges} of ${pinChangesTotal}`);
  const circuitReport = circuit?.report();
  if (circuitReport?.netChangesCapped) {
    warnings.push(`net changes capped at ${maxPinChanges} of ${circuitReport.netChangesTotal}`);
  }
  if (stoppedEarly)
    warnings.push(`stopped after ${Math.round(wallMs)} ms of wall time (maxWallMs)`);

  return {
    board: request.board.id,
    serial: terminal.text(),
    ...(request.serialBytes
      ? {
          serialBytes: terminal.sent.map(({ cycle, byte }) => ({
            t_us: sim.microsAt(cycle),
            byte,
          })),
        }
      : {}),
    serialBytesTotal: terminal.sentCount,
    serialCapped,
    serialBaud,
    serialInputPending: terminal.pending,
    pinChanges,
    pinChangesTotal,
    pinChangesCapped,
    ...(lcd ? { lcd: lcd.state() } : {}),
    ...circuitReport,
    cycles: sim.cycles,
    simulatedMs,
    wallMs,
    speed: simulatedMs / Math.max(wallMs, 0.001),
    stoppedEarly,
    warnings,
  };
}

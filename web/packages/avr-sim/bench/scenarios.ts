/**
 * The simulation scenarios of `bench/avr.py`: a compiled sketch run unthrottled for a stretch of
 * simulated time, timed with `performance.now()`. Plain TypeScript without DOM or Node APIs, so the
 * very same bundle runs in Node and in a browser's Web Worker and the two can be compared.
 *
 * - `busy-loop`: a bare `AvrSimulation` (sketches/busy-loop.ino), the CPU's raw speed;
 * - `lcd-servo`: an Uno in a `CircuitSimulation` with an LCD 1602 and a servo
 *   (sketches/lcd-servo.ino), wired as in src/parts/lcd.spec.ts and servo.spec.ts: every pin change
 *   resolves the circuit and feeds the parts, as in the app.
 */
import { AvrSimulation, BOARDS, CircuitSimulation, Lcd, Servo, type PinRef } from "../src/index";
import { lcd4BitWires } from "../src/test-support/lcd-wiring";

export const SCENARIOS = ["busy-loop", "lcd-servo"] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export interface ScenarioRequest {
  readonly scenario: ScenarioName;
  readonly hex: string;
  readonly simulatedMs: number;
}

export interface ScenarioResult {
  readonly scenario: ScenarioName;
  readonly cycles: number;
  /** Wall time of the run loop only (loading the HEX and wiring the circuit not included). */
  readonly wallMs: number;
  /** Simulated MHz: cycles per wall-clock microsecond. */
  readonly mhz: number;
  /** What the sketch left behind, to check the run did the work (identical in every engine). */
  readonly outcome: Readonly<Record<string, unknown>>;
}

/** Simulated time per step of the run loop: about one display frame, as the app's worker runs. */
const SLICE_MS = 16;

const LCD_SERVO_WIRES: [PinRef, PinRef][] = [
  ...lcd4BitWires("lcd", "uno"),
  ["servo.PWM", "uno.D9"],
  ["servo.V+", "uno.5V"],
  ["servo.GND", "uno.GND"],
];

export function runScenario(request: ScenarioRequest): ScenarioResult {
  const sim = new AvrSimulation(BOARDS.uno, request.hex);
  const slices = Math.ceil(request.simulatedMs / SLICE_MS);
  let step: () => void;
  let outcome: () => Record<string, unknown>;
  switch (request.scenario) {
    case "busy-loop": {
      let toggles = 0;
      sim.addPinListener((pin) => {
        if (pin === 13) toggles++;
      });
      const sliceCycles = sim.cyclesIn(SLICE_MS);
      step = () => sim.runUntil(sim.cycles + sliceCycles);
      outcome = () => ({ pin13Toggles: toggles });
      break;
    }
    case "lcd-servo": {
      const circuit = new CircuitSimulation(
        {
          components: [
            { id: "uno", kind: "uno" },
            { id: "lcd", kind: "lcd1602" },
            { id: "servo", kind: "servo" },
          ],
          wires: LCD_SERVO_WIRES,
        },
        { uno: sim },
      );
      const lcd = circuit.partBehaviour("lcd", Lcd);
      const servo = circuit.partBehaviour("servo", Servo);
      step = () => circuit.runFor(SLICE_MS);
      outcome = () => ({
        lcdLines: lcd.lines(),
        lcdBusyViolations: lcd.state()?.busyViolations ?? null,
        servoAngle: servo.angle,
        servoPulseUs: servo.lastPulseUs,
        warnings: circuit.warnings.map((warning) => warning.message),
      });
      break;
    }
    default:
      throw new Error(`unknown scenario ${String(request.scenario)}`);
  }
  const started = performance.now();
  for (let i = 0; i < slices; i++) step();
  const wallMs = performance.now() - started;
  return {
    scenario: request.scenario,
    cycles: sim.cycles,
    wallMs,
    mhz: sim.cycles / (wallMs * 1000),
    outcome: outcome(),
  };
}

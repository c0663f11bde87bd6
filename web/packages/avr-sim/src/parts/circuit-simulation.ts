/**
 * The glue between running boards and the circuit around them: whenever a sketch changes a pin
 * (its level, or its direction through a DDR write) the circuit is resolved again, every MCU input
 * is given its net's level (`digitalRead` sees HIGH from 2.5 V, `analogRead` the net's volts) and
 * every LED's lit state is recorded for its brightness. Warnings are those of the latest resolution,
 * and each distinct one is logged with the time it first appeared. Parts with behaviour over time
 * (`PART_BEHAVIOURS`: servo, buzzer, LCD, ...) observe every resolution; their settings (a
 * potentiometer's position, a sensor's distance) are controls set with `setControl`.
 */
import { PinState } from "avr8js";
import type { AvrSimulation } from "../avr-simulation";
import { isBoardId } from "../boards";
import {
  boardIoPins,
  INPUT_THRESHOLD_VOLTS,
  type BoardIoPin,
  type McuPinDrive,
} from "../circuit/board-pins";
import {
  CircuitError,
  PreparedCircuit,
  type Circuit,
  type PartCatalog,
  type PartContext,
} from "../circuit/circuit";
import { pinRef, type CircuitWarning, type PinRef } from "../circuit/elements";
import type { CircuitResolution } from "../circuit/resolve-levels";
import { PART_CATALOG } from "./catalog";
import { isLedLit, LedBrightness, ledForwardVolts } from "./led";
import type { ControlValue, PartBehaviour, PartHost } from "./part-behaviour";
import { PART_BEHAVIOURS } from "./part-behaviours";
import { partView, PART_VIEW_WINDOW_MS, type PartView } from "./part-view";

const DRIVE_OF_STATE: Readonly<Record<PinState, McuPinDrive>> = {
  [PinState.Low]: "low",
  [PinState.High]: "high",
  [PinState.Input]: "input",
  [PinState.InputPullUp]: "input_pullup",
};

/**
 * Every pin is an input from reset until `setup()` sets its mode (well under a millisecond on an
 * Uno): inputs floating only during this start-up are not logged as warnings.
 */
export const STARTUP_GRACE_US = 5000;

/** Several boards advance together in slices this long (their clocks are equal). */
const SLICE_MS = 1;

export class CircuitSimulation {
  private readonly prepared: PreparedCircuit;
  private readonly closed = new Set<string>();
  private readonly leds = new Map<string, { forwardVolts: number; history: LedBrightness }>();
  private readonly context: PartContext;
  private current!: CircuitResolution;
  /** Each distinct warning message, with the time (µs) it first appeared. */
  readonly warningLog: { t_us: number; warning: CircuitWarning }[] = [];
  private readonly logged = new Set<string>();
  private readonly controls = new Map<string, ControlValue>();
  private readonly behaviours = new Map<string, PartBehaviour>();
  /** Each board component's on-board L LED, which follows its D13 net. */
  private readonly boardLeds = new Map<string, { d13: PinRef; history: LedBrightness }>();
  /** Every I/O pin of every running board, with its pin ref (built once: resolutions are many). */
  private readonly boardInputs: { sim: AvrSimulation; io: BoardIoPin; ref: PinRef }[] = [];
  /** Watchers of every resolution besides the parts (a pin trace). */
  private readonly observers: PartBehaviour[] = [];
  private updating = false;
  /** The board executing now: pin changes and parts' timers go by its clock. */
  private running: AvrSimulation | null = null;
  private dirty = false;

  constructor(
    circuit: Circuit,
    /** The running board of each board component, by component id. */
    readonly mcus: Readonly<Record<string, AvrSimulation>>,
    catalog: PartCatalog = PART_CATALOG,
  ) {
    this.prepared = new PreparedCircuit(circuit, catalog);
    for (const [id, sim] of Object.entries(mcus)) {
      const component = circuit.components.find((c) => c.id === id);
      if (component?.kind !== sim.board.id)
        throw new CircuitError(`${id}: no ${sim.board.id} component of that id in the circuit`);
      this.watch(sim);
      for (const io of boardIoPins(sim.board))
        this.boardInputs.push({ sim, io, ref: pinRef(id, io.name) });
    }
    for (const component of circuit.components)
      if (component.kind === "led")
        this.leds.set(component.id, {
          forwardVolts: ledForwardVolts(component.props?.color),
          history: new LedBrightness(),
        });
      else if (isBoardId(component.kind))
        this.boardLeds.set(component.id, {
          d13: pinRef(component.id, "D13"),
          history: new LedBrightness(),
        });
    this.context = {
      mcuDrive: (id, pin) => {
        const sim = this.mcus[id];
        const portBit = sim?.board.digitalPins[pin];
        if (!sim || !portBit) return "input";
        return DRIVE_OF_STATE[sim.ports.get(portBit.port)!.pinState(portBit.bit)];
      },
      isClosed: (id) => this.closed.has(id),
      control: (id, name) => this.control(id, name),
    };
    const host: PartHost = {
      schedule: (delayUs, action) => this.schedule(delayUs, action),
      control: (id, name) => this.control(id, name),
      setControl: (id, name, value) => this.setControl(id, name, value),
    };
    for (const component of circuit.components) {
      const factory = PART_BEHAVIOURS[component.kind];
      if (factory) this.behaviours.set(component.id, factory(component, host));
    }
    this.update();
    // Inputs still floating when start-up is over are logged then, even if no pin moves.
    if (Object.keys(mcus).length > 0) this.schedule(STARTUP_GRACE_US, () => this.update());
  }

  /** Simulated time in microseconds: of the board executing now, else of the first board. */
  get nowUs(): number {
    const board = this.clockBoard;
    return board ? board.microsAt(board.cycles) : 0;
  }

  /** Boards take turns of `SLICE_MS`: while one runs, its clock is the circuit's. */
  private get clockBoard(): AvrSimulation | undefined {
    return this.running ?? Object.values(this.mcus)[0];
  }

  get resolution(): CircuitResolution {
    return this.current;
  }

  /** Warnings of the circuit as it is now. */
  get warnings(): readonly CircuitWarning[] {
    return this.current.warnings;
  }

  /** Runs every board `ms` further, in lockstep slices. */
  runFor(ms: number): void {
    const sims = Object.values(this.mcus);
    if (!sims.length) return;
    const end = sims[0]!.cycles + sims[0]!.cyclesIn(ms);
    const slice = sims[0]!.cyclesIn(SLICE_MS);
    for (let target = sims[0]!.cycles; target < end;) {
      target = Math.min(target + slice, end);
      for (const sim of sims) {
        this.running = sim;
        try {
          sim.runUntil(target);
        } finally {
          this.running = null;
        }
      }
    }
  }

  /** Holds a push button down (true) or lets it go. */
  setPressed(id: string, pressed: boolean): void {
    if (pressed) this.closed.add(id);
    else this.closed.delete(id);
    this.update();
  }

  /** A part's live setting or state (see `PartContext.control`). */
  control(id: string, name: string): ControlValue {
    return this.controls.get(`${id}\u0000${name}`);
  }

  /** Sets a part's control (a slider, a toggle) and resolves the circuit again. */
  setControl(id: string, name: string, value: ControlValue): void {
    const key = `${id}\u0000${name}`;
    if (this.controls.get(key) === value) return;
    if (value === undefined) this.controls.delete(key);
    else this.controls.set(key, value);
    if (this.updating) this.dirty = true;
    else this.update();
  }

  /** The behaviour of a part that has one, checked against the class the caller expects. */
  partBehaviour<T extends PartBehaviour>(
    id: string,
    type: abstract new (...args: never[]) => T,
  ): T {
    const behaviour = this.behaviours.get(id);
    if (!(behaviour instanceof type))
      throw new CircuitError(`${id}: no ${type.name} in the circuit`);
    return behaviour;
  }

  /** Calls `observer` after every resolution from now on, as the parts' behaviours are. */
  addObserver(observer: PartBehaviour): void {
    this.observers.push(observer);
    observer.observe(this.current, this.nowUs);
  }

  /** What every part that shows something shows now (see `part-view.ts`), by component id. */
  partViews(): Record<string, PartView> {
    const source = {
      nowUs: this.nowUs,
      resolution: this.current,
      behaviour: (id: string) => this.behaviours.get(id),
      control: (id: string, name: string) => this.control(id, name),
      ledBrightness: (id: string) => this.ledBrightness(id, PART_VIEW_WINDOW_MS),
      boardLedBrightness: (id: string) =>
        this.boardLeds.get(id)?.history.brightness(source.nowUs, PART_VIEW_WINDOW_MS * 1000) ?? 0,
    };
    const views: Record<string, PartView> = {};
    for (const component of this.prepared.circuit.components) {
      const view = partView(component, source);
      if (view) views[component.id] = view;
    }
    return views;
  }

  private schedule(delayUs: number, action: () => void): void {
    const board = this.clockBoard;
    if (!board) return action();
    board.cpu.addClockEvent(
      action,
      Math.max(1, Math.round((delayUs * board.board.frequencyHz) / 1e6)),
    );
  }

  isLedLit(id: string): boolean {
    return this.led(id).history.lit;
  }

  /** Share of the last `windowMs` the LED was lit (0..1): a PWM pin's duty. */
  ledBrightness(id: string, windowMs = 20): number {
    return this.led(id).history.brightness(this.nowUs, windowMs * 1000);
  }

  private led(id: string) {
    const led = this.leds.get(id);
    if (!led) throw new CircuitError(`no LED ${id}`);
    return led;
  }

  /** Resolves the circuit (again while the parts' behaviours change their controls). */
  private update(): void {
    if (this.updating) return;
    this.updating = true;
    try {
      for (let pass = 0; pass < 8; pass++) {
        this.dirty = false;
        this.resolveNow();
        if (!this.dirty) break;
      }
    } finally {
      this.updating = false;
    }
  }

  /** Resolves the circuit now and feeds the result to the boards' inputs and the parts. */
  private resolveNow(): void {
    const resolution = this.prepared.resolve(this.context);
    // The same state resolves to the same object (see `PreparedCircuit.resolve`): inputs stay as set.
    const changed = resolution !== this.current;
    this.current = resolution;
    const now = this.nowUs;
    if (changed)
      for (const { sim, io, ref } of this.boardInputs) {
        const volts = resolution.levelOf(ref).volts ?? 0; // a floating pin reads 0 here
        if (io.digital !== null) sim.setInputLevel(io.digital, volts >= INPUT_THRESHOLD_VOLTS);
        if (io.adcChannel !== null) sim.setAdcVoltage(io.adcChannel, volts);
      }
    for (const [id, led] of this.leds)
      led.history.record(now, isLedLit(resolution, id, led.forwardVolts));
    for (const { d13, history } of this.boardLeds.values())
      history.record(now, (resolution.levelOf(d13).volts ?? 0) >= INPUT_THRESHOLD_VOLTS);
    for (const behaviour of this.behaviours.values()) behaviour.observe(resolution, now);
    for (const observer of this.observers) observer.observe(resolution, now);
    for (const warning of resolution.warnings) {
      const startingUp = warning.kind === "floating-input" && now < STARTUP_GRACE_US;
      if (startingUp || this.logged.has(warning.message)) continue;
      this.logged.add(warning.message);
      this.warningLog.push({ t_us: now, warning });
    }
  }

  /** Pin level changes come as events; direction changes only as DDR writes, so those are hooked too. */
  private watch(sim: AvrSimulation): void {
    sim.addPinListener(() => this.update());
    for (const port of sim.ports.values()) {
      const ddr = port.portConfig.DDR;
      const gpioHook = sim.cpu.writeHooks[ddr];
      sim.cpu.writeHooks[ddr] = (value, oldValue, address, mask) => {
        const handled = gpioHook?.(value, oldValue, address, mask) ?? false;
        if (!handled) sim.cpu.data[ddr] = value;
        this.update();
        return true;
      };
    }
  }
}

/**
 * One Arduino board running a program in avr8js: CPU, GPIO ports, timers, USARTs, ADC, SPI, TWI,
 * EEPROM (in memory) and watchdog, wired per the board's chip, plus pin-change events in Arduino pin
 * numbers. Plain TypeScript: runs under Node and in a Web Worker alike.
 *
 * Time is the CPU cycle count (`cycles`); helpers convert to microseconds at the board's clock.
 * Clock prescaling through CLKPR is not reflected in those conversions (Arduino sketches leave it).
 */
import {
  AVRADC,
  AVRClock,
  AVREEPROM,
  AVRIOPort,
  AVRSPI,
  AVRTimer,
  AVRTWI,
  AVRUSART,
  AVRWatchdog,
  CPU,
  EEPROMMemoryBackend,
  avrInstruction,
} from "avr8js";
import { arduinoPinAt, type Board } from "./boards";
import { loadIntelHex, type IntelHexImage } from "./intel-hex";
import type { PortLetter } from "./mcu";

export type PinMode = "output" | "input" | "input_pullup";

/**
 * A pin's level changed. `value` is the level the pin presents with nothing attached: the driven
 * level of an output, 1 for an input with its pull-up on, else 0.
 */
export type PinChangeListener = (pin: number, value: 0 | 1, mode: PinMode, cycle: number) => void;

/** avr8js keeps 0x100 bytes of registers and I/O below the data space size it is given. */
const REGISTER_SPACE = 0x100;

export class AvrSimulation {
  readonly cpu: CPU;
  readonly clock: AVRClock;
  readonly ports = new Map<PortLetter, AVRIOPort>();
  /** Timer n at index n. */
  readonly timers: AVRTimer[];
  /** USART n at index n; `usarts[0]` is the Arduino `Serial`. */
  readonly usarts: AVRUSART[];
  readonly adc: AVRADC;
  readonly spi: AVRSPI;
  readonly twi: AVRTWI;
  readonly eeprom: EEPROMMemoryBackend;
  readonly watchdog: AVRWatchdog;
  readonly program: IntelHexImage;

  private readonly pinListeners: PinChangeListener[] = [];

  constructor(
    readonly board: Board,
    hex: string,
  ) {
    const { mcu, frequencyHz } = board;
    const flash = new Uint8Array(mcu.flashBytes);
    this.program = loadIntelHex(hex, flash);
    this.cpu = new CPU(new Uint16Array(flash.buffer), mcu.ramEnd + 1 - REGISTER_SPACE);
    this.clock = new AVRClock(this.cpu, frequencyHz);
    for (const letter of Object.keys(mcu.ports) as PortLetter[]) {
      const port = new AVRIOPort(this.cpu, mcu.ports[letter]!);
      this.ports.set(letter, port);
      this.watchPort(letter, port);
    }
    this.timers = mcu.timers.map((config) => new AVRTimer(this.cpu, config));
    this.usarts = mcu.usarts.map((config) => new AVRUSART(this.cpu, config, frequencyHz));
    this.adc = new AVRADC(this.cpu, mcu.adc);
    this.spi = new AVRSPI(this.cpu, mcu.spi, frequencyHz);
    this.twi = new AVRTWI(this.cpu, mcu.twi, frequencyHz);
    this.eeprom = new EEPROMMemoryBackend(mcu.eepromBytes);
    new AVREEPROM(this.cpu, this.eeprom, mcu.eeprom); // hooks itself onto the CPU's EEPROM registers
    this.watchdog = new AVRWatchdog(this.cpu, mcu.watchdog, this.clock);
  }

  get cycles(): number {
    return this.cpu.cycles;
  }

  /** Microseconds of simulated time at a cycle count. */
  microsAt(cycle: number): number {
    return (cycle * 1e6) / this.board.frequencyHz;
  }

  /** Cycle count after `ms` milliseconds of simulated time. */
  cyclesIn(ms: number): number {
    return Math.round((ms * this.board.frequencyHz) / 1000);
  }

  /** Executes instructions until the cycle count reaches `cycle` (the last one may overshoot by a few). */
  runUntil(cycle: number): void {
    const { cpu } = this;
    while (cpu.cycles < cycle) {
      avrInstruction(cpu);
      cpu.tick();
    }
  }

  addPinListener(listener: PinChangeListener): void {
    this.pinListeners.push(listener);
  }

  /** Sets the voltage on an ADC channel (0..7 on the ATmega328P, 0..15 on the ATmega2560). */
  setAdcVoltage(channel: number, volts: number): void {
    this.adc.channelValues[channel] = volts;
  }

  /** Drives an input pin from outside (a button, another part); no effect on its reading while it is an output. */
  setInputLevel(pin: number, high: boolean): void {
    const portBit = this.board.digitalPins[pin];
    if (!portBit) throw new RangeError(`${this.board.name} has no digital pin ${pin}`);
    this.ports.get(portBit.port)!.setPin(portBit.bit, high);
  }

  /** Translates avr8js's per-port callbacks (new port value, all 8 bits) into per-pin events. */
  private watchPort(letter: PortLetter, port: AVRIOPort): void {
    const pins = Array.from({ length: 8 }, (_, bit) => arduinoPinAt(this.board, letter, bit));
    const ddrAddress = port.portConfig.DDR;
    port.addListener((value, oldValue) => {
      const changed = value ^ oldValue;
      if (!changed) return;
      const ddr = this.cpu.data[ddrAddress]!;
      for (let bit = 0; bit < 8; bit++) {
        const mask = 1 << bit;
        const pin = pins[bit]!;
        if (!(changed & mask) || pin < 0) continue;
        const level = value & mask ? 1 : 0;
        const mode: PinMode = ddr & mask ? "output" : level ? "input_pullup" : "input";
        for (const listener of this.pinListeners) listener(pin, level, mode, this.cpu.cycles);
      }
    });
  }
}

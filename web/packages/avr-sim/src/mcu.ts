/**
 * What the simulator needs to know about a chip: memory sizes and the register/interrupt
 * configuration of each peripheral, in avr8js's config types. The ATmega328P configs come from
 * avr8js itself (its defaults are that chip); the ATmega2560 ones are in `atmega2560.ts`.
 */
import {
  adcConfig,
  eepromConfig,
  portBConfig,
  portCConfig,
  portDConfig,
  spiConfig,
  timer0Config,
  timer1Config,
  timer2Config,
  twiConfig,
  usart0Config,
  watchdogConfig,
  type ADCConfig,
  type AVREEPROMConfig,
  type AVRPortConfig,
  type AVRTimerConfig,
  type SPIConfig,
  type TWIConfig,
  type WatchdogConfig,
} from "avr8js";

/** avr8js does not export its USART config type; this is its shape. */
export type USARTConfig = typeof usart0Config;

/** A port letter as in the datasheet: "B" for PORTB/DDRB/PINB. */
export type PortLetter = "A" | "B" | "C" | "D" | "E" | "F" | "G" | "H" | "J" | "K" | "L";

export interface McuConfig {
  readonly name: string;
  readonly flashBytes: number;
  /** Highest data-space address (avr-libc's RAMEND): the stack starts here. */
  readonly ramEnd: number;
  readonly eepromBytes: number;
  readonly ports: Readonly<Partial<Record<PortLetter, AVRPortConfig>>>;
  /** Timers in number order (timer0 first). */
  readonly timers: readonly AVRTimerConfig[];
  /** USARTs in number order; USART0 is the Arduino `Serial`. */
  readonly usarts: readonly USARTConfig[];
  readonly adc: ADCConfig;
  readonly spi: SPIConfig;
  readonly twi: TWIConfig;
  readonly eeprom: AVREEPROMConfig;
  readonly watchdog: WatchdogConfig;
}

export const ATMEGA328P: McuConfig = {
  name: "ATmega328P",
  flashBytes: 32 * 1024,
  ramEnd: 0x8ff,
  eepromBytes: 1024,
  ports: { B: portBConfig, C: portCConfig, D: portDConfig },
  timers: [timer0Config, timer1Config, timer2Config],
  usarts: [usart0Config],
  adc: adcConfig,
  spi: spiConfig,
  twi: twiConfig,
  eeprom: eepromConfig,
  watchdog: watchdogConfig,
};

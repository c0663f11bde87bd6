/**
 * Arduino boards: which chip, its clock, and how Arduino pin numbers map to port bits and ADC
 * channels — the tables of the core's `variants/<variant>/pins_arduino.h`.
 */
import { ATMEGA2560 } from "./atmega2560";
import { ATMEGA328P, type McuConfig, type PortLetter } from "./mcu";

export type BoardId = "uno" | "nano" | "mega2560";

/** A port bit, e.g. `{ port: "B", bit: 5 }` for PB5. */
export interface PortBit {
  readonly port: PortLetter;
  readonly bit: number;
}

export interface Board {
  readonly id: BoardId;
  readonly name: string;
  readonly mcu: McuConfig;
  readonly frequencyHz: number;
  /** Index = Arduino digital pin number (A0.. included, as on the boards: Uno A0 = 14, Mega A0 = 54). */
  readonly digitalPins: readonly PortBit[];
  /** Index = n of `An`: its ADC channel and, where it has one, its digital pin number. */
  readonly analogPins: readonly { readonly channel: number; readonly digitalPin: number | null }[];
}

/** "D0" → PD0; the compact form the variant files' comments use. */
function portBits(names: string): PortBit[] {
  return names.split(" ").map((name) => ({ port: name[1] as PortLetter, bit: Number(name[2]) }));
}

// variants/standard: D0..7 = PD0..7, D8..13 = PB0..5, A0..5 = PC0..5 (pins 14..19).
const STANDARD_DIGITAL = portBits(
  "PD0 PD1 PD2 PD3 PD4 PD5 PD6 PD7 PB0 PB1 PB2 PB3 PB4 PB5 PC0 PC1 PC2 PC3 PC4 PC5",
);
const analogRange = (count: number, firstDigital: number, digitalCount: number) =>
  Array.from({ length: count }, (_, n) => ({
    channel: n,
    digitalPin: n < digitalCount ? firstDigital + n : null,
  }));

// variants/mega, digital_pin_to_port_PGM / digital_pin_to_bit_mask_PGM for pins 0..69.
const MEGA_DIGITAL = portBits(
  [
    "PE0 PE1 PE4 PE5 PG5 PE3 PH3 PH4 PH5 PH6 PB4 PB5 PB6 PB7", // 0..13
    "PJ1 PJ0 PH1 PH0 PD3 PD2 PD1 PD0", // 14..21: Serial3, Serial2, Serial1, SDA, SCL
    "PA0 PA1 PA2 PA3 PA4 PA5 PA6 PA7", // 22..29
    "PC7 PC6 PC5 PC4 PC3 PC2 PC1 PC0", // 30..37
    "PD7 PG2 PG1 PG0", // 38..41
    "PL7 PL6 PL5 PL4 PL3 PL2 PL1 PL0", // 42..49
    "PB3 PB2 PB1 PB0", // 50..53: MISO, MOSI, SCK, SS
    "PF0 PF1 PF2 PF3 PF4 PF5 PF6 PF7", // 54..61: A0..A7
    "PK0 PK1 PK2 PK3 PK4 PK5 PK6 PK7", // 62..69: A8..A15
  ].join(" "),
);

export const BOARDS: Readonly<Record<BoardId, Board>> = {
  uno: {
    id: "uno",
    name: "Arduino Uno",
    mcu: ATMEGA328P,
    frequencyHz: 16_000_000,
    digitalPins: STANDARD_DIGITAL,
    analogPins: analogRange(6, 14, 6),
  },
  nano: {
    id: "nano",
    name: "Arduino Nano",
    mcu: ATMEGA328P,
    frequencyHz: 16_000_000,
    digitalPins: STANDARD_DIGITAL,
    // variants/eightanaloginputs: A6 and A7 are ADC-only inputs with no port bit.
    analogPins: analogRange(8, 14, 6),
  },
  mega2560: {
    id: "mega2560",
    name: "Arduino Mega 2560",
    mcu: ATMEGA2560,
    frequencyHz: 16_000_000,
    digitalPins: MEGA_DIGITAL,
    analogPins: analogRange(16, 54, 16),
  },
};

export function isBoardId(value: unknown): value is BoardId {
  return typeof value === "string" && Object.hasOwn(BOARDS, value);
}

/** The Arduino digital pin at a port bit, or -1 (e.g. the Uno's PB6/PB7 crystal pins). */
export function arduinoPinAt(board: Board, port: PortLetter, bit: number): number {
  return board.digitalPins.findIndex((p) => p.port === port && p.bit === bit);
}

/**
 * Resolves an analog pin name ("A0", "a3") or digital pin number of an analog pin ("14") to its
 * ADC channel; undefined if the board has no such analog input.
 */
export function adcChannelOf(board: Board, name: string): number | undefined {
  const match = /^[Aa](\d{1,2})$/.exec(name.trim());
  if (match) return board.analogPins[Number(match[1])]?.channel;
  if (/^\d{1,2}$/.test(name.trim())) {
    const pin = Number(name);
    return board.analogPins.find((a) => a.digitalPin === pin)?.channel;
  }
  return undefined;
}

/**
 * An Arduino board as a circuit component: its header pins by the names printed on the board
 * (`D0`…`D13`, `A0`…`A5` on the Uno; `D0`…`D53`, `A0`…`A15` on the Mega; `5V`, `3V3`, `GND`, `GND.2`…,
 * `VIN`, `IOREF`, `AREF`, `RESET`) and what each one does to its net: outputs are push-pull (strong
 * 5 V / 0 V), an input with its pull-up on is a weak 5 V through 35 kΩ (the datasheet's 20–50 kΩ),
 * `5V`/`IOREF`/`3V3`/`GND` are supplies (the board powered over USB). `VIN`, `AREF` and `RESET` are
 * not modelled as drivers.
 */
import type { Board, BoardId } from "../boards";
import type { CircuitElement } from "./elements";
import { pinRef } from "./elements";

export type McuPinDrive = "high" | "low" | "input" | "input_pullup";

export const MCU_VOLTS = 5;
export const PULL_UP_OHMS = 35_000;
/** Where `digitalRead` turns from LOW to HIGH (the datasheet leaves 0.3–0.6 Vcc undefined). */
export const INPUT_THRESHOLD_VOLTS = MCU_VOLTS / 2;

const GROUND_PINS: Readonly<Record<BoardId, number>> = { uno: 3, nano: 2, mega2560: 5 };

/** A header pin that the sketch controls: its Arduino pin number and/or ADC channel. */
export interface BoardIoPin {
  readonly name: string;
  /** Arduino digital pin number; null for the Nano's analog-only A6/A7. */
  readonly digital: number | null;
  readonly adcChannel: number | null;
}

export function boardIoPins(board: Board): BoardIoPin[] {
  const pins: BoardIoPin[] = board.digitalPins.map((_, n) => {
    const analog = board.analogPins.findIndex((a) => a.digitalPin === n);
    return analog < 0
      ? { name: `D${n}`, digital: n, adcChannel: null }
      : { name: `A${analog}`, digital: n, adcChannel: board.analogPins[analog]!.channel };
  });
  board.analogPins.forEach((analog, n) => {
    if (analog.digitalPin === null)
      pins.push({ name: `A${n}`, digital: null, adcChannel: analog.channel });
  });
  return pins;
}

export function groundPins(board: Board): string[] {
  return Array.from({ length: GROUND_PINS[board.id] }, (_, i) =>
    i === 0 ? "GND" : `GND.${i + 1}`,
  );
}

export function boardPinNames(board: Board): string[] {
  return [
    ...boardIoPins(board).map((p) => p.name),
    "5V",
    "3V3",
    "IOREF",
    "VIN",
    "AREF",
    "RESET",
    ...groundPins(board),
  ];
}

/** The board's elements, its I/O pins driven as `driveOf` says (by Arduino digital pin number). */
export function boardElements(
  id: string,
  board: Board,
  driveOf: (digitalPin: number) => McuPinDrive,
): CircuitElement[] {
  const elements: CircuitElement[] = [
    { type: "supply", pin: pinRef(id, "5V"), volts: MCU_VOLTS },
    { type: "supply", pin: pinRef(id, "IOREF"), volts: MCU_VOLTS },
    { type: "supply", pin: pinRef(id, "3V3"), volts: 3.3 },
  ];
  for (const ground of groundPins(board))
    elements.push({ type: "supply", pin: pinRef(id, ground), volts: 0 });
  for (const io of boardIoPins(board)) {
    const pin = pinRef(id, io.name);
    const drive: McuPinDrive = io.digital === null ? "input" : driveOf(io.digital);
    if (drive === "high" || drive === "low")
      elements.push({ type: "supply", pin, volts: drive === "high" ? MCU_VOLTS : 0 });
    else if (drive === "input_pullup")
      elements.push({ type: "pull", pin, volts: MCU_VOLTS, ohms: PULL_UP_OHMS });
    else elements.push({ type: "input", pin });
  }
  return elements;
}

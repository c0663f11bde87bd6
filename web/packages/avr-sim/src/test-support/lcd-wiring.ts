/**
 * LiquidCrystal's usual 4-bit wiring of an HD44780 LCD to an Uno — `LiquidCrystal lcd(12, 11, 5,
 * 4, 3, 2)`, R/W tied to ground — for specs and benchmarks. `powered: false` leaves VDD open.
 */
import type { PinRef } from "../circuit/elements";

export function lcd4BitWires(
  lcd = "lcd",
  board = "uno",
  { powered = true }: { powered?: boolean } = {},
): [PinRef, PinRef][] {
  const wires: [PinRef, PinRef][] = [
    [`${lcd}.VSS`, `${board}.GND`],
    [`${lcd}.RW`, `${board}.GND`],
    [`${lcd}.RS`, `${board}.D12`],
    [`${lcd}.E`, `${board}.D11`],
    [`${lcd}.D4`, `${board}.D5`],
    [`${lcd}.D5`, `${board}.D4`],
    [`${lcd}.D6`, `${board}.D3`],
    [`${lcd}.D7`, `${board}.D2`],
  ];
  if (powered) wires.push([`${lcd}.VDD`, `${board}.5V`]);
  return wires;
}

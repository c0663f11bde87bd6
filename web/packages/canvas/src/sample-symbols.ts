import type { SymbolLookup, SymbolPins } from "./schematic";

/** Hand-written library symbols for specs (the server's `sample_symbols.py` uses the same pins). */
export const SAMPLE_SYMBOLS: Readonly<Record<string, SymbolPins>> = {
  "Device:R": {
    is_power: false,
    body: { minX: -40, minY: -100, maxX: 40, maxY: 100 },
    pins: [
      { number: "1", name: "~", x: 0, y: 150, unit: 0, hidden: false, electrical_type: "passive" },
      { number: "2", name: "~", x: 0, y: -150, unit: 0, hidden: false, electrical_type: "passive" },
    ],
  },
  "Device:C": {
    is_power: false,
    pins: [
      { number: "1", name: "~", x: 0, y: 150, unit: 0, hidden: false, electrical_type: "passive" },
      { number: "2", name: "~", x: 0, y: -150, unit: 0, hidden: false, electrical_type: "passive" },
    ],
  },
  "Device:Q_NPN_BCE": {
    is_power: false,
    pins: [
      { number: "1", name: "B", x: -200, y: 0, unit: 0, hidden: false, electrical_type: "input" },
      {
        number: "2",
        name: "C",
        x: 100,
        y: 200,
        unit: 0,
        hidden: false,
        electrical_type: "passive",
      },
      {
        number: "3",
        name: "E",
        x: 100,
        y: -200,
        unit: 0,
        hidden: false,
        electrical_type: "passive",
      },
    ],
  },
  "Simulation_SPICE:VDC": {
    is_power: false,
    pins: [
      { number: "1", name: "+", x: 0, y: 200, unit: 0, hidden: false, electrical_type: "passive" },
      { number: "2", name: "-", x: 0, y: -200, unit: 0, hidden: false, electrical_type: "passive" },
    ],
  },
  "power:GND": {
    is_power: true,
    default_value: "GND",
    pins: [
      { number: "1", name: "GND", x: 0, y: 0, unit: 0, hidden: true, electrical_type: "power_in" },
    ],
  },
  "power:+5V": {
    is_power: true,
    default_value: "+5V",
    pins: [
      { number: "1", name: "+5V", x: 0, y: 0, unit: 0, hidden: true, electrical_type: "power_in" },
    ],
  },
  "power:PWR_FLAG": {
    is_power: true,
    default_value: "PWR_FLAG",
    pins: [
      {
        number: "1",
        name: "pwr",
        x: 0,
        y: 0,
        unit: 0,
        hidden: false,
        electrical_type: "power_out",
      },
    ],
  },
};

export const sampleSymbols: SymbolLookup = (symbol) => SAMPLE_SYMBOLS[symbol];

/** Ids `prefix-1`, `prefix-2` ... */
export function idMaker(prefix = "new"): () => string {
  let count = 0;
  return () => `${prefix}-${++count}`;
}

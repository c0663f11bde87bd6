/**
 * The CLI's JSON request: validated into typed options with defaults and limits, so the runner
 * never sees a malformed value. The format is documented in README.md; the circuit fields are
 * parsed by `circuit-request.ts`.
 */
import { adcChannelOf, BOARDS, isBoardId, type Board } from "./boards";
import type { PinRef } from "./circuit/elements";
import {
  CIRCUIT_LIMITS,
  parseCircuitFields,
  parseNetPin,
  type CircuitRequest,
} from "./circuit-request";
import { isObject, number, SimRequestError } from "./request-fields";

export { SimRequestError } from "./request-fields";

export interface LcdRequest {
  readonly rs: number;
  readonly e: number;
  readonly rw?: number;
  readonly d: readonly number[];
  readonly cols: number;
  readonly rows: number;
}

export interface SimRequest {
  readonly hex: string;
  readonly board: Board;
  readonly ms: number;
  readonly serialInput: string;
  /** The terminal's baud rate; a mismatch with the program's gives a warning. */
  readonly serialBaud: number | null;
  /** Whether to return every serial byte with its time. */
  readonly serialBytes: boolean;
  /** ADC channel → volts. */
  readonly adc: ReadonlyMap<number, number>;
  /** Arduino pin → level driven from outside. */
  readonly digitalInputs: ReadonlyMap<number, boolean>;
  readonly lcd: LcdRequest | null;
  /** Only these pins' changes are recorded; null records all. */
  readonly pins: ReadonlySet<number> | null;
  /** The board in a circuit, with timed part inputs; null runs the bare board. */
  readonly circuit: CircuitRequest | null;
  /** Pins of the circuit (`"led1.A"`) whose net levels are recorded. */
  readonly netPins: readonly PinRef[];
  readonly maxPinChanges: number;
  readonly maxSerialBytes: number;
  /** Stop early (and say so) after this much wall time; null runs to `ms`. */
  readonly maxWallMs: number | null;
}

export const LIMITS = {
  /** Text of a full 256 KB Mega image is about 720 KB. */
  hexChars: 2_000_000,
  ms: 600_000,
  serialInputChars: 65_536,
  maxPinChanges: 1_000_000,
  maxSerialBytes: 1_000_000,
} as const;

export const DEFAULTS = {
  board: "uno",
  ms: 1000,
  maxPinChanges: 100_000,
  maxSerialBytes: 100_000,
  lcdCols: 16,
  lcdRows: 2,
} as const;

const KNOWN_KEYS = new Set([
  "hex",
  "board",
  "ms",
  "serialInput",
  "serialBaud",
  "serialBytes",
  "adc",
  "digitalInputs",
  "lcd",
  "pins",
  "maxPinChanges",
  "maxSerialBytes",
  "maxWallMs",
  "circuit",
  "mcu",
  "partInputs",
]);

/** Validates a parsed JSON request; throws SimRequestError naming the offending field. */
export function parseSimRequest(input: unknown): SimRequest {
  if (!isObject(input)) throw new SimRequestError("the request must be a JSON object");
  const unknown = Object.keys(input).filter((key) => !KNOWN_KEYS.has(key));
  if (unknown.length > 0) throw new SimRequestError(`unknown field(s): ${unknown.join(", ")}`);

  const hex = input.hex;
  if (typeof hex !== "string" || hex.trim() === "")
    throw new SimRequestError("hex: Intel HEX text is required");
  if (hex.length > LIMITS.hexChars)
    throw new SimRequestError(`hex: longer than ${LIMITS.hexChars} characters`);

  const boardId = input.board ?? DEFAULTS.board;
  if (!isBoardId(boardId)) {
    throw new SimRequestError(`board: must be one of ${Object.keys(BOARDS).join(", ")}`);
  }
  const board = BOARDS[boardId];

  const serialInput = input.serialInput ?? "";
  if (typeof serialInput !== "string") throw new SimRequestError("serialInput: must be a string");
  if (serialInput.length > LIMITS.serialInputChars) {
    throw new SimRequestError(`serialInput: longer than ${LIMITS.serialInputChars} characters`);
  }

  const serialBytes = input.serialBytes ?? false;
  if (typeof serialBytes !== "boolean")
    throw new SimRequestError("serialBytes: must be true or false");

  const ms = number(input.ms, "ms", {
    min: 0,
    max: LIMITS.ms,
    fallback: DEFAULTS.ms,
    positive: true,
  });
  const circuit = parseCircuitFields(input, board, ms);
  if (circuit) {
    for (const field of ["adc", "digitalInputs"])
      if (input[field] !== undefined) {
        throw new SimRequestError(
          `${field}: not with a circuit (its parts drive the pins: set them with partInputs)`,
        );
      }
  }
  const pins = input.pins === undefined ? null : parsePins(input.pins, board, circuit);

  return {
    hex,
    board,
    ms,
    serialInput,
    serialBaud:
      input.serialBaud === undefined
        ? null
        : number(input.serialBaud, "serialBaud", { min: 1, max: 10_000_000 }),
    serialBytes,
    adc: parseAdc(input.adc, board),
    digitalInputs: parseDigitalInputs(input.digitalInputs, board),
    lcd: input.lcd === undefined ? null : parseLcd(input.lcd, board),
    pins: pins && new Set(pins.digital),
    circuit,
    netPins: pins?.nets ?? [],
    maxPinChanges: number(input.maxPinChanges, "maxPinChanges", {
      min: 0,
      max: LIMITS.maxPinChanges,
      fallback: DEFAULTS.maxPinChanges,
      integer: true,
    }),
    maxSerialBytes: number(input.maxSerialBytes, "maxSerialBytes", {
      min: 0,
      max: LIMITS.maxSerialBytes,
      fallback: DEFAULTS.maxSerialBytes,
      integer: true,
    }),
    maxWallMs:
      input.maxWallMs === undefined
        ? null
        : number(input.maxWallMs, "maxWallMs", { min: 1, max: 3_600_000 }),
  };
}

function parseAdc(value: unknown, board: Board): Map<number, number> {
  const channels = new Map<number, number>();
  if (value === undefined) return channels;
  if (!isObject(value)) throw new SimRequestError('adc: must be an object like {"A0": 2.5}');
  for (const [name, volts] of Object.entries(value)) {
    const channel = adcChannelOf(board, name);
    if (channel === undefined)
      throw new SimRequestError(`adc.${name}: ${board.name} has no such analog input`);
    channels.set(channel, number(volts, `adc.${name}`, { min: 0, max: 5 }));
  }
  return channels;
}

function parseDigitalInputs(value: unknown, board: Board): Map<number, boolean> {
  const levels = new Map<number, boolean>();
  if (value === undefined) return levels;
  if (!isObject(value)) throw new SimRequestError('digitalInputs: must be an object like {"2": 1}');
  for (const [name, level] of Object.entries(value)) {
    const pin = pinNumber(name, `digitalInputs.${name}`, board);
    if (level !== 0 && level !== 1 && typeof level !== "boolean") {
      throw new SimRequestError(`digitalInputs.${name}: must be 0 or 1`);
    }
    levels.set(pin, Boolean(level));
  }
  return levels;
}

function parseLcd(value: unknown, board: Board): LcdRequest {
  if (!isObject(value))
    throw new SimRequestError('lcd: must be an object like {"rs": 12, "e": 11, "d": [5, 4, 3, 2]}');
  const d = pinList(value.d, "lcd.d", board);
  if (d.length !== 4 && d.length !== 8)
    throw new SimRequestError("lcd.d: 4 pins (D4..D7) or 8 pins (D0..D7)");
  const cols = number(value.cols, "lcd.cols", {
    min: 8,
    max: 40,
    fallback: DEFAULTS.lcdCols,
    integer: true,
  });
  const rows = number(value.rows, "lcd.rows", {
    min: 1,
    max: 4,
    fallback: DEFAULTS.lcdRows,
    integer: true,
  });
  return {
    rs: pinNumber(value.rs, "lcd.rs", board),
    e: pinNumber(value.e, "lcd.e", board),
    ...(value.rw === undefined ? {} : { rw: pinNumber(value.rw, "lcd.rw", board) }),
    d,
    cols,
    rows,
  };
}

/** `pins`: Arduino pin numbers (the board's own levels) and, with a circuit, pin refs (net levels). */
function parsePins(
  value: unknown,
  board: Board,
  circuit: CircuitRequest | null,
): { digital: number[]; nets: PinRef[] } {
  if (!Array.isArray(value))
    throw new SimRequestError('pins: must be a list of pin numbers (or, with a circuit, "led1.A")');
  const digital: number[] = [];
  const nets: PinRef[] = [];
  value.forEach((pin, i) => {
    const field = `pins[${i}]`;
    if (typeof pin !== "string" || !pin.includes(".")) digital.push(pinNumber(pin, field, board));
    else if (!circuit) throw new SimRequestError(`${field}: a part's pin (${pin}) needs a circuit`);
    else if (!nets.includes(pin)) nets.push(parseNetPin(pin, field, circuit.circuit));
  });
  if (nets.length > CIRCUIT_LIMITS.netPins)
    throw new SimRequestError(`pins: more than ${CIRCUIT_LIMITS.netPins} pins of parts`);
  return { digital, nets };
}

function pinList(value: unknown, field: string, board: Board): number[] {
  if (!Array.isArray(value)) throw new SimRequestError(`${field}: must be a list of pin numbers`);
  return value.map((pin, i) => pinNumber(pin, `${field}[${i}]`, board));
}

/** A digital pin given as a number or a numeric string (JSON object keys are strings). */
function pinNumber(value: unknown, field: string, board: Board): number {
  const pin = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  if (
    typeof pin !== "number" ||
    !Number.isInteger(pin) ||
    pin < 0 ||
    pin >= board.digitalPins.length
  ) {
    throw new SimRequestError(
      `${field}: ${board.name} has digital pins 0..${board.digitalPins.length - 1}`,
    );
  }
  return pin;
}

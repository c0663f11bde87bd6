/**
 * Component values as people type them, checked and turned into canonical SPICE numbers.
 *
 * Accepted: a decimal number with an optional exponent (`2.5e-3`), then an optional SPICE scale
 * suffix (case-insensitive: f p n u m k meg g t, and `mil` = 25.4e-6 as ngspice reads it), then an
 * optional unit (F, H, V, A, Ω/ohm/R, s, Hz, W). `µ`/`μ` count as `u`. The European infix form
 * puts the suffix in place of the decimal point: `4k7` = 4.7k, `2R2` = 2.2, `1u5` = 1.5u,
 * `R47` = 0.47. As in every SPICE, `M` is milli (write `meg` for mega) and a bare `F` is femto;
 * the result carries a warning in those cases. See server/spice/spice_numbers.py.
 */

export type SiParse =
  { ok: true; value: number; spice: string; warning?: string } | { ok: false; message: string };

export interface SiOptions {
  /** The unit the field expects (such as "F" or "Ω"); another typed unit is an error. */
  unit?: string;
  /** The value must be more than 0. */
  positive?: boolean;
  /** The value must be 0 or more. */
  nonNegative?: boolean;
}

const POWERS: Record<string, number> = { t: 12, g: 9, k: 3, m: -3, u: -6, n: -9, p: -12, f: -15 };

/** Known units, lower case → canonical spelling. */
const UNITS: Record<string, string> = {
  f: "F",
  h: "H",
  v: "V",
  a: "A",
  ω: "Ω",
  ohm: "Ω",
  ohms: "Ω",
  r: "Ω",
  s: "s",
  hz: "Hz",
  w: "W",
};

const NUMBER = /^([+-]?)(\d+\.?\d*|\.\d+)(?:[eE]([+-]?\d+))?/;
const INFIX = /^([+-]?)(\d*)(meg|[tgkmunpfr])(\d+)/i;

function normalise(text: string): string {
  return text
    .trim()
    .replace(/[\u00b5\u03bc]/g, "u")
    .replace(/[\u2126\u03a9]/g, "Ω");
}

function canonicalUnit(unit: string): string {
  return UNITS[unit.toLowerCase()] ?? unit;
}

/** Parses a value such as `4k7`, `10uF`, `1meg` or `2.5e-3`. */
export function parseSi(input: string, options: SiOptions = {}): SiParse {
  const text = normalise(input);
  const shown = input.trim();
  if (text === "") return { ok: false, message: "enter a value, such as 4.7k or 10u" };

  let sign: string;
  let coefficient: string; // decimal digits with an optional point
  let exponent: number; // power of ten to apply to the coefficient
  let rest: string;
  let suffix = ""; // the scale suffix as typed
  let warning: string | undefined;
  let mil = false;

  const infix = INFIX.exec(text);
  if (infix && (infix[2] !== "" || infix[3]!.toLowerCase() === "r")) {
    // 4k7, 2R2, 1meg5, R47
    sign = infix[1]!;
    const letters = infix[3]!;
    coefficient = `${infix[2] || "0"}.${infix[4]}`;
    suffix = letters;
    const lower = letters.toLowerCase();
    exponent = lower === "r" ? 0 : lower === "meg" ? 6 : POWERS[lower]!;
    rest = text.slice(infix[0].length);
  } else {
    const number = NUMBER.exec(text);
    if (!number) {
      return {
        ok: false,
        message: `${shown}: not a number (write values such as 4.7k, 10u or 1meg)`,
      };
    }
    sign = number[1]!;
    coefficient = number[2]!;
    exponent = number[3] === undefined ? 0 : Number(number[3]);
    rest = text.slice(number[0].length).replace(/^\s/, "");
    const lower = rest.toLowerCase();
    if (lower.startsWith("meg")) {
      suffix = rest.slice(0, 3);
      exponent += 6;
    } else if (lower.startsWith("mil")) {
      suffix = rest.slice(0, 3);
      mil = true;
    } else if (lower[0] !== undefined && lower[0] in POWERS) {
      suffix = rest.slice(0, 1);
      exponent += POWERS[lower[0]]!;
    }
    rest = rest.slice(suffix.length);
  }

  // What follows must be a unit, or nothing.
  const trimmedRest = rest.replace(/^\s/, "");
  if (trimmedRest !== "") {
    const unit = UNITS[trimmedRest.toLowerCase()];
    if (unit === undefined) {
      const where = suffix !== "" ? "the suffix" : "the number";
      return { ok: false, message: `${shown}: unexpected '${trimmedRest[0]}' after ${where}` };
    }
    if (options.unit !== undefined && unit !== canonicalUnit(options.unit)) {
      return {
        ok: false,
        message: `${shown}: the unit ${unit} does not fit here (expected ${canonicalUnit(options.unit)})`,
      };
    }
  }

  if (suffix === "M") {
    warning = `${shown}: M means milli (1e-3) in SPICE; write meg for mega`;
  } else if (suffix === "F" && trimmedRest === "") {
    warning = `${shown}: F on its own means femto (1e-15) in SPICE; write 1 for one farad`;
  }

  let value = Number(`${sign}${coefficient}e${exponent}`);
  if (mil) value *= 25.4e-6;
  if (!Number.isFinite(value)) return { ok: false, message: `${shown}: out of range` };
  if (Object.is(value, -0)) value = 0;
  if (options.positive && !(value > 0)) {
    return { ok: false, message: `${shown}: must be more than 0` };
  }
  if (options.nonNegative && !(value >= 0)) {
    return { ok: false, message: `${shown}: must not be negative` };
  }
  const result: SiParse = { ok: true, value, spice: toSpiceNumber(value) };
  if (warning !== undefined) result.warning = warning;
  return result;
}

/** Mantissa digits and power of ten of `value` rounded to `digits` significant digits. */
function engineering(value: number, digits: number): { mantissa: string; power: number } {
  const [coefficient, exp] = Math.abs(value)
    .toExponential(digits - 1)
    .split("e") as [string, string];
  const exponent = Number(exp);
  const power = Math.floor(exponent / 3) * 3;
  const shift = exponent - power; // 0, 1 or 2 places to move the point right
  const all = coefficient.replace(".", "");
  const whole = all.slice(0, shift + 1).padEnd(shift + 1, "0");
  const fraction = all.slice(shift + 1).replace(/0+$/, "");
  const mantissa = (value < 0 ? "-" : "") + whole + (fraction ? `.${fraction}` : "");
  return { mantissa, power };
}

const SPICE_SUFFIXES: Record<number, string> = {
  [-15]: "f",
  [-12]: "p",
  [-9]: "n",
  [-6]: "u",
  [-3]: "m",
  0: "",
  3: "k",
  6: "meg",
  9: "g",
  12: "t",
};

/** `value` as a canonical SPICE number: `4.7k`, `10u`, `1meg`, `0`, `1e-18` (12 significant digits). */
export function toSpiceNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  if (value === 0) return "0";
  const { mantissa, power } = engineering(value, 12);
  const suffix = SPICE_SUFFIXES[power];
  return suffix === undefined ? `${mantissa}e${power}` : `${mantissa}${suffix}`;
}

const DISPLAY_PREFIXES: Record<number, string> = {
  [-15]: "f",
  [-12]: "p",
  [-9]: "n",
  [-6]: "µ",
  [-3]: "m",
  0: "",
  3: "k",
  6: "M",
  9: "G",
  12: "T",
};

/**
 * `value` for display with an SI prefix: `formatSi(4700)` is `4.7k`, `formatSi(1e-5, "F")` is
 * `10 µF`. `digits` significant digits (default 4), trailing zeros dropped.
 */
export function formatSi(value: number, unit = "", digits = 4): string {
  const space = unit === "" ? "" : " ";
  if (!Number.isFinite(value)) return `${value}${space}${unit}`;
  if (value === 0) return `0${space}${unit}`;
  const { mantissa, power } = engineering(value, digits);
  const prefix = DISPLAY_PREFIXES[power];
  if (prefix === undefined) return `${mantissa}e${power}${space}${unit}`;
  return `${mantissa}${space}${prefix}${unit}`;
}

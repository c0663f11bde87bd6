/**
 * Independent source values (the text after the nodes of a V or I element) as form models, and back.
 *
 * A source has an optional DC value, an optional AC small-signal part (magnitude and phase in
 * degrees) and an optional transient waveform (sin, pulse, pwl or exp); `toSourceSpec` writes
 * `dc 0 ac 1 0 sin(0 1 1k 0 0 0)` with every waveform argument spelled out, `parseSourceSpec`
 * reads such text back for editing. Field values are text as typed (or numbers); each is checked
 * with `parseSi` and written as a canonical SPICE number.
 */
import { parseSi, toSpiceNumber } from "./si-value";

export type FieldValue = string | number;

export interface SinWave {
  kind: "sin";
  offset: FieldValue;
  amplitude: FieldValue;
  frequency: FieldValue;
  /** Default 0. */
  delay?: FieldValue;
  /** Damping factor θ in 1/s; default 0. */
  damping?: FieldValue;
  /** Phase in degrees; default 0. */
  phase?: FieldValue;
}

export interface PulseWave {
  kind: "pulse";
  v1: FieldValue;
  v2: FieldValue;
  period: FieldValue;
  /** Default 0. */
  delay?: FieldValue;
  /** Default the smaller of 1 ns and period / 100. */
  rise?: FieldValue;
  /** Default the rise time. */
  fall?: FieldValue;
  /** Default period / 2: a square wave. */
  width?: FieldValue;
}

export interface PwlWave {
  kind: "pwl";
  points: Array<{ time: FieldValue; value: FieldValue }>;
}

export interface ExpWave {
  kind: "exp";
  v1: FieldValue;
  v2: FieldValue;
  /** Rise delay; default 0. */
  td1?: FieldValue;
  /** Rise time constant (required). */
  tau1: FieldValue;
  /** Fall delay; default td1 + 5 × tau1 (the rise has settled). */
  td2?: FieldValue;
  /** Fall time constant; default tau1. */
  tau2?: FieldValue;
}

export type TransientWave = SinWave | PulseWave | PwlWave | ExpWave;

export interface SourceForm {
  dc?: FieldValue;
  ac?: { magnitude: FieldValue; phase?: FieldValue };
  transient?: TransientWave;
}

/** Field path (`dc`, `ac.magnitude`, `transient.period`, `transient.points[2].time`) → message. */
export type FieldErrors = Record<string, string>;

export type SpecResult = { ok: true; spec: string } | { ok: false; errors: FieldErrors };

const DEFAULT_EDGE = 1e-9;

function isBlank(value: FieldValue | undefined): value is undefined {
  return value === undefined || (typeof value === "string" && value.trim() === "");
}

/** Reads fields one by one, collecting errors. */
class Fields {
  readonly errors: FieldErrors = {};

  /** The number in `value`, or NaN after recording an error. `fallback` when blank, if given. */
  number(
    path: string,
    value: FieldValue | undefined,
    check: { positive?: boolean; nonNegative?: boolean } = {},
    fallback?: number,
  ): number {
    if (isBlank(value)) {
      if (fallback !== undefined) return fallback;
      this.errors[path] = "required";
      return NaN;
    }
    let number: number;
    if (typeof value === "number") {
      if (!Number.isFinite(value)) {
        this.errors[path] = "must be a finite number";
        return NaN;
      }
      number = value;
    } else {
      const parsed = parseSi(value);
      if (!parsed.ok) {
        this.errors[path] = parsed.message;
        return NaN;
      }
      number = parsed.value;
    }
    if (check.positive && !(number > 0)) {
      this.errors[path] = "must be more than 0";
    } else if (check.nonNegative && !(number >= 0)) {
      this.errors[path] = "must not be negative";
    }
    return number;
  }

  fail(path: string, message: string): void {
    this.errors[path] ??= message;
  }

  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }
}

function spiceList(name: string, values: number[]): string {
  return `${name}(${values.map(toSpiceNumber).join(" ")})`;
}

function transientSpec(wave: TransientWave, fields: Fields): string {
  const at = (name: string) => `transient.${name}`;
  switch (wave.kind) {
    case "sin": {
      const values = [
        fields.number(at("offset"), wave.offset),
        fields.number(at("amplitude"), wave.amplitude),
        fields.number(at("frequency"), wave.frequency, { positive: true }),
        fields.number(at("delay"), wave.delay, { nonNegative: true }, 0),
        fields.number(at("damping"), wave.damping, {}, 0),
        fields.number(at("phase"), wave.phase, {}, 0),
      ];
      return fields.ok ? spiceList("sin", values) : "";
    }
    case "pulse": {
      const v1 = fields.number(at("v1"), wave.v1);
      const v2 = fields.number(at("v2"), wave.v2);
      const period = fields.number(at("period"), wave.period, { positive: true });
      const delay = fields.number(at("delay"), wave.delay, { nonNegative: true }, 0);
      const rise = fields.number(
        at("rise"),
        wave.rise,
        { nonNegative: true },
        Math.min(DEFAULT_EDGE, period / 100),
      );
      const fall = fields.number(at("fall"), wave.fall, { nonNegative: true }, rise);
      const width = fields.number(at("width"), wave.width, { nonNegative: true }, period / 2);
      if (!fields.ok) return "";
      if (rise + width + fall > period * (1 + 1e-12)) {
        fields.fail(at("width"), "rise + width + fall is longer than the period");
        return "";
      }
      return spiceList("pulse", [v1, v2, delay, rise, fall, width, period]);
    }
    case "pwl": {
      if (wave.points.length === 0) {
        fields.fail(at("points"), "needs at least one time/value pair");
        return "";
      }
      const values: number[] = [];
      let previous = -Infinity;
      wave.points.forEach((point, index) => {
        const path = at(`points[${index}]`);
        const time = fields.number(`${path}.time`, point.time, { nonNegative: true });
        const value = fields.number(`${path}.value`, point.value);
        if (!Number.isNaN(time) && !(time > previous)) {
          fields.fail(`${path}.time`, "times must increase from one point to the next");
        }
        if (!Number.isNaN(time)) previous = time;
        values.push(time, value);
      });
      return fields.ok ? spiceList("pwl", values) : "";
    }
    case "exp": {
      const v1 = fields.number(at("v1"), wave.v1);
      const v2 = fields.number(at("v2"), wave.v2);
      const td1 = fields.number(at("td1"), wave.td1, { nonNegative: true }, 0);
      const tau1 = fields.number(at("tau1"), wave.tau1, { positive: true });
      const td2 = fields.number(at("td2"), wave.td2, { nonNegative: true }, td1 + 5 * tau1);
      const tau2 = fields.number(at("tau2"), wave.tau2, { positive: true }, tau1);
      if (!fields.ok) return "";
      if (!(td2 > td1)) {
        fields.fail(at("td2"), "the fall delay must come after the rise delay");
        return "";
      }
      return spiceList("exp", [v1, v2, td1, tau1, td2, tau2]);
    }
  }
}

/** The SPICE source specification for `form`, or the errors of its fields. */
export function toSourceSpec(form: SourceForm): SpecResult {
  const fields = new Fields();
  const words: string[] = [];
  if (!isBlank(form.dc)) {
    const dc = fields.number("dc", form.dc);
    if (fields.ok) words.push(`dc ${toSpiceNumber(dc)}`);
  }
  if (form.ac !== undefined) {
    const magnitude = fields.number("ac.magnitude", form.ac.magnitude);
    const phase = fields.number("ac.phase", form.ac.phase, {}, 0);
    if (fields.ok) words.push(`ac ${toSpiceNumber(magnitude)} ${toSpiceNumber(phase)}`);
  }
  if (form.transient !== undefined) {
    const spec = transientSpec(form.transient, fields);
    if (fields.ok) words.push(spec);
  }
  if (fields.ok && words.length === 0)
    fields.fail("dc", "give a DC value, an AC part or a waveform");
  return fields.ok ? { ok: true, spec: words.join(" ") } : { ok: false, errors: fields.errors };
}

export type ParsedSource = { ok: true; form: SourceForm } | { ok: false; message: string };

const WAVE_ARGUMENTS: Record<TransientWave["kind"], string[]> = {
  sin: ["offset", "amplitude", "frequency", "delay", "damping", "phase"],
  pulse: ["v1", "v2", "delay", "rise", "fall", "width", "period"],
  pwl: [],
  exp: ["v1", "v2", "td1", "tau1", "td2", "tau2"],
};

const UNSUPPORTED = new Set(["sffm", "am", "trrandom", "trnoise", "distof1", "distof2", "pat"]);

/**
 * Reads a source specification such as `dc 0 ac 1 0 sin(0 1 1k)` back into a form. Numbers become
 * canonical SPICE text; arguments left out stay unset (the form's defaults apply).
 */
export function parseSourceSpec(spec: string): ParsedSource {
  const tokens = spec.toLowerCase().match(/[()]|[^\s(),]+/g) ?? [];
  const form: SourceForm = {};
  let index = 0;
  const fail = (message: string): ParsedSource => ({
    ok: false,
    message: `${spec.trim()}: ${message}`,
  });
  const isNumber = (token: string | undefined) => token !== undefined && parseSi(token).ok;
  const number = (token: string): string => {
    const parsed = parseSi(token);
    return parsed.ok ? parsed.spice : token;
  };

  while (index < tokens.length) {
    const token = tokens[index]!;
    if (token === "dc" || isNumber(token)) {
      if (form.dc !== undefined) return fail("the DC value is given twice");
      if (token === "dc") index += 1;
      const value = tokens[index];
      if (!isNumber(value)) return fail(`expected a DC value after 'dc'`);
      form.dc = number(value!);
      index += 1;
    } else if (token === "ac") {
      if (form.ac !== undefined) return fail("the AC part is given twice");
      index += 1;
      const magnitude = tokens[index];
      if (!isNumber(magnitude)) return fail("expected a magnitude after 'ac'");
      form.ac = { magnitude: number(magnitude!) };
      index += 1;
      if (isNumber(tokens[index])) {
        form.ac.phase = number(tokens[index]!);
        index += 1;
      }
    } else if (token in WAVE_ARGUMENTS) {
      if (form.transient !== undefined) return fail("only one waveform can be given");
      const kind = token as TransientWave["kind"];
      index += 1;
      const bracketed = tokens[index] === "(";
      if (bracketed) index += 1;
      const values: string[] = [];
      while (index < tokens.length && tokens[index] !== ")") {
        const argument = tokens[index]!;
        if (!bracketed && !isNumber(argument)) break;
        if (!isNumber(argument)) return fail(`'${argument}' in ${kind}(...) is not a number`);
        values.push(number(argument));
        index += 1;
      }
      if (bracketed) {
        if (tokens[index] !== ")") return fail(`${kind}( is not closed`);
        index += 1;
      }
      const wave = waveFromArguments(kind, values);
      if (typeof wave === "string") return fail(wave);
      form.transient = wave;
    } else if (UNSUPPORTED.has(token)) {
      return fail(`${token} sources are not supported by the form; edit the value as text`);
    } else {
      return fail(`unexpected '${token}'`);
    }
  }
  if (tokens.length === 0) return fail("empty");
  return { ok: true, form };
}

function waveFromArguments(kind: TransientWave["kind"], values: string[]): TransientWave | string {
  if (kind === "pwl") {
    if (values.length === 0 || values.length % 2 !== 0) {
      return "pwl(...) needs time/value pairs";
    }
    const points = [];
    for (let i = 0; i < values.length; i += 2) {
      points.push({ time: values[i]!, value: values[i + 1]! });
    }
    return { kind, points };
  }
  const names = WAVE_ARGUMENTS[kind];
  if (values.length > names.length) {
    return `${kind}(...) takes at most ${names.length} arguments, not ${values.length}`;
  }
  const wave: Record<string, string> = {};
  names.forEach((name, i) => {
    wave[name] = values[i] ?? "";
  });
  const required = { sin: 3, pulse: 2, exp: 2 }[kind];
  if (values.length < required) {
    return `${kind}(...) needs at least ${names.slice(0, required).join(", ")}`;
  }
  for (const name of names) if (wave[name] === "") delete wave[name];
  return { kind, ...wave } as unknown as TransientWave;
}

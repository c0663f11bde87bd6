/**
 * Analysis forms → the analyses JSON that `POST /api/netlist` and `POST /api/simulations` take
 * (docs/formats/schematic.md, "Analyses"; server/schematic/analyses.py), with field-level errors,
 * and working defaults for a circuit.
 *
 * Form fields are text as typed (or numbers); a blank optional field is left out. Numbers are
 * sent as canonical SPICE text (`"10u"`), sweep point counts as JSON integers.
 */
import { parseSi, toSpiceNumber } from "./si-value";
import type { FieldValue } from "./waveforms";

export type Sweep = "dec" | "oct" | "lin";

export interface OpForm {
  type: "op";
}
export interface DcForm {
  type: "dc";
  source: string;
  start: FieldValue;
  stop: FieldValue;
  step: FieldValue;
  /** A second, outer sweep: all four or none. */
  source2?: string;
  start2?: FieldValue;
  stop2?: FieldValue;
  step2?: FieldValue;
}
export interface TranForm {
  type: "tran";
  step: FieldValue;
  stop: FieldValue;
  start?: FieldValue;
  maxStep?: FieldValue;
  uic?: boolean;
}
export interface AcForm {
  type: "ac";
  sweep: Sweep;
  points: FieldValue;
  fstart: FieldValue;
  fstop: FieldValue;
}
export interface TfForm {
  type: "tf";
  /** `v(out)`, `v(out,ref)`, `i(V1)`, or a bare net name (taken as `v(name)`). */
  output: string;
  source: string;
}
export interface NoiseForm {
  type: "noise";
  /** `v(out)`, `v(out,ref)` or a bare net name. */
  output: string;
  reference?: string;
  source: string;
  sweep: Sweep;
  points: FieldValue;
  fstart: FieldValue;
  fstop: FieldValue;
}
export interface PzForm {
  type: "pz";
  inputNodes: [string, string];
  outputNodes: [string, string];
  kind?: "vol" | "cur";
  find?: "poles" | "zeros" | "both";
}
export type AnalysisForm = OpForm | DcForm | TranForm | AcForm | TfForm | NoiseForm | PzForm;

export type AnalysisJson =
  | { type: "op" }
  | {
      type: "dc";
      source: string;
      start: string;
      stop: string;
      step: string;
      source2?: string;
      start2?: string;
      stop2?: string;
      step2?: string;
    }
  | { type: "tran"; step: string; stop: string; start?: string; max_step?: string; uic?: true }
  | { type: "ac"; sweep: Sweep; points: number; fstart: string; fstop: string }
  | { type: "tf"; output: string; source: string }
  | {
      type: "noise";
      output: string;
      reference?: string;
      source: string;
      sweep: Sweep;
      points: number;
      fstart: string;
      fstop: string;
    }
  | {
      type: "pz";
      input_nodes: [string, string];
      output_nodes: [string, string];
      kind: "vol" | "cur";
      find: "poles" | "zeros" | "both";
    };

/** Form field name (`stop`, `inputNodes[1]`) → message. */
export type AnalysisErrors = Record<string, string>;

export type AnalysisResult =
  { ok: true; analysis: AnalysisJson } | { ok: false; errors: AnalysisErrors };

export const MAX_ANALYSES = 16;
export const MAX_POINTS = 1_000_000;

const SWEEPS: readonly Sweep[] = ["dec", "oct", "lin"];
const OUTPUT = /^\s*([vViI])\s*\((.*)\)\s*$/s;
const NAME = /^[^\s(),]+$/;

function isBlank(value: FieldValue | undefined): boolean {
  return value === undefined || (typeof value === "string" && value.trim() === "");
}

class Reader {
  readonly errors: AnalysisErrors = {};

  fail(field: string, message: string): void {
    this.errors[field] ??= message;
  }

  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }

  /** [SPICE text, value]; NaN after an error. */
  number(
    field: string,
    value: FieldValue | undefined,
    check: { above?: number; atLeast?: number } = {},
  ): [string, number] {
    if (isBlank(value)) {
      this.fail(field, "required");
      return ["", NaN];
    }
    let number: number;
    if (typeof value === "number") {
      if (!Number.isFinite(value)) {
        this.fail(field, "must be a finite number");
        return ["", NaN];
      }
      number = value;
    } else {
      const parsed = parseSi(value as string);
      if (!parsed.ok) {
        this.fail(field, parsed.message);
        return ["", NaN];
      }
      number = parsed.value;
    }
    if (check.above !== undefined && !(number > check.above)) {
      this.fail(field, `must be more than ${check.above}`);
    } else if (check.atLeast !== undefined && !(number >= check.atLeast)) {
      this.fail(field, `must be at least ${toSpiceNumber(check.atLeast)}`);
    }
    return [toSpiceNumber(number), number];
  }

  count(field: string, value: FieldValue): number {
    const number = typeof value === "number" ? value : Number(String(value).trim());
    if (isBlank(value) || !Number.isInteger(number) || number < 1 || number > MAX_POINTS) {
      this.fail(field, `must be a whole number from 1 to ${MAX_POINTS.toLocaleString("en")}`);
      return NaN;
    }
    return number;
  }

  name(field: string, value: string | undefined, what: string): string {
    const text = (value ?? "").trim();
    if (!NAME.test(text)) this.fail(field, `must be ${what}`);
    return text;
  }

  net(field: string, value: string | undefined): string {
    const text = (value ?? "").trim();
    if (text === "" || /[(),]/.test(text)) this.fail(field, "must be the name of a net");
    return text;
  }

  /** `v(out)`, `v(out,ref)` or (with currents) `i(V1)`; a bare net name means `v(name)`. */
  output(field: string, value: string, currents: boolean): string {
    const text = value.trim();
    const example = "v(out), v(out,in)" + (currents ? " or i(V1)" : "");
    if (text !== "" && !/[(),\s]/.test(text)) return `v(${text})`;
    const match = OUTPUT.exec(text);
    if (!match) {
      this.fail(field, `must name an output such as ${example}`);
      return text;
    }
    const parts = match[2]!.split(",").map((part) => part.trim());
    if (match[1]!.toLowerCase() === "i") {
      if (!currents) this.fail(field, "must be a voltage, such as v(out)");
      else if (parts.length !== 1 || !NAME.test(parts[0]!)) {
        this.fail(field, "must name one voltage source, such as i(V1)");
      }
      return `i(${parts.join(",")})`;
    }
    if (parts.length > 2 || parts.some((part) => part === "")) {
      this.fail(field, `must name an output such as ${example}`);
    }
    return `v(${parts.join(",")})`;
  }

  sweep(form: AcForm | NoiseForm): {
    sweep: Sweep;
    points: number;
    fstart: string;
    fstop: string;
  } {
    const sweep = form.sweep;
    if (!SWEEPS.includes(sweep)) this.fail("sweep", "must be one of dec, oct, lin");
    const points = this.count("points", form.points);
    const fstart =
      sweep === "lin"
        ? this.number("fstart", form.fstart, { atLeast: 0 })
        : this.number("fstart", form.fstart, { above: 0 });
    const fstop = this.number("fstop", form.fstop, {
      atLeast: Number.isNaN(fstart[1]) ? 0 : fstart[1],
    });
    if (this.ok) {
      const total = sweepPoints(sweep, points, fstart[1], fstop[1]);
      if (total > MAX_POINTS) {
        this.fail(
          "points",
          `about ${total.toLocaleString("en")} points; the limit is ${MAX_POINTS.toLocaleString("en")}`,
        );
      }
    }
    return { sweep, points, fstart: fstart[0], fstop: fstop[0] };
  }
}

/** `value` rounded by `rounding`, or to the nearest whole number when only float error lies between. */
function whole(value: number, rounding: (x: number) => number): number {
  if (!(value > 0)) return 0;
  const nearest = Math.round(value);
  return Math.abs(value - nearest) <= 1e-9 * value ? nearest : rounding(value);
}

function sweepPoints(sweep: Sweep, points: number, fstart: number, fstop: number): number {
  if (sweep === "lin") return points;
  const span = fstop > fstart ? Math.log(fstop / fstart) / Math.log(sweep === "dec" ? 10 : 2) : 0;
  return whole(points * span, Math.floor) + 1;
}

function dcJson(form: DcForm, reader: Reader): AnalysisJson {
  const json: Record<string, string> = {};
  const second = [form.source2, form.start2, form.stop2, form.step2].some(
    (value) => !isBlank(value),
  );
  let total = 1;
  for (const suffix of second ? ["", "2"] : [""]) {
    const field = (name: string) => `${name}${suffix}` as keyof DcForm;
    json[`source${suffix}`] = reader.name(
      field("source"),
      form[field("source")] as string | undefined,
      "the reference of a V or I source, such as V1",
    );
    const start = reader.number(field("start"), form[field("start")] as FieldValue | undefined);
    const stop = reader.number(field("stop"), form[field("stop")] as FieldValue | undefined);
    const step = reader.number(field("step"), form[field("step")] as FieldValue | undefined);
    if (step[1] === 0 || (stop[1] - start[1]) * step[1] < 0) {
      reader.fail(
        field("step"),
        `must be a step from ${start[0]} towards ${stop[0]}, not 0 or away from it`,
      );
    }
    total *= whole(Math.abs(stop[1] - start[1]) / Math.abs(step[1]), Math.floor) + 1;
    json[`start${suffix}`] = start[0];
    json[`stop${suffix}`] = stop[0];
    json[`step${suffix}`] = step[0];
  }
  if (reader.ok && total > MAX_POINTS) {
    reader.fail(
      "step",
      `about ${total.toLocaleString("en")} points; the limit is ${MAX_POINTS.toLocaleString("en")}`,
    );
  }
  return { type: "dc", ...json } as AnalysisJson;
}

function tranJson(form: TranForm, reader: Reader): AnalysisJson {
  const step = reader.number("step", form.step, { above: 0 });
  const stop = reader.number("stop", form.stop, { above: 0 });
  const json: AnalysisJson & { type: "tran" } = { type: "tran", step: step[0], stop: stop[0] };
  let start = 0;
  if (!isBlank(form.start)) {
    const value = reader.number("start", form.start, { atLeast: 0 });
    if (value[1] >= stop[1]) reader.fail("start", `must be before the stop time ${stop[0]}`);
    json.start = value[0];
    start = value[1];
  }
  let smallest = step[1];
  if (!isBlank(form.maxStep)) {
    const value = reader.number("maxStep", form.maxStep, { above: 0 });
    json.max_step = value[0];
    if (value[1] < smallest) smallest = value[1];
  }
  if (reader.ok && step[1] > stop[1] - start) {
    reader.fail(
      "step",
      `must not be longer than the simulated time ${toSpiceNumber(stop[1] - start)}`,
    );
  }
  if (reader.ok) {
    const total = whole((stop[1] - start) / smallest, Math.ceil);
    if (total > MAX_POINTS) {
      reader.fail(
        "step",
        `about ${total.toLocaleString("en")} points; the limit is ${MAX_POINTS.toLocaleString("en")}: use a larger step or a shorter stop time`,
      );
    }
  }
  if (form.uic) json.uic = true;
  return json;
}

/** The analyses JSON for one form, or the errors of its fields. */
export function analysisToJson(form: AnalysisForm): AnalysisResult {
  const reader = new Reader();
  let analysis: AnalysisJson;
  switch (form.type) {
    case "op":
      analysis = { type: "op" };
      break;
    case "dc":
      analysis = dcJson(form, reader);
      break;
    case "tran":
      analysis = tranJson(form, reader);
      break;
    case "ac":
      analysis = { type: "ac", ...reader.sweep(form) };
      break;
    case "tf":
      analysis = {
        type: "tf",
        output: reader.output("output", form.output, true),
        source: reader.name("source", form.source, "the reference of a V or I source, such as V1"),
      };
      break;
    case "noise": {
      const output = reader.output("output", form.output, false);
      let reference: string | undefined;
      if (!isBlank(form.reference)) {
        if (output.includes(",")) {
          reader.fail("reference", "the output already names a reference node; leave this empty");
        }
        reference = reader.net("reference", form.reference);
      }
      const source = reader.name(
        "source",
        form.source,
        "the reference of a V or I source, such as V1",
      );
      const sweep = reader.sweep(form);
      analysis =
        reference === undefined
          ? { type: "noise", output, source, ...sweep }
          : { type: "noise", output, reference, source, ...sweep };
      break;
    }
    case "pz": {
      const pairs = (["inputNodes", "outputNodes"] as const).map((field) => {
        const nodes = Array.isArray(form[field]) ? form[field] : [];
        if (nodes.length !== 2) reader.fail(field, 'must be two net names, such as "in" and "0"');
        return [0, 1].map((i) => reader.net(`${field}[${i}]`, nodes[i])) as [string, string];
      });
      const kind = form.kind ?? "vol";
      const find = form.find ?? "both";
      if (kind !== "vol" && kind !== "cur") reader.fail("kind", "must be vol or cur");
      if (!["poles", "zeros", "both"].includes(find))
        reader.fail("find", "must be poles, zeros or both");
      analysis = { type: "pz", input_nodes: pairs[0]!, output_nodes: pairs[1]!, kind, find };
      break;
    }
  }
  return reader.ok ? { ok: true, analysis } : { ok: false, errors: reader.errors };
}

export type AnalysesResult =
  | { ok: true; analyses: AnalysisJson[] }
  | { ok: false; errors: Array<{ index: number; field: string; path: string; message: string }> };

const SNAKE: Record<string, string> = {
  maxStep: "max_step",
  inputNodes: "input_nodes",
  outputNodes: "output_nodes",
};

/**
 * The analyses JSON for a list of forms; each error carries the form index and field, and `path`
 * as the server would name it (`analyses[1].max_step`).
 */
export function analysesToJson(forms: AnalysisForm[]): AnalysesResult {
  if (forms.length > MAX_ANALYSES) {
    return {
      ok: false,
      errors: [
        {
          index: -1,
          field: "",
          path: "analyses",
          message: `${forms.length} analyses; at most ${MAX_ANALYSES} can run at once`,
        },
      ],
    };
  }
  const analyses: AnalysisJson[] = [];
  const errors: Array<{ index: number; field: string; path: string; message: string }> = [];
  forms.forEach((form, index) => {
    const result = analysisToJson(form);
    if (result.ok) {
      analyses.push(result.analysis);
      return;
    }
    for (const [field, message] of Object.entries(result.errors)) {
      const server = field.replace(/^[a-zA-Z]+/, (name) => SNAKE[name] ?? name);
      errors.push({ index, field, path: `analyses[${index}].${server}`, message });
    }
  });
  return errors.length === 0 ? { ok: true, analyses } : { ok: false, errors };
}

// Defaults

export interface CircuitSummary {
  /** Ohms. */
  resistors: number[];
  /** Farads. */
  capacitors: number[];
  /** Henries. */
  inductors: number[];
  /** Hz: the frequencies of SIN and PULSE sources. */
  sourceFrequencies: number[];
}

const NICE = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** The smallest 1-1.5-2-2.5-3-4-5-6-8 × 10ⁿ value that is at least `value`. */
export function niceCeil(value: number): number {
  const decade = 10 ** Math.floor(Math.log10(value));
  const scaled = value / decade;
  const nice = NICE.find((candidate) => candidate >= scaled * (1 - 1e-9)) ?? 10;
  return Number((nice * decade).toPrecision(12));
}

const positive = (values: number[]) => values.filter((v) => Number.isFinite(v) && v > 0);

/** The time constants and corner frequencies a summary suggests. */
export function circuitScales(circuit: CircuitSummary): {
  longestTime?: number;
  lowestCorner?: number;
  highestCorner?: number;
} {
  const r = positive(circuit.resistors);
  const c = positive(circuit.capacitors);
  const l = positive(circuit.inductors);
  const times: number[] = []; // longest and shortest time constants, as candidate pairs
  const corners: number[] = [];
  const max = (values: number[]) => Math.max(...values);
  const min = (values: number[]) => Math.min(...values);
  if (r.length && c.length) {
    times.push(max(r) * max(c), min(r) * min(c));
  }
  if (r.length && l.length) {
    times.push(max(l) / min(r), min(l) / max(r));
  }
  if (l.length && c.length) {
    times.push(Math.sqrt(max(l) * max(c)), Math.sqrt(min(l) * min(c)));
  }
  for (const tau of times) corners.push(1 / (2 * Math.PI * tau));
  const result: { longestTime?: number; lowestCorner?: number; highestCorner?: number } = {};
  if (times.length) result.longestTime = max(times);
  if (corners.length) {
    result.lowestCorner = min(corners);
    result.highestCorner = max(corners);
  }
  return result;
}

/**
 * Working analyses for a circuit: an operating point; a transient over 5 × the longest time
 * constant (R·C, L/R, √(LC), taking the extreme values as a conservative bound since the summary
 * has no nets) or 10 periods of the lowest source frequency, whichever is longer, in about 1000
 * steps; an AC sweep from 1 Hz (lower if a corner is below 100 Hz) to 100 × the highest corner or
 * source frequency, rounded up to a decade. Without R, C, L or sources: 1 ms and 1 Hz–1 MHz.
 */
export function defaultAnalyses(circuit: CircuitSummary): [OpForm, TranForm, AcForm] {
  const scales = circuitScales(circuit);
  const frequencies = positive(circuit.sourceFrequencies);
  const candidates: number[] = [];
  if (scales.longestTime !== undefined) candidates.push(5 * scales.longestTime);
  if (frequencies.length) candidates.push(10 / Math.min(...frequencies));
  const stop = candidates.length ? niceCeil(Math.max(...candidates)) : 1e-3;
  const step = Number((stop / 1000).toPrecision(12));

  const highs: number[] = [...frequencies];
  const lows: number[] = [...frequencies];
  if (scales.highestCorner !== undefined) highs.push(scales.highestCorner);
  if (scales.lowestCorner !== undefined) lows.push(scales.lowestCorner);
  const fstop = highs.length ? 10 ** Math.ceil(Math.log10(100 * Math.max(...highs)) - 1e-9) : 1e6;
  const fstart = lows.length
    ? Math.min(1, 10 ** Math.floor(Math.log10(Math.min(...lows) / 100) + 1e-9))
    : 1;

  return [
    { type: "op" },
    { type: "tran", step: toSpiceNumber(step), stop: toSpiceNumber(stop) },
    {
      type: "ac",
      sweep: "dec",
      points: 50,
      fstart: toSpiceNumber(fstart),
      fstop: toSpiceNumber(Math.max(fstop, fstart * 10)),
    },
  ];
}

/** The form of an analysis given as the server's JSON (an example's analyses), or null if it is not one. */
export function analysisFromJson(json: Readonly<Record<string, unknown>>): AnalysisForm | null {
  const text = (key: string): string => (json[key] === undefined ? "" : String(json[key]));
  const optional = (key: string): { [k: string]: string } =>
    json[key] === undefined ? {} : { [key]: String(json[key]) };
  const sweep = (): Sweep => (json.sweep === "oct" || json.sweep === "lin" ? json.sweep : "dec");
  const pair = (key: string): [string, string] => {
    const value = json[key];
    return Array.isArray(value) ? [String(value[0] ?? ""), String(value[1] ?? "0")] : ["", "0"];
  };
  switch (json.type) {
    case "op":
      return { type: "op" };
    case "dc":
      return {
        type: "dc",
        source: text("source"),
        start: text("start"),
        stop: text("stop"),
        step: text("step"),
        ...optional("source2"),
        ...optional("start2"),
        ...optional("stop2"),
        ...optional("step2"),
      };
    case "tran":
      return {
        type: "tran",
        step: text("step"),
        stop: text("stop"),
        ...optional("start"),
        ...(json.max_step === undefined ? {} : { maxStep: String(json.max_step) }),
        ...(json.uic === true ? { uic: true } : {}),
      };
    case "ac":
      return {
        type: "ac",
        sweep: sweep(),
        points: text("points"),
        fstart: text("fstart"),
        fstop: text("fstop"),
      };
    case "tf":
      return { type: "tf", output: text("output"), source: text("source") };
    case "noise":
      return {
        type: "noise",
        output: text("output"),
        ...optional("reference"),
        source: text("source"),
        sweep: sweep(),
        points: text("points"),
        fstart: text("fstart"),
        fstop: text("fstop"),
      };
    case "pz":
      return {
        type: "pz",
        inputNodes: pair("input_nodes"),
        outputNodes: pair("output_nodes"),
        kind: json.kind === "cur" ? "cur" : "vol",
        find: json.find === "poles" || json.find === "zeros" ? json.find : "both",
      };
    default:
      return null;
  }
}

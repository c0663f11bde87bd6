/**
 * What the analysis editor shows for each analysis form of `../spice/analyses`: the fields, their
 * labels and kinds, new forms with working values, reading and writing one field, and validation
 * of the whole list (client side, then the server's `analyses[i].field` errors mapped back).
 */
import type { ApiErrorDetail } from "@ohmcloud/api-client";
import {
  analysesToJson,
  type AnalysisForm,
  type AnalysisJson,
  type DcForm,
  type PzForm,
} from "../spice";

export type AnalysisType = AnalysisForm["type"];

export const ANALYSIS_TYPES: ReadonlyArray<{ type: AnalysisType; label: string }> = [
  { type: "op", label: "Operating point (.op)" },
  { type: "dc", label: "DC sweep (.dc)" },
  { type: "tran", label: "Transient (.tran)" },
  { type: "ac", label: "AC sweep (.ac)" },
  { type: "tf", label: "Transfer function (.tf)" },
  { type: "noise", label: "Noise (.noise)" },
  { type: "pz", label: "Poles and zeros (.pz)" },
];

export interface FieldSpec {
  /** The form field (`maxStep`, `inputNodes[0]`), or `nested` for the DC second-source switch. */
  name: string;
  label: string;
  kind: "text" | "select" | "checkbox";
  options?: readonly string[];
  optional?: boolean;
  placeholder?: string;
}

const SWEEP_FIELDS: FieldSpec[] = [
  { name: "sweep", label: "Sweep", kind: "select", options: ["dec", "oct", "lin"] },
  { name: "points", label: "Points", kind: "text", placeholder: "per decade, octave or in all" },
  { name: "fstart", label: "Start frequency", kind: "text", placeholder: "1" },
  { name: "fstop", label: "Stop frequency", kind: "text", placeholder: "1meg" },
];

const DC_SECOND: FieldSpec[] = [
  { name: "source2", label: "Second source", kind: "text", placeholder: "V2" },
  { name: "start2", label: "Start 2", kind: "text" },
  { name: "stop2", label: "Stop 2", kind: "text" },
  { name: "step2", label: "Step 2", kind: "text" },
];

/** The fields of one form, in display order. */
export function fieldsOf(form: AnalysisForm): FieldSpec[] {
  switch (form.type) {
    case "op":
      return [];
    case "dc":
      return [
        { name: "source", label: "Source", kind: "text", placeholder: "V1" },
        { name: "start", label: "Start", kind: "text" },
        { name: "stop", label: "Stop", kind: "text" },
        { name: "step", label: "Step", kind: "text" },
        { name: "nested", label: "Nested second source", kind: "checkbox" },
        ...(hasSecondSource(form) ? DC_SECOND : []),
      ];
    case "tran":
      return [
        { name: "step", label: "Step", kind: "text", placeholder: "1u" },
        { name: "stop", label: "Stop time", kind: "text", placeholder: "1m" },
        { name: "start", label: "Start saving at", kind: "text", optional: true },
        { name: "maxStep", label: "Max step", kind: "text", optional: true },
        { name: "uic", label: "Use initial conditions (UIC)", kind: "checkbox" },
      ];
    case "ac":
      return SWEEP_FIELDS;
    case "tf":
      return [
        { name: "output", label: "Output", kind: "text", placeholder: "v(out) or i(V1)" },
        { name: "source", label: "Input source", kind: "text", placeholder: "V1" },
      ];
    case "noise":
      return [
        { name: "output", label: "Output", kind: "text", placeholder: "v(out)" },
        { name: "reference", label: "Reference node", kind: "text", optional: true },
        { name: "source", label: "Input source", kind: "text", placeholder: "V1" },
        ...SWEEP_FIELDS,
      ];
    case "pz":
      return [
        { name: "inputNodes[0]", label: "Input +", kind: "text", placeholder: "in" },
        { name: "inputNodes[1]", label: "Input −", kind: "text", placeholder: "0" },
        { name: "outputNodes[0]", label: "Output +", kind: "text", placeholder: "out" },
        { name: "outputNodes[1]", label: "Output −", kind: "text", placeholder: "0" },
        { name: "kind", label: "Transfer", kind: "select", options: ["vol", "cur"] },
        { name: "find", label: "Find", kind: "select", options: ["both", "poles", "zeros"] },
      ];
  }
}

/** A new form of a type, filled with values that work for a small circuit. */
export function newAnalysis(type: AnalysisType): AnalysisForm {
  switch (type) {
    case "op":
      return { type: "op" };
    case "dc":
      return { type: "dc", source: "V1", start: "0", stop: "5", step: "100m" };
    case "tran":
      return { type: "tran", step: "1u", stop: "1m" };
    case "ac":
      return { type: "ac", sweep: "dec", points: "50", fstart: "1", fstop: "1meg" };
    case "tf":
      return { type: "tf", output: "v(out)", source: "V1" };
    case "noise":
      return {
        type: "noise",
        output: "v(out)",
        source: "V1",
        sweep: "dec",
        points: "10",
        fstart: "1",
        fstop: "1meg",
      };
    case "pz":
      return {
        type: "pz",
        inputNodes: ["in", "0"],
        outputNodes: ["out", "0"],
        kind: "vol",
        find: "both",
      };
  }
}

function hasSecondSource(form: DcForm): boolean {
  return form.source2 !== undefined;
}

const NODE_FIELD = /^(inputNodes|outputNodes)\[([01])\]$/;

/** A field's value as the editor shows it. */
export function readField(form: AnalysisForm, name: string): string | boolean {
  if (form.type === "dc" && name === "nested") return hasSecondSource(form);
  if (form.type === "tran" && name === "uic") return form.uic === true;
  const node = NODE_FIELD.exec(name);
  if (form.type === "pz" && node) {
    return form[node[1] as "inputNodes" | "outputNodes"][Number(node[2])] ?? "";
  }
  if (form.type === "pz" && name === "kind") return form.kind ?? "vol";
  if (form.type === "pz" && name === "find") return form.find ?? "both";
  const value = (form as unknown as Record<string, unknown>)[name];
  return value === undefined ? "" : String(value);
}

/** A copy of the form with one field changed. */
export function writeField(
  form: AnalysisForm,
  name: string,
  value: string | boolean,
): AnalysisForm {
  if (form.type === "dc" && name === "nested") {
    if (value) return { ...form, source2: "", start2: "", stop2: "", step2: "" };
    const rest: DcForm = { ...form };
    delete rest.source2;
    delete rest.start2;
    delete rest.stop2;
    delete rest.step2;
    return rest;
  }
  if (form.type === "tran" && name === "uic") return { ...form, uic: value === true };
  const node = NODE_FIELD.exec(name);
  if (form.type === "pz" && node) {
    const key = node[1] as "inputNodes" | "outputNodes";
    const pair: PzForm["inputNodes"] = [...form[key]];
    pair[Number(node[2])] = String(value);
    return { ...form, [key]: pair };
  }
  return { ...form, [name]: value } as AnalysisForm;
}

/** Field → message, per analysis index; index -1 holds messages about the list itself. */
export type AnalysesErrors = Map<number, Record<string, string>>;

export type AnalysesValidation =
  { ok: true; analyses: AnalysisJson[] } | { ok: false; errors: AnalysesErrors };

/** Checks every form (a DC analysis with its nested source switched on needs that source filled in). */
export function validateAnalyses(forms: readonly AnalysisForm[]): AnalysesValidation {
  const errors: AnalysesErrors = new Map();
  const fail = (index: number, field: string, message: string) => {
    const entry = errors.get(index) ?? {};
    entry[field] ??= message;
    errors.set(index, entry);
  };
  if (forms.length === 0) fail(-1, "", "Add at least one analysis.");
  const result = analysesToJson([...forms]);
  if (!result.ok) for (const e of result.errors) fail(e.index, e.field, e.message);
  forms.forEach((form, index) => {
    if (form.type !== "dc" || !hasSecondSource(form)) return;
    for (const field of ["source2", "start2", "stop2", "step2"] as const) {
      const value = form[field];
      if (value === undefined || String(value).trim() === "") fail(index, field, "required");
    }
  });
  if (errors.size > 0 || !result.ok) return { ok: false, errors };
  return { ok: true, analyses: result.analyses };
}

const CAMEL: Record<string, string> = {
  max_step: "maxStep",
  input_nodes: "inputNodes",
  output_nodes: "outputNodes",
};

/**
 * The server's `analyses[1].max_step` errors as editor errors (`{1: {maxStep: message}}`); the
 * rest are returned as they are.
 */
export function splitServerErrors(details: readonly ApiErrorDetail[]): {
  fields: AnalysesErrors;
  other: ApiErrorDetail[];
} {
  const fields: AnalysesErrors = new Map();
  const other: ApiErrorDetail[] = [];
  for (const detail of details) {
    const match = detail.field
      ? /^analyses\[(\d+)\]\.([a-z_]+)(\[\d+\])?/.exec(detail.field)
      : null;
    if (!match) {
      other.push(detail);
      continue;
    }
    const index = Number(match[1]);
    const name = (CAMEL[match[2]!] ?? match[2]!) + (match[3] ?? "");
    const entry = fields.get(index) ?? {};
    entry[name] ??= detail.message;
    fields.set(index, entry);
  }
  return { fields, other };
}

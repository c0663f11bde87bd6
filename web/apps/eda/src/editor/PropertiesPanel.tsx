/**
 * Edits the one selected component: reference, value (checked with the SI parser as you type), a source's
 * waveform, a part's model, the unit of a multi-unit part; with nothing selected, the document's sheet and
 * title block. Every change goes through the core as an undoable command.
 */
import {
  setReference,
  setSheet,
  setTitleBlock,
  setUnit,
  setValue,
  type Component,
  type Schematic,
  type Sheet,
  type TitleBlock,
} from "@ohmcloud/canvas";
import { useState, useSyncExternalStore } from "react";
import {
  parseSi,
  parseSourceSpec,
  toSourceSpec,
  type FieldErrors,
  type SourceForm,
  type TransientWave,
} from "../spice";
import type { EditorStore } from "./editor-store";
import type { ComponentDetail, SymbolStore } from "./library";

/** Model-library names (a constant until the server lists them). */
export const MODEL_NAMES: readonly string[] = [
  "1n4148",
  "1n4007",
  "1n5819",
  "1n4733a",
  "led_red",
  "led_green",
  "led_blue",
  "led_white",
  "2n2222",
  "2n3904",
  "2n3906",
  "bc547",
  "bc557",
  "2n7000",
  "irf540n",
  "lm741",
  "lm358",
  "tl071",
  "ne555",
  "cmos_n",
  "cmos_p",
];

const REFERENCE = /^[A-Za-z0-9_#?]{1,32}$/;

export type PartKind = "passive" | "source" | "model" | "power" | "other";

/** How the value of a part is edited. */
export function partKind(component: Component, detail: ComponentDetail | undefined): PartKind {
  if (detail?.is_power || component.reference.startsWith("#")) return "power";
  const prefix = (detail?.spice?.prefix ?? component.reference[0] ?? "").toUpperCase();
  if (detail?.spice?.model_from_value) return "model";
  if (prefix === "V" || prefix === "I") return "source";
  if (prefix === "R" || prefix === "C" || prefix === "L") return "passive";
  if (detail === undefined && ["D", "Q", "M", "U", "X"].includes(prefix)) return "model";
  return "other";
}

const UNITS: Record<string, string> = { R: "Ω", C: "F", L: "H" };

/** The problem with `value` for a passive part (`R`, `C`, `L`), or undefined when it is fine. */
export function passiveValueError(value: string, prefix: string): string | undefined {
  const unit = UNITS[prefix.toUpperCase()];
  const parsed = parseSi(value, unit === undefined ? { positive: true } : { unit, positive: true });
  return parsed.ok ? undefined : parsed.message;
}

export interface PropertiesPanelProps {
  readonly store: EditorStore;
  readonly symbols: SymbolStore;
}

export function PropertiesPanel({ store, symbols }: PropertiesPanelProps) {
  const { scene, selection, revision } = useSyncExternalStore(store.subscribe, store.getSnapshot);
  useSyncExternalStore(symbols.subscribe, symbols.version);
  const ids = [...selection.ids];
  const entry = ids.length === 1 ? scene.get(ids[0] as string) : undefined;
  return (
    <section
      className="oc-panel oc-properties"
      data-testid="properties-panel"
      aria-label="Properties"
    >
      <h2 className="oc-panel-title">Properties</h2>
      {entry?.kind === "component" ? (
        <ComponentForm
          // A fresh form per component and after undo and redo, which change values behind its back.
          key={`${entry.item.id}-${revision}`}
          store={store}
          component={entry.item}
          detail={symbols.detail(entry.item.symbol)}
        />
      ) : ids.length > 1 ? (
        <p className="oc-muted">{ids.length} items selected.</p>
      ) : (
        <DocumentForm key={revision} store={store} schematic={scene.schematic} />
      )}
    </section>
  );
}

const SHEET_SIZES: readonly NonNullable<Sheet["size"]>[] = ["A5", "A4", "A3", "A2", "A1"];
const TITLE_FIELDS: readonly { key: "title" | "date" | "revision" | "company"; label: string }[] = [
  { key: "title", label: "Title" },
  { key: "date", label: "Date" },
  { key: "revision", label: "Revision" },
  { key: "company", label: "Company" },
];

/** The sheet (size, orientation) and the title block, shown when nothing is selected. */
function DocumentForm({ store, schematic }: { store: EditorStore; schematic: Schematic }) {
  const sheet = {
    size: schematic.sheet?.size ?? "A4",
    orientation: schematic.sheet?.orientation ?? "landscape",
  };
  const [titles, setTitles] = useState<TitleBlock>(schematic.title_block ?? {});
  return (
    <form
      className="oc-form"
      data-testid="document-form"
      onSubmit={(event) => event.preventDefault()}
    >
      <p className="oc-muted">Select a part to edit it. The sheet:</p>
      <div className="oc-row">
        <label>
          Size
          <select
            data-testid="sheet-size"
            value={sheet.size}
            onChange={(event) =>
              store.dispatch(
                setSheet(store.scene, { ...sheet, size: event.target.value as Sheet["size"] }),
              )
            }
          >
            {SHEET_SIZES.map((size) => (
              <option key={size}>{size}</option>
            ))}
          </select>
        </label>
        <label>
          Orientation
          <select
            data-testid="sheet-orientation"
            value={sheet.orientation}
            onChange={(event) =>
              store.dispatch(
                setSheet(store.scene, {
                  ...sheet,
                  orientation: event.target.value as Sheet["orientation"],
                }),
              )
            }
          >
            <option value="landscape">landscape</option>
            <option value="portrait">portrait</option>
          </select>
        </label>
      </div>
      {TITLE_FIELDS.map(({ key, label }) => (
        <label key={key}>
          {label}
          <input
            data-testid={`title-block-${key}`}
            value={titles[key] ?? ""}
            maxLength={200}
            onChange={(event) => {
              const text = event.target.value;
              setTitles({ ...titles, [key]: text });
              store.dispatch({
                ...setTitleBlock(store.scene, { [key]: text }),
                mergeKey: `title-${key}`,
              });
            }}
            onBlur={() => store.seal()}
          />
        </label>
      ))}
    </form>
  );
}

/** "A", "B", … as KiCad names the units of a multi-unit symbol. */
export function unitName(unit: number): string {
  return unit >= 1 && unit <= 26 ? String.fromCharCode(64 + unit) : String(unit);
}

function ComponentForm({
  store,
  component,
  detail,
}: {
  store: EditorStore;
  component: Component;
  detail: ComponentDetail | undefined;
}) {
  const kind = partKind(component, detail);
  const [reference, setReferenceText] = useState(component.reference);
  const [value, setValueText] = useState(component.value ?? "");
  const prefix = (detail?.spice?.prefix ?? component.reference[0] ?? "").toUpperCase();
  const referenceError = REFERENCE.test(reference)
    ? undefined
    : "1–32 characters: letters, digits, _ # ?";
  const valueError = kind === "passive" ? passiveValueError(value, prefix) : undefined;

  function commit(command: ReturnType<typeof setValue>, key: string): void {
    store.dispatch({ ...command, mergeKey: `${key}-${component.id}` });
  }

  return (
    <form className="oc-form" onSubmit={(event) => event.preventDefault()}>
      <p className="oc-muted">
        {component.symbol}
        {detail?.description ? ` — ${detail.description}` : ""}
      </p>
      {(detail?.unit_count ?? 1) > 1 && (
        <label>
          Unit
          <select
            data-testid="property-unit"
            value={component.unit ?? 1}
            onChange={(event) =>
              store.dispatch(setUnit(store.scene, component.id, Number(event.target.value)))
            }
          >
            {Array.from({ length: detail?.unit_count ?? 1 }, (_, i) => i + 1).map((unit) => (
              <option key={unit} value={unit}>
                {unitName(unit)} of {detail?.unit_count}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        Reference
        <input
          data-testid="property-reference"
          value={reference}
          aria-invalid={referenceError !== undefined}
          onChange={(event) => {
            const text = event.target.value;
            setReferenceText(text);
            const current = store.scene.get(component.id);
            if (
              REFERENCE.test(text) &&
              current?.kind === "component" &&
              text !== current.item.reference
            ) {
              commit(setReference(store.scene, component.id, text), "reference");
            }
          }}
          onBlur={() => store.seal()}
        />
      </label>
      {referenceError && <p className="oc-error">{referenceError}</p>}
      {kind === "model" ? (
        <label>
          Model
          <select
            data-testid="property-model"
            value={MODEL_NAMES.includes(value.toLowerCase()) ? value.toLowerCase() : ""}
            onChange={(event) => {
              setValueText(event.target.value);
              store.dispatch(setValue(store.scene, component.id, event.target.value));
            }}
          >
            <option value="">{value ? `${value} (not in the model library)` : "Choose…"}</option>
            {MODEL_NAMES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      ) : kind === "source" ? (
        <SourceEditor
          value={value}
          onApply={(spec) => {
            setValueText(spec);
            store.dispatch(setValue(store.scene, component.id, spec));
          }}
        />
      ) : (
        <>
          <label>
            {kind === "power" ? "Net name" : "Value"}
            <input
              data-testid="property-value"
              value={value}
              aria-invalid={valueError !== undefined}
              onChange={(event) => {
                const text = event.target.value;
                setValueText(text);
                const problem = kind === "passive" ? passiveValueError(text, prefix) : undefined;
                if (problem === undefined) {
                  commit(setValue(store.scene, component.id, text.trim()), "value");
                }
              }}
              onBlur={() => store.seal()}
            />
          </label>
          {valueError !== undefined && (
            <p className="oc-error" data-testid="property-value-error" role="alert">
              {valueError}
            </p>
          )}
        </>
      )}
    </form>
  );
}

type WaveKind = "none" | TransientWave["kind"];

const WAVE_FIELDS: Record<Exclude<WaveKind, "none" | "pwl">, string[]> = {
  sin: ["offset", "amplitude", "frequency", "delay", "damping", "phase"],
  pulse: ["v1", "v2", "delay", "rise", "fall", "width", "period"],
  exp: ["v1", "v2", "td1", "tau1", "td2", "tau2"],
};

interface SourceDraft {
  dc: string;
  acOn: boolean;
  acMagnitude: string;
  acPhase: string;
  wave: WaveKind;
  fields: Record<string, string>;
  /** `time value` per line. */
  pwl: string;
}

function draftOf(value: string): SourceDraft {
  const draft: SourceDraft = {
    dc: "",
    acOn: false,
    acMagnitude: "1",
    acPhase: "0",
    wave: "none",
    fields: {},
    pwl: "0 0\n1m 1",
  };
  const parsed = value.trim() === "" ? undefined : parseSourceSpec(value);
  if (parsed === undefined || !parsed.ok) return { ...draft, dc: value.trim() === "" ? "0" : "" };
  const form = parsed.form;
  if (form.dc !== undefined) draft.dc = String(form.dc);
  if (form.ac !== undefined) {
    draft.acOn = true;
    draft.acMagnitude = String(form.ac.magnitude);
    draft.acPhase = String(form.ac.phase ?? "0");
  }
  const wave = form.transient;
  if (wave !== undefined) {
    draft.wave = wave.kind;
    if (wave.kind === "pwl") {
      draft.pwl = wave.points.map((p) => `${p.time} ${p.value}`).join("\n");
    } else {
      for (const [name, field] of Object.entries(wave)) {
        if (name !== "kind" && field !== undefined) draft.fields[name] = String(field);
      }
    }
  }
  return draft;
}

/** The form model of a draft, for `toSourceSpec`. */
function formOf(draft: SourceDraft): SourceForm {
  const form: SourceForm = {};
  if (draft.dc.trim() !== "") form.dc = draft.dc;
  if (draft.acOn) form.ac = { magnitude: draft.acMagnitude, phase: draft.acPhase };
  if (draft.wave === "pwl") {
    form.transient = {
      kind: "pwl",
      points: draft.pwl
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "")
        .map((line) => {
          const [time = "", value = ""] = line.split(/[\s,]+/);
          return { time, value };
        }),
    };
  } else if (draft.wave !== "none") {
    const fields = Object.fromEntries(
      WAVE_FIELDS[draft.wave]
        .map((name) => [name, draft.fields[name] ?? ""] as const)
        .filter(([, value]) => value.trim() !== ""),
    );
    form.transient = { kind: draft.wave, ...fields } as unknown as TransientWave;
  }
  return form;
}

/** A V or I source's DC / AC / transient waveform, turned into a SPICE spec by the spice helpers. */
export function SourceEditor({
  value,
  onApply,
}: {
  value: string;
  onApply: (spec: string) => void;
}) {
  const [draft, setDraft] = useState(() => draftOf(value));
  const [errors, setErrors] = useState<FieldErrors>({});
  const result = toSourceSpec(formOf(draft));
  const field = (name: string, label: string, path: string) => (
    <label key={name}>
      {label}
      <input
        data-testid={`source-${path}`}
        value={draft.fields[name] ?? ""}
        onChange={(event) =>
          setDraft({ ...draft, fields: { ...draft.fields, [name]: event.target.value } })
        }
      />
    </label>
  );
  return (
    <fieldset className="oc-source" data-testid="source-form">
      <legend>Source</legend>
      <p className="oc-muted" data-testid="source-current">
        Current: <code>{value || "—"}</code>
      </p>
      <label>
        DC
        <input
          data-testid="source-dc"
          value={draft.dc}
          onChange={(event) => setDraft({ ...draft, dc: event.target.value })}
        />
      </label>
      <label className="oc-inline">
        <input
          type="checkbox"
          data-testid="source-ac"
          checked={draft.acOn}
          onChange={(event) => setDraft({ ...draft, acOn: event.target.checked })}
        />
        AC
      </label>
      {draft.acOn && (
        <div className="oc-row">
          <label>
            Magnitude
            <input
              data-testid="source-ac-magnitude"
              value={draft.acMagnitude}
              onChange={(event) => setDraft({ ...draft, acMagnitude: event.target.value })}
            />
          </label>
          <label>
            Phase (°)
            <input
              data-testid="source-ac-phase"
              value={draft.acPhase}
              onChange={(event) => setDraft({ ...draft, acPhase: event.target.value })}
            />
          </label>
        </div>
      )}
      <label>
        Waveform
        <select
          data-testid="source-wave"
          value={draft.wave}
          onChange={(event) => setDraft({ ...draft, wave: event.target.value as WaveKind })}
        >
          <option value="none">none</option>
          <option value="sin">SIN</option>
          <option value="pulse">PULSE</option>
          <option value="pwl">PWL</option>
          <option value="exp">EXP</option>
        </select>
      </label>
      {draft.wave === "pwl" && (
        <label>
          Points (time value, one per line)
          <textarea
            rows={4}
            value={draft.pwl}
            onChange={(event) => setDraft({ ...draft, pwl: event.target.value })}
          />
        </label>
      )}
      {draft.wave !== "none" &&
        draft.wave !== "pwl" &&
        WAVE_FIELDS[draft.wave].map((name) => field(name, name, name))}
      <p className="oc-muted">
        SPICE: <code data-testid="source-spec">{result.ok ? result.spec : "—"}</code>
      </p>
      {Object.entries(errors).map(([path, message]) => (
        <p key={path} className="oc-error" data-testid="source-error">
          {path}: {message}
        </p>
      ))}
      <button
        type="button"
        data-testid="source-apply"
        onClick={() => {
          if (result.ok) {
            setErrors({});
            onApply(result.spec);
          } else {
            setErrors(result.errors);
          }
        }}
      >
        Apply
      </button>
    </fieldset>
  );
}

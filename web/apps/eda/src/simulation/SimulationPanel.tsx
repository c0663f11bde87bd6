import {
  ApiClient,
  ApiError,
  SimulationsApi,
  type ApiErrorDetail,
  type Simulation,
  type SimulationStatus,
} from "@ohmcloud/api-client";
import {
  useEffect,
  useEffectEvent,
  useId,
  useMemo,
  useRef,
  useState,
  type ChangeEvent,
  type RefObject,
} from "react";
import { MAX_ANALYSES, type AnalysisForm, type AnalysisJson } from "../spice";
import {
  ANALYSIS_TYPES,
  fieldsOf,
  newAnalysis,
  readField,
  splitServerErrors,
  validateAnalyses,
  writeField,
  type AnalysesErrors,
  type AnalysisType,
  type FieldSpec,
} from "./analysis-fields";
import {
  SEVERITY_ICONS,
  describeTarget,
  fromErrors,
  fromFindings,
  fromNgspice,
  messagesByLine,
  sortDiagnostics,
  type PanelDiagnostic,
} from "./diagnostics";
import {
  formatElapsed,
  isNetlistFileName,
  lineRange,
  netlistFileName,
  splitLines,
} from "./netlist-text";
import { useRunShortcut } from "./use-run-shortcut";

/** The calls the panel makes; `SimulationsApi` in the app, a fake in specs. */
export type SimulationsService = Pick<
  SimulationsApi,
  "submitNetlist" | "submitSchematic" | "waitUntilDone" | "cancel" | "netlist"
>;

export interface SimulationResultMeta {
  id: string;
  mode: "schematic" | "raw";
  /** The netlist that ran. */
  netlist: string;
  /** The analyses sent with the schematic (schematic mode only). */
  analyses?: AnalysisJson[];
  /** From pressing Run to the result. */
  elapsedMs: number;
  diagnostics: PanelDiagnostic[];
}

export interface SimulationPanelProps {
  /** A schematic (docs/formats/schematic.md); without one only the raw netlist mode is offered. */
  schematic?: unknown;
  /** Called once per successful run with the final simulation (its `result.plots`). */
  onResult(result: Simulation, meta: SimulationResultMeta): void;
  /** A diagnostic was clicked: highlight its component, pin, wire or line. */
  onFocusDiagnostic?(diagnostic: PanelDiagnostic): void;
  /**
   * The diagnostics shown changed: ERC findings of a refused run, of a netlist preview, or of a finished
   * run (so the canvas can mark the parts and pins they concern without waiting for a click).
   */
  onDiagnostics?(diagnostics: readonly PanelDiagnostic[]): void;
  /** Defaults to the real API on the same origin. */
  api?: SimulationsService;
  /** Cut every curve to at most this many points (default 2000). */
  points?: number;
  /** The analyses to start with (an example's); a transient by default. */
  initialAnalyses?: readonly AnalysisForm[];
}

type Phase =
  | "idle"
  | "invalid"
  | "submitting"
  | "queued"
  | "running"
  | "succeeded"
  | "failed"
  | "cancelled"
  | "refused"
  | "error";

interface RunState {
  phase: Phase;
  startedAt?: number;
  finishedAt?: number;
  message?: string;
}

const BUSY: ReadonlySet<Phase> = new Set(["submitting", "queued", "running"]);

let defaultApi: SimulationsApi | undefined;
/** The simulations API of the server the page came from (one per page). */
export function defaultSimulations(): SimulationsApi {
  defaultApi ??= new SimulationsApi(new ApiClient());
  return defaultApi;
}

let nextKey = 1;
interface Item {
  key: number;
  form: AnalysisForm;
}
const item = (form: AnalysisForm): Item => ({ key: nextKey++, form });

/** Analyses, Run/Cancel, status, diagnostics and netlist of one simulation, or a raw netlist. */
export function SimulationPanel({
  schematic,
  onResult,
  onFocusDiagnostic,
  onDiagnostics,
  api: injectedApi,
  points = 2000,
  initialAnalyses,
}: SimulationPanelProps) {
  const api = injectedApi ?? defaultSimulations();
  const hasSchematic = schematic !== undefined;
  const [rawChosen, setRawChosen] = useState(false);
  const raw = rawChosen || !hasSchematic;

  const [items, setItems] = useState<Item[]>(() =>
    initialAnalyses !== undefined && initialAnalyses.length > 0
      ? initialAnalyses.map(item)
      : [item(newAnalysis("tran"))],
  );
  const [addType, setAddType] = useState<AnalysisType>("op");
  const [serverFieldErrors, setServerFieldErrors] = useState<AnalysesErrors>(new Map());
  const [rawText, setRawText] = useState("");
  const [rawErrors, setRawErrors] = useState<ApiErrorDetail[]>([]);
  const [run, setRun] = useState<RunState>({ phase: "idle" });
  const [now, setNow] = useState(() => Date.now());
  const [diagnostics, setDiagnostics] = useState<PanelDiagnostic[]>([]);
  const [netlist, setNetlist] = useState<string | null>(null);
  const [focusedLine, setFocusedLine] = useState<number | null>(null);
  const [copied, setCopied] = useState(false);

  const rootRef = useRef<HTMLDivElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const active = useRef<{ controller: AbortController; id?: string } | null>(null);

  const validation = useMemo(() => validateAnalyses(items.map((i) => i.form)), [items]);
  const busy = BUSY.has(run.phase);

  // The elapsed time ticks while the run is going on.
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [busy]);

  // Tell the page what is shown, whatever changed it (a run, a refusal, a preview, a new run clearing it).
  const reportDiagnostics = useEffectEvent((shown: readonly PanelDiagnostic[]) =>
    onDiagnostics?.(shown),
  );
  useEffect(() => reportDiagnostics(diagnostics), [diagnostics]);

  // Stop waiting (not the server's job) when the panel goes away.
  useEffect(() => () => active.current?.controller.abort(), []);

  const errorsFor = (index: number): Record<string, string> => ({
    ...(validation.ok ? {} : validation.errors.get(index)),
    ...serverFieldErrors.get(index),
  });

  function updateItems(next: Item[]) {
    setItems(next);
    setServerFieldErrors(new Map());
    if (run.phase === "invalid") setRun({ phase: "idle" });
  }

  async function start() {
    if (busy) return;
    let submit: () => ReturnType<SimulationsService["submitNetlist"]>;
    let analyses: AnalysisJson[] | undefined;
    if (raw) {
      if (rawText.trim() === "") {
        setRun({ phase: "invalid", message: "Type, paste or load a netlist first." });
        return;
      }
      const text = rawText;
      submit = () => api.submitNetlist(text);
    } else {
      if (!validation.ok) {
        setRun({ phase: "invalid", message: "Fix the marked analysis fields first." });
        return;
      }
      analyses = validation.analyses;
      const sent = analyses;
      submit = () => api.submitSchematic(schematic, sent);
    }

    const controller = new AbortController();
    const current: { controller: AbortController; id?: string } = { controller };
    active.current = current;
    const startedAt = Date.now();
    setNow(startedAt);
    setRun({ phase: "submitting", startedAt });
    setDiagnostics([]);
    setRawErrors([]);
    setServerFieldErrors(new Map());
    setFocusedLine(null);

    let accepted;
    try {
      accepted = await submit();
    } catch (error) {
      if (controller.signal.aborted) return;
      const details = error instanceof ApiError ? error.errors : [{ message: String(error) }];
      if (raw) {
        setRawErrors(details);
        setDiagnostics(sortDiagnostics(fromErrors(details)));
      } else {
        const { fields, other } = splitServerErrors(details);
        setServerFieldErrors(fields);
        setDiagnostics(sortDiagnostics(fromErrors(other)));
      }
      const refused = error instanceof ApiError && error.status >= 400 && error.status < 500;
      setRun({
        phase: refused ? "refused" : "error",
        startedAt,
        finishedAt: Date.now(),
        message: error instanceof Error ? error.message : String(error),
      });
      return;
    }
    current.id = accepted.id;
    if (controller.signal.aborted) {
      // Cancelled while submitting: cancel the job that was just queued.
      api.cancel(accepted.id).catch(() => undefined);
      return;
    }
    const ran = accepted.netlist ?? (raw ? rawText : "");
    const findings = fromFindings(accepted.diagnostics);
    setNetlist(accepted.netlist ?? null);
    setDiagnostics(sortDiagnostics(findings));
    setRun({ phase: accepted.status, startedAt });

    let final: Simulation;
    try {
      final = await api.waitUntilDone(accepted.id, {
        signal: controller.signal,
        points,
        onUpdate: (simulation) => {
          if (!controller.signal.aborted) setRun({ phase: simulation.status, startedAt });
        },
      });
    } catch (error) {
      if (controller.signal.aborted) return;
      setRun({
        phase: "error",
        startedAt,
        finishedAt: Date.now(),
        message: error instanceof Error ? error.message : String(error),
      });
      return;
    }
    const finishedAt = Date.now();
    const all = sortDiagnostics([...findings, ...fromNgspice(final.diagnostics)]);
    setDiagnostics(all);
    if (raw) setRawErrors(all.filter((d) => d.line !== undefined && d.severity === "error"));
    setRun({ phase: phaseOf(final.status), startedAt, finishedAt });
    active.current = null;
    if (final.status === "succeeded") {
      const meta: SimulationResultMeta = {
        id: accepted.id,
        mode: raw ? "raw" : "schematic",
        netlist: ran,
        elapsedMs: finishedAt - startedAt,
        diagnostics: all,
      };
      if (analyses) meta.analyses = analyses;
      onResult(final, meta);
    }
  }

  async function cancel() {
    const current = active.current;
    if (!current) return;
    if (current.id === undefined) {
      current.controller.abort();
      active.current = null;
      setRun((state) => ({ ...state, phase: "cancelled", finishedAt: Date.now() }));
      return;
    }
    try {
      const simulation = await api.cancel(current.id);
      current.controller.abort();
      active.current = null;
      setDiagnostics((list) => sortDiagnostics([...list, ...fromNgspice(simulation.diagnostics)]));
      setRun((state) => ({ ...state, phase: phaseOf(simulation.status), finishedAt: Date.now() }));
    } catch (error) {
      // 409: it ended meanwhile, and the long-poll brings the final state.
      if (error instanceof ApiError && error.status === 409) return;
      setRun((state) => ({
        ...state,
        message: `Could not cancel: ${error instanceof Error ? error.message : String(error)}`,
      }));
    }
  }

  async function previewNetlist() {
    if (!validation.ok) {
      setRun({ phase: "invalid", message: "Fix the marked analysis fields first." });
      return;
    }
    try {
      const answer = await api.netlist(schematic, validation.analyses);
      setNetlist(answer.netlist);
      setDiagnostics(sortDiagnostics(fromFindings(answer.diagnostics)));
    } catch (error) {
      const details = error instanceof ApiError ? error.errors : [{ message: String(error) }];
      const { fields, other } = splitServerErrors(details);
      setServerFieldErrors(fields);
      setDiagnostics(sortDiagnostics(fromErrors(other)));
    }
  }

  useRunShortcut(() => void start(), { enabled: !busy, target: rootRef });

  function focusDiagnostic(diagnostic: PanelDiagnostic) {
    onFocusDiagnostic?.(diagnostic);
    if (diagnostic.line === undefined) return;
    setFocusedLine(diagnostic.line);
    if (raw) selectLine(diagnostic.line);
  }

  function selectLine(line: number) {
    const area = textareaRef.current;
    const range = lineRange(rawText, line);
    if (!area || !range) return;
    area.focus();
    area.setSelectionRange(range[0], range[1]);
  }

  async function loadFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    if (!isNetlistFileName(file.name)) {
      setRawErrors([{ message: `${file.name} is not a .cir, .sp or .net file.` }]);
      return;
    }
    setRawText(await file.text());
    setRawErrors([]);
  }

  async function copyNetlist() {
    if (netlist === null) return;
    try {
      await navigator.clipboard.writeText(netlist);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      setCopied(false);
    }
  }

  function downloadNetlist() {
    if (netlist === null) return;
    const url = URL.createObjectURL(new Blob([netlist], { type: "text/plain" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = netlistFileName(netlist);
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  const errorLines = useMemo(() => messagesByLine(rawErrors), [rawErrors]);
  const netlistLines = useMemo(
    () => messagesByLine(diagnostics.filter((d) => d.source === "ngspice")),
    [diagnostics],
  );

  return (
    <div className="simulation-panel" data-testid="simulation-panel" ref={rootRef}>
      <label className="simulation-mode">
        <input
          type="checkbox"
          data-testid="raw-mode"
          checked={raw}
          disabled={!hasSchematic || busy}
          onChange={(event) => setRawChosen(event.target.checked)}
        />{" "}
        Raw netlist
      </label>

      {raw ? (
        <RawNetlistEditor
          text={rawText}
          onChange={(text) => {
            setRawText(text);
            if (rawErrors.length > 0) setRawErrors([]);
          }}
          errorLines={errorLines}
          errors={rawErrors}
          textareaRef={textareaRef}
          onLoadFile={loadFile}
          onSelectLine={selectLine}
          disabled={busy}
        />
      ) : (
        <section className="simulation-analyses" aria-label="Analyses">
          {items.map(({ key, form }, index) => (
            <AnalysisEditor
              key={key}
              index={index}
              form={form}
              errors={errorsFor(index)}
              disabled={busy}
              onChange={(next) =>
                updateItems(items.map((i) => (i.key === key ? { key, form: next } : i)))
              }
              onRemove={() => updateItems(items.filter((i) => i.key !== key))}
            />
          ))}
          {!validation.ok && validation.errors.get(-1) && (
            <p className="field-error" role="alert">
              {Object.values(validation.errors.get(-1)!).join(" ")}
            </p>
          )}
          <div className="simulation-add">
            <select
              aria-label="Analysis type"
              data-testid="analysis-type"
              value={addType}
              onChange={(event) => setAddType(event.target.value as AnalysisType)}
            >
              {ANALYSIS_TYPES.map(({ type, label }) => (
                <option key={type} value={type}>
                  {label}
                </option>
              ))}
            </select>
            <button
              type="button"
              data-testid="analysis-add"
              disabled={busy || items.length >= MAX_ANALYSES}
              onClick={() => updateItems([...items, item(newAnalysis(addType))])}
            >
              Add analysis
            </button>
          </div>
        </section>
      )}

      <div className="simulation-actions">
        {raw ? (
          <button type="button" data-testid="raw-run" disabled={busy} onClick={() => void start()}>
            Run netlist
          </button>
        ) : (
          <>
            <button
              type="button"
              data-testid="run-simulation"
              disabled={busy}
              title="Ctrl+Enter"
              onClick={() => void start()}
            >
              Run
            </button>
            <button
              type="button"
              data-testid="netlist-preview"
              disabled={busy}
              onClick={() => void previewNetlist()}
            >
              Check &amp; show netlist
            </button>
          </>
        )}
        <button
          type="button"
          data-testid="cancel-simulation"
          disabled={!busy}
          onClick={() => void cancel()}
        >
          Cancel
        </button>
      </div>

      <p
        className="simulation-status"
        data-testid="simulation-status"
        role="status"
        data-phase={run.phase}
      >
        {statusText(run, now)}
      </p>

      <ul
        className="simulation-diagnostics"
        data-testid="diagnostics-list"
        aria-label="Diagnostics"
      >
        {diagnostics.map((diagnostic, index) => {
          const target = describeTarget(diagnostic);
          return (
            <li key={index}>
              <button
                type="button"
                data-testid={`diagnostic-${index}`}
                data-severity={diagnostic.severity}
                onClick={() => focusDiagnostic(diagnostic)}
              >
                <span role="img" aria-label={diagnostic.severity}>
                  {SEVERITY_ICONS[diagnostic.severity]}
                </span>{" "}
                {target && <strong>{target}: </strong>}
                {diagnostic.message}
              </button>
            </li>
          );
        })}
      </ul>

      {!raw && netlist !== null && (
        <section className="simulation-netlist" aria-label="Netlist">
          <div className="simulation-netlist-actions">
            <button type="button" data-testid="netlist-copy" onClick={() => void copyNetlist()}>
              {copied ? "Copied" : "Copy"}
            </button>
            <button type="button" data-testid="netlist-download" onClick={downloadNetlist}>
              Download .cir
            </button>
          </div>
          <pre data-testid="netlist-view" className="netlist-view">
            {splitLines(netlist).map((text, index) => {
              const line = index + 1;
              const messages = netlistLines.get(line);
              return (
                <div
                  key={line}
                  data-line={line}
                  data-error={messages ? "true" : undefined}
                  title={messages?.join("\n")}
                  style={lineStyle(messages !== undefined, focusedLine === line)}
                >
                  <span className="line-number" aria-hidden="true" style={GUTTER_NUMBER}>
                    {line}
                  </span>
                  {text}
                </div>
              );
            })}
          </pre>
        </section>
      )}
    </div>
  );
}

function phaseOf(status: SimulationStatus): Phase {
  return status;
}

function statusText(run: RunState, now: number): string {
  const elapsed = formatElapsed((run.finishedAt ?? now) - (run.startedAt ?? run.finishedAt ?? now));
  const suffix = run.message ? ` ${run.message}` : "";
  switch (run.phase) {
    case "idle":
      return "Not run yet." + suffix;
    case "invalid":
      return run.message ?? "Fix the marked fields first.";
    case "submitting":
      return `Submitting… ${elapsed}` + suffix;
    case "queued":
      return `Queued… ${elapsed}` + suffix;
    case "running":
      return `Running… ${elapsed}` + suffix;
    case "succeeded":
      return `Finished in ${elapsed}.`;
    case "failed":
      return `Failed after ${elapsed}: see the diagnostics.`;
    case "cancelled":
      return "Cancelled.";
    case "refused":
      return `Refused: ${run.message ?? "see the diagnostics."}`;
    case "error":
      return `Error: ${run.message ?? "unknown"}`;
  }
}

const GUTTER_NUMBER = {
  display: "inline-block",
  minWidth: "3ch",
  marginRight: "1ch",
  textAlign: "right",
  opacity: 0.6,
  userSelect: "none",
} as const;

function lineStyle(error: boolean, focused: boolean) {
  if (focused) return { background: "rgba(255, 200, 0, 0.35)" };
  if (error) return { background: "rgba(255, 0, 0, 0.15)" };
  return undefined;
}

interface AnalysisEditorProps {
  index: number;
  form: AnalysisForm;
  errors: Record<string, string>;
  disabled: boolean;
  onChange(form: AnalysisForm): void;
  onRemove(): void;
}

function AnalysisEditor({
  index,
  form,
  errors,
  disabled,
  onChange,
  onRemove,
}: AnalysisEditorProps) {
  const label = ANALYSIS_TYPES.find((t) => t.type === form.type)?.label ?? form.type;
  return (
    <fieldset className="analysis" data-testid={`analysis-${index}`} data-type={form.type}>
      <legend>{label}</legend>
      {fieldsOf(form).map((spec) => (
        <AnalysisField
          key={spec.name}
          spec={spec}
          value={readField(form, spec.name)}
          error={errors[spec.name]}
          disabled={disabled}
          onChange={(value) => onChange(writeField(form, spec.name, value))}
        />
      ))}
      {form.type === "op" && <p className="analysis-note">No settings.</p>}
      <button type="button" data-testid="analysis-remove" disabled={disabled} onClick={onRemove}>
        Remove
      </button>
    </fieldset>
  );
}

interface AnalysisFieldProps {
  spec: FieldSpec;
  value: string | boolean;
  error: string | undefined;
  disabled: boolean;
  onChange(value: string | boolean): void;
}

function AnalysisField({ spec, value, error, disabled, onChange }: AnalysisFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const common = {
    id,
    "data-testid": `analysis-field-${spec.name}`,
    disabled,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? errorId : undefined,
  };
  let control;
  if (spec.kind === "checkbox") {
    control = (
      <input
        type="checkbox"
        {...common}
        checked={value === true}
        onChange={(event) => onChange(event.target.checked)}
      />
    );
  } else if (spec.kind === "select") {
    control = (
      <select {...common} value={String(value)} onChange={(event) => onChange(event.target.value)}>
        {spec.options?.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    );
  } else {
    control = (
      <input
        type="text"
        {...common}
        value={String(value)}
        placeholder={spec.placeholder}
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  return (
    <div className="analysis-field">
      <label htmlFor={id}>
        {spec.label}
        {spec.optional ? " (optional)" : ""}
      </label>{" "}
      {control}
      {error && (
        <span
          className="field-error"
          id={errorId}
          data-testid={`analysis-error-${spec.name}`}
          style={{ color: "#b00020", marginLeft: "0.5em" }}
        >
          {error}
        </span>
      )}
    </div>
  );
}

interface RawNetlistEditorProps {
  text: string;
  onChange(text: string): void;
  errorLines: Map<number, string[]>;
  errors: readonly ApiErrorDetail[];
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  onLoadFile(event: ChangeEvent<HTMLInputElement>): void;
  onSelectLine(line: number): void;
  disabled: boolean;
}

function RawNetlistEditor({
  text,
  onChange,
  errorLines,
  errors,
  textareaRef,
  onLoadFile,
  onSelectLine,
  disabled,
}: RawNetlistEditorProps) {
  const gutterRef = useRef<HTMLDivElement>(null);
  const lineCount = Math.max(splitLines(text).length, 1);
  const maxErrorLine = Math.max(0, ...errorLines.keys());
  const rows = Math.max(lineCount, maxErrorLine);
  return (
    <section className="raw-netlist" aria-label="Raw netlist">
      <label>
        Load file{" "}
        <input
          type="file"
          accept=".cir,.sp,.spi,.spice,.net,.ckt"
          data-testid="raw-file"
          disabled={disabled}
          onChange={onLoadFile}
        />
      </label>
      <div style={{ display: "flex", fontFamily: "monospace", lineHeight: "1.4em" }}>
        <div
          ref={gutterRef}
          aria-hidden="true"
          data-testid="raw-gutter"
          style={{ overflow: "hidden", height: "20em", textAlign: "right", paddingRight: "0.5ch" }}
        >
          {Array.from({ length: rows }, (_, index) => {
            const line = index + 1;
            const messages = errorLines.get(line);
            return (
              <div
                key={line}
                data-testid={`raw-line-${line}`}
                data-error={messages ? "true" : undefined}
                title={messages?.join("\n")}
                style={messages ? { background: "rgba(255, 0, 0, 0.25)", color: "#b00020" } : {}}
              >
                {messages ? "● " : ""}
                {line}
              </div>
            );
          })}
        </div>
        <textarea
          ref={textareaRef}
          data-testid="raw-netlist"
          aria-label="SPICE netlist"
          value={text}
          disabled={disabled}
          spellCheck={false}
          wrap="off"
          placeholder={"title line\nv1 in 0 dc 1\nr1 in out 1k\nc1 out 0 1u\n.tran 10u 5m\n.end"}
          style={{
            flex: 1,
            height: "20em",
            lineHeight: "1.4em",
            font: "inherit",
            resize: "vertical",
          }}
          onScroll={(event) => {
            if (gutterRef.current) gutterRef.current.scrollTop = event.currentTarget.scrollTop;
          }}
          onChange={(event) => onChange(event.target.value)}
        />
      </div>
      {errors.length > 0 && (
        <ul className="raw-errors" data-testid="raw-errors">
          {errors.map((error, index) => (
            <li key={index} data-testid={`raw-error-${index}`} style={{ color: "#b00020" }}>
              {error.line !== undefined ? (
                <button type="button" onClick={() => onSelectLine(error.line!)}>
                  Line {error.line}
                </button>
              ) : null}{" "}
              {error.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

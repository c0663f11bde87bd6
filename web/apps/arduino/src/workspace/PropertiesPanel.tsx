/**
 * The properties of the selection: a part's id, kind and editable props (LED colour, resistance,
 * breadboard size, ...), and during a run its live controls (sliders, toggles, a Hold button for
 * push buttons); a wire's ends and colour; several items' count. Boards offer to show their
 * sketch in the editor.
 */
import { pinRef, type PinRef } from "@ohmcloud/avr-sim";
import { useState } from "react";
import { findPart, isMcuKind, type PlacedPart, type WorkspaceDoc } from "./model/document";
import { removeItems, rotatePart, setPartProps, setWireColor, setWirePoints } from "./model/edits";
import { partGeometry } from "./model/geometry";
import { kindInfo, type PropSpec } from "./model/kinds";
import { initialControlValue, liveControlsOf, type LiveControl } from "./live-controls";
import { formatOhms, parseOhms } from "./ohms-input";
import type { PartControls } from "./part-visuals";

/** The colours a wire can be given. */
export const WIRE_SWATCHES = [
  "red",
  "black",
  "green",
  "blue",
  "yellow",
  "orange",
  "purple",
  "white",
  "gray",
] as const;

export interface PropertiesPanelProps {
  readonly doc: WorkspaceDoc;
  readonly selection: ReadonlySet<string>;
  onEdit(doc: WorkspaceDoc, label: string): void;
  readonly running: boolean;
  readonly controls: Readonly<Record<string, PartControls>>;
  onControl(part: string, name: string, value: number | boolean): void;
  onPress(part: string, pressed: boolean): void;
  onTracePin?(pin: PinRef): void;
  readonly selectedBoard?: string;
  onSelectBoard?(id: string): void;
}

export function PropertiesPanel(props: PropertiesPanelProps) {
  const { doc, selection } = props;
  const ids = [...selection];
  let body;
  if (ids.length === 0) {
    body = <p className="ws-muted">Select a part or a wire to see its properties.</p>;
  } else if (ids.length > 1) {
    body = (
      <>
        <p>{ids.length} items selected.</p>
        <button
          type="button"
          onClick={() => props.onEdit(removeItems(doc, ids), `Delete ${ids.length} items`)}
        >
          Delete them
        </button>
      </>
    );
  } else {
    const part = findPart(doc, ids[0]!);
    const wire = doc.wires.find((w) => w.id === ids[0]);
    if (part) body = <PartProperties {...props} part={part} />;
    else if (wire)
      body = (
        <>
          <h3>Wire {wire.id}</h3>
          <p className="ws-muted">
            {wire.from} – {wire.to}
          </p>
          <div className="ws-swatches" role="group" aria-label="Wire colour">
            {WIRE_SWATCHES.map((color) => (
              <button
                key={color}
                type="button"
                className={color === wire.color ? "ws-swatch ws-current" : "ws-swatch"}
                style={{ background: color }}
                title={color}
                aria-label={`${color} wire`}
                aria-pressed={color === wire.color}
                onClick={() =>
                  props.onEdit(setWireColor(doc, wire.id, color), `Colour ${wire.id} ${color}`)
                }
                data-testid={`wire-color-${color}`}
              />
            ))}
          </div>
          <div className="ws-row">
            {wire.points.length > 0 && (
              <button
                type="button"
                onClick={() =>
                  props.onEdit(setWirePoints(doc, wire.id, []), `Straighten ${wire.id}`)
                }
                title="Remove the wire's bends (drag a bend's handle to move it)"
                data-testid="wire-straighten"
              >
                Straighten
              </button>
            )}
            <button
              type="button"
              onClick={() => props.onEdit(removeItems(doc, [wire.id]), `Delete ${wire.id}`)}
            >
              Delete wire
            </button>
          </div>
        </>
      );
  }
  return (
    <aside className="ws-properties" aria-label="Properties" data-testid="properties">
      {body}
    </aside>
  );
}

function PartProperties(props: PropertiesPanelProps & { part: PlacedPart }) {
  const { part, doc, onEdit } = props;
  const info = kindInfo(part.kind);
  const setProp = (name: string, value: string | number) =>
    onEdit(setPartProps(doc, part.id, { ...part.props, [name]: value }), `Set ${part.id} ${name}`);
  const controls = liveControlsOf(part.kind);
  return (
    <>
      <h3>{info.title}</h3>
      <dl className="ws-facts">
        <dt>Id</dt>
        <dd data-testid="prop-id">{part.id}</dd>
        <dt>Kind</dt>
        <dd>{part.kind}</dd>
      </dl>
      {info.editableProps.map((spec) => (
        <PropField
          key={`${part.id}-${spec.name}-${String(part.props?.[spec.name])}`}
          spec={spec}
          value={part.props?.[spec.name]}
          onSet={setProp}
        />
      ))}
      {isMcuKind(part.kind) && props.onSelectBoard && (
        <p>
          {props.selectedBoard === part.id ? (
            <span className="ws-muted">The editor shows this board’s sketch.</span>
          ) : (
            <button
              type="button"
              onClick={() => props.onSelectBoard?.(part.id)}
              data-testid="select-board"
            >
              Edit this board’s sketch
            </button>
          )}
        </p>
      )}
      {props.onTracePin && <TracePin part={part} onTrace={props.onTracePin} />}
      <div className="ws-row">
        <button
          type="button"
          onClick={() => onEdit(rotatePart(doc, part.id), `Rotate ${part.id}`)}
          title="Rotate (R)"
        >
          Rotate
        </button>
        <button
          type="button"
          onClick={() => onEdit(removeItems(doc, [part.id]), `Delete ${part.id}`)}
          title="Delete (Del)"
        >
          Delete
        </button>
      </div>
      {props.running && (controls.length > 0 || part.kind === "push-button") && (
        <fieldset className="ws-controls">
          <legend>Live</legend>
          {controls.map((control) => (
            <ControlField
              key={control.name}
              control={control}
              value={
                props.controls[part.id]?.[control.name] ?? initialControlValue(control, part.props)
              }
              onChange={(value) => props.onControl(part.id, control.name, value)}
            />
          ))}
          {part.kind === "push-button" && (
            <button
              type="button"
              className="ws-hold"
              onPointerDown={() => props.onPress(part.id, true)}
              onPointerUp={() => props.onPress(part.id, false)}
              onPointerLeave={(event) => {
                if (event.buttons) props.onPress(part.id, false);
              }}
              onKeyDown={(event) => {
                if (event.key === " " && !event.repeat) props.onPress(part.id, true);
              }}
              onKeyUp={(event) => {
                if (event.key === " ") props.onPress(part.id, false);
              }}
              aria-pressed={props.controls[part.id]?.pressed === true}
              data-testid="control-hold"
            >
              Hold to press
            </button>
          )}
        </fieldset>
      )}
    </>
  );
}

function PropField({
  spec,
  value,
  onSet,
}: {
  spec: PropSpec;
  value: string | number | boolean | undefined;
  onSet(name: string, value: string | number): void;
}) {
  const id = `ws-prop-${spec.name}`;
  switch (spec.type) {
    case "choice":
      return (
        <label className="ws-field" htmlFor={id}>
          {spec.label}
          <select
            id={id}
            value={typeof value === "string" ? value : spec.choices[0]}
            onChange={(event) => onSet(spec.name, event.target.value)}
            data-testid={`prop-${spec.name}`}
          >
            {spec.choices.map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </select>
        </label>
      );
    case "ohms":
      return (
        <OhmsField
          spec={spec}
          value={typeof value === "number" ? value : undefined}
          onSet={onSet}
        />
      );
    case "number":
      return (
        <label className="ws-field" htmlFor={id}>
          {spec.label}
          <input
            id={id}
            type="number"
            min={spec.min}
            max={spec.max}
            step={spec.step}
            value={typeof value === "number" ? value : ""}
            onChange={(event) => {
              const number = event.target.valueAsNumber;
              if (Number.isFinite(number)) onSet(spec.name, number);
            }}
            data-testid={`prop-${spec.name}`}
          />
        </label>
      );
  }
}

/** A resistance typed as makers write it ("4.7k"), applied on Enter or when leaving the field. */
function OhmsField({
  spec,
  value,
  onSet,
}: {
  spec: PropSpec;
  value: number | undefined;
  onSet(name: string, value: number): void;
}) {
  const shown = value === undefined ? "" : formatOhms(value);
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    if (text === shown) return;
    const parsed = parseOhms(text);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError(null);
    onSet(spec.name, parsed.ohms);
  };
  const id = `ws-prop-${spec.name}`;
  return (
    <label className="ws-field" htmlFor={id}>
      {spec.label} (Ω)
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={text}
        placeholder="e.g. 220, 4.7k, 1M"
        onChange={(event) => setText(event.target.value)}
        onBlur={apply}
        onKeyDown={(event) => {
          if (event.key === "Enter") apply();
          if (event.key === "Escape") {
            setText(shown);
            setError(null);
          }
        }}
        aria-invalid={error !== null}
        data-testid={`prop-${spec.name}`}
      />
      {error && (
        <span className="ws-error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}

function ControlField({
  control,
  value,
  onChange,
}: {
  control: LiveControl;
  value: number | boolean;
  onChange(value: number | boolean): void;
}) {
  const id = `ws-control-${control.name}`;
  if (control.type === "toggle")
    return (
      <label className="ws-field ws-toggle" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={value === control.on}
          onChange={(event) => onChange(event.target.checked ? control.on : control.off)}
          data-testid={`control-${control.name}`}
        />
        {control.label}
      </label>
    );
  const number = typeof value === "number" ? value : control.fallback;
  return (
    <label className="ws-field" htmlFor={id}>
      {control.label}: {control.step < 1 ? number.toFixed(2) : number} {control.unit}
      <input
        id={id}
        type="range"
        min={control.min}
        max={control.max}
        step={control.step}
        value={number}
        onChange={(event) => onChange(Number(event.target.value))}
        data-testid={`control-${control.name}`}
      />
    </label>
  );
}

/** Picks one of the part's pins to record in the pin trace. */
function TracePin({ part, onTrace }: { part: PlacedPart; onTrace(pin: PinRef): void }) {
  const pins = partGeometry(part).pins;
  const [pin, setPin] = useState(pins[0]?.name ?? "");
  if (pins.length === 0 || part.kind === "breadboard") return null;
  return (
    <div className="ws-row ws-trace">
      <span>Trace a pin:</span>
      <select
        aria-label="Pin to trace"
        value={pin}
        onChange={(event) => setPin(event.target.value)}
        data-testid="trace-pin-choice"
      >
        {pins.map((p) => (
          <option key={p.name} value={p.name}>
            {p.label ?? p.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        onClick={() => onTrace(pinRef(part.id, pin))}
        data-testid="trace-pin-button"
      >
        Trace
      </button>
    </div>
  );
}

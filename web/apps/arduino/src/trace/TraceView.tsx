/**
 * The pin trace panel: choose which pins to record, watch them as a waveform while the sketch runs
 * (following the live end, or zoomed and panned), export the recording as VCD for GTKWave or
 * PulseView, and clear it. The recording itself (a `TraceBuffer`) and the traced pins belong to the
 * page, which feeds the worker's `traces` in with `appendTraces` and tells the worker which pins to
 * record with `{type: "trace", pins}`.
 */
import { useState } from "react";
import { splitPinRef, type PinRef } from "@ohmcloud/avr-sim";
import { traceWindow, type TraceBuffer } from "./trace-buffer";
import type { TracePinOption } from "./trace-pins";
import { FIT_ALL, followLive, type TraceViewport } from "./trace-viewport";
import { toVcd } from "./vcd";
import { Waveform } from "./Waveform";
import "./trace-view.css";

export interface TraceViewProps {
  /** The pins that can be traced (the circuit's MCU pins, or any part's). */
  readonly pins: readonly TracePinOption[];
  /** The pins traced now, in row order. */
  readonly traced: readonly PinRef[];
  readonly onTracedChange: (pins: readonly PinRef[]) => void;
  readonly buffer: TraceBuffer;
  /** Whether a sketch is running (the recording grows). */
  readonly running: boolean;
  /** Offers a file to the user (a browser download on the page). */
  readonly download: (name: string, text: string) => void;
  /** Empties the recording. */
  readonly onClear: () => void;
}

export const VCD_FILE_NAME = "pin-trace.vcd";

/** Options grouped by component, in the order given. */
function groupByComponent(pins: readonly TracePinOption[]): [string, TracePinOption[]][] {
  const groups = new Map<string, TracePinOption[]>();
  for (const pin of pins) {
    const { component } = splitPinRef(pin.ref);
    groups.set(component, [...(groups.get(component) ?? []), pin]);
  }
  return [...groups];
}

export function TraceView(props: TraceViewProps) {
  const { pins, traced, onTracedChange, buffer, running, download, onClear } = props;
  const [view, setView] = useState<TraceViewport>(FIT_ALL);
  const [wasRunning, setWasRunning] = useState(running);
  if (running !== wasRunning) {
    // A new run starts with the whole (new) recording in view, following it.
    setWasRunning(running);
    if (running) setView(FIT_ALL);
  }
  const bounds = traceWindow(buffer);
  const untraced = pins.filter((pin) => !traced.includes(pin.ref));
  const labelOf = (ref: PinRef) => pins.find((pin) => pin.ref === ref)?.label ?? ref;

  const add = (ref: string) => {
    if (ref !== "" && !traced.includes(ref)) onTracedChange([...traced, ref]);
  };
  const remove = (ref: PinRef) => onTracedChange(traced.filter((pin) => pin !== ref));
  const clear = () => {
    setView(FIT_ALL);
    onClear();
  };
  const exportVcd = () =>
    download(VCD_FILE_NAME, toVcd(buffer, { timescale: "1us", pins: traced }));

  return (
    <section className="ar-trace" aria-label="Pin trace" data-testid="trace-view">
      <header className="ar-trace-toolbar">
        <select
          aria-label="Trace a pin"
          data-testid="trace-add"
          value=""
          disabled={untraced.length === 0}
          onChange={(event) => add(event.target.value)}
        >
          <option value="">
            {pins.length === 0
              ? "No pins to trace"
              : untraced.length === 0
                ? "All pins traced"
                : "Trace a pin…"}
          </option>
          {groupByComponent(untraced).map(([component, options]) => (
            <optgroup key={component} label={component}>
              {options.map((pin) => (
                <option key={pin.ref} value={pin.ref}>
                  {pin.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <button
          type="button"
          aria-pressed={view.follow}
          title="Keep the latest time in view (L)"
          disabled={traced.length === 0}
          onClick={() => setView(followLive(view))}
        >
          Live
        </button>
        <button
          type="button"
          title="Show the whole recording (0)"
          disabled={traced.length === 0}
          onClick={() => setView(FIT_ALL)}
        >
          Fit
        </button>
        <button
          type="button"
          data-testid="trace-export-vcd"
          title="Download the recording as a Value Change Dump (GTKWave, PulseView)"
          disabled={traced.length === 0 || bounds === null}
          onClick={exportVcd}
        >
          Export VCD
        </button>
        <button type="button" disabled={bounds === null} onClick={clear}>
          Clear
        </button>
      </header>
      {traced.length === 0 ? (
        <p className="ar-muted" data-testid="trace-empty">
          Choose pins to trace: their levels are recorded while the sketch runs, drawn here as a
          waveform, and can be exported as VCD for GTKWave or PulseView.
        </p>
      ) : (
        <Waveform
          rows={traced.map((pin) => ({ pin, label: labelOf(pin) }))}
          buffer={buffer}
          bounds={bounds}
          view={view}
          onViewChange={setView}
          onRemove={remove}
          running={running}
          emptyText={
            running
              ? "Recording: waiting for the first change…"
              : "Run the sketch to record these pins."
          }
        />
      )}
    </section>
  );
}

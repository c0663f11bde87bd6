/**
 * The serial monitor: the sketch's `Serial` output (autoscrolling unless turned off, clearable,
 * optionally with each line's simulated time), the terminal's baud rate with a warning when it does
 * not match the sketch's, an input line sent with the chosen line ending to the sketch's
 * `Serial.read()`, and the serial plotter as a second tab.
 */
import { useLayoutEffect, useRef, useState, type FormEvent } from "react";
import { baudMismatch, MONITOR_BAUD_RATES } from "./baud-mismatch";
import type { PlotSeries } from "./plot-data";
import { LINE_ENDINGS, type LineEnding } from "./serial-log";
import { SerialPlotter } from "./SerialPlotter";

export interface SerialMonitorProps {
  readonly output: string;
  /** The same output with each line's simulated time. */
  readonly timestampedOutput: string;
  /** The terminal's baud rate (the IDE's menu); output is mis-decoded when it does not match. */
  readonly monitorBaud: number;
  readonly onMonitorBaud: (baud: number) => void;
  readonly plot: { readonly xs: readonly number[]; readonly series: readonly PlotSeries[] };
  /** The baud rate the sketch set, null before `Serial.begin` (or when not running). */
  readonly baud: number | null;
  /** Whether a sketch is running to receive input. */
  readonly running: boolean;
  readonly onSend: (text: string) => void;
  readonly onClear: () => void;
  /** The board whose serial port is shown, when the workspace has several (the editor's board). */
  readonly board?: string | null;
}

export function SerialMonitor(props: SerialMonitorProps) {
  const { output, timestampedOutput, baud, monitorBaud, running, onSend, onClear } = props;
  const [input, setInput] = useState("");
  const [view, setView] = useState<"monitor" | "plotter">("monitor");
  const [timestamps, setTimestamps] = useState(false);
  const [lineEnding, setLineEnding] = useState<LineEnding>("lf");
  const [autoscroll, setAutoscroll] = useState(true);
  const outputRef = useRef<HTMLPreElement>(null);

  useLayoutEffect(() => {
    const element = outputRef.current;
    if (autoscroll && element) element.scrollTop = element.scrollHeight;
  }, [output, autoscroll, timestamps, view]);

  const send = (event: FormEvent) => {
    event.preventDefault();
    onSend(input + LINE_ENDINGS[lineEnding].text);
    setInput("");
  };

  return (
    <section className="ar-serial" aria-label="Serial monitor">
      <header className="ar-serial-header">
        <div role="tablist" aria-label="Serial view" className="ar-serial-tabs">
          {(["monitor", "plotter"] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={view === name}
              onClick={() => setView(name)}
              data-testid={`serial-tab-${name}`}
            >
              {name === "monitor" ? "Serial monitor" : "Serial plotter"}
            </button>
          ))}
        </div>
        {props.board && (
          <span className="ar-serial-board" data-testid="serial-board">
            {props.board}
          </span>
        )}
        <span className="ar-muted" data-testid="serial-baud">
          {baud === null ? "Serial not started" : `${Math.round(baud)} baud`}
        </span>
        <select
          value={monitorBaud}
          onChange={(e) => props.onMonitorBaud(Number(e.target.value))}
          aria-label="Monitor baud rate"
          data-testid="monitor-baud"
        >
          {MONITOR_BAUD_RATES.map((rate) => (
            <option key={rate} value={rate}>
              {rate} baud
            </option>
          ))}
        </select>
        <label className="ar-check">
          <input
            type="checkbox"
            checked={timestamps}
            onChange={(e) => setTimestamps(e.target.checked)}
            data-testid="serial-timestamps"
          />
          Timestamps
        </label>
        <label className="ar-check">
          <input
            type="checkbox"
            checked={autoscroll}
            onChange={(e) => setAutoscroll(e.target.checked)}
          />
          Autoscroll
        </label>
        <button type="button" onClick={onClear} data-testid="serial-clear">
          Clear
        </button>
      </header>
      {baudMismatch(baud, monitorBaud) && (
        <p className="ar-warning" role="alert" data-testid="baud-warning">
          The sketch sends at {Math.round(baud!)} baud but the monitor is set to {monitorBaud}: the
          output is garbled, as on real hardware. Choose the sketch&apos;s rate.
        </p>
      )}
      {view === "monitor" ? (
        <pre className="ar-serial-output" ref={outputRef} data-testid="serial-output">
          {timestamps ? timestampedOutput : output}
        </pre>
      ) : (
        <SerialPlotter xs={props.plot.xs} series={props.plot.series} />
      )}
      <form className="ar-serial-input" onSubmit={send}>
        <input
          type="text"
          value={input}
          onChange={(e) => setInput(e.target.value)}
          placeholder={running ? "Text for Serial.read()" : "Run a sketch to send it text"}
          disabled={!running}
          aria-label="Serial input"
          data-testid="serial-input"
        />
        <select
          value={lineEnding}
          onChange={(e) => setLineEnding(e.target.value as LineEnding)}
          aria-label="Line ending"
        >
          {Object.entries(LINE_ENDINGS).map(([key, { label }]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
        <button type="submit" disabled={!running}>
          Send
        </button>
      </form>
    </section>
  );
}

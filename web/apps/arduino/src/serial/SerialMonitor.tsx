/**
 * The serial monitor: the sketch's `Serial` output (autoscrolling unless turned off, clearable) and
 * an input line sent with the chosen line ending to the sketch's `Serial.read()`.
 */
import { useLayoutEffect, useRef, useState, type FormEvent } from "react";
import { LINE_ENDINGS, type LineEnding } from "./serial-log";

export interface SerialMonitorProps {
  readonly output: string;
  /** The baud rate the sketch set, null before `Serial.begin` (or when not running). */
  readonly baud: number | null;
  /** Whether a sketch is running to receive input. */
  readonly running: boolean;
  readonly onSend: (text: string) => void;
  readonly onClear: () => void;
}

export function SerialMonitor({ output, baud, running, onSend, onClear }: SerialMonitorProps) {
  const [input, setInput] = useState("");
  const [lineEnding, setLineEnding] = useState<LineEnding>("lf");
  const [autoscroll, setAutoscroll] = useState(true);
  const outputRef = useRef<HTMLPreElement>(null);

  useLayoutEffect(() => {
    const element = outputRef.current;
    if (autoscroll && element) element.scrollTop = element.scrollHeight;
  }, [output, autoscroll]);

  const send = (event: FormEvent) => {
    event.preventDefault();
    onSend(input + LINE_ENDINGS[lineEnding].text);
    setInput("");
  };

  return (
    <section className="ar-serial" aria-label="Serial monitor">
      <header className="ar-serial-header">
        <h2>Serial monitor</h2>
        <span className="ar-muted" data-testid="serial-baud">
          {baud === null ? "Serial not started" : `${Math.round(baud)} baud`}
        </span>
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
      <pre className="ar-serial-output" ref={outputRef} data-testid="serial-output">
        {output}
      </pre>
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

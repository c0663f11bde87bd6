/**
 * The serial monitor's text and plot of each running board. Bytes arrive as the sketch sends
 * them at its baud rate; a terminal set to another rate receives them mis-sampled (see
 * baud-mismatch.ts), as real hardware does, so what is kept is what the monitor "heard".
 */
import { baudMismatch, misreceive } from "./baud-mismatch";
import { PlotBuffer, type PlotSeries } from "./plot-data";
import { SerialOutput } from "./serial-log";

export interface ConsoleView {
  readonly text: string;
  readonly timestamped: string;
  readonly plot: { readonly xs: readonly number[]; readonly series: readonly PlotSeries[] };
}

export const EMPTY_CONSOLE: ConsoleView = {
  text: "",
  timestamped: "",
  plot: { xs: [], series: [] },
};

export class SerialConsoles {
  private readonly consoles = new Map<string, { output: SerialOutput; plot: PlotBuffer }>();

  private of(board: string) {
    let console = this.consoles.get(board);
    if (!console) {
      console = { output: new SerialOutput(), plot: new PlotBuffer() };
      this.consoles.set(board, console);
    }
    return console;
  }

  /** Bytes `board` sent at `sketchBaud`, heard by a terminal at `monitorBaud`, by time `atMs`. */
  receive(
    board: string,
    bytes: readonly number[],
    sketchBaud: number | null,
    monitorBaud: number,
    atMs: number,
  ): void {
    if (bytes.length === 0) return;
    const heard =
      sketchBaud !== null && baudMismatch(sketchBaud, monitorBaud)
        ? misreceive(bytes, sketchBaud, monitorBaud)
        : bytes;
    const { output, plot } = this.of(board);
    output.append(heard, atMs);
    for (const line of output.takeCompletedLines()) plot.add(line.ms, line.text);
  }

  view(board: string): ConsoleView {
    const console = this.consoles.get(board);
    if (!console) return EMPTY_CONSOLE;
    return {
      text: console.output.text,
      timestamped: console.output.timestamped,
      plot: { xs: [...console.plot.xs], series: console.plot.allSeries },
    };
  }

  /** Clears one board's console, or all. */
  clear(board?: string): void {
    if (board === undefined) this.consoles.clear();
    else this.consoles.delete(board);
  }
}

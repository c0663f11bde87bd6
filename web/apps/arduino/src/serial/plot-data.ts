/**
 * The serial plotter's data, as the Arduino IDE reads it: each line is one sample; its numbers are
 * separated by commas, spaces or tabs, and a `label:value` pair names its series (unnamed numbers
 * are "value 1", "value 2", … by position). Only the last {@link MAX_PLOT_POINTS} samples are kept.
 */

export const MAX_PLOT_POINTS = 500;

export interface PlotValue {
  readonly name: string;
  readonly value: number;
}

export function parsePlotLine(line: string): PlotValue[] {
  const values: PlotValue[] = [];
  let position = 0;
  for (const field of line.trim().split(/[,\s]+/)) {
    if (field === "") continue;
    const colon = field.lastIndexOf(":");
    const label = colon >= 0 ? field.slice(0, colon) : "";
    const number = colon >= 0 ? field.slice(colon + 1) : field;
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(number)) continue;
    position += 1;
    values.push({ name: label || `value ${position}`, value: Number(number) });
  }
  return values;
}

export interface PlotSeries {
  readonly name: string;
  /** Aligned with `x`; null where a sample lacked the series. */
  readonly values: readonly (number | null)[];
}

/** Samples over simulated time (x in seconds), one series per name seen. */
export class PlotBuffer {
  private x: number[] = [];
  private readonly series = new Map<string, (number | null)[]>();

  constructor(private readonly maxPoints = MAX_PLOT_POINTS) {}

  /** Adds a line printed at simulated time `ms`; lines without numbers are not samples. */
  add(ms: number, line: string): boolean {
    const values = parsePlotLine(line);
    if (values.length === 0) return false;
    this.x.push(ms / 1000);
    for (const { name, value } of values) {
      const column = this.series.get(name) ?? [];
      while (column.length < this.x.length - 1) column.push(null);
      column[this.x.length - 1] = value;
      this.series.set(name, column);
    }
    for (const column of this.series.values())
      while (column.length < this.x.length) column.push(null);
    if (this.x.length > this.maxPoints) {
      const drop = this.x.length - this.maxPoints;
      this.x = this.x.slice(drop);
      for (const [name, column] of this.series) this.series.set(name, column.slice(drop));
    }
    return true;
  }

  get xs(): readonly number[] {
    return this.x;
  }

  get allSeries(): PlotSeries[] {
    return [...this.series].map(([name, values]) => ({ name, values }));
  }

  clear(): void {
    this.x = [];
    this.series.clear();
  }
}

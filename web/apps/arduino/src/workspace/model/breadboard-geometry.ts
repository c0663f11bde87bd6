/**
 * Where a breadboard's holes are (avr-sim's hole names, circuit/breadboard.ts), on the 0.1" grid
 * of 9.6 px. In grid pitches from the board's top-left:
 *
 *     rows:    tn 1, tp 2            top rails (− outside, + inside)
 *              a 4 … e 8             terminal strips above the centre channel
 *              f 11 … j 15           terminal strips below it (e to f is 0.3", a DIP chip's width)
 *              bp 17, bn 18          bottom rails (+ inside, − outside); the board is 19 high
 *     columns: n (1…63; half board 1…30) at n + 1; the board is columns + 3 wide
 *     rails:   hole k (1…50; half 1…25) in groups of five, one pitch between groups, centred
 *              under the columns.
 *
 * Drawing it: a light board of `width` × `height`, a hole (≈ 4 px square) at each pin, a red line
 * beside each + rail and a blue one beside each − rail (broken between holes 25 and 26 with
 * `splitRails`), the row letters at x = 1 pitch and column numbers above row a / below row j.
 */
import { breadboardGeometry, type PartProps } from "@ohmcloud/avr-sim";
import type { PartGeometry } from "./geometry";

/** The 0.1" pitch of breadboards and part legs, in workspace units. */
export const GRID_PITCH = 9.6;

/** Each hole row's y, in pitches from the board's top. */
export const BREADBOARD_ROW_Y: Readonly<Record<string, number>> = {
  tn: 1,
  tp: 2,
  a: 4,
  b: 5,
  c: 6,
  d: 7,
  e: 8,
  f: 11,
  g: 12,
  h: 13,
  i: 14,
  j: 15,
  bp: 17,
  bn: 18,
};
const HEIGHT_PITCHES = 19;
const TERMINAL_ROWS = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"] as const;
const RAILS = ["tn", "tp", "bp", "bn"] as const;
const RAIL_GROUP = 5;

export interface BreadboardLayout extends PartGeometry {
  readonly columns: number;
  readonly railHoles: number;
  /** Rail holes after which the rails are broken (empty: continuous rails). */
  readonly railBreaks: readonly number[];
  /** x of rail hole `k` (1-based), in workspace units from the board's left. */
  railHoleX(k: number): number;
  /** x of column `n` (1-based). */
  columnX(n: number): number;
}

/** The breadboard a part's props describe (`size` "full" or "half", `splitRails`). */
export function breadboardLayout(props?: PartProps): BreadboardLayout {
  const size = props?.size === "half" ? "half" : "full";
  const { columns, railHoles, railBreaks } = breadboardGeometry(size, props?.splitRails === true);
  const columnX = (n: number) => (n + 1) * GRID_PITCH;
  const railSpan = (railHoles / RAIL_GROUP) * (RAIL_GROUP + 1) - 2;
  const railStart = Math.round((2 + columns + 1 - railSpan) / 2);
  const railHoleX = (k: number) =>
    (railStart + Math.floor((k - 1) / RAIL_GROUP) * (RAIL_GROUP + 1) + ((k - 1) % RAIL_GROUP)) *
    GRID_PITCH;
  const pins: { name: string; x: number; y: number }[] = [];
  for (let n = 1; n <= columns; n++)
    for (const row of TERMINAL_ROWS)
      pins.push({ name: `${row}${n}`, x: columnX(n), y: BREADBOARD_ROW_Y[row]! * GRID_PITCH });
  for (const rail of RAILS)
    for (let k = 1; k <= railHoles; k++)
      pins.push({ name: `${rail}${k}`, x: railHoleX(k), y: BREADBOARD_ROW_Y[rail]! * GRID_PITCH });
  return {
    width: (columns + 3) * GRID_PITCH,
    height: HEIGHT_PITCHES * GRID_PITCH,
    pins,
    columns,
    railHoles,
    railBreaks,
    railHoleX,
    columnX,
  };
}

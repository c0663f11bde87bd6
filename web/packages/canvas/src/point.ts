/** A 2-D point or vector. World units are grid-independent; screen units are CSS pixels. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

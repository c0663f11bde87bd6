/**
 * The schematic document, format v1 (docs/formats/schematic.md), and the placement transform that puts a
 * library symbol's pins on the sheet, identical to the server's `schematic/geometry.py`.
 *
 * Coordinates are integer mils; on the sheet y grows downwards, inside a symbol it grows upwards.
 */

/** `[x, y]` in mils, as the format writes points. */
export type XY = readonly [number, number];

export type Rotation = 0 | 90 | 180 | 270;
export type Mirror = "none" | "x" | "y";

export interface Component {
  readonly id: string;
  readonly symbol: string;
  readonly unit?: number;
  readonly position: XY;
  readonly rotation?: Rotation;
  readonly mirror?: Mirror;
  readonly reference: string;
  readonly value?: string;
  readonly properties?: Readonly<Record<string, string>>;
}

export interface Wire {
  readonly id: string;
  readonly points: readonly XY[];
}

export interface Junction {
  readonly id: string;
  readonly position: XY;
}

export interface Label {
  readonly id: string;
  readonly position: XY;
  readonly text: string;
  readonly kind?: "local" | "global";
  readonly rotation?: Rotation;
}

export interface NoConnect {
  readonly id: string;
  readonly position: XY;
}

export interface Sheet {
  readonly size?: "A1" | "A2" | "A3" | "A4" | "A5";
  readonly orientation?: "landscape" | "portrait";
}

export interface TitleBlock {
  readonly title?: string;
  readonly date?: string;
  readonly revision?: string;
  readonly company?: string;
  readonly comments?: readonly string[];
}

/** A schematic document; the editor always holds every item array (the format lets them default to `[]`). */
export interface Schematic {
  readonly format: "ohmcloud-schematic";
  readonly version: 1;
  readonly sheet?: Sheet;
  readonly title_block?: TitleBlock;
  readonly components: readonly Component[];
  readonly wires: readonly Wire[];
  readonly junctions: readonly Junction[];
  readonly labels: readonly Label[];
  readonly no_connects: readonly NoConnect[];
}

/** A pin of a library symbol, in the symbol's frame (mils, y up). `unit` 0: common to every unit. */
export interface SymbolPin {
  readonly number: string;
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly unit: number;
  readonly hidden: boolean;
  /** KiCad's electrical type (`power_in`, `power_out`, `passive` ...): names implicit power nets and flags. */
  readonly electrical_type?: string;
}

/** A box in mils: in the symbol frame (y up) for `SymbolPins.body`, on the sheet (y down) elsewhere. */
export interface Box {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/** What the editor core needs from a library symbol. */
export interface SymbolPins {
  readonly pins: readonly SymbolPin[];
  readonly is_power: boolean;
  /** The library's default value, naming the net of a power symbol whose value is empty. */
  readonly default_value?: string;
  /** The body's bounding box in the symbol frame; derived from the pins when absent. */
  readonly body?: Box;
}

/** Looks a library symbol up by its `LIBRARY:NAME`; undefined when unknown (such parts contribute no pins). */
export type SymbolLookup = (symbol: string) => SymbolPins | undefined;

/** `(a, b, c, d)`: a symbol point `(u, v)` lands at `position + (a·u + b·v, c·u + d·v)`. */
export type Matrix = readonly [number, number, number, number];

export const ROTATIONS: readonly Rotation[] = [0, 90, 180, 270];
export const MIRRORS: readonly Mirror[] = ["none", "x", "y"];

const ROTATION_MATRICES: Record<Rotation, Matrix> = {
  0: [1, 0, 0, 1],
  90: [0, 1, -1, 0],
  180: [-1, 0, 0, -1],
  270: [0, -1, 1, 0],
};
const MIRROR_MATRICES: Record<Mirror, Matrix> = {
  none: [1, 0, 0, 1],
  x: [1, 0, 0, -1],
  y: [-1, 0, 0, 1],
};
const FLIP_Y: Matrix = [1, 0, 0, -1];

/** first · second. */
export function multiply(first: Matrix, second: Matrix): Matrix {
  const [a, b, c, d] = first;
  const [e, f, g, h] = second;
  return [a * e + b * g, a * f + b * h, c * e + d * g, c * f + d * h];
}

/** R(rotation) · M(mirror) · flip-y: the linear part of the symbol-to-sheet transform. */
export function placementMatrix(rotation: Rotation = 0, mirror: Mirror = "none"): Matrix {
  const matrix = ROTATION_MATRICES[rotation];
  const flip = MIRROR_MATRICES[mirror];
  if (matrix === undefined || flip === undefined) {
    throw new RangeError(`invalid placement: rotation ${rotation}, mirror ${mirror}`);
  }
  return multiply(multiply(matrix, flip), FLIP_Y);
}

/** A symbol-frame point (y up) on the sheet (y down), for a symbol placed at `position`. */
export function toSheet(
  point: XY,
  position: XY,
  rotation: Rotation = 0,
  mirror: Mirror = "none",
): XY {
  const [a, b, c, d] = placementMatrix(rotation, mirror);
  return [position[0] + a * point[0] + b * point[1], position[1] + c * point[0] + d * point[1]];
}

/** The pins of the component's unit: its own and those common to every unit (unit 0). */
export function unitPins(component: Component, symbol: SymbolPins): SymbolPin[] {
  const unit = component.unit ?? 1;
  return symbol.pins.filter((pin) => pin.unit === 0 || pin.unit === unit);
}

/** A pin of a placed component, with its position on the sheet. */
export interface PlacedPin {
  readonly pin: SymbolPin;
  readonly position: XY;
}

/** The pins of the component's unit where they land on the sheet. */
export function placedPins(component: Component, symbol: SymbolPins): PlacedPin[] {
  const [a, b, c, d] = placementMatrix(component.rotation, component.mirror);
  const [px, py] = component.position;
  return unitPins(component, symbol).map((pin) => ({
    pin,
    position: [px + a * pin.x + b * pin.y, py + c * pin.x + d * pin.y] as XY,
  }));
}

/** `{pin number: sheet position}` for the pins of the component's unit (the server's `pin_positions`). */
export function pinPositions(component: Component, symbol: SymbolPins): Map<string, XY> {
  return new Map(placedPins(component, symbol).map(({ pin, position }) => [pin.number, position]));
}

/** The symbol's body box in its own frame: `body`, else the box around its pins. */
export function symbolBody(symbol: SymbolPins): Box {
  if (symbol.body !== undefined) return symbol.body;
  return boxAround(symbol.pins.map((pin) => [pin.x, pin.y] as XY)) ?? ZERO_BOX;
}

/** The component's body box on the sheet. */
export function componentBox(component: Component, symbol: SymbolPins): Box {
  const body = symbolBody(symbol);
  const corners: XY[] = [
    [body.minX, body.minY],
    [body.maxX, body.minY],
    [body.minX, body.maxY],
    [body.maxX, body.maxY],
  ];
  const placed = corners.map((corner) =>
    toSheet(corner, component.position, component.rotation, component.mirror),
  );
  return boxAround(placed) ?? ZERO_BOX;
}

const ZERO_BOX: Box = { minX: 0, minY: 0, maxX: 0, maxY: 0 };

/** The smallest box holding every point, or undefined for none. */
export function boxAround(points: Iterable<XY>): Box | undefined {
  let box: Box | undefined;
  for (const [x, y] of points) {
    box =
      box === undefined
        ? { minX: x, minY: y, maxX: x, maxY: y }
        : {
            minX: Math.min(box.minX, x),
            minY: Math.min(box.minY, y),
            maxX: Math.max(box.maxX, x),
            maxY: Math.max(box.maxY, y),
          };
  }
  return box;
}

/** An empty schematic document. */
export function emptySchematic(): Schematic {
  return {
    format: "ohmcloud-schematic",
    version: 1,
    components: [],
    wires: [],
    junctions: [],
    labels: [],
    no_connects: [],
  };
}

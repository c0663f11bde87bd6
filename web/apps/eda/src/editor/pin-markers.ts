/**
 * Which placed pins are left open, for the small KiCad-style circle the canvas draws on a dangling pin.
 *
 * A pin is connected when something touches it on the sheet: another pin at the same point, a wire ending
 * at it or passing through it, a label, junction or no-connect flag on it (the flag says "open on purpose").
 * Joining a net by name alone does not count: a ground symbol wired to nothing is a mistake worth showing.
 * The core's nets narrow the search: only the wires of the pin's own net can touch it.
 */
import {
  pinKey,
  placedPins,
  type Connectivity,
  type Scene,
  type SymbolLookup,
  type XY,
} from "@ohmcloud/canvas";

export interface PinMarker {
  readonly componentId: string;
  readonly reference: string;
  readonly number: string;
  /** Where the pin connects, on the sheet. */
  readonly position: XY;
  readonly connected: boolean;
  /**
   * A hidden pin of an ordinary symbol (a 74xx supply pin): it joins its net by name and is never drawn.
   * The hidden pin of a power symbol is its connection point and is drawn like any other.
   */
  readonly hidden: boolean;
}

/** Every pin of every component whose symbol is known, in document order, with whether it is connected. */
export function pinMarkers(
  scene: Scene,
  connectivity: Connectivity,
  symbols: SymbolLookup,
): PinMarker[] {
  const schematic = scene.schematic;
  const key = (point: XY): string => `${point[0]},${point[1]}`;
  const pinsAt = new Map<string, number>();
  const placed = schematic.components.flatMap((component) => {
    const symbol = symbols(component.symbol);
    if (symbol === undefined) return [];
    return placedPins(component, symbol).map(({ pin, position }) => {
      pinsAt.set(key(position), (pinsAt.get(key(position)) ?? 0) + 1);
      return { component, pin, position, power: symbol.is_power };
    });
  });
  const marked = new Set(
    [...schematic.labels, ...schematic.junctions, ...schematic.no_connects].map((item) =>
      key(item.position),
    ),
  );
  return placed.map(({ component, pin, position, power }) => {
    const net = connectivity.nets[connectivity.pinNets.get(pinKey(component.id, pin.number)) ?? -1];
    const connected =
      (pinsAt.get(key(position)) ?? 0) > 1 ||
      marked.has(key(position)) ||
      (net?.wires ?? []).some((id) => {
        const entry = scene.get(id);
        return entry?.kind === "wire" && onPolyline(position, entry.item.points);
      });
    return {
      componentId: component.id,
      reference: component.reference,
      number: pin.number,
      position,
      connected,
      hidden: pin.hidden === true && !power,
    };
  });
}

/** Whether `point` lies exactly on the polyline (integer mils: exact arithmetic, like the core's nets). */
export function onPolyline(point: XY, points: readonly XY[]): boolean {
  const [x, y] = point;
  for (let i = 0; i + 1 < points.length; i++) {
    const [x0, y0] = points[i] as XY;
    const [x1, y1] = points[i + 1] as XY;
    const cross = (x1 - x0) * (y - y0) - (y1 - y0) * (x - x0);
    const within =
      x >= Math.min(x0, x1) &&
      x <= Math.max(x0, x1) &&
      y >= Math.min(y0, y1) &&
      y <= Math.max(y0, y1);
    if (cross === 0 && within) return true;
  }
  return false;
}

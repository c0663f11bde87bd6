/**
 * Operating-point values for the schematic: each non-ground net's voltage and each source's current,
 * as text with a place on the sheet (every other part's current is one probe click away; written on
 * every resistor and diode they would bury the voltages). Pure: the overlay only draws
 * what this returns. Positions are sheet mils (y down), like everything the canvas draws.
 */
import {
  componentBox,
  labelBox,
  type Box,
  type Component,
  type Connectivity,
  type Label,
  type Net,
  type Schematic,
  type SymbolLookup,
  type XY,
} from "@ohmcloud/canvas";
import { formatSi } from "../spice/si-value";
import { currentVectors, voltageVector, type SpiceNames } from "./probe";
import type { ResultPlot, SimulationResult } from "./types";

export type TextAnchor = "start" | "middle" | "end";

interface Placed {
  /** Where the text's anchor sits on its baseline. */
  readonly at: XY;
  readonly anchor: TextAnchor;
  /** The value as shown: `7.5 V`, `-2.5 mA`. */
  readonly text: string;
  readonly value: number;
  /** The result vector it comes from. */
  readonly vector: string;
}

export type OpAnnotation =
  | (Placed & { readonly kind: "voltage"; readonly net: string })
  | (Placed & {
      readonly kind: "current";
      readonly componentId: string;
      readonly reference: string;
    });

export interface OperatingPointInput {
  readonly schematic: Schematic;
  readonly symbols: SymbolLookup;
  /** The core's nets of `schematic` (`buildConnectivity`). */
  readonly connectivity: Connectivity;
  /** The netlist's names of the run that produced `plot`. */
  readonly names: SpiceNames;
  /** An operating-point plot (`kind: "op"`). */
  readonly plot: ResultPlot;
}

/** The annotations' font size in mils, a little under the labels' 60. */
export const ANNOTATION_FONT_SIZE = 50;

/**
 * Values under ngspice's default absolute tolerances (vntol 1 µV, abstol 1 pA) are solver noise,
 * not readings (an unbiased rectifier's `-4.8e-27 V`): shown as 0.
 */
const NOISE_FLOOR = { V: 1e-6, A: 1e-12 } as const;
const DIGITS = 3;

/** The result's operating-point plot, if the run had one. */
export function operatingPointPlot(
  result: SimulationResult | null | undefined,
): ResultPlot | undefined {
  return result?.plots.find((plot) => plot.kind === "op");
}

/** A reading for the sheet: 3 significant digits, SI prefix, solver noise as 0. */
export function formatReadingOnSheet(value: number, unit: "V" | "A"): string {
  return formatSi(Math.abs(value) < NOISE_FLOOR[unit] ? 0 : value, unit, DIGITS);
}

/** One annotation per non-ground net with a voltage and per source with a current, in sheet order. */
export function operatingPointAnnotations(input: OperatingPointInput): OpAnnotation[] {
  return [...voltageAnnotations(input), ...currentAnnotations(input)];
}

function voltageAnnotations(input: OperatingPointInput): OpAnnotation[] {
  const { schematic, symbols, connectivity, names, plot } = input;
  const labels = new Map(schematic.labels.map((label) => [label.id, label]));
  const wires = new Map(schematic.wires.map((wire) => [wire.id, wire]));
  // What the text should not cover: part bodies, label texts, and the values placed before it.
  const taken: Box[] = [
    ...schematic.components.flatMap((component) => {
      const symbol = symbols(component.symbol);
      return symbol === undefined ? [] : [componentBox(component, symbol)];
    }),
    ...schematic.labels.map((label) => labelBox(label, LABEL_METRICS)),
  ];
  const annotations: OpAnnotation[] = [];
  for (const net of connectivity.nets) {
    const node = names.nodes[net.name];
    if (net.isGround || node === undefined || node === "0") continue;
    const vector = voltageVector(plot, node);
    const value = vector?.values[0];
    if (vector === undefined || value === undefined || !Number.isFinite(value)) continue;
    const text = formatReadingOnSheet(value, "V");
    const candidates = netPlaces(net, labels, wires);
    const place =
      candidates.find((c) => !taken.some((box) => overlaps(box, textBox(c, text)))) ??
      candidates[0];
    if (place === undefined) continue;
    taken.push(textBox(place, text));
    annotations.push({
      kind: "voltage",
      net: net.name,
      vector: vector.name,
      value,
      text,
      ...place,
    });
  }
  return annotations;
}

/** Element letters whose current is written on the sheet: independent voltage and current sources. */
const SOURCES: ReadonlySet<string> = new Set(["V", "I"]);

function currentAnnotations({
  schematic,
  symbols,
  names,
  plot,
}: OperatingPointInput): OpAnnotation[] {
  const annotations: OpAnnotation[] = [];
  const done = new Set<string>(); // the units of one part share its element: annotate it once
  for (const component of schematic.components) {
    const element = names.elements[component.id];
    if (
      element === undefined ||
      done.has(element) ||
      !SOURCES.has(element[0]?.toUpperCase() ?? "")
    ) {
      continue;
    }
    done.add(element);
    // Only a single current reads unambiguously next to a part (a BJT's three do not).
    const vectors = currentVectors(plot, element);
    const vector = vectors.length === 1 ? vectors[0] : undefined;
    const value = vector?.values[0];
    if (vector === undefined || value === undefined || !Number.isFinite(value)) continue;
    annotations.push({
      kind: "current",
      componentId: component.id,
      reference: component.reference,
      vector: vector.name,
      value,
      text: formatReadingOnSheet(value, "A"),
      ...partPlace(component, symbols),
    });
  }
  return annotations;
}

type Place = Pick<Placed, "at" | "anchor">;

/** Label text as the canvas draws it: 60 mils high, ~0.55 em a character (an estimate: no DOM here). */
const LABEL_METRICS = { labelCharWidth: 33, labelHeight: 60 };
const CHARACTER_WIDTH = 0.55 * ANNOTATION_FONT_SIZE;
const GAP = 30;

/**
 * Where a net's voltage may go, best first: after the text of each of its labels (those spelling the
 * net's name first), beside the middle of its longest wire segment, beside its first pin. The first
 * spot that covers nothing is taken.
 */
function netPlaces(
  net: Net,
  labels: ReadonlyMap<string, Label>,
  wires: ReadonlyMap<string, Schematic["wires"][number]>,
): Place[] {
  const places: Place[] = [];
  const netLabels = net.labels.flatMap((id) => labels.get(id) ?? []);
  const ordered = [
    ...netLabels.filter((l) => l.text === net.name),
    ...netLabels.filter((l) => l.text !== net.name),
  ];
  for (const label of ordered) {
    const [x, y] = label.position;
    if ((label.rotation ?? 0) === 0) {
      // The canvas draws the label's text from (x + 10, y - 15): continue that line.
      places.push({
        at: [labelBox(label, LABEL_METRICS).maxX + 10 + GAP, y - 15],
        anchor: "start",
      });
    } else {
      places.push({ at: [x + GAP, y + GAP + ANNOTATION_FONT_SIZE], anchor: "start" });
    }
  }
  const segment = longestSegment(net.wires.flatMap((id) => wires.get(id) ?? []));
  if (segment !== undefined) {
    const [[x0, y0], [x1, y1]] = segment;
    const middle: XY = [(x0 + x1) / 2, (y0 + y1) / 2];
    places.push(
      x0 === x1
        ? { at: [middle[0] + GAP, middle[1] + ANNOTATION_FONT_SIZE / 3], anchor: "start" }
        : { at: [middle[0], middle[1] - GAP], anchor: "middle" },
    );
  }
  const pin = net.pins.find((p) => !p.power) ?? net.pins[0];
  if (pin !== undefined) {
    places.push({ at: [pin.position[0] + GAP, pin.position[1] - GAP], anchor: "start" });
  }
  return places;
}

/** The sheet box a text at `place` covers (estimated width, one line above the baseline). */
function textBox({ at: [x, y], anchor }: Place, text: string): Box {
  const width = text.length * CHARACTER_WIDTH;
  const minX = anchor === "start" ? x : anchor === "middle" ? x - width / 2 : x - width;
  return { minX, maxX: minX + width, minY: y - ANNOTATION_FONT_SIZE, maxY: y };
}

function overlaps(a: Box, b: Box): boolean {
  return a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY;
}

function longestSegment(wires: readonly Schematic["wires"][number][]): [XY, XY] | undefined {
  let best: [XY, XY] | undefined;
  let bestLength = -1;
  for (const wire of wires) {
    for (let i = 0; i + 1 < wire.points.length; i++) {
      const a = wire.points[i] as XY;
      const b = wire.points[i + 1] as XY;
      const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
      if (length > bestLength) {
        best = [a, b];
        bestLength = length;
      }
    }
  }
  return best;
}

/**
 * Left of the part, level with the top of its body: the reference and value fields sit right of
 * it or across its middle (a long source value runs out to both sides).
 */
function partPlace(component: Component, symbols: SymbolLookup): Place {
  const symbol = symbols(component.symbol);
  const [x, y] = component.position;
  const box = symbol !== undefined ? componentBox(component, symbol) : undefined;
  return {
    at: [(box?.minX ?? x - 100) - GAP, (box?.minY ?? y - 100) + ANNOTATION_FONT_SIZE],
    anchor: "end",
  };
}

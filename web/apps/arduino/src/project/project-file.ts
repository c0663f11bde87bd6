/**
 * The project file (docs/formats/arduino-project.md): board, sketch files, the sketches of further
 * boards, the circuit and where the workspace draws it, in one JSON document. Reading checks
 * everything the app relies on, and the circuit against avr-sim's part catalog, so a bad file is
 * refused with a message saying what is wrong (and which entry) instead of half-loading.
 */
import {
  CircuitError,
  isBoardId,
  PART_CATALOG,
  PreparedCircuit,
  type BoardId,
  type Circuit,
  type ComponentSpec,
} from "@ohmcloud/avr-sim";
import { SKETCH_FILE_NAME } from "../editor/sketch-files";
import { BLINK_SKETCH, MAIN_TAB } from "../sketch/examples";
import { isMcuKind, ROTATIONS, type Rotation } from "../workspace/model/document";

export const PROJECT_FORMAT = "ohmcloud-arduino-project";
export const PROJECT_VERSION = 1;

export type SketchFiles = Readonly<Record<string, string>>;

export interface ArduinoProject {
  /** Kind of the main board (the first MCU component in `circuit.components`). */
  readonly board: BoardId;
  /** The main board's sketch: file name → text; always has {@link MAIN_TAB}. */
  readonly sketch: SketchFiles;
  /** Sketches of the other MCU components, by component id. */
  readonly sketches?: Readonly<Record<string, SketchFiles>>;
  /** The complete electrical circuit, legs in breadboard holes included. */
  readonly circuit: Circuit;
  readonly layout?: ProjectLayout;
}

/** Where the workspace draws a part: its top-left before rotation, in workspace units. */
export interface LayoutPart {
  readonly x: number;
  readonly y: number;
  readonly rotation: Rotation;
}

/** How the workspace draws a wire of the circuit. */
export interface LayoutWire {
  readonly color: string;
  /** Bend points between the wire's two ends, `[x, y]`. */
  readonly points: readonly (readonly [number, number])[];
  /** The workspace's id for the wire, kept so a reloaded workspace matches the saved one. */
  readonly id?: string;
}

export interface ProjectLayout {
  readonly parts: Readonly<Record<string, LayoutPart>>;
  /** Aligned with `circuit.wires` by index; null (or missing) = not drawn, e.g. a leg in a hole. */
  readonly wires: readonly (LayoutWire | null)[];
}

export class ProjectFileError extends Error {}

/** A new project: an Uno alone, running Blink on its built-in LED. */
export function newProject(): ArduinoProject {
  return {
    board: "uno",
    sketch: { [MAIN_TAB]: BLINK_SKETCH },
    circuit: { components: [{ id: "uno", kind: "uno" }], wires: [] },
    layout: { parts: { uno: { x: 48, y: 48, rotation: 0 } }, wires: [] },
  };
}

export function serializeProject(project: ArduinoProject): string {
  const { board, sketch, sketches, circuit, layout } = project;
  const document = {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    board,
    sketch,
    ...(sketches && { sketches }),
    circuit,
    ...(layout && { layout }),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The project in a file's text; throws {@link ProjectFileError} saying what is wrong. */
export function parseProject(text: string): ArduinoProject {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new ProjectFileError("The file is not JSON.");
  }
  if (!isObject(document) || document.format !== PROJECT_FORMAT)
    throw new ProjectFileError(`Not an Arduino project: "format" must be "${PROJECT_FORMAT}".`);
  if (document.version !== PROJECT_VERSION)
    throw new ProjectFileError(
      `Unsupported project version ${JSON.stringify(document.version)} (this app reads version ${PROJECT_VERSION}).`,
    );
  if (!isBoardId(document.board))
    throw new ProjectFileError(`Unknown board ${JSON.stringify(document.board)}.`);
  const sketch = readSketch(document.sketch);
  const circuit = readCircuit(document.circuit);
  const mcus = circuit.components.filter((component) => isMcuKind(component.kind));
  const project: ArduinoProject = { board: document.board, sketch, circuit };
  const sketches =
    document.sketches === undefined ? undefined : readSketches(document.sketches, mcus);
  let layout: ProjectLayout | undefined;
  if (document.layout !== undefined) {
    layout = readLayout(document.layout, circuit);
    // Files from before the workspace always carried an Uno, whatever the board; newer ones agree.
    const main = mcus[0];
    if (main && main.kind !== document.board)
      throw new ProjectFileError(
        `"board" is ${JSON.stringify(document.board)} but the main board ${main.id} is a ${main.kind}.`,
      );
  }
  return { ...project, ...(sketches && { sketches }), ...(layout && { layout }) };
}

/** A sketch's files; `owner` names the board of a further sketch (in "sketches"). */
function readSketch(sketch: unknown, owner?: string): Record<string, string> {
  const field = owner === undefined ? '"sketch"' : `"sketches.${owner}"`;
  const of = owner === undefined ? "" : ` (sketch of ${owner})`;
  if (!isObject(sketch)) throw new ProjectFileError(`${field} must map file names to their text.`);
  for (const [name, text] of Object.entries(sketch)) {
    if (!SKETCH_FILE_NAME.test(name))
      throw new ProjectFileError(`Sketch file name ${JSON.stringify(name)}${of} is not allowed.`);
    if (typeof text !== "string")
      throw new ProjectFileError(`Sketch file ${name}${of} must be text.`);
  }
  if (typeof sketch[MAIN_TAB] !== "string")
    throw new ProjectFileError(
      `The sketch${owner === undefined ? "" : ` of ${owner}`} has no ${MAIN_TAB}.`,
    );
  return sketch as Record<string, string>;
}

function readSketches(
  sketches: unknown,
  mcus: readonly ComponentSpec[],
): Record<string, Record<string, string>> {
  if (!isObject(sketches))
    throw new ProjectFileError('"sketches" must map board ids to their sketch files.');
  const result: Record<string, Record<string, string>> = {};
  for (const [id, files] of Object.entries(sketches)) {
    const index = mcus.findIndex((mcu) => mcu.id === id);
    if (index < 0)
      throw new ProjectFileError(
        `"sketches": ${JSON.stringify(id)} is not a board in the circuit.`,
      );
    if (index === 0)
      throw new ProjectFileError(
        `"sketches": ${JSON.stringify(id)} is the main board; its sketch is "sketch".`,
      );
    result[id] = readSketch(files, id);
  }
  return result;
}

const ROTATION_TEXT = ROTATIONS.join(", ");

function readLayout(layout: unknown, circuit: Circuit): ProjectLayout {
  if (!isObject(layout) || !isObject(layout.parts) || !Array.isArray(layout.wires))
    throw new ProjectFileError(
      '"layout" must have "parts" (by component id) and "wires" (a list).',
    );
  const ids = new Set(circuit.components.map((component) => component.id));
  for (const [id, place] of Object.entries(layout.parts)) {
    if (!ids.has(id))
      throw new ProjectFileError(`layout.parts.${id}: there is no component ${id} in the circuit.`);
    if (
      !isObject(place) ||
      !isFiniteNumber(place.x) ||
      !isFiniteNumber(place.y) ||
      !ROTATIONS.includes(place.rotation as Rotation)
    )
      throw new ProjectFileError(
        `layout.parts.${id} must be {"x": number, "y": number, "rotation": ${ROTATION_TEXT}}.`,
      );
  }
  if (layout.wires.length > circuit.wires.length)
    throw new ProjectFileError(
      `layout.wires has ${layout.wires.length} entries but the circuit has ${circuit.wires.length} wires.`,
    );
  const wireIds = new Set<string>();
  layout.wires.forEach((wire: unknown, index) => {
    if (wire === null) return;
    const where = `layout.wires[${index}] (${circuit.wires[index]!.join(" – ")})`;
    if (
      !isObject(wire) ||
      typeof wire.color !== "string" ||
      !Array.isArray(wire.points) ||
      !wire.points.every(
        (point) => Array.isArray(point) && point.length === 2 && point.every(isFiniteNumber),
      ) ||
      (wire.id !== undefined && typeof wire.id !== "string")
    )
      throw new ProjectFileError(
        `${where} must be null or {"color": text, "points": [[x, y], ...], "id"?: text}.`,
      );
    if (typeof wire.id === "string") {
      if (ids.has(wire.id) || wireIds.has(wire.id) || !/^[^.\s]+$/.test(wire.id))
        throw new ProjectFileError(
          `${where}: id ${JSON.stringify(wire.id)} is empty, has a dot or is used twice.`,
        );
      wireIds.add(wire.id);
    }
  });
  return layout as unknown as ProjectLayout;
}

function readCircuit(circuit: unknown): Circuit {
  if (
    !isObject(circuit) ||
    !Array.isArray(circuit.components) ||
    !circuit.components.every(
      (c) =>
        isObject(c) &&
        typeof c.id === "string" &&
        typeof c.kind === "string" &&
        (c.props === undefined || isObject(c.props)),
    ) ||
    !Array.isArray(circuit.wires) ||
    !circuit.wires.every(
      (w) => Array.isArray(w) && w.length === 2 && w.every((end) => typeof end === "string"),
    )
  )
    throw new ProjectFileError(
      '"circuit" must have "components" ({id, kind, props?}) and "wires" (pairs of pin refs).',
    );
  try {
    new PreparedCircuit(circuit as unknown as Circuit, PART_CATALOG);
  } catch (error) {
    if (error instanceof CircuitError) throw new ProjectFileError(`Circuit: ${error.message}`);
    throw error;
  }
  return circuit as unknown as Circuit;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

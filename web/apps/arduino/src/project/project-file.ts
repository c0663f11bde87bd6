/**
 * The project file (docs/formats/arduino-project.md): board, sketch files and circuit in one JSON
 * document. Reading checks everything the app relies on, and the circuit against avr-sim's part
 * catalog, so a bad file is refused with a message saying what is wrong instead of half-loading.
 */
import {
  CircuitError,
  isBoardId,
  PART_CATALOG,
  PreparedCircuit,
  type BoardId,
  type Circuit,
} from "@ohmcloud/avr-sim";
import { BLINK_SKETCH, MAIN_TAB } from "../sketch/examples";

export const PROJECT_FORMAT = "ohmcloud-arduino-project";
export const PROJECT_VERSION = 1;

export interface ArduinoProject {
  readonly board: BoardId;
  /** File name → text; always has {@link MAIN_TAB}. */
  readonly sketch: Readonly<Record<string, string>>;
  readonly circuit: Circuit;
}

export class ProjectFileError extends Error {}

/** The workspace the app shows (an LED from D13 to GND), as a circuit. */
export const FIXED_CIRCUIT: Circuit = {
  components: [
    { id: "uno", kind: "uno" },
    { id: "led1", kind: "led", props: { color: "red" } },
  ],
  wires: [
    ["led1.A", "uno.D13"],
    ["led1.C", "uno.GND"],
  ],
};

export function newProject(): ArduinoProject {
  return { board: "uno", sketch: { [MAIN_TAB]: BLINK_SKETCH }, circuit: FIXED_CIRCUIT };
}

const SKETCH_FILE = /^[A-Za-z0-9_][A-Za-z0-9_.-]*\.(ino|h|hpp|c|cpp)$/;

export function serializeProject(project: ArduinoProject): string {
  const { board, sketch, circuit } = project;
  const document = { format: PROJECT_FORMAT, version: PROJECT_VERSION, board, sketch, circuit };
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
  return {
    board: document.board,
    sketch: readSketch(document.sketch),
    circuit: readCircuit(document.circuit),
  };
}

function readSketch(sketch: unknown): Record<string, string> {
  if (!isObject(sketch)) throw new ProjectFileError('"sketch" must map file names to their text.');
  for (const [name, text] of Object.entries(sketch)) {
    if (!SKETCH_FILE.test(name))
      throw new ProjectFileError(`Sketch file name ${JSON.stringify(name)} is not allowed.`);
    if (typeof text !== "string") throw new ProjectFileError(`Sketch file ${name} must be text.`);
  }
  if (typeof sketch[MAIN_TAB] !== "string")
    throw new ProjectFileError(`The sketch has no ${MAIN_TAB}.`);
  return sketch as Record<string, string>;
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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Which sketch each board of the workspace runs. A project keeps the main board's sketch (the
 * first MCU in the circuit) in `sketch` and the others' in `sketches`; the page edits them as one
 * map by board id. A board added to the workspace starts with Blink; a board removed keeps its
 * sketch in the map (undo brings the board back with it), but it is not saved with the project.
 */
import { BLINK_SKETCH, MAIN_TAB } from "../sketch/examples";
import { mcuParts, projectCircuitOf, type WorkspaceDoc } from "../workspace/model";
import type { ArduinoProject, SketchFiles } from "./project-file";

export type BoardSketches = Readonly<Record<string, SketchFiles>>;

/** The sketch a newly placed board runs. */
export const NEW_BOARD_SKETCH: SketchFiles = { [MAIN_TAB]: BLINK_SKETCH };

/** The sketches of a loaded project, by board id (`doc` is the project's workspace). */
export function sketchesOfProject(project: ArduinoProject, doc: WorkspaceDoc): BoardSketches {
  const [main, ...others] = mcuParts(doc);
  const sketches: Record<string, SketchFiles> = { ...project.sketches };
  sketches[main?.id ?? ""] = project.sketch;
  for (const board of others) sketches[board.id] ??= NEW_BOARD_SKETCH;
  return sketches;
}

/** `sketches` with a sketch for every board of `doc` (Blink for boards placed since). */
export function withBoardSketches(sketches: BoardSketches, doc: WorkspaceDoc): BoardSketches {
  const missing = mcuParts(doc).filter((board) => !sketches[board.id]);
  if (missing.length === 0) return sketches;
  const next: Record<string, SketchFiles> = { ...sketches };
  // A workspace whose only board was removed and replaced keeps the sketch it had.
  const entries = Object.values(sketches);
  const orphan =
    mcuParts(doc).length === 1
      ? (sketches[""] ?? (entries.length === 1 ? entries[0] : undefined))
      : undefined;
  for (const board of missing) next[board.id] = orphan ?? NEW_BOARD_SKETCH;
  return next;
}

/** The project file's content for the workspace and the boards' sketches. */
export function projectOf(doc: WorkspaceDoc, sketches: BoardSketches): ArduinoProject {
  const [main, ...others] = mcuParts(doc);
  const { circuit, layout } = projectCircuitOf(doc);
  const project: ArduinoProject = {
    board: main ? (main.kind as ArduinoProject["board"]) : "uno",
    // Without a board the sketch is still saved: the one kept for no board, or any.
    sketch:
      (main && sketches[main.id]) ?? sketches[""] ?? Object.values(sketches)[0] ?? NEW_BOARD_SKETCH,
    circuit,
    layout,
  };
  const rest = Object.fromEntries(
    others.flatMap((board) => (sketches[board.id] ? [[board.id, sketches[board.id]!]] : [])),
  );
  return Object.keys(rest).length > 0 ? { ...project, sketches: rest } : project;
}

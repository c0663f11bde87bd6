/**
 * Builds the sketch of every board in the workspace, all at once, for one Run. Each board's
 * diagnostics are kept apart (the editor shows the selected board's); the run starts only when
 * every build succeeded.
 */
import type { ArduinoBuild, ArduinoApi, BuildDiagnostic, BuildSize } from "@ohmcloud/api-client";
import type { BoardId } from "@ohmcloud/avr-sim";
import type { SketchFiles } from "../project/project-file";
import { MAIN_TAB } from "../sketch/examples";

/** What the page needs of the build service; specs pass a fake. */
export type BuildService = Pick<ArduinoApi, "build" | "waitUntilDone">;

export interface BoardToBuild {
  readonly id: string;
  readonly kind: BoardId;
  readonly files: SketchFiles;
}

export interface BoardBuild {
  readonly status: ArduinoBuild["status"];
  readonly diagnostics: readonly BuildDiagnostic[];
  readonly size: BuildSize | null;
  readonly hex: string | null;
}

export interface BoardsBuilt {
  readonly builds: Readonly<Record<string, BoardBuild>>;
  /** The HEX of every board, ready for the worker's `start`; null when a build did not succeed. */
  readonly hexes: Readonly<
    Record<string, { readonly board: BoardId; readonly hex: string }>
  > | null;
  /** Boards whose build did not succeed, in workspace order. */
  readonly failed: readonly string[];
}

export async function buildBoards(
  service: BuildService,
  boards: readonly BoardToBuild[],
  signal: AbortSignal,
): Promise<BoardsBuilt> {
  const results = await Promise.all(
    boards.map(async (board) => {
      const { [MAIN_TAB]: sketch = "", ...files } = board.files;
      const accepted = await service.build(board.kind, sketch, files);
      const build = await service.waitUntilDone(accepted.id, { signal });
      return [board, build] as const;
    }),
  );
  const builds: Record<string, BoardBuild> = {};
  const hexes: Record<string, { board: BoardId; hex: string }> = {};
  const failed: string[] = [];
  for (const [board, build] of results) {
    builds[board.id] = {
      status: build.status,
      diagnostics: build.diagnostics,
      size: build.size,
      hex: build.hex,
    };
    if (build.status === "succeeded" && build.hex)
      hexes[board.id] = { board: board.kind, hex: build.hex };
    else failed.push(board.id);
  }
  return { builds, hexes: failed.length === 0 ? hexes : null, failed };
}

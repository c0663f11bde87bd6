/**
 * Autosave: the project as it is edited, kept in local storage so a reload (or a crash) restores
 * it, with whether it had unsaved changes. Storage errors (full, disabled) only lose the autosave.
 */
import { parseProject, serializeProject, type ArduinoProject } from "./project-file";

export const AUTOSAVE_KEY = "ohmcloud.arduino.autosave";

export interface Autosaved {
  readonly project: ArduinoProject;
  /** Whether the project had changes not saved to a file. */
  readonly unsaved: boolean;
}

export function writeAutosave(storage: Storage, project: ArduinoProject, unsaved: boolean): void {
  try {
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ unsaved, file: serializeProject(project) }));
  } catch {
    // Out of quota or storage disabled: nothing to restore next time, nothing else breaks.
  }
}

/** The autosaved project, or null when there is none or it cannot be read. */
export function readAutosave(storage: Storage): Autosaved | null {
  try {
    const stored = storage.getItem(AUTOSAVE_KEY);
    if (stored === null) return null;
    const { unsaved, file } = JSON.parse(stored) as { unsaved: unknown; file: unknown };
    if (typeof file !== "string") return null;
    return { project: parseProject(file), unsaved: unsaved === true };
  } catch {
    return null;
  }
}

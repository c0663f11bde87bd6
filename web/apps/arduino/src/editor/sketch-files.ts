/**
 * The files of a sketch as the editor's tabs see them: a record of file name → text whose first
 * entry is the main tab (`sketch.ino`), and the rules for adding, renaming and deleting files.
 * Names follow the project format (docs/formats/arduino-project.md) and the build service
 * (server/arduino/sketch.py), so a name accepted here is accepted when the sketch is saved or built.
 */
import type { SketchFiles } from "../project/project-file";
import { MAIN_TAB } from "../sketch/examples";

/** A file name the project format (project/project-file.ts) and the build service accept. */
export const SKETCH_FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*\.(ino|h|hpp|c|cpp)$/;

/** The build service's limits (server/arduino/sketch.py: MAX_NAME_LENGTH, MAX_FILES, GENERATED). */
export const MAX_FILE_NAME_LENGTH = 100;
export const MAX_EXTRA_FILES = 64;
const GENERATED_FILE = "sketch.ino.cpp";

/**
 * Why `name` cannot be the name of a new (or renamed) file among the files named `existing`, or
 * null when it can.
 * `renaming` is the file being renamed: keeping its own name is no clash. Names that differ only
 * in case clash too, since they would overwrite each other on Windows and macOS.
 */
export function fileNameProblem(
  name: string,
  existing: readonly string[],
  renaming: string | null = null,
): string | null {
  if (name.trim() === "") return "Type a file name, for example pins.h.";
  if (name.length > MAX_FILE_NAME_LENGTH)
    return `File names may be at most ${MAX_FILE_NAME_LENGTH} characters.`;
  if (!/\.(ino|h|hpp|c|cpp)$/.test(name))
    return "A sketch file ends in .ino, .h, .hpp, .c or .cpp.";
  if (!SKETCH_FILE_NAME.test(name))
    return "Use only letters, digits, _, . and - (and do not start with . or -).";
  if (name === MAIN_TAB || name === GENERATED_FILE)
    return `${name} is the sketch's own name; choose another.`;
  const clash = existing.find(
    (other) => other !== renaming && other.toLowerCase() === name.toLowerCase(),
  );
  if (clash !== undefined) return `There is already a file named ${clash}.`;
  if (renaming === null && existing.filter((other) => other !== MAIN_TAB).length >= MAX_EXTRA_FILES)
    return `A sketch may have at most ${MAX_EXTRA_FILES} files besides ${MAIN_TAB}.`;
  return null;
}

/** The files with a new file `name` added at the end; throws when {@link fileNameProblem} objects. */
export function addFile(files: SketchFiles, name: string, text = ""): SketchFiles {
  const problem = fileNameProblem(name, Object.keys(files));
  if (problem !== null) throw new Error(problem);
  return { ...files, [name]: text };
}

/** The files with `from` renamed to `to`, in the same place; throws for the main tab or a bad name. */
export function renameFile(files: SketchFiles, from: string, to: string): SketchFiles {
  if (from === MAIN_TAB) throw new Error(`${MAIN_TAB} cannot be renamed.`);
  if (!(from in files)) throw new Error(`There is no file named ${from}.`);
  if (from === to) return files;
  const problem = fileNameProblem(to, Object.keys(files), from);
  if (problem !== null) throw new Error(problem);
  return Object.fromEntries(
    Object.entries(files).map(([name, text]) => [name === from ? to : name, text]),
  );
}

/** The files without `name`; throws for the main tab. */
export function deleteFile(files: SketchFiles, name: string): SketchFiles {
  if (name === MAIN_TAB) throw new Error(`${MAIN_TAB} cannot be deleted.`);
  return Object.fromEntries(Object.entries(files).filter(([existing]) => existing !== name));
}

/** The tab order: the main tab first, then the other files in the order they were added. */
export function tabOrder(files: SketchFiles): string[] {
  return [MAIN_TAB, ...Object.keys(files).filter((name) => name !== MAIN_TAB)];
}

import { expect, it } from "vitest";
import { MAIN_TAB } from "../sketch/examples";
import { AUTOSAVE_KEY, readAutosave, writeAutosave } from "./autosave";
import { newProject } from "./project-file";
import { MemoryStorage } from "../test/memory-storage";

it("restores the autosaved project and whether it had unsaved changes", () => {
  const storage = new MemoryStorage();
  expect(readAutosave(storage)).toBeNull();
  const project = { ...newProject(), sketch: { [MAIN_TAB]: "// edited\n" } };
  writeAutosave(storage, project, true);
  expect(readAutosave(storage)).toEqual({ project, unsaved: true });
});

it("ignores an unreadable autosave and a full storage", () => {
  const storage = new MemoryStorage();
  storage.setItem(AUTOSAVE_KEY, '{"unsaved":true,"file":"{}"}');
  expect(readAutosave(storage)).toBeNull();
  expect(() => writeAutosave(new MemoryStorage(true), newProject(), false)).not.toThrow();
});

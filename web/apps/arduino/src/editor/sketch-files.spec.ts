import { describe, expect, it } from "vitest";
import { parseProject, serializeProject, newProject } from "../project/project-file";
import { MAIN_TAB } from "../sketch/examples";
import {
  addFile,
  deleteFile,
  fileNameProblem,
  MAX_EXTRA_FILES,
  renameFile,
  tabOrder,
} from "./sketch-files";

const files = { [MAIN_TAB]: "void setup() {}", "pins.h": "#define LED 13", "util.cpp": "" };
const names = Object.keys(files);

describe("fileNameProblem", () => {
  it("accepts the kinds of file a sketch can have", () => {
    for (const name of ["helpers.h", "motor.cpp", "more.ino", "c_code.c", "lib-2.hpp", "_x.h"])
      expect(fileNameProblem(name, names)).toBeNull();
  });

  it("says what is wrong with a name", () => {
    expect(fileNameProblem("", names)).toMatch(/Type a file name/);
    expect(fileNameProblem("notes.txt", names)).toMatch(/\.ino, \.h, \.hpp, \.c or \.cpp/);
    expect(fileNameProblem("helpers", names)).toMatch(/ends in/);
    expect(fileNameProblem("my file.h", names)).toMatch(/letters, digits/);
    expect(fileNameProblem(".hidden.h", names)).toMatch(/do not start with/);
    expect(fileNameProblem("../up.h", names)).toMatch(/letters, digits/);
    expect(fileNameProblem(`${"a".repeat(99)}.h`, names)).toMatch(/at most 100/);
    expect(fileNameProblem(MAIN_TAB, names)).toMatch(/sketch's own name/);
    expect(fileNameProblem("sketch.ino.cpp", names)).toMatch(/sketch's own name/);
  });

  it("refuses a name taken, also in another case, but not a file's own name when renaming", () => {
    expect(fileNameProblem("pins.h", names)).toBe("There is already a file named pins.h.");
    expect(fileNameProblem("PINS.h", names)).toBe("There is already a file named pins.h.");
    expect(fileNameProblem("Pins.h", names, "pins.h")).toBeNull();
    expect(fileNameProblem("util.cpp", names, "pins.h")).toMatch(/already/);
  });

  it("stops at the build service's number of files", () => {
    const many = [MAIN_TAB, ...Array.from({ length: MAX_EXTRA_FILES }, (_, n) => `f${n}.h`)];
    expect(fileNameProblem("one-more.h", many)).toMatch(/at most 64 files/);
    expect(fileNameProblem("renamed.h", many, "f0.h")).toBeNull();
  });

  it("accepts only names the project file accepts", () => {
    for (const name of ["ok.h", "a.cpp", "x.ino"]) {
      expect(fileNameProblem(name, names)).toBeNull();
      const project = { ...newProject(), sketch: { [MAIN_TAB]: "", [name]: "" } };
      expect(parseProject(serializeProject(project)).sketch).toHaveProperty([name]);
    }
    for (const name of ["a.S", "-a.h", "a b.h"]) {
      expect(fileNameProblem(name, names)).not.toBeNull();
      const project = { ...newProject(), sketch: { [MAIN_TAB]: "", [name]: "" } };
      expect(() => parseProject(serializeProject(project))).toThrow(/not allowed/);
    }
  });
});

describe("adding, renaming and deleting", () => {
  it("adds at the end, renames in place and deletes", () => {
    const added = addFile(files, "motor.h", "// motor");
    expect(Object.keys(added)).toEqual([MAIN_TAB, "pins.h", "util.cpp", "motor.h"]);
    expect(added["motor.h"]).toBe("// motor");
    const renamed = renameFile(added, "pins.h", "board.h");
    expect(Object.entries(renamed)).toEqual([
      [MAIN_TAB, "void setup() {}"],
      ["board.h", "#define LED 13"],
      ["util.cpp", ""],
      ["motor.h", "// motor"],
    ]);
    expect(Object.keys(deleteFile(renamed, "util.cpp"))).toEqual([MAIN_TAB, "board.h", "motor.h"]);
    expect(files).toHaveProperty(["pins.h"]); // the input is left as it was
  });

  it("never renames or deletes the main tab and refuses bad names", () => {
    expect(() => renameFile(files, MAIN_TAB, "main.ino")).toThrow(/cannot be renamed/);
    expect(() => deleteFile(files, MAIN_TAB)).toThrow(/cannot be deleted/);
    expect(() => addFile(files, "pins.h")).toThrow(/already/);
    expect(() => renameFile(files, "pins.h", "util.cpp")).toThrow(/already/);
    expect(() => renameFile(files, "gone.h", "x.h")).toThrow(/no file named gone.h/);
    expect(renameFile(files, "pins.h", "pins.h")).toBe(files);
  });

  it("puts the main tab first whatever the record's order", () => {
    expect(tabOrder({ "b.h": "", [MAIN_TAB]: "", "a.h": "" })).toEqual([MAIN_TAB, "b.h", "a.h"]);
  });
});

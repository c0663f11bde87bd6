import { describe, expect, it } from "vitest";
import { MAIN_TAB } from "../sketch/examples";
import { addPart, docFromProject, EMPTY_DOC, removeItems } from "../workspace/model";
import {
  NEW_BOARD_SKETCH,
  projectOf,
  sketchesOfProject,
  withBoardSketches,
} from "./board-sketches";
import { newProject, parseProject, serializeProject, type ArduinoProject } from "./project-file";

const MAIN = { [MAIN_TAB]: "void setup() {}\nvoid loop() {}\n", "notes.h": "// notes\n" };
const SECOND = { [MAIN_TAB]: "// second board\nvoid setup() {}\nvoid loop() {}\n" };

function twoUnos(): ArduinoProject {
  let doc = addPart(EMPTY_DOC, "uno", { x: 0, y: 0 }).doc;
  doc = addPart(doc, "uno", { x: 400, y: 0 }).doc;
  return projectOf(doc, { uno1: MAIN, uno2: SECOND });
}

describe("board sketches", () => {
  it("gives the main board the project's sketch and the others theirs, through a file", () => {
    const project = parseProject(serializeProject(twoUnos()));
    expect(project.sketch).toEqual(MAIN);
    expect(project.sketches).toEqual({ uno2: SECOND });
    const doc = docFromProject(project.circuit, project.layout);
    expect(sketchesOfProject(project, doc)).toEqual({ uno1: MAIN, uno2: SECOND });
  });

  it("a new project's one board runs Blink", () => {
    const project = newProject();
    const doc = docFromProject(project.circuit, project.layout);
    const sketches = sketchesOfProject(project, doc);
    expect(Object.keys(sketches)).toEqual(["uno"]);
    expect(projectOf(doc, sketches).sketches).toBeUndefined();
  });

  it("a board placed later starts with Blink; the others keep theirs", () => {
    const project = newProject();
    let doc = docFromProject(project.circuit, project.layout);
    const sketches = { uno: MAIN };
    doc = addPart(doc, "nano", { x: 400, y: 0 }).doc;
    expect(withBoardSketches(sketches, doc)).toEqual({ uno: MAIN, nano1: NEW_BOARD_SKETCH });
    expect(withBoardSketches(sketches, docFromProject(project.circuit, project.layout))).toBe(
      sketches,
    );
  });

  it("removing the only board loses no sketch: saved without a board, and a new board takes it", () => {
    const project = newProject();
    let doc = docFromProject(project.circuit, project.layout);
    doc = removeItems(doc, ["uno"]);
    const saved = projectOf(doc, { uno: MAIN });
    expect(saved.sketch).toEqual(MAIN);
    doc = addPart(doc, "mega2560", { x: 0, y: 0 }).doc;
    expect(withBoardSketches({ uno: MAIN }, doc)[doc.parts[0]!.id]).toEqual(MAIN);
  });

  it("the main board's kind is the project's board", () => {
    const doc = addPart(EMPTY_DOC, "nano", { x: 0, y: 0 }).doc;
    expect(projectOf(doc, { nano1: MAIN }).board).toBe("nano");
  });
});

import { describe, expect, it } from "vitest";
import { MAIN_TAB } from "../sketch/examples";
import {
  FIXED_CIRCUIT,
  newProject,
  parseProject,
  PROJECT_FORMAT,
  serializeProject,
} from "./project-file";

const valid = () => JSON.parse(serializeProject(newProject())) as Record<string, unknown>;
const withField = (field: string, value: unknown) => JSON.stringify({ ...valid(), [field]: value });

describe("serializeProject / parseProject", () => {
  it("writes the documented header and reads back the same project", () => {
    const project = {
      board: "nano" as const,
      sketch: { [MAIN_TAB]: "void setup() {}\nvoid loop() {}\n", "notes.h": "#define X 1\n" },
      circuit: FIXED_CIRCUIT,
    };
    const text = serializeProject(project);
    expect(JSON.parse(text)).toMatchObject({ format: PROJECT_FORMAT, version: 1, board: "nano" });
    expect(parseProject(text)).toEqual(project);
  });

  it("refuses files that are not projects, saying why", () => {
    expect(() => parseProject("{oops")).toThrow("not JSON");
    expect(() => parseProject(withField("format", "kicad"))).toThrow('"format" must be');
    expect(() => parseProject(withField("version", 2))).toThrow("Unsupported project version 2");
    expect(() => parseProject(withField("board", "esp32"))).toThrow('Unknown board "esp32"');
  });

  it("refuses a sketch without sketch.ino, with odd file names or non-text files", () => {
    expect(() => parseProject(withField("sketch", { "main.ino": "" }))).toThrow("no sketch.ino");
    expect(() => parseProject(withField("sketch", { [MAIN_TAB]: "", "../x.h": "" }))).toThrow(
      'Sketch file name "../x.h" is not allowed',
    );
    expect(() => parseProject(withField("sketch", { [MAIN_TAB]: 42 }))).toThrow("must be text");
  });

  it("checks the circuit's shape and its parts and wires against avr-sim's catalog", () => {
    expect(() => parseProject(withField("circuit", { components: [] }))).toThrow(
      '"circuit" must have',
    );
    const circuit = (components: unknown, wires: unknown) =>
      parseProject(withField("circuit", { components, wires }));
    expect(() => circuit([{ id: "x", kind: "flux-capacitor" }], [])).toThrow(
      'Circuit: x: unknown kind "flux-capacitor"',
    );
    expect(() => circuit([{ id: "uno", kind: "uno" }], [["uno.D13", "uno.D99"]])).toThrow(
      "Circuit: wire: no pin uno.D99",
    );
  });
});

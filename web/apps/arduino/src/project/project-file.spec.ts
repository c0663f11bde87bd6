import { describe, expect, it } from "vitest";
import { MAIN_TAB } from "../sketch/examples";
import { newProject, parseProject, PROJECT_FORMAT, serializeProject } from "./project-file";

const valid = () => JSON.parse(serializeProject(newProject())) as Record<string, unknown>;
const withField = (field: string, value: unknown) => JSON.stringify({ ...valid(), [field]: value });

/** The circuit the app showed before the workspace: an LED from D13 to GND. */
const LED_ON_D13 = {
  components: [
    { id: "uno", kind: "uno" },
    { id: "led1", kind: "led", props: { color: "red" } },
  ],
  wires: [
    ["led1.A", "uno.D13"],
    ["led1.C", "uno.GND"],
  ],
} as const;

/** Two Unos, a breadboard and an LED, with a layout: the fields added for the workspace. */
const TWO_BOARDS = {
  board: "uno",
  sketch: { [MAIN_TAB]: "// main\n" },
  sketches: { uno2: { [MAIN_TAB]: "// second\n", "pins.h": "#define LED 13\n" } },
  circuit: {
    components: [
      { id: "uno1", kind: "uno" },
      { id: "bb1", kind: "breadboard", props: { size: "half" } },
      { id: "uno2", kind: "uno" },
      { id: "led1", kind: "led" },
    ],
    wires: [
      ["uno1.D1", "uno2.D0"],
      ["led1.A", "bb1.a2"],
      ["led1.C", "bb1.a1"],
    ],
  },
  layout: {
    parts: { uno1: { x: 0, y: 300, rotation: 0 }, led1: { x: 5, y: 0, rotation: 90 } },
    wires: [{ color: "orange", points: [[10, 20]], id: "w1" }, null],
  },
} as const;
const twoBoards = (change: (file: Record<string, unknown>) => void) => {
  const file = JSON.parse(JSON.stringify({ format: PROJECT_FORMAT, version: 1, ...TWO_BOARDS }));
  change(file);
  return JSON.stringify(file);
};

describe("serializeProject / parseProject", () => {
  it("writes the documented header and reads back the same project", () => {
    const project = {
      board: "nano" as const,
      sketch: { [MAIN_TAB]: "void setup() {}\nvoid loop() {}\n", "notes.h": "#define X 1\n" },
      circuit: LED_ON_D13,
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

describe("newProject", () => {
  it("is an Uno alone running Blink, with its place on the workspace", () => {
    const project = newProject();
    expect(project.board).toBe("uno");
    expect(project.circuit).toEqual({ components: [{ id: "uno", kind: "uno" }], wires: [] });
    expect(project.layout?.parts.uno).toEqual({ x: 48, y: 48, rotation: 0 });
    expect(parseProject(serializeProject(project))).toEqual(project);
  });
});

describe("sketches and layout", () => {
  it("reads back the sketches of further boards and the layout", () => {
    const text = twoBoards(() => {});
    const project = parseProject(text);
    expect(project).toEqual(TWO_BOARDS);
    expect(parseProject(serializeProject(project))).toEqual(project);
  });

  it("leaves both out of files without them", () => {
    const text = serializeProject({
      board: "uno",
      sketch: { [MAIN_TAB]: "" },
      circuit: LED_ON_D13,
    });
    expect(Object.keys(JSON.parse(text))).toEqual([
      "format",
      "version",
      "board",
      "sketch",
      "circuit",
    ]);
  });

  it("refuses sketches for boards that are not further boards of the circuit, saying which", () => {
    expect(() => parseProject(twoBoards((f) => (f.sketches = [])))).toThrow(
      '"sketches" must map board ids',
    );
    expect(() => parseProject(twoBoards((f) => (f.sketches = { led1: {} })))).toThrow(
      '"sketches": "led1" is not a board in the circuit',
    );
    expect(() => parseProject(twoBoards((f) => (f.sketches = { uno1: {} })))).toThrow(
      '"sketches": "uno1" is the main board',
    );
    expect(() => parseProject(twoBoards((f) => (f.sketches = { uno2: { "a.ino": "" } })))).toThrow(
      "The sketch of uno2 has no sketch.ino",
    );
    expect(() =>
      parseProject(twoBoards((f) => (f.sketches = { uno2: { [MAIN_TAB]: "", "x/y.h": "" } }))),
    ).toThrow('Sketch file name "x/y.h" (sketch of uno2) is not allowed');
  });

  it("refuses a layout that does not fit the circuit, saying which entry is wrong", () => {
    const layout = (change: (l: { parts: Record<string, unknown>; wires: unknown[] }) => void) =>
      parseProject(twoBoards((f) => change(f.layout as never)));
    expect(() => parseProject(twoBoards((f) => (f.layout = { parts: {} })))).toThrow(
      '"layout" must have "parts"',
    );
    expect(() => layout((l) => (l.parts.ghost = { x: 0, y: 0, rotation: 0 }))).toThrow(
      "layout.parts.ghost: there is no component ghost in the circuit",
    );
    expect(() => layout((l) => (l.parts.led1 = { x: 0, y: 0, rotation: 45 }))).toThrow(
      'layout.parts.led1 must be {"x": number, "y": number, "rotation": 0, 90, 180, 270}',
    );
    expect(() => layout((l) => (l.parts.led1 = { x: "0", y: 0, rotation: 0 }))).toThrow(
      "layout.parts.led1 must be",
    );
    expect(() => layout((l) => l.wires.push(null, null))).toThrow(
      "layout.wires has 4 entries but the circuit has 3 wires",
    );
    expect(() => layout((l) => (l.wires[1] = { color: "red", points: [[1]] }))).toThrow(
      "layout.wires[1] (led1.A – bb1.a2) must be null or",
    );
    expect(() => layout((l) => (l.wires[1] = { color: "red", points: [], id: "uno2" }))).toThrow(
      'layout.wires[1] (led1.A – bb1.a2): id "uno2" is empty, has a dot or is used twice',
    );
  });

  it("refuses a layout file whose board is not its main board", () => {
    expect(() => parseProject(twoBoards((f) => (f.board = "nano")))).toThrow(
      '"board" is "nano" but the main board uno1 is a uno',
    );
  });
});

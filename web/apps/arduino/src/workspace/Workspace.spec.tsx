// @vitest-environment happy-dom
import type { CircuitWarning, PartView } from "@ohmcloud/avr-sim";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { EMPTY_DOC, type WorkspaceDoc } from "./model/document";
import { GRID_PITCH } from "./model/breadboard-geometry";
import { partGeometry, pinPosition, snapTopLeft } from "./model/geometry";
import { PART_KIND_MIME } from "./Palette";
import { Workspace, type WorkspaceProps } from "./Workspace";

afterEach(cleanup);

type Calls = {
  changes: { doc: WorkspaceDoc; label: string }[];
  presses: [string, boolean][];
  controls: [string, string, number | boolean][];
  traces: string[];
  downloads: { name: string; data: Blob | string }[];
};

interface HarnessProps extends Partial<Omit<WorkspaceProps, "doc" | "onChange">> {
  initial?: WorkspaceDoc;
  calls: Calls;
}

/** The parent page's part: it holds the document and passes it back. */
function Harness({ initial = EMPTY_DOC, calls, ...rest }: HarnessProps) {
  const [doc, setDoc] = useState(initial);
  return (
    <Workspace
      doc={doc}
      onChange={(next, label) => {
        calls.changes.push({ doc: next, label });
        setDoc(next);
      }}
      views={{}}
      warnings={[]}
      running={false}
      onPress={(part, pressed) => calls.presses.push([part, pressed])}
      onControl={(part, name, value) => calls.controls.push([part, name, value])}
      onTracePin={(pin) => calls.traces.push(pin)}
      download={(name, data) => calls.downloads.push({ name, data })}
      {...rest}
    />
  );
}

function setup(props: Omit<HarnessProps, "calls"> = {}) {
  const calls: Calls = { changes: [], presses: [], controls: [], traces: [], downloads: [] };
  const view = render(<Harness calls={calls} {...props} />);
  const rerender = (next: Omit<HarnessProps, "calls">) =>
    view.rerender(<Harness calls={calls} {...props} {...next} />);
  const current = () => calls.changes.at(-1)?.doc ?? props.initial ?? EMPTY_DOC;
  return { calls, rerender, current, stage: screen.getByTestId("workspace-stage") };
}

/** The stage sits at the page's origin in happy-dom (no layout) and starts at zoom 1. */
const at = (x: number, y: number) => ({ clientX: x, clientY: y, button: 0, pointerId: 1 });

function key(stage: HTMLElement, keyName: string, modifiers: Partial<KeyboardEvent> = {}) {
  fireEvent.keyDown(stage, { key: keyName, ...modifiers });
}

function click(element: Element, x = 0, y = 0, extra: Record<string, unknown> = {}) {
  fireEvent.pointerDown(element, { ...at(x, y), ...extra });
  fireEvent.pointerUp(element, at(x, y));
}

const BLINK_DOC: WorkspaceDoc = {
  parts: [
    { id: "uno1", kind: "uno", x: 48, y: 48, rotation: 0 },
    { id: "led1", kind: "led", x: 384, y: 48, rotation: 0 },
    { id: "r1", kind: "resistor", x: 384, y: 192, rotation: 0, props: { ohms: 220 } },
  ],
  wires: [{ id: "w1", from: "led1.C", to: "r1.1", points: [], color: "green" }],
};

type Led = HTMLElement & { value: boolean; brightness: number; color: string };

const elementOf = <T extends HTMLElement>(part: string) =>
  screen.getByTestId(`part-${part}`).firstElementChild as T;

describe("Workspace", () => {
  it("shows a hint while empty and places a part from the palette", () => {
    const { calls } = setup();
    expect(screen.getByTestId("workspace-empty").textContent).toMatch(/Add a board and parts/);
    fireEvent.click(screen.getByTestId("palette-led"));
    expect(screen.getByTestId("part-led1")).toBeTruthy();
    expect(screen.queryByTestId("workspace-empty")).toBeNull();
    expect(calls.changes.map((c) => c.label)).toEqual(["Add led1"]);
    expect(elementOf("led1").tagName.toLowerCase()).toBe("wokwi-led");
    // The new part is selected: its properties are shown.
    expect(screen.getByTestId("prop-id").textContent).toBe("led1");
  });

  it("filters the palette by a search and lists several boards", () => {
    setup();
    expect(screen.getByTestId("palette-uno")).toBeTruthy();
    expect(screen.getByTestId("palette-mega2560")).toBeTruthy();
    fireEvent.change(screen.getByTestId("palette-search"), { target: { value: "distance" } });
    expect(screen.getByTestId("palette-hc-sr04")).toBeTruthy();
    expect(screen.queryByTestId("palette-led")).toBeNull();
    fireEvent.change(screen.getByTestId("palette-search"), { target: { value: "zzz" } });
    expect(screen.getByText(/No part matches/)).toBeTruthy();
  });

  it("places a part dropped from the palette where it is dropped", () => {
    const { current, stage } = setup();
    const dataTransfer = {
      types: [PART_KIND_MIME],
      getData: (type: string) => (type === PART_KIND_MIME ? "servo" : ""),
      dropEffect: "none",
    };
    // happy-dom's DragEvent drops clientX/clientY from its init: set them on the event.
    for (const type of ["dragover", "drop"]) {
      const event = new Event(type, { bubbles: true, cancelable: true });
      Object.assign(event, { dataTransfer, clientX: 300, clientY: 200 });
      act(() => void stage.dispatchEvent(event));
    }
    const servo = current().parts[0]!;
    expect(servo.kind).toBe("servo");
    // Centred on the drop point, snapped within a grid step.
    const { width, height } = partGeometry(servo);
    expect(Math.abs(servo.x + width / 2 - 300)).toBeLessThanOrEqual(GRID_PITCH);
    expect(Math.abs(servo.y + height / 2 - 200)).toBeLessThanOrEqual(GRID_PITCH);
  });

  it("draws a wire from pin to pin through a bend, then deletes it, with undo and redo", () => {
    const { current, stage } = setup({ initial: BLINK_DOC });
    fireEvent.pointerDown(screen.getByTestId("pin-uno1-D13"), at(10, 10));
    fireEvent.pointerMove(stage, at(200, 20));
    expect(screen.getByTestId("wire-draft")).toBeTruthy();
    fireEvent.pointerDown(stage, at(250, 21)); // a bend, snapped to half the pitch
    fireEvent.pointerDown(screen.getByTestId("pin-led1-A"), at(400, 90));
    expect(screen.queryByTestId("wire-draft")).toBeNull();
    const wire = current().wires.find((w) => w.from === "uno1.D13")!;
    expect(wire).toMatchObject({ to: "led1.A", points: [{ x: 249.6, y: 19.2 }] });
    const drawn = screen.getByTestId(`wire-${wire.id}`);
    const d13 = pinPosition(BLINK_DOC.parts[0]!, "D13");
    expect(drawn.getAttribute("data-points")).toMatch(new RegExp(`^${d13.x},${d13.y} 249.6,19.2 `));

    fireEvent.pointerDown(drawn.querySelector("polyline")!, at(250, 19));
    key(stage, "Delete");
    expect(screen.queryByTestId(`wire-${wire.id}`)).toBeNull();
    key(stage, "z", { ctrlKey: true });
    expect(screen.getByTestId(`wire-${wire.id}`)).toBeTruthy();
    expect(screen.getByTestId("ws-redo").getAttribute("title")).toMatch(/Redo Delete w2/);
    key(stage, "z", { ctrlKey: true, shiftKey: true });
    expect(screen.queryByTestId(`wire-${wire.id}`)).toBeNull();
    key(stage, "z", { ctrlKey: true });
    key(stage, "z", { ctrlKey: true });
    expect(current().wires).toEqual(BLINK_DOC.wires);
    key(stage, "y", { ctrlKey: true });
    expect(current().wires).toHaveLength(2);
  });

  it("cancels a wire being drawn with Escape", () => {
    const { calls, stage } = setup({ initial: BLINK_DOC });
    fireEvent.pointerDown(screen.getByTestId("pin-uno1-D12"), at(10, 10));
    key(stage, "Escape");
    expect(screen.queryByTestId("wire-draft")).toBeNull();
    expect(calls.changes).toEqual([]);
  });

  it("moves a part by dragging, snapped to the grid, as one undoable edit", () => {
    const { calls, current, stage } = setup({ initial: BLINK_DOC });
    fireEvent.pointerDown(elementOf("led1"), at(400, 60));
    fireEvent.pointerMove(stage, at(420, 70));
    fireEvent.pointerMove(stage, at(450, 62));
    fireEvent.pointerUp(stage, at(450, 62));
    // Its legs land on the 0.1" grid nearest to where it was dropped.
    const led = current().parts.find((p) => p.id === "led1")!;
    expect({ x: led.x, y: led.y }).toEqual(
      snapTopLeft({ kind: "led", rotation: 0 }, { x: 384 + 50, y: 48 + 2 }),
    );
    expect(Math.abs(led.x - 434)).toBeLessThan(GRID_PITCH);
    expect(calls.changes.map((c) => c.label)).toEqual(["Move led1"]);
    // The wire on the LED follows it.
    expect(screen.getByTestId("wire-w1").getAttribute("data-points")).toMatch(
      new RegExp(`^${pinPosition(led, "C").x},`),
    );
    key(stage, "z", { ctrlKey: true });
    expect(current().parts.find((p) => p.id === "led1")!.x).toBe(384);
  });

  it("moves a selection of parts together, keeping their layout", () => {
    const { current, stage } = setup({ initial: BLINK_DOC });
    click(elementOf("led1"), 400, 60);
    fireEvent.pointerDown(elementOf("r1"), { ...at(400, 200), shiftKey: true });
    fireEvent.pointerDown(elementOf("r1"), at(400, 200));
    fireEvent.pointerMove(stage, at(420, 230));
    fireEvent.pointerUp(stage, at(420, 230));
    const [led, r1] = ["led1", "r1"].map((id) => current().parts.find((p) => p.id === id)!);
    for (const [moved, x, y] of [
      [led!, 384, 48],
      [r1!, 384, 192],
    ] as const) {
      expect(moved.x - x).toBeCloseTo(19.2);
      expect(moved.y - y).toBeCloseTo(28.8);
    }
    expect(current().parts.find((p) => p.id === "uno1")).toEqual(BLINK_DOC.parts[0]);
  });

  it("offers to show a board's sketch in the editor", () => {
    const boards: string[] = [];
    setup({ initial: BLINK_DOC, selectedBoard: "nano1", onSelectBoard: (id) => boards.push(id) });
    click(elementOf("uno1"), 100, 100);
    fireEvent.click(screen.getByTestId("select-board"));
    expect(boards).toEqual(["uno1"]);
  });

  it("rotates the selected part with R", () => {
    const { current, stage } = setup({ initial: BLINK_DOC });
    click(elementOf("r1"), 400, 200);
    key(stage, "r");
    expect(current().parts.find((p) => p.id === "r1")!.rotation).toBe(90);
    expect(screen.getByTestId("part-r1").style.transform).toBe("rotate(90deg)");
    const before = current().parts.find((p) => p.id === "r1")!;
    key(stage, "ArrowRight");
    key(stage, "ArrowUp");
    const after = current().parts.find((p) => p.id === "r1")!;
    expect(after.x - before.x).toBeCloseTo(9.6);
    expect(after.y - before.y).toBeCloseTo(-9.6);
  });

  it("copies, pastes and cuts the selection", () => {
    const { current, stage } = setup({ initial: BLINK_DOC });
    click(elementOf("led1"), 400, 60);
    fireEvent.pointerDown(elementOf("r1"), { ...at(400, 200), shiftKey: true });
    key(stage, "c", { ctrlKey: true });
    key(stage, "v", { ctrlKey: true });
    const pasted = current();
    expect(pasted.parts.map((p) => p.id)).toEqual(["uno1", "led1", "r1", "led2", "r2"]);
    // The wire between the copied parts came along, joined to the copies.
    expect(pasted.wires.map((w) => [w.from, w.to])).toContainEqual(["led2.C", "r2.1"]);
    expect(screen.getByTestId("part-led2").className).toMatch(/ws-selected/);
    key(stage, "x", { ctrlKey: true });
    expect(current().parts.map((p) => p.id)).toEqual(["uno1", "led1", "r1"]);
    key(stage, "v", { ctrlKey: true });
    expect(current().parts).toHaveLength(5);
  });

  it("selects what a Shift-drag box holds", () => {
    const { stage } = setup({ initial: BLINK_DOC });
    fireEvent.pointerDown(stage, { ...at(370, 30), shiftKey: true });
    fireEvent.pointerMove(stage, at(600, 260));
    fireEvent.pointerUp(stage, at(600, 260));
    expect(screen.getByText("3 items selected.")).toBeTruthy();
  });

  it("edits a part's properties: LED colour, resistance typed with a prefix", () => {
    const { current } = setup({ initial: BLINK_DOC });
    click(elementOf("led1"), 400, 60);
    fireEvent.change(screen.getByTestId("prop-color"), { target: { value: "green" } });
    expect(current().parts.find((p) => p.id === "led1")!.props).toEqual({ color: "green" });
    expect(elementOf<Led>("led1").color).toBe("green");

    click(elementOf("r1"), 400, 200);
    const ohms = screen.getByTestId("prop-ohms") as HTMLInputElement;
    expect(ohms.value).toBe("220");
    fireEvent.change(ohms, { target: { value: "4k7" } });
    fireEvent.keyDown(ohms, { key: "Enter" });
    expect(current().parts.find((p) => p.id === "r1")!.props).toEqual({ ohms: 4700 });
    expect((screen.getByTestId("prop-ohms") as HTMLInputElement).value).toBe("4.7k");
    fireEvent.change(screen.getByTestId("prop-ohms"), { target: { value: "lots" } });
    fireEvent.blur(screen.getByTestId("prop-ohms"));
    expect(screen.getByRole("alert").textContent).toMatch(/not a resistance/);
  });

  it("moves a selected wire's bend by its handle, and straightens the wire", () => {
    const initial: WorkspaceDoc = {
      ...BLINK_DOC,
      wires: [{ ...BLINK_DOC.wires[0]!, points: [{ x: 300, y: 100.8 }] }],
    };
    const { current, stage } = setup({ initial });
    expect(screen.queryByTestId("bend-w1-0")).toBeNull(); // handles only on selected wires
    fireEvent.pointerDown(screen.getByTestId("wire-w1").querySelector("polyline")!, at(0, 0));
    fireEvent.pointerDown(screen.getByTestId("bend-w1-0"), at(300, 100));
    fireEvent.pointerMove(stage, at(330, 140));
    fireEvent.pointerUp(stage, at(330, 140));
    expect(current().wires[0]!.points).toEqual([{ x: 331.2, y: 139.2 }]);
    fireEvent.click(screen.getByTestId("wire-straighten"));
    expect(current().wires[0]!.points).toEqual([]);
  });

  it("colours a selected wire from the swatches", () => {
    const { current } = setup({ initial: BLINK_DOC });
    fireEvent.pointerDown(screen.getByTestId("wire-w1").querySelector("polyline")!, at(0, 0));
    fireEvent.click(screen.getByTestId("wire-color-blue"));
    expect(current().wires[0]!.color).toBe("blue");
  });

  it("names a hovered pin and highlights its whole net", () => {
    setup({ initial: BLINK_DOC });
    fireEvent.pointerOver(screen.getByTestId("pin-r1-1"));
    expect(screen.getByTestId("pin-tooltip").textContent).toBe("r1 · 1");
    fireEvent.pointerOver(screen.getByTestId("pin-led1-C"));
    expect(screen.getByTestId("pin-tooltip").textContent).toBe("led1 · Cathode (−, short leg)");
    expect(screen.getByTestId("pin-r1-1").className).toMatch(/ws-net/);
    expect(screen.getByTestId("wire-w1").getAttribute("class")).toMatch(/ws-net/);
    expect(screen.getByTestId("pin-led1-A").className).not.toMatch(/ws-net/);
    expect(screen.getByTestId("pin-r1-2").className).not.toMatch(/ws-net/);
    fireEvent.pointerOver(screen.getByTestId("workspace-stage"));
    expect(screen.queryByTestId("pin-tooltip")).toBeNull();
  });

  it("traces a pin from its context menu and from the properties", () => {
    const { calls } = setup({ initial: BLINK_DOC });
    fireEvent.contextMenu(screen.getByTestId("pin-uno1-D13"), at(100, 20));
    fireEvent.click(screen.getByTestId("trace-pin"));
    click(elementOf("led1"), 400, 60);
    fireEvent.change(screen.getByTestId("trace-pin-choice"), { target: { value: "C" } });
    fireEvent.click(screen.getByTestId("trace-pin-button"));
    expect(calls.traces).toEqual(["uno1.D13", "led1.C"]);
  });

  it("offers live controls during a run and presses buttons with the mouse", () => {
    const doc: WorkspaceDoc = {
      parts: [
        { id: "pot1", kind: "potentiometer", x: 0, y: 0, rotation: 0 },
        { id: "btn1", kind: "push-button", x: 200, y: 0, rotation: 0 },
        { id: "pir1", kind: "pir", x: 400, y: 0, rotation: 0 },
      ],
      wires: [],
    };
    const { calls, rerender, current, stage } = setup({ initial: doc });
    click(elementOf("pot1"), 10, 10);
    expect(screen.queryByTestId("control-position")).toBeNull(); // not running
    rerender({ running: true });
    fireEvent.change(screen.getByTestId("control-position"), { target: { value: "0.8" } });
    expect(calls.controls).toEqual([["pot1", "position", 0.8]]);
    expect(elementOf<HTMLElement & { value: number }>("pot1").value).toBe(Math.round(0.8 * 1023));

    click(elementOf("pir1"), 410, 10);
    fireEvent.click(screen.getByTestId("control-motion"));
    expect(calls.controls.at(-1)).toEqual(["pir1", "motion", true]);

    const button = elementOf<HTMLElement & { pressed: boolean }>("btn1");
    fireEvent.pointerDown(button, at(210, 10));
    expect(calls.presses).toEqual([["btn1", true]]);
    expect(button.pressed).toBe(true);
    fireEvent.pointerUp(stage, at(210, 10));
    expect(calls.presses.at(-1)).toEqual(["btn1", false]);
    expect(button.pressed).toBe(false);
    expect(current()).toBe(doc); // pressing is not an edit

    // While running, a click presses; Shift+click selects the button (for its Hold control).
    key(stage, "Escape");
    fireEvent.pointerDown(button, { ...at(210, 10), shiftKey: true });
    fireEvent.pointerUp(stage, at(210, 10));
    expect(calls.presses).toHaveLength(2);
    const hold = screen.getByTestId("control-hold");
    fireEvent.pointerDown(hold);
    fireEvent.pointerUp(hold);
    expect(calls.presses.slice(-2)).toEqual([
      ["btn1", true],
      ["btn1", false],
    ]);
  });

  it("shows the simulation's views on the elements and turns them off when stopped", () => {
    const doc: WorkspaceDoc = {
      parts: [
        ...BLINK_DOC.parts,
        { id: "lcd1", kind: "lcd1602", x: 0, y: 300, rotation: 0 },
        { id: "servo1", kind: "servo", x: 300, y: 300, rotation: 0 },
        { id: "motor1", kind: "dc-motor", x: 600, y: 300, rotation: 0 },
      ],
      wires: [],
    };
    const text = "Hello, world!   ".padEnd(32, " ");
    const views: Record<string, PartView> = {
      led1: { type: "led", brightness: 0.75 },
      uno1: { type: "board", led13: 1, tx: false, rx: false },
      servo1: { type: "servo", angle: 45 },
      motor1: { type: "dc-motor", speed: -0.5 },
      lcd1: {
        type: "lcd",
        columns: 16,
        rows: 2,
        characters: [...text].map((c) => c.charCodeAt(0)),
        customCharacters: [],
        cursor: false,
        blink: false,
        cursorColumn: 0,
        cursorRow: 0,
        powered: true,
      },
    };
    const { rerender } = setup({ initial: doc });
    rerender({ running: true, views });
    const led = elementOf<Led>("led1");
    expect([led.value, led.brightness]).toEqual([true, 0.75]);
    expect(elementOf<HTMLElement & { led13: boolean }>("uno1").led13).toBe(true);
    expect(elementOf<HTMLElement & { angle: number }>("servo1").angle).toBe(45);
    expect(elementOf<HTMLElement & { text: string }>("lcd1").text).toBe(text);
    expect(
      screen.getByTestId("part-motor1").querySelector("[data-speed]")!.getAttribute("data-speed"),
    ).toBe("-0.50");
    rerender({ running: false, views: {} });
    expect(led.value).toBe(false);
    expect(elementOf<HTMLElement & { led13: boolean }>("uno1").led13).toBe(false);
  });

  it("lists the circuit's warnings and outlines the parts involved", () => {
    const warnings: CircuitWarning[] = [
      {
        kind: "no-series-resistor",
        pins: ["led1.A", "led1.C"],
        message: "led1: no series resistor",
      },
    ];
    setup({ initial: BLINK_DOC, warnings, running: true });
    const list = screen.getByTestId("circuit-warnings");
    expect(within(list).getByText(/no series resistor/)).toBeTruthy();
    expect(screen.getByTestId("part-led1").className).toMatch(/ws-warned/);
    expect(screen.getByTestId("part-r1").className).not.toMatch(/ws-warned/);
    fireEvent.click(within(list).getByRole("button"));
    expect(screen.getByTestId("prop-id").textContent).toBe("led1");
  });

  it("draws breadboards with a target over every hole", () => {
    setup({
      initial: {
        parts: [
          { id: "bb1", kind: "breadboard", x: 0, y: 0, rotation: 0, props: { size: "half" } },
        ],
        wires: [],
      },
    });
    const board = screen.getByTestId("part-bb1");
    expect(board.querySelectorAll("[data-pin]")).toHaveLength(0); // targets are in the pin layer
    expect(screen.getByTestId("pin-bb1-a12")).toBeTruthy();
    expect(screen.getByTestId("pin-bb1-tp25")).toBeTruthy();
    expect(document.querySelectorAll('[data-testid^="pin-bb1-"]')).toHaveLength(400);
    expect(board.querySelector("svg text")?.textContent).toBe("1");
  });

  it("exports the whole workspace as SVG, the elements' own drawings included", async () => {
    const { calls } = setup({ initial: BLINK_DOC });
    // Let the lit elements render their shadow DOM.
    await act(async () => {
      await Promise.all(
        ["uno1", "led1", "r1"].map(
          (id) =>
            (elementOf(id) as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete,
        ),
      );
    });
    fireEvent.click(screen.getByTestId("export-svg"));
    expect(calls.downloads).toHaveLength(1);
    const { name, data } = calls.downloads[0]!;
    expect(name).toBe("arduino-workspace.svg");
    const svg = new DOMParser().parseFromString(data as string, "image/svg+xml");
    for (const id of ["uno1", "led1", "r1"]) {
      const part = svg.querySelector(`[data-part="${id}"]`)!;
      expect(part.querySelector("svg")!.children.length).toBeGreaterThan(0);
    }
    expect(svg.querySelector('[data-part="led1"]')!.getAttribute("transform")).toBe(
      "translate(384 48)",
    );
    expect(svg.querySelector('[data-wire="w1"]')!.getAttribute("stroke")).toBe("green");
  });

  it("says so when exporting an empty workspace", () => {
    const { calls } = setup();
    fireEvent.click(screen.getByTestId("export-png"));
    expect(calls.downloads).toEqual([]);
    expect(screen.getByRole("status").textContent).toMatch(/empty/);
  });

  it("zooms with the wheel and the keys, and lists its shortcuts", () => {
    const { stage } = setup({ initial: BLINK_DOC });
    expect(screen.getByTestId("ws-zoom").textContent).toBe("100 %");
    fireEvent.wheel(stage, { deltaY: -200, clientX: 100, clientY: 100 });
    expect(screen.getByTestId("ws-zoom").textContent).not.toBe("100 %");
    key(stage, "f");
    key(stage, "+");
    expect(screen.getByTestId("ws-zoom").textContent).toBe("125 %");
    fireEvent.click(screen.getByTestId("ws-help"));
    expect(screen.getByRole("dialog", { name: "Keyboard shortcuts" }).textContent).toMatch(
      /Ctrl\+Z/,
    );
  });
});

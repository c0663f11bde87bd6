// @vitest-environment happy-dom
import { Scene, Selection, type Component } from "@ohmcloud/canvas";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { EXAMPLES, sheetSvg } from "./documents";
import { EditorStore } from "./editor-store";
import { SymbolStore } from "./library";
import { SchematicCanvas, type ErcFinding } from "./SchematicCanvas";
import { TEST_SYMBOLS } from "./test-symbols";

afterEach(cleanup);

function setup(scene: Scene, props: { findings?: ErcFinding[] } = {}) {
  const symbols = new SymbolStore(undefined, TEST_SYMBOLS);
  const store = new EditorStore(scene, symbols.lookup);
  const onPlacingChange = vi.fn();
  render(
    <SchematicCanvas
      store={store}
      symbols={symbols}
      onPlacingChange={onPlacingChange}
      {...props}
    />,
  );
  return { store, onPlacingChange };
}

function divider(): Scene {
  const example = EXAMPLES.find((e) => e.slug === "voltage-divider");
  if (example === undefined) throw new Error("the voltage divider example is missing");
  return Scene.from(example.file.schematic);
}

function press(key: string, modifiers: { ctrlKey?: boolean; shiftKey?: boolean } = {}): void {
  fireEvent.keyDown(window, { key, ...modifiers });
}

function component(store: EditorStore, reference: string): Component {
  const found = store.scene.schematic.components.find((c) => c.reference === reference);
  if (found === undefined) throw new Error(`no ${reference}`);
  return found;
}

describe("SchematicCanvas", () => {
  it("draws the components, wires, labels and sheet of a document", () => {
    setup(divider());
    expect(screen.getByTestId("schematic-canvas")).toBeTruthy();
    for (const reference of ["V1", "R1", "R2", "#PWR3", "#PWR10"]) {
      expect(screen.getByTestId(`component-${reference}`)).toBeTruthy();
    }
    for (const wire of ["w2", "w6", "w7", "w9"])
      expect(screen.getByTestId(`wire-${wire}`)).toBeTruthy();
    expect(screen.getByTestId("label-l8").textContent).toBe("out");
    expect(document.querySelector('[data-role="title-block"]')?.textContent).toContain(
      "Voltage divider",
    );
  });

  it.each(EXAMPLES.map((e) => [e.slug, e] as const))(
    "draws every part of the %s example",
    (_, example) => {
      setup(Scene.from(example.file.schematic));
      for (const part of example.file.schematic.components) {
        expect(screen.getAllByTestId(`component-${part.reference}`).length).toBeGreaterThan(0);
      }
      for (const wire of example.file.schematic.wires) {
        expect(screen.getByTestId(`wire-${wire.id}`)).toBeTruthy();
      }
    },
  );

  it("draws the core's automatic junction dots where a wire tees into another", () => {
    const scene = Scene.from({
      format: "ohmcloud-schematic",
      version: 1,
      wires: [
        {
          id: "a",
          points: [
            [0, 0],
            [1000, 0],
          ],
        },
        {
          id: "b",
          points: [
            [500, 0],
            [500, 500],
          ],
        },
      ],
    });
    setup(scene);
    expect(screen.getAllByTestId("junction")).toHaveLength(1);
  });

  it("marks ERC findings on parts and pins, with the message", () => {
    setup(divider(), {
      findings: [
        {
          severity: "error",
          code: "pin-unconnected",
          message: "R1 pin 2 is not connected",
          component: "c4",
          pin: "2",
        },
        { severity: "warning", code: "dangling", message: "a dangling wire", wire: "w2" },
      ],
    });
    const markers = screen.getAllByTestId("erc-marker");
    expect(markers.map((m) => m.getAttribute("data-severity"))).toEqual(["error", "warning"]);
    // R1 at (2000, 1600): pin 2 at (0, -150) in the symbol lands below it.
    expect([markers[0]?.getAttribute("cx"), markers[0]?.getAttribute("cy")]).toEqual([
      "2000",
      "1750",
    ]);
    expect(markers[0]?.textContent).toBe("R1 pin 2 is not connected");
  });

  it("rotates, mirrors and deletes the selection with R, X, Y and Delete, all undoable", () => {
    const { store } = setup(divider());
    act(() => store.select(new Selection(["c4"])));
    press("r");
    expect(component(store, "R1").rotation).toBe(90);
    press("x");
    expect(component(store, "R1").mirror).not.toBe("none");
    press("z", { ctrlKey: true });
    press("z", { ctrlKey: true });
    expect(component(store, "R1").rotation).toBe(0);
    expect(component(store, "R1").mirror).toBe("none");
    press("z", { ctrlKey: true, shiftKey: true });
    expect(component(store, "R1").rotation).toBe(90);
    press("y", { ctrlKey: true });
    expect(component(store, "R1").mirror).not.toBe("none");
    press("Delete");
    expect(store.scene.get("c4")).toBeUndefined();
    expect(screen.queryByTestId("component-R1")).toBeNull();
    press("z", { ctrlKey: true });
    expect(screen.getByTestId("component-R1")).toBeTruthy();
  });

  it("duplicates with Ctrl+D and copies and pastes with Ctrl+C and Ctrl+V", async () => {
    const { store } = setup(divider());
    act(() => store.select(new Selection(["c4"])));
    press("d", { ctrlKey: true });
    expect(screen.getByTestId("component-R3")).toBeTruthy();
    press("c", { ctrlKey: true });
    press("v", { ctrlKey: true });
    await waitFor(() => expect(screen.getByTestId("component-R4")).toBeTruthy());
    press("x", { ctrlKey: true });
    expect(screen.queryByTestId("component-R4")).toBeNull();
  });

  it("ignores shortcuts typed into a text field or another panel, but not on the canvas", () => {
    const { store } = setup(divider());
    act(() => store.select(new Selection(["c4"])));
    const input = document.createElement("input");
    const button = document.createElement("button");
    document.body.append(input, button);
    fireEvent.keyDown(input, { key: "r" });
    fireEvent.keyDown(button, { key: "r" });
    expect(component(store, "R1").rotation ?? 0).toBe(0);
    fireEvent.keyDown(screen.getByTestId("schematic-canvas"), { key: "r" });
    expect(component(store, "R1").rotation).toBe(90);
    input.remove();
    button.remove();
  });

  it("enters wire mode with W, ground placement with G, and leaves with Escape", () => {
    const { onPlacingChange } = setup(divider());
    const canvas = screen.getByTestId("schematic-canvas");
    press("w");
    expect(canvas.getAttribute("data-mode")).toBe("wire");
    press("Escape");
    expect(canvas.getAttribute("data-mode")).toBe("select");
    press("g");
    expect(onPlacingChange).toHaveBeenLastCalledWith({
      symbol: "power:GND",
      prefix: "#PWR",
      value: "GND",
    });
    press("l");
    expect(canvas.getAttribute("data-mode")).toBe("label");
  });

  it("opens the shortcut sheet with ?", () => {
    setup(divider());
    press("?");
    expect(screen.getByTestId("shortcut-sheet").textContent).toContain("Rotate");
    press("Escape");
    expect(screen.queryByTestId("shortcut-sheet")).toBeNull();
  });
});

describe("SchematicCanvas pointer editing", () => {
  /** Client coordinates of a sheet point, from the view the canvas reports (its box is at 0, 0 here). */
  function screenOf(point: [number, number]): { clientX: number; clientY: number } {
    const [x = 0, y = 0, scale = 1] = (
      screen.getByTestId("schematic-canvas").getAttribute("data-view") ?? ""
    )
      .split(" ")
      .map(Number);
    return { clientX: (point[0] - x) * scale, clientY: (point[1] - y) * scale };
  }

  it("drags a part on the grid as one undoable move, its wires following", () => {
    const { store } = setup(divider());
    const canvas = screen.getByTestId("schematic-canvas");
    fireEvent.pointerDown(canvas, { ...screenOf([2000, 1600]), button: 0, pointerId: 1 });
    expect(store.selected.has("c4")).toBe(true);
    fireEvent.pointerMove(canvas, { ...screenOf([2050, 1600]), pointerId: 1 });
    fireEvent.pointerMove(canvas, { ...screenOf([2100, 1700]), pointerId: 1 });
    fireEvent.pointerUp(canvas, { ...screenOf([2100, 1700]), button: 0, pointerId: 1 });
    expect(component(store, "R1").position).toEqual([2100, 1700]);
    act(() => store.undo());
    expect(component(store, "R1").position).toEqual([2000, 1600]);
  });

  it("selects the items inside a box dragged on empty space", () => {
    const { store } = setup(divider());
    const canvas = screen.getByTestId("schematic-canvas");
    fireEvent.pointerDown(canvas, { ...screenOf([1700, 1300]), button: 0, pointerId: 1 });
    fireEvent.pointerMove(canvas, { ...screenOf([2300, 2420]), pointerId: 1 });
    fireEvent.pointerUp(canvas, { ...screenOf([2300, 2420]), button: 0, pointerId: 1 });
    expect([...store.selected.ids].sort()).toEqual(["c4", "c5", "l8", "w7"]);
  });

  it("draws a wire in W mode: clicks add bends, a double click ends it", () => {
    const { store } = setup(Scene.empty());
    const canvas = screen.getByTestId("schematic-canvas");
    fireEvent.keyDown(window, { key: "w" });
    fireEvent.pointerDown(canvas, { ...screenOf([1000, 1000]), button: 0, pointerId: 1 });
    fireEvent.pointerDown(canvas, { ...screenOf([2000, 1500]), button: 0, pointerId: 1 });
    fireEvent.doubleClick(canvas, screenOf([2000, 1500]));
    expect(store.scene.schematic.wires.map((wire) => wire.points)).toEqual([
      [
        [1000, 1000],
        [2000, 1000],
        [2000, 1500],
      ],
    ]);
  });
});

describe("SchematicCanvas placement", () => {
  it("puts a picked part down where the canvas is clicked, with the next reference", () => {
    const symbols = new SymbolStore(undefined, TEST_SYMBOLS);
    const store = new EditorStore(divider(), symbols.lookup);
    const onPlaced = vi.fn();
    const onPlacingChange = vi.fn();
    render(
      <SchematicCanvas
        store={store}
        symbols={symbols}
        placing={{ symbol: "Device:R", prefix: "R" }}
        onPlaced={onPlaced}
        onPlacingChange={onPlacingChange}
      />,
    );
    const canvas = screen.getByTestId("schematic-canvas");
    expect(canvas.getAttribute("data-mode")).toBe("place");
    const [x = 0, y = 0, scale = 1] = (canvas.getAttribute("data-view") ?? "")
      .split(" ")
      .map(Number);
    fireEvent.pointerMove(canvas, { clientX: (3010 - x) * scale, clientY: (1990 - y) * scale });
    expect(document.querySelector('[data-role="placement-ghost"]')).toBeTruthy();
    fireEvent.pointerDown(canvas, {
      clientX: (3010 - x) * scale,
      clientY: (1990 - y) * scale,
      button: 0,
      pointerId: 1,
    });
    expect(component(store, "R3")).toMatchObject({
      symbol: "Device:R",
      position: [3000, 2000],
      value: "R",
    });
    expect(onPlaced).toHaveBeenCalledWith({ symbol: "Device:R", prefix: "R" });
    expect(onPlacingChange).toHaveBeenLastCalledWith(null);
    act(() => store.undo());
    expect(store.scene.schematic.components.some((c) => c.reference === "R3")).toBe(false);
  });
});

/** Client coordinates of a sheet point, from the view the canvas reports (its box is at 0, 0 here). */
function clientAt(point: [number, number]): { clientX: number; clientY: number } {
  const [x = 0, y = 0, scale = 1] = (
    screen.getByTestId("schematic-canvas").getAttribute("data-view") ?? ""
  )
    .split(" ")
    .map(Number);
  return { clientX: (point[0] - x) * scale, clientY: (point[1] - y) * scale };
}

describe("SchematicCanvas pin markers", () => {
  it("marks every pin, open circles only where nothing is connected", () => {
    const { store } = setup(divider());
    const pin = screen.getByTestId("pin-R1-1");
    expect([pin.getAttribute("cx"), pin.getAttribute("cy")]).toEqual(["2000", "1450"]);
    expect(pin.getAttribute("data-pin")).toBe("1");
    expect(pin.closest('[data-export="skip"]')).not.toBeNull();
    for (const reference of ["V1", "R1", "R2"]) {
      for (const number of ["1", "2"]) {
        const marker = screen.getByTestId(`pin-${reference}-${number}`);
        expect(marker.getAttribute("data-connected")).toBe("true");
        expect(marker.getAttribute("stroke")).toBe("none");
      }
    }
    // Without the wire from R1 to R2, R1's pin 2 dangles; R2's pin 1 keeps its label "out".
    act(() => store.select(new Selection(["w7"])));
    press("Delete");
    const open = screen.getByTestId("pin-R1-2");
    expect(open.getAttribute("data-connected")).toBe("false");
    expect(open.getAttribute("stroke")).not.toBe("none");
    expect(open.getAttribute("fill")).toBe("transparent");
    expect(screen.getByTestId("pin-R2-1").getAttribute("data-connected")).toBe("true");
    press("z", { ctrlKey: true });
    expect(screen.getByTestId("pin-R1-2").getAttribute("data-connected")).toBe("true");
  });
});

describe("SchematicCanvas probe mode", () => {
  function probeSetup(probing: boolean) {
    const symbols = new SymbolStore(undefined, TEST_SYMBOLS);
    const store = new EditorStore(divider(), symbols.lookup);
    const onProbe = vi.fn();
    const onProbingChange = vi.fn();
    const view = render(
      <SchematicCanvas
        store={store}
        symbols={symbols}
        probing={probing}
        onProbe={onProbe}
        onProbingChange={onProbingChange}
      />,
    );
    return { store, symbols, onProbe, onProbingChange, view };
  }

  it("toggles with V and ends with Escape", () => {
    const { onProbingChange, view, store, symbols, onProbe } = probeSetup(false);
    const canvas = screen.getByTestId("schematic-canvas");
    expect(canvas.getAttribute("data-mode")).toBe("select");
    press("v");
    expect(onProbingChange).toHaveBeenLastCalledWith(true);
    view.rerender(
      <SchematicCanvas
        store={store}
        symbols={symbols}
        probing
        onProbe={onProbe}
        onProbingChange={onProbingChange}
      />,
    );
    expect(canvas.getAttribute("data-mode")).toBe("probe");
    expect(canvas.style.cursor).toBe("crosshair");
    expect(document.querySelector(".oc-canvas-status")?.textContent).toBe(
      "Probe: click a net to plot its voltage, a part to plot its current; Escape ends",
    );
    press("V");
    expect(onProbingChange).toHaveBeenLastCalledWith(false);
    onProbingChange.mockClear();
    press("Escape");
    expect(onProbingChange).toHaveBeenCalledWith(false);
  });

  it("probes a wire for its net and a part for itself, without selecting", () => {
    const { onProbe, store } = probeSetup(true);
    const canvas = screen.getByTestId("schematic-canvas");
    fireEvent.pointerDown(canvas, { ...clientAt([2000, 1900]), button: 0, pointerId: 1 });
    fireEvent.pointerUp(canvas, { ...clientAt([2000, 1900]), button: 0, pointerId: 1 });
    expect(onProbe).toHaveBeenLastCalledWith({ kind: "net", net: "out" });
    fireEvent.pointerDown(canvas, { ...clientAt([2000, 1600]), button: 0, pointerId: 1 });
    fireEvent.pointerMove(canvas, { ...clientAt([2300, 1900]), pointerId: 1 });
    fireEvent.pointerUp(canvas, { ...clientAt([2300, 1900]), button: 0, pointerId: 1 });
    expect(onProbe).toHaveBeenLastCalledWith({ kind: "component", id: "c4", reference: "R1" });
    expect(store.selected.size).toBe(0);
    expect(component(store, "R1").position).toEqual([2000, 1600]);
    expect(store.getSnapshot().canUndo).toBe(false);
  });

  it("highlights the whole net under the pointer", () => {
    probeSetup(true);
    const canvas = screen.getByTestId("schematic-canvas");
    const stroke = (id: string) => screen.getByTestId(`wire-${id}`).getAttribute("stroke");
    const normal = stroke("w7");
    fireEvent.pointerMove(canvas, clientAt([1500, 1450])); // on w6, the net "in"
    const hover = stroke("w6");
    expect(hover).not.toBe(normal);
    expect(stroke("w7")).toBe(normal);
    fireEvent.pointerMove(canvas, clientAt([2000, 1900])); // w7, the net "out" with its label
    expect(stroke("w7")).toBe(hover);
    expect(stroke("w6")).toBe(normal);
    expect(screen.getByTestId("label-l8").querySelector("text")?.getAttribute("fill")).toBe(hover);
  });
});

describe("SchematicCanvas power key and overlay", () => {
  it("places a VCC power symbol with P", () => {
    const { onPlacingChange } = setup(divider());
    press("p");
    expect(onPlacingChange).toHaveBeenLastCalledWith({
      symbol: "power:VCC",
      prefix: "#PWR",
      value: "VCC",
    });
  });

  it("draws the overlay in sheet coordinates inside the exported group, not the skipped one", () => {
    const symbols = new SymbolStore(undefined, TEST_SYMBOLS);
    const store = new EditorStore(divider(), symbols.lookup);
    let svg: SVGSVGElement | null = null;
    render(
      <SchematicCanvas
        store={store}
        symbols={symbols}
        svgRef={(element) => {
          svg = element;
        }}
        overlay={
          <text data-testid="op-note" x={2100} y={2050}>
            7.5 V
          </text>
        }
      />,
    );
    const note = screen.getByTestId("op-note");
    expect(note.closest("[data-export-root]")).not.toBeNull();
    expect(note.closest('[data-export="skip"]')).toBeNull();
    if (svg === null) throw new Error("no svg");
    const exported = sheetSvg(svg, 11693, 8268);
    expect(exported).toContain("7.5 V");
    expect(exported).toContain('data-testid="component-R1"');
    expect(exported).not.toContain("pin-R1-1");
  });
});

describe("SchematicCanvas small text", () => {
  it("hides unreadably small part text on screen only, never in the exported sheet", () => {
    const symbols = new SymbolStore(undefined, TEST_SYMBOLS);
    const store = new EditorStore(divider(), symbols.lookup);
    let svg: SVGSVGElement | null = null;
    render(
      <SchematicCanvas
        store={store}
        symbols={symbols}
        svgRef={(element) => {
          svg = element;
        }}
      />,
    );
    const canvas = screen.getByTestId("schematic-canvas");
    expect(canvas.getAttribute("data-small-text")).toBeNull();
    for (let i = 0; i < 5; i++)
      fireEvent.wheel(canvas, { deltaY: 200, clientX: 300, clientY: 200 });
    expect(Number(canvas.getAttribute("data-view")?.split(" ")[2])).toBeLessThan(0.05);
    expect(canvas.getAttribute("data-small-text")).toBe("hidden");
    expect(canvas.querySelector('[data-export="skip"] > style')?.textContent).toContain(
      '[data-small-text="hidden"]',
    );
    if (svg === null) throw new Error("no svg");
    const exported = sheetSvg(svg, 11693, 8268);
    expect(exported).not.toContain("<style");
    expect(exported).toContain(">1k</text>");
  });
});

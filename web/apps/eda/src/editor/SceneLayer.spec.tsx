// @vitest-environment happy-dom
// What re-renders when: a pan or a zoom redraws no part, a hover redraws the two parts it moves between.
import { Scene, Selection } from "@ohmcloud/canvas";
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EXAMPLES } from "./documents";
import { EditorStore } from "./editor-store";
import { SymbolStore } from "./library";
import { SchematicCanvas } from "./SchematicCanvas";
import type { SymbolRendererProps } from "./SymbolRenderer";
import { TEST_SYMBOLS } from "./test-symbols";

/** The references of the parts drawn, in order: the real SymbolRenderer, wrapped to count its renders (a spy, not a stand-in). */
const drawn = vi.hoisted(() => [] as string[]);

// Not a stand-in: the real SymbolRenderer still draws every part. React has no public per-component render
// count, and "which parts re-render on pan and hover" is exactly what these specs assert, so the module is
// wrapped to record each call before delegating.
vi.mock("./SymbolRenderer", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./SymbolRenderer")>();
  return {
    ...actual,
    SymbolRenderer: (props: SymbolRendererProps) => {
      drawn.push(props.placed.reference ?? "");
      return <actual.SymbolRenderer {...props} />;
    },
  };
});

afterEach(cleanup);
beforeEach(() => {
  drawn.length = 0;
});

function setup() {
  const example = EXAMPLES.find((e) => e.slug === "voltage-divider");
  if (example === undefined) throw new Error("the voltage divider example is missing");
  const symbols = new SymbolStore(undefined, TEST_SYMBOLS);
  const store = new EditorStore(Scene.from(example.file.schematic), symbols.lookup);
  render(<SchematicCanvas store={store} symbols={symbols} />);
  const canvas = screen.getByTestId("schematic-canvas");
  const at = (point: [number, number]) => {
    const [x = 0, y = 0, scale = 1] = (canvas.getAttribute("data-view") ?? "")
      .split(" ")
      .map(Number);
    return { clientX: (point[0] - x) * scale, clientY: (point[1] - y) * scale };
  };
  return { store, canvas, at };
}

describe("SceneLayer memoization", () => {
  it("draws every part once, then not again for a pan or a zoom", () => {
    const { canvas } = setup();
    expect([...drawn].sort()).toEqual(["#PWR10", "#PWR3", "R1", "R2", "V1"]);
    drawn.length = 0;
    const before = canvas.getAttribute("data-view");
    fireEvent.pointerDown(canvas, { clientX: 100, clientY: 100, button: 1, pointerId: 1 });
    for (let i = 1; i <= 10; i++) {
      fireEvent.pointerMove(canvas, { clientX: 100 + 5 * i, clientY: 100 + 3 * i, pointerId: 1 });
    }
    fireEvent.pointerUp(canvas, { clientX: 150, clientY: 130, button: 1, pointerId: 1 });
    fireEvent.wheel(canvas, { deltaY: -100, clientX: 300, clientY: 200 });
    expect(canvas.getAttribute("data-view")).not.toBe(before);
    expect(drawn).toEqual([]);
  });

  it("redraws only the parts a hover leaves and enters, and a newly selected one", () => {
    const { canvas, at, store } = setup();
    drawn.length = 0;
    fireEvent.pointerMove(canvas, at([2000, 1600])); // R1's body
    expect(drawn).toEqual(["R1"]);
    fireEvent.pointerMove(canvas, at([2010, 1610])); // still R1: nothing changes
    expect(drawn).toEqual(["R1"]);
    drawn.length = 0;
    fireEvent.pointerMove(canvas, at([2000, 2200])); // R2's body
    expect([...drawn].sort()).toEqual(["R1", "R2"]);
    drawn.length = 0;
    act(() => store.select(new Selection(["c1"])));
    expect(drawn).toEqual(["V1"]);
  });
});

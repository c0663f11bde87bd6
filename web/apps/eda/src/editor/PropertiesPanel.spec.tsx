// @vitest-environment happy-dom
import { Scene, Selection, type Component } from "@ohmcloud/canvas";
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { EditorStore } from "./editor-store";
import { SymbolStore } from "./library";
import { PropertiesPanel } from "./PropertiesPanel";
import { TEST_SYMBOLS } from "./test-symbols";

afterEach(cleanup);

const PARTS: Component[] = [
  { id: "r1", symbol: "Device:R", position: [1000, 1000], reference: "R1", value: "1k" },
  { id: "v1", symbol: "Simulation_SPICE:VDC", position: [0, 1000], reference: "V1", value: "dc 5" },
  { id: "d1", symbol: "Diode:1N4007", position: [2000, 1000], reference: "D1", value: "1N4007" },
  {
    id: "u1",
    symbol: "Amplifier_Operational:LM358",
    position: [3000, 1000],
    reference: "U1",
    value: "LM358",
    unit: 1,
  },
];

function setup(select?: string) {
  const symbols = new SymbolStore(undefined, TEST_SYMBOLS);
  const store = new EditorStore(
    Scene.from({ format: "ohmcloud-schematic", version: 1, components: PARTS }),
    symbols.lookup,
  );
  store.select(new Selection(select === undefined ? [] : [select]));
  render(<PropertiesPanel store={store} symbols={symbols} />);
  const value = (id: string) => (store.scene.get(id)?.item as Component).value;
  return { store, value };
}

describe("PropertiesPanel", () => {
  it("asks for a selection when none or several items are selected", () => {
    const { store } = setup("r1");
    act(() => store.select(new Selection(["r1", "v1"])));
    expect(screen.getByTestId("properties-panel").textContent).toContain("2 items selected");
  });

  it("picks the unit of a multi-unit part, undoably", () => {
    const { store } = setup("u1");
    const unit = () => (store.scene.get("u1")?.item as Component).unit;
    const picker = screen.getByTestId("property-unit") as HTMLSelectElement;
    expect([...picker.options].map((o) => o.textContent)).toEqual(["A of 2", "B of 2"]);
    fireEvent.change(picker, { target: { value: "2" } });
    expect(unit()).toBe(2);
    act(() => store.undo());
    expect(unit()).toBe(1);
    act(() => store.select(new Selection(["r1"])));
    expect(screen.queryByTestId("property-unit")).toBeNull();
  });

  it("edits the sheet and the title block when nothing is selected", () => {
    const { store } = setup();
    expect((screen.getByTestId("sheet-size") as HTMLSelectElement).value).toBe("A4");
    fireEvent.change(screen.getByTestId("sheet-size"), { target: { value: "A3" } });
    fireEvent.change(screen.getByTestId("sheet-orientation"), { target: { value: "portrait" } });
    expect(store.scene.schematic.sheet).toEqual({ size: "A3", orientation: "portrait" });
    const title = screen.getByTestId("title-block-title");
    fireEvent.change(title, { target: { value: "R" } });
    fireEvent.change(title, { target: { value: "RC filter" } });
    fireEvent.blur(title);
    expect(store.scene.schematic.title_block).toEqual({ title: "RC filter" });
    act(() => store.undo()); // the typing was one step
    expect(store.scene.schematic.title_block).toBeUndefined();
    expect((screen.getByTestId("title-block-title") as HTMLInputElement).value).toBe("");
    act(() => store.undo());
    expect(store.scene.schematic.sheet).toEqual({ size: "A3", orientation: "landscape" });
  });

  it.each(["4k7", "10u", "1meg", "2.2kΩ"])(
    "accepts %s and sets it as one undoable command",
    (typed) => {
      const { store, value } = setup("r1");
      fireEvent.change(screen.getByTestId("property-value"), { target: { value: typed } });
      expect(screen.queryByTestId("property-value-error")).toBeNull();
      expect(value("r1")).toBe(typed);
      act(() => store.undo());
      expect(value("r1")).toBe("1k");
    },
  );

  it("shows a red message for a value the SI parser refuses and keeps the last good one", () => {
    const { value } = setup("r1");
    const input = screen.getByTestId("property-value");
    fireEvent.change(input, { target: { value: "4k7x" } });
    expect(screen.getByTestId("property-value-error").textContent).not.toBe("");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(value("r1")).toBe("1k");
    fireEvent.change(input, { target: { value: "" } });
    expect(screen.getByTestId("property-value-error").textContent).toContain("enter a value");
    fireEvent.change(input, { target: { value: "47k" } });
    expect(screen.queryByTestId("property-value-error")).toBeNull();
    expect(value("r1")).toBe("47k");
  });

  it("refuses a resistor value in farads", () => {
    setup("r1");
    fireEvent.change(screen.getByTestId("property-value"), { target: { value: "10uF" } });
    expect(screen.getByTestId("property-value-error")).toBeTruthy();
  });

  it("merges the keystrokes of one edit into one undo step", () => {
    const { store, value } = setup("r1");
    const input = screen.getByTestId("property-value");
    for (const typed of ["2", "22", "22k"]) fireEvent.change(input, { target: { value: typed } });
    expect(value("r1")).toBe("22k");
    act(() => store.undo());
    expect(value("r1")).toBe("1k");
  });

  it("writes a source's waveform as a SPICE spec through the spice helpers", () => {
    const { store, value } = setup("v1");
    expect(screen.getByTestId("source-dc")).toHaveProperty("value", "5");
    fireEvent.change(screen.getByTestId("source-wave"), { target: { value: "sin" } });
    fireEvent.change(screen.getByTestId("source-offset"), { target: { value: "0" } });
    fireEvent.change(screen.getByTestId("source-amplitude"), { target: { value: "1" } });
    fireEvent.change(screen.getByTestId("source-frequency"), { target: { value: "1k" } });
    fireEvent.click(screen.getByTestId("source-apply"));
    expect(value("v1")).toMatch(/^dc 5 sin\(0 1 1k/);
    act(() => store.undo());
    expect(value("v1")).toBe("dc 5");
  });

  it("shows the field errors of an invalid waveform and changes nothing", () => {
    const { value } = setup("v1");
    fireEvent.change(screen.getByTestId("source-wave"), { target: { value: "pulse" } });
    fireEvent.change(screen.getByTestId("source-v1"), { target: { value: "0" } });
    fireEvent.change(screen.getByTestId("source-v2"), { target: { value: "oops" } });
    fireEvent.change(screen.getByTestId("source-period"), { target: { value: "1m" } });
    fireEvent.click(screen.getByTestId("source-apply"));
    expect(screen.getAllByTestId("source-error").length).toBeGreaterThan(0);
    expect(value("v1")).toBe("dc 5");
  });

  it("offers the model library for a part whose value names its model", () => {
    const { value } = setup("d1");
    const picker = screen.getByTestId("property-model");
    expect(picker).toHaveProperty("value", "1n4007");
    fireEvent.change(picker, { target: { value: "1n4148" } });
    expect(value("d1")).toBe("1n4148");
  });
});

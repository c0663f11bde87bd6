// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, expect, it, vi } from "vitest";
import {
  acPlot,
  nestedDcNetlist,
  nestedDcPlot,
  opPlot,
  pzPlot,
  result,
  tranPlot,
} from "./fixtures";
import { ResultsView } from "./index";

afterEach(cleanup);

const checkbox = (id: string) => screen.getByTestId(id) as HTMLInputElement;

it("shows the empty state before any run", () => {
  render(<ResultsView result={null} />);
  expect(screen.getByTestId("results-view").textContent).toContain(
    "Run a simulation to see results",
  );
  render(<ResultsView result={{ plots: [] }} />);
  expect(screen.getAllByTestId("results-empty")).toHaveLength(2);
});

it("shows a tab per plot and the operating point as a table", () => {
  render(<ResultsView result={result} />);
  const tabs = screen.getAllByRole("tab");
  expect(tabs.map((t) => t.textContent)).toEqual(["op1", "tran1", "ac1"]);
  expect(screen.getByTestId("plot-tab-op1").getAttribute("aria-selected")).toBe("true");
  const table = screen.getByTestId("op-table");
  const cells = within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) => [...row.querySelectorAll("td")].map((td) => td.textContent));
  expect(cells).toEqual([
    ["v(in)", "5 V"],
    ["v(out)", "2.5 V"],
    ["i(v1)", "-2.5 mA"],
  ]);
});

it("sorts the table by clicking its headers", () => {
  render(<ResultsView result={{ plots: [opPlot] }} />);
  const names = () =>
    within(screen.getByTestId("op-table"))
      .getAllByRole("row")
      .slice(1)
      .map((row) => row.querySelector("td")?.textContent);
  fireEvent.click(screen.getByTestId("sort-value"));
  expect(names()).toEqual(["i(v1)", "v(out)", "v(in)"]);
  expect(screen.getByTestId("sort-value").closest("th")?.getAttribute("aria-sort")).toBe(
    "ascending",
  );
  fireEvent.click(screen.getByTestId("sort-value"));
  expect(names()).toEqual(["v(in)", "v(out)", "i(v1)"]);
  fireEvent.click(screen.getByTestId("sort-name"));
  expect(names()).toEqual(["i(v1)", "v(in)", "v(out)"]);
});

it("shows poles and zeros as complex numbers", () => {
  render(<ResultsView result={{ plots: [pzPlot] }} />);
  expect(screen.getByTestId("op-table").textContent).toContain("-100 + j2k");
  expect(screen.getByTestId("op-table").textContent).toContain("-50 − j300");
});

it("switches plots with the tabs and toggles traces in the legend", () => {
  render(<ResultsView result={result} initialPlot="op1" />);
  fireEvent.click(screen.getByTestId("plot-tab-tran1"));
  expect(screen.getByTestId("plot-tab-tran1").getAttribute("aria-selected")).toBe("true");
  expect(screen.queryByTestId("op-table")).toBeNull();
  expect(checkbox("trace-toggle-v(out)").checked).toBe(true);
  expect(screen.queryByTestId("trace-toggle-time")).toBeNull();
  expect(screen.getByTestId("cursor-a-y-v(out)").textContent).toBe("—");

  fireEvent.click(checkbox("trace-toggle-v(out)"));
  expect(checkbox("trace-toggle-v(out)").checked).toBe(false);
  expect(screen.queryByTestId("cursor-a-y-v(out)")).toBeNull();
  expect(screen.getByTestId("cursor-a-y-v(in)")).toBeTruthy();

  // The choice is kept per plot across tab switches.
  fireEvent.click(screen.getByTestId("plot-tab-ac1"));
  fireEvent.click(screen.getByTestId("plot-tab-tran1"));
  expect(checkbox("trace-toggle-v(out)").checked).toBe(false);
});

it("renders the chart controls and cursor readout without a canvas", () => {
  render(<ResultsView result={{ plots: [tranPlot] }} />);
  expect(screen.getByTestId("cursor-readout")).toBeTruthy();
  const a = screen.getByTestId("cursor-a-input") as HTMLInputElement;
  expect(a.value).toBe("");
  expect(a.placeholder).toBe("—");
  expect(screen.getByTestId("cursor-a-x").hasAttribute("data-value")).toBe(false);
  expect(screen.getByTestId("cursor-delta-x").textContent).toBe("—");
  expect(screen.getByTestId("export-csv")).toBeTruthy();
  expect((screen.getByTestId("export-png") as HTMLButtonElement).disabled).toBe(true);
  expect(screen.getByText("Charts need a browser with canvas support.")).toBeTruthy();
});

it("offers the complex display modes for AC plots and reads both panes", () => {
  render(<ResultsView result={{ plots: [acPlot] }} />);
  const select = screen.getByTestId("complex-mode") as HTMLSelectElement;
  expect([...select.options].map((o) => o.value)).toEqual(["db-phase", "re-im", "mag"]);
  expect(screen.getByTestId("cursor-a-y-v(out)@db")).toBeTruthy();
  expect(screen.getByTestId("cursor-a-y-v(out)@phase")).toBeTruthy();
  fireEvent.change(select, { target: { value: "mag" } });
  expect(screen.getByTestId("cursor-a-y-v(out)@mag")).toBeTruthy();
  expect(screen.queryByTestId("cursor-a-y-v(out)@phase")).toBeNull();
});

it("notes decimated plots and loads the full data on request", () => {
  const onLoadFull = vi.fn();
  render(<ResultsView result={{ plots: [acPlot] }} onLoadFull={onLoadFull} />);
  expect(screen.getByTestId("decimation-note").textContent).toContain("Showing 5 of 41 points");
  fireEvent.click(screen.getByTestId("load-full"));
  expect(onLoadFull).toHaveBeenCalledOnce();
});

it("mentions the previous run when one is overlaid", () => {
  const { rerender } = render(<ResultsView result={{ plots: [tranPlot] }} />);
  expect(screen.queryByText("Dashed: the previous run.")).toBeNull();
  rerender(<ResultsView result={{ plots: [tranPlot] }} previous={{ plots: [tranPlot] }} />);
  expect(screen.getByText("Dashed: the previous run.")).toBeTruthy();
});

const input = (which: "a" | "b") => screen.getByTestId(`cursor-${which}-input`) as HTMLInputElement;
const value = (testId: string) => {
  const text = screen.getByTestId(testId).getAttribute("data-value");
  return text === null ? null : Number(text);
};
const type = (which: "a" | "b", text: string, commit: "enter" | "blur" = "enter") => {
  fireEvent.change(input(which), { target: { value: text } });
  if (commit === "enter") fireEvent.keyDown(input(which), { key: "Enter" });
  else fireEvent.blur(input(which));
};

it("places the cursors at typed positions and reads the traces there", () => {
  render(<ResultsView result={{ plots: [tranPlot] }} />);
  expect(screen.getByLabelText("Cursor A position")).toBe(input("a"));
  type("a", "1.5m");
  expect(value("cursor-a-x")).toBe(1.5e-3);
  expect(input("a").value).toBe("1.5m");
  // Between the samples 0.5 V (1 ms) and 0.75 V (2 ms): interpolated, not snapped.
  expect(value("cursor-a-y-v(out)")).toBeCloseTo(0.625, 12);
  expect(screen.getByTestId("cursor-a-y-v(out)").textContent).toBe("625 mV");

  type("b", "3.25ms", "blur");
  expect(value("cursor-b-x")).toBe(3.25e-3);
  expect(value("cursor-b-y-v(out)")).toBeCloseTo(0.890625, 12);
  expect(value("cursor-delta-x")).toBeCloseTo(1.75e-3, 15);
  expect(value("cursor-delta-y-v(out)")).toBeCloseTo(0.265625, 12);
  expect(value("cursor-inverse-delta-x")).toBeCloseTo(1 / 1.75e-3, 9);

  // An empty field removes its cursor.
  type("b", "");
  expect(value("cursor-b-x")).toBeNull();
  expect(screen.getByTestId("cursor-b-y-v(out)").textContent).toBe("—");
});

it("keeps the old position on invalid text, with an inline error", () => {
  render(<ResultsView result={{ plots: [tranPlot] }} />);
  type("a", "2m");
  type("a", "2 apples");
  expect(screen.getByTestId("cursor-a-error").textContent).toContain("2 apples");
  expect(input("a").getAttribute("aria-invalid")).toBe("true");
  expect(input("a").value).toBe("2 apples");
  expect(value("cursor-a-x")).toBe(2e-3);
  expect(value("cursor-a-y-v(out)")).toBe(0.75);
  // Escape drops the edit and shows the position again.
  fireEvent.keyDown(input("a"), { key: "Escape" });
  expect(screen.queryByTestId("cursor-a-error")).toBeNull();
  expect(input("a").value).toBe("2m");
  expect(input("a").hasAttribute("aria-invalid")).toBe(false);
});

it("clamps a position off the plot and says so", () => {
  render(<ResultsView result={{ plots: [acPlot] }} />);
  type("a", "2meg");
  expect(value("cursor-a-x")).toBe(1e5);
  expect(screen.getByTestId("cursor-a-note").textContent).toBe(
    "2 MHz is outside the plot (10 Hz to 100 kHz): placed at 100 kHz",
  );
  expect(value("cursor-a-y-v(out)@db")).toBeCloseTo(-40.0004, 3);
  type("a", "159.15");
  expect(screen.queryByTestId("cursor-a-note")).toBeNull();
  expect(value("cursor-a-x")).toBe(159.15);
});

it("draws probed traces and brings up a plot holding a newly probed name", () => {
  const { rerender } = render(<ResultsView result={result} initialPlot="tran1" />);
  fireEvent.click(checkbox("trace-toggle-v(out)"));
  expect(checkbox("trace-toggle-v(out)").checked).toBe(false);

  rerender(<ResultsView result={result} initialPlot="tran1" probed={["v(out)"]} />);
  expect(checkbox("trace-toggle-v(out)").checked).toBe(true);
  expect(checkbox("trace-toggle-v(out)").disabled).toBe(true);
  expect(screen.getByTestId("cursor-a-y-v(out)")).toBeTruthy();
  // Other traces still toggle.
  fireEvent.click(checkbox("trace-toggle-v(in)"));
  expect(checkbox("trace-toggle-v(in)").checked).toBe(false);

  // Unprobed, the trace goes back to the user's choice.
  rerender(<ResultsView result={result} initialPlot="tran1" probed={[]} />);
  expect(checkbox("trace-toggle-v(out)").checked).toBe(false);
  expect(checkbox("trace-toggle-v(out)").disabled).toBe(false);

  // A name the shown plot lacks switches to a plot that has it; unknown names change nothing.
  const all = { plots: [...result.plots, nestedDcPlot] };
  rerender(<ResultsView result={all} initialPlot="tran1" probed={["v(nowhere)"]} />);
  expect(screen.getByTestId("plot-tab-tran1").getAttribute("aria-selected")).toBe("true");
  rerender(<ResultsView result={all} initialPlot="tran1" probed={["v(nowhere)", "i(vc)"]} />);
  expect(screen.getByTestId("plot-tab-dc1").getAttribute("aria-selected")).toBe("true");
  expect(checkbox("trace-toggle-i(vc)").checked).toBe(true);
});

it("adds a probed trace left out of the default ones", () => {
  const many = {
    ...tranPlot,
    vectors: [
      ...tranPlot.vectors,
      ...Array.from({ length: 8 }, (_, i) => ({
        name: `v(n${i})`,
        unit: "V",
        values: [0, 1, 2, 3, 4],
      })),
    ],
  };
  render(<ResultsView result={{ plots: [many] }} probed={["v(n7)"]} />);
  expect(checkbox("trace-toggle-v(n6)").checked).toBe(false);
  expect(checkbox("trace-toggle-v(n7)").checked).toBe(true);
  type("a", "2.5m");
  expect(value("cursor-a-y-v(n7)")).toBeCloseTo(2.5, 12);
});

it("shows the plot holding names probed before the first result", () => {
  const { rerender } = render(<ResultsView result={null} probed={["i(v1)"]} />);
  rerender(<ResultsView result={result} probed={["i(v1)"]} />);
  // The operating-point table has i(v1) too, but a probe asks for a trace: the transient shows.
  expect(screen.getByTestId("plot-tab-tran1").getAttribute("aria-selected")).toBe("true");
  cleanup();
  render(<ResultsView result={{ plots: [acPlot, tranPlot] }} probed={["i(v1)"]} />);
  expect(screen.getByTestId("plot-tab-tran1").getAttribute("aria-selected")).toBe("true");
});

it("draws a nested .dc sweep as a curve per outer value", () => {
  render(<ResultsView result={{ plots: [nestedDcPlot] }} netlist={nestedDcNetlist} />);
  expect(screen.getByTestId("trace-curve-i(vc)#1").textContent).toBe("i(vc) @ i1=10 µA");
  expect(screen.getByTestId("trace-curve-i(vc)#3").textContent).toBe("i(vc) @ i1=30 µA");
  type("a", "1.25");
  const rows = within(screen.getByTestId("cursor-readout"))
    .getAllByRole("row")
    .map((row) => row.querySelector("th")?.textContent);
  expect(rows).toContain("i(vc) @ i1=20 µA");
  const ys = nestedDcPlot.vectors[2]!.values;
  expect(value("cursor-a-y-i(vc)#2")).toBeCloseTo((ys[7]! + ys[8]!) / 2, 15);
  expect(screen.getByTestId("cursor-a-y-i(vc)#2").textContent).toBe("2.018 mA");

  // Hiding the vector hides all its curves.
  fireEvent.click(checkbox("trace-toggle-i(vc)"));
  expect(screen.queryByTestId("trace-curve-i(vc)#1")).toBeNull();
  expect(screen.queryByTestId("cursor-a-y-i(vc)#1")).toBeNull();
});

// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, expect, it, vi } from "vitest";
import { acPlot, opPlot, pzPlot, result, tranPlot } from "./fixtures";
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
  expect(screen.getByTestId("cursor-a-x").textContent).toBe("—");
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

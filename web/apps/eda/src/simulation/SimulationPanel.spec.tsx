// @vitest-environment happy-dom
import {
  ApiError,
  type Simulation,
  type SimulationAccepted,
  type WaitOptions,
} from "@ohmcloud/api-client";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SimulationPanel, type SimulationsService } from "./SimulationPanel";

afterEach(cleanup);

// The panel against a fake SimulationsService written here; the real server is exercised by
// the e2e browser tests.

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function simulation(status: Simulation["status"], extra: Partial<Simulation> = {}): Simulation {
  return {
    id: "sim1",
    status,
    diagnostics: [],
    result: status === "succeeded" ? { plots: [] } : null,
    timings: {},
    created_at: "2025-01-01T00:00:00Z",
    started_at: null,
    finished_at: null,
    ...extra,
  };
}

class FakeSimulations implements SimulationsService {
  submitted: unknown[] = [];
  cancelled: string[] = [];
  submitReply = deferred<SimulationAccepted>();
  waitReply = deferred<Simulation>();
  waitOptions: WaitOptions | undefined;
  cancelReply: () => Promise<Simulation> = () => Promise.resolve(simulation("cancelled"));

  submitNetlist = (netlist: string) => {
    this.submitted.push({ netlist });
    return this.submitReply.promise;
  };
  submitSchematic = (schematic: unknown, analyses: readonly { type: string }[]) => {
    this.submitted.push({ schematic, analyses });
    return this.submitReply.promise;
  };
  waitUntilDone = (_id: string, options: WaitOptions = {}) => {
    this.waitOptions = options;
    options.signal?.addEventListener("abort", () =>
      this.waitReply.reject(new DOMException("aborted", "AbortError")),
    );
    return this.waitReply.promise;
  };
  cancel = (id: string) => {
    this.cancelled.push(id);
    return this.cancelReply();
  };
  netlist = () => Promise.resolve({ netlist: "t\n.end\n", diagnostics: [] });
}

const accepted = (extra: Partial<SimulationAccepted> = {}): SimulationAccepted => ({
  id: "sim1",
  status: "queued",
  url: "/api/simulations/sim1",
  ...extra,
});

const schematic = { version: 1, components: [] };

function setup(props: { schematic?: unknown } = { schematic }) {
  const api = new FakeSimulations();
  const onResult = vi.fn();
  const onFocusDiagnostic = vi.fn();
  const onDiagnostics = vi.fn();
  render(
    <SimulationPanel
      {...props}
      api={api}
      onResult={onResult}
      onFocusDiagnostic={onFocusDiagnostic}
      onDiagnostics={onDiagnostics}
    />,
  );
  return { api, onResult, onFocusDiagnostic, onDiagnostics };
}

const status = () => screen.getByTestId("simulation-status").textContent ?? "";

describe("SimulationPanel analyses", () => {
  it("adds and removes analyses", () => {
    setup();
    expect(screen.getAllByTestId(/^analysis-\d+$/)).toHaveLength(1);
    fireEvent.change(screen.getByTestId("analysis-type"), { target: { value: "ac" } });
    fireEvent.click(screen.getByTestId("analysis-add"));
    const added = screen.getByTestId("analysis-1");
    expect(added.getAttribute("data-type")).toBe("ac");
    expect(within(added).getByTestId("analysis-field-sweep")).toBeTruthy();
    fireEvent.click(within(screen.getByTestId("analysis-0")).getByTestId("analysis-remove"));
    expect(screen.getAllByTestId(/^analysis-\d+$/)).toHaveLength(1);
    expect(screen.getByTestId("analysis-0").getAttribute("data-type")).toBe("ac");
  });

  it("shows validation messages next to fields and does not run", () => {
    const { api } = setup();
    const stop = screen.getByTestId("analysis-field-stop");
    fireEvent.change(stop, { target: { value: "" } });
    expect(screen.getByTestId("analysis-error-stop").textContent).toBe("required");
    expect(stop.getAttribute("aria-invalid")).toBe("true");
    fireEvent.change(screen.getByTestId("analysis-field-step"), { target: { value: "abc" } });
    expect(screen.getByTestId("analysis-error-step").textContent).not.toBe("");
    fireEvent.click(screen.getByTestId("run-simulation"));
    expect(api.submitted).toHaveLength(0);
    expect(status()).toMatch(/fix the marked/i);
  });

  it("offers the nested second source of a DC sweep", () => {
    setup();
    fireEvent.change(screen.getByTestId("analysis-type"), { target: { value: "dc" } });
    fireEvent.click(screen.getByTestId("analysis-add"));
    const dc = screen.getByTestId("analysis-1");
    expect(within(dc).queryByTestId("analysis-field-source2")).toBeNull();
    fireEvent.click(within(dc).getByTestId("analysis-field-nested"));
    expect(within(dc).getByTestId("analysis-field-source2")).toBeTruthy();
    expect(within(dc).getByTestId("analysis-error-source2").textContent).toBe("required");
  });
});

describe("SimulationPanel runs", () => {
  it("runs the schematic: status, netlist, diagnostics, then the result", async () => {
    const { api, onResult, onFocusDiagnostic } = setup();
    fireEvent.click(screen.getByTestId("run-simulation"));
    expect(api.submitted).toEqual([
      { schematic, analyses: [{ type: "tran", step: "1u", stop: "1m" }] },
    ]);
    expect(status()).toMatch(/^Submitting… 0:0\d/);
    expect((screen.getByTestId("run-simulation") as HTMLButtonElement).disabled).toBe(true);

    await act(async () =>
      api.submitReply.resolve(
        accepted({
          netlist: "t\nr1 in out 1k\n.tran 1u 1m\n.end\n",
          diagnostics: [
            {
              severity: "warning",
              code: "pin-unconnected",
              message: "pin 2 open",
              component: "c7",
              reference: "R1",
              pin: "2",
            },
          ],
        }),
      ),
    );
    expect(status()).toMatch(/^Queued…/);
    expect(api.waitOptions?.points).toBe(2000);
    act(() => api.waitOptions?.onUpdate?.(simulation("running")));
    expect(status()).toMatch(/^Running…/);
    expect(screen.getByTestId("netlist-view").textContent).toContain("r1 in out 1k");

    const final = simulation("succeeded", {
      diagnostics: [{ severity: "warning", message: "timestep too small", line: 2 }],
    });
    await act(async () => api.waitReply.resolve(final));
    expect(status()).toMatch(/^Finished in/);
    expect(onResult).toHaveBeenCalledTimes(1);
    expect(onResult.mock.calls[0]?.[0]).toBe(final);
    expect(onResult.mock.calls[0]?.[1]).toMatchObject({
      id: "sim1",
      mode: "schematic",
      analyses: [{ type: "tran", step: "1u", stop: "1m" }],
    });

    const list = screen.getByTestId("diagnostics-list");
    expect(within(list).getAllByRole("button")).toHaveLength(2);
    expect(screen.getByTestId("diagnostic-0").textContent).toContain("R1 pin 2");
    fireEvent.click(screen.getByTestId("diagnostic-0"));
    expect(onFocusDiagnostic).toHaveBeenCalledWith(
      expect.objectContaining({ source: "erc", component: "c7", pin: "2" }),
    );
    const flagged = screen.getByTestId("netlist-view").querySelector('[data-line="2"]');
    expect(flagged?.getAttribute("data-error")).toBe("true");
  });

  it("runs on Ctrl+Enter inside the panel", () => {
    const { api } = setup();
    fireEvent.keyDown(screen.getByTestId("analysis-field-stop"), { key: "Enter", ctrlKey: true });
    expect(api.submitted).toHaveLength(1);
  });

  it("cancels a running simulation", async () => {
    const { api, onResult } = setup();
    fireEvent.click(screen.getByTestId("run-simulation"));
    await act(async () => api.submitReply.resolve(accepted()));
    expect((screen.getByTestId("cancel-simulation") as HTMLButtonElement).disabled).toBe(false);
    await act(async () => fireEvent.click(screen.getByTestId("cancel-simulation")));
    expect(api.cancelled).toEqual(["sim1"]);
    expect(status()).toBe("Cancelled.");
    expect(onResult).not.toHaveBeenCalled();
    expect((screen.getByTestId("cancel-simulation") as HTMLButtonElement).disabled).toBe(true);
  });

  it("keeps waiting when the job ended before the cancel (409)", async () => {
    const { api, onResult } = setup();
    api.cancelReply = () => Promise.reject(new ApiError(409, [{ message: "already ended" }]));
    fireEvent.click(screen.getByTestId("run-simulation"));
    await act(async () => api.submitReply.resolve(accepted()));
    await act(async () => fireEvent.click(screen.getByTestId("cancel-simulation")));
    await act(async () => api.waitReply.resolve(simulation("succeeded")));
    expect(onResult).toHaveBeenCalledTimes(1);
  });

  it("shows a failed run with its diagnostics and no result", async () => {
    const { api, onResult } = setup();
    fireEvent.click(screen.getByTestId("run-simulation"));
    await act(async () => api.submitReply.resolve(accepted()));
    await act(async () =>
      api.waitReply.resolve(
        simulation("failed", { diagnostics: [{ severity: "error", message: "singular matrix" }] }),
      ),
    );
    expect(status()).toMatch(/^Failed after/);
    expect(screen.getByTestId("diagnostic-0").getAttribute("data-severity")).toBe("error");
    expect(onResult).not.toHaveBeenCalled();
  });

  it("puts the server's analysis field errors next to the fields", async () => {
    const { api } = setup();
    fireEvent.click(screen.getByTestId("run-simulation"));
    await act(async () =>
      api.submitReply.reject(
        new ApiError(400, [
          { message: "stop is too far", field: "analyses[0].stop" },
          { message: "R1 is not simulatable" },
        ]),
      ),
    );
    expect(screen.getByTestId("analysis-error-stop").textContent).toBe("stop is too far");
    expect(screen.getByTestId("diagnostic-0").textContent).toContain("R1 is not simulatable");
    expect(status()).toMatch(/^Refused/);
  });

  it("reports the ERC findings of a refused run so the canvas can mark them", async () => {
    const { api, onDiagnostics } = setup();
    fireEvent.click(screen.getByTestId("run-simulation"));
    await act(async () =>
      api.submitReply.reject(
        new ApiError(400, [
          { message: "The circuit has no ground.", severity: "error", code: "no_ground" },
        ]),
      ),
    );
    expect(onDiagnostics).toHaveBeenLastCalledWith([
      expect.objectContaining({ source: "erc", code: "no_ground", severity: "error" }),
    ]);
    // A new run clears them until it has its own.
    fireEvent.click(screen.getByTestId("run-simulation"));
    expect(onDiagnostics).toHaveBeenLastCalledWith([]);
  });
});

describe("SimulationPanel raw netlist", () => {
  it("is the only mode without a schematic", () => {
    setup({});
    const toggle = screen.getByTestId("raw-mode") as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    expect(toggle.disabled).toBe(true);
    expect(screen.queryByTestId("run-simulation")).toBeNull();
    expect(screen.getByTestId("raw-netlist")).toBeTruthy();
  });

  it("can be switched on with a schematic", () => {
    setup();
    fireEvent.click(screen.getByTestId("raw-mode"));
    expect(screen.getByTestId("raw-run")).toBeTruthy();
    expect(screen.queryByTestId("analysis-add")).toBeNull();
  });

  it("submits the text and marks the server's error lines", async () => {
    const { api } = setup({});
    const text = "rc\nr1 in out 1k\n.control\nrun\n.endc\n.end\n";
    fireEvent.change(screen.getByTestId("raw-netlist"), { target: { value: text } });
    expect(screen.getByTestId("raw-line-6")).toBeTruthy();
    fireEvent.click(screen.getByTestId("raw-run"));
    expect(api.submitted).toEqual([{ netlist: text }]);
    await act(async () =>
      api.submitReply.reject(
        new ApiError(400, [{ message: ".control blocks are not allowed", line: 3 }]),
      ),
    );
    expect(screen.getByTestId("raw-line-3").getAttribute("data-error")).toBe("true");
    expect(screen.getByTestId("raw-line-2").getAttribute("data-error")).toBeNull();
    expect(screen.getByTestId("raw-error-0").textContent).toContain("Line 3");
    expect(screen.getByTestId("raw-error-0").textContent).toContain(".control blocks");

    fireEvent.click(screen.getByTestId("diagnostic-0"));
    const area = screen.getByTestId("raw-netlist") as HTMLTextAreaElement;
    expect(text.slice(area.selectionStart, area.selectionEnd)).toBe(".control");

    fireEvent.change(area, { target: { value: "rc\n.op\n.end\n" } });
    expect(screen.getByTestId("raw-line-3").getAttribute("data-error")).toBeNull();
  });

  it("refuses to run an empty netlist", () => {
    const { api } = setup({});
    fireEvent.click(screen.getByTestId("raw-run"));
    expect(api.submitted).toHaveLength(0);
    expect(status()).toMatch(/netlist first/);
  });

  it("loads a .cir file", async () => {
    setup({});
    const file = new File(["t\n.op\n.end\n"], "rc.cir", { type: "text/plain" });
    await act(async () =>
      fireEvent.change(screen.getByTestId("raw-file"), { target: { files: [file] } }),
    );
    await vi.waitFor(() =>
      expect((screen.getByTestId("raw-netlist") as HTMLTextAreaElement).value).toBe(
        "t\n.op\n.end\n",
      ),
    );
  });

  it("reports the result of a raw run with its netlist", async () => {
    const { api, onResult } = setup({});
    fireEvent.change(screen.getByTestId("raw-netlist"), { target: { value: "t\n.op\n.end\n" } });
    fireEvent.click(screen.getByTestId("raw-run"));
    await act(async () => api.submitReply.resolve(accepted()));
    await act(async () => api.waitReply.resolve(simulation("succeeded")));
    expect(onResult.mock.calls[0]?.[1]).toMatchObject({ mode: "raw", netlist: "t\n.op\n.end\n" });
  });
});

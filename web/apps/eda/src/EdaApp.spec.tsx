// @vitest-environment happy-dom
import { AuthProvider, type AuthService } from "@ohmcloud/app-shell";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  ApiError,
  type Plot,
  type Simulation,
  type SimulationAccepted,
} from "@ohmcloud/api-client";
import { EdaApp } from "./EdaApp";
import { DIVIDER_NAMES, DIVIDER_OP } from "./results/fixtures";
import type { LibrarySource } from "./editor/library";
import { TEST_SYMBOLS } from "./editor/test-symbols";
import type { SimulationsService } from "./simulation";

// An anonymous visitor, a library answering from the spec's symbols and a simulation API that is never
// reached; the real server is exercised by the e2e browser tests.
const anonymous: AuthService = {
  me: () => Promise.resolve(null),
  login: () => Promise.reject(new Error("not used")),
  register: () => Promise.reject(new Error("not used")),
  logout: () => Promise.resolve(),
};

const library: LibrarySource = {
  search: () =>
    Promise.resolve({
      count: TEST_SYMBOLS.length,
      next: null,
      previous: null,
      results: [...TEST_SYMBOLS],
    }),
  component: (key) => {
    const found = TEST_SYMBOLS.find((part) => part.symbol_id === key);
    return found ? Promise.resolve(found as never) : Promise.reject(new Error("unknown"));
  },
  categories: () => Promise.resolve([]),
};

const unused = () => Promise.reject(new Error("not used"));
const simulations: SimulationsService = {
  submitNetlist: unused,
  submitSchematic: unused,
  waitUntilDone: unused,
  cancel: unused,
  netlist: unused,
};

function renderApp(api: SimulationsService = simulations) {
  return render(
    <AuthProvider auth={anonymous}>
      <EdaApp library={library} simulations={api} />
    </AuthProvider>,
  );
}

// The voltage divider example as the server answers its simulation: the netlist's names, then the
// operating point ngspice computed (and a transient of the same circuit, for the probe).
const DIVIDER_TRAN: Plot = {
  name: "tran1",
  title: "Voltage divider",
  kind: "tran",
  scale: "time",
  points: 3,
  vectors: [
    { name: "time", unit: "s", values: [0, 5e-4, 1e-3] },
    { name: "v(in)", unit: "V", values: [10, 10, 10] },
    { name: "v(out)", unit: "V", values: [7.5, 7.5, 7.5] },
    { name: "i(v1)", unit: "A", values: [-0.0025, -0.0025, -0.0025] },
  ],
};

/** A simulation API answering each run with the next of `runs` (a list of plots). */
function divider(runs: Plot[][]): SimulationsService {
  let id = 0;
  return {
    ...simulations,
    submitSchematic: () => {
      id += 1;
      const accepted: SimulationAccepted = {
        id: `s${id}`,
        status: "queued",
        url: `/api/simulations/s${id}`,
        netlist: "Voltage divider\n.end\n",
        diagnostics: [],
        ...DIVIDER_NAMES,
      };
      return Promise.resolve(accepted);
    },
    waitUntilDone: (simulationId) => {
      const simulation: Simulation = {
        id: simulationId,
        status: "succeeded",
        diagnostics: [],
        result: { plots: runs.shift() ?? [] },
        timings: {},
        created_at: "2026-01-01T00:00:00Z",
        started_at: null,
        finished_at: null,
        ...DIVIDER_NAMES,
      };
      return Promise.resolve(simulation);
    },
  };
}

function clientAt(point: [number, number]): { clientX: number; clientY: number } {
  const [x = 0, y = 0, scale = 1] = (
    screen.getByTestId("schematic-canvas").getAttribute("data-view") ?? ""
  )
    .split(" ")
    .map(Number);
  return { clientX: (point[0] - x) * scale, clientY: (point[1] - y) * scale };
}

function clickSheet(point: [number, number]): void {
  const canvas = screen.getByTestId("schematic-canvas");
  fireEvent.pointerDown(canvas, { ...clientAt(point), button: 0, pointerId: 1 });
  fireEvent.pointerUp(canvas, { ...clientAt(point), button: 0, pointerId: 1 });
}

async function openDividerAndRun(): Promise<void> {
  fireEvent.click(screen.getByTestId("examples-menu"));
  fireEvent.click(screen.getByTestId("example-voltage-divider"));
  await waitFor(() =>
    expect(
      screen.getByTestId("component-R1").querySelector('[data-role="rectangle"]'),
    ).toBeTruthy(),
  );
  fireEvent.click(screen.getByTestId("run-simulation"));
}

const annotationTexts = () =>
  screen
    .queryAllByTestId("op-annotation")
    .map((a) => [
      a.getAttribute("data-net") ?? a.getAttribute("data-reference"),
      a.lastChild?.textContent,
    ]);

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("EdaApp", () => {
  it("renders its title inside the shell with its navigation link current", async () => {
    renderApp();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe(
      "Schematic editor & simulator",
    );
    expect(screen.getByTestId("nav-eda").getAttribute("aria-current")).toBe("page");
    expect(await screen.findByTestId("login-open")).toBeTruthy();
  });

  it("lays out the library, canvas, properties, toolbar and results", async () => {
    renderApp();
    for (const id of [
      "library-search",
      "schematic-canvas",
      "properties-panel",
      "toolbar-new",
      "toolbar-open",
      "toolbar-save",
      "examples-menu",
      "export-sheet-svg",
      "export-sheet-png",
    ]) {
      expect(screen.getByTestId(id)).toBeTruthy();
    }
    expect(screen.getByRole("region", { name: "Simulation results" })).toBeTruthy();
    expect(await screen.findByTestId("library-result-Device:R")).toBeTruthy();
  });

  it("opens an example from the menu, draws it, and asks before discarding changes", async () => {
    // happy-dom has no window.confirm: the page's default asks through it.
    const confirm = vi.fn(() => false);
    vi.stubGlobal("confirm", confirm);
    renderApp();
    fireEvent.click(screen.getByTestId("examples-menu"));
    fireEvent.click(screen.getByTestId("example-voltage-divider"));
    expect(confirm).not.toHaveBeenCalled();
    expect(screen.getByTestId("component-R2")).toBeTruthy();
    await waitFor(() =>
      expect(
        screen.getByTestId("component-R1").querySelector('[data-role="rectangle"]'),
      ).toBeTruthy(),
    );

    // An edit makes the document dirty: opening another example asks first.
    act(() => {
      fireEvent.keyDown(window, { key: "a", ctrlKey: true });
    });
    fireEvent.keyDown(window, { key: "Delete" });
    expect(screen.queryByTestId("component-R1")).toBeNull();
    fireEvent.click(screen.getByTestId("examples-menu"));
    fireEvent.click(screen.getByTestId("example-rc-low-pass"));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId("component-R1")).toBeNull();
  });

  it("autosaves the document and restores it on the next visit", async () => {
    vi.useFakeTimers();
    try {
      const first = renderApp();
      fireEvent.click(screen.getByTestId("examples-menu"));
      fireEvent.click(screen.getByTestId("example-voltage-divider"));
      await act(async () => {
        await vi.advanceTimersByTimeAsync(600);
      });
      expect(localStorage.getItem("ohmcloud.eda.autosave")).toContain("Voltage divider");
      first.unmount();
    } finally {
      vi.useRealTimers();
    }
    renderApp();
    expect(screen.getByTestId("component-R2")).toBeTruthy();
  });

  it("writes the operating point on the schematic, with a switch to hide it", async () => {
    renderApp(divider([[DIVIDER_OP]]));
    await openDividerAndRun();
    await screen.findAllByTestId("op-annotation");
    expect(annotationTexts()).toEqual([
      ["in", "10 V"],
      ["out", "7.5 V"],
      ["V1", "-2.5 mA"],
    ]);
    // Drawn by the canvas, in its sheet coordinates.
    expect(screen.getByTestId("op-overlay").closest("svg")).toBe(
      screen.getByTestId("schematic-canvas"),
    );
    const toggle = screen.getByTestId("op-annotations-toggle") as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);
    expect(screen.queryAllByTestId("op-annotation")).toEqual([]);
    fireEvent.click(toggle);
    expect(annotationTexts()).toHaveLength(3);

    // An edit that keeps the nets fades the values: they are the last run's.
    expect(screen.getByTestId("op-overlay").getAttribute("data-stale")).toBeNull();
    act(() => {
      fireEvent.keyDown(window, { key: "a", ctrlKey: true });
    });
    fireEvent.keyDown(window, { key: "r" });
    expect(screen.getByTestId("op-overlay").getAttribute("data-stale")).toBe("true");
    fireEvent.keyDown(window, { key: "z", ctrlKey: true });
    expect(screen.getByTestId("op-overlay").getAttribute("data-stale")).toBeNull();

    // Another document: the values do not belong to it.
    fireEvent.click(screen.getByTestId("examples-menu"));
    vi.stubGlobal("confirm", () => true);
    fireEvent.click(screen.getByTestId("example-rc-low-pass"));
    expect(screen.queryByTestId("op-overlay")).toBeNull();
  });

  it("probes nets and parts into the results, once a sweep has run", async () => {
    renderApp(divider([[DIVIDER_OP], [DIVIDER_OP, DIVIDER_TRAN]]));
    await openDividerAndRun();
    await screen.findAllByTestId("op-annotation");
    const canvas = screen.getByTestId("schematic-canvas");

    // Only an operating point so far: nothing to plot a probe in.
    fireEvent.keyDown(window, { key: "v" });
    expect(screen.getByRole("alert").textContent).toBe("Run a transient, AC or DC analysis first");
    expect(canvas.getAttribute("data-mode")).not.toBe("probe");

    fireEvent.click(screen.getByTestId("run-simulation"));
    await screen.findByTestId("plot-tab-tran1");
    fireEvent.keyDown(window, { key: "v" });
    expect(canvas.getAttribute("data-mode")).toBe("probe");

    fireEvent.click(screen.getByTestId("plot-tab-tran1"));
    clickSheet([2000, 1900]); // wire w7: the net "out"
    expect(screen.queryByRole("alert")).toBeNull();
    const out = screen.getByTestId("trace-toggle-v(out)") as HTMLInputElement;
    expect([out.checked, out.disabled]).toEqual([true, true]); // probed: locked on
    clickSheet([1000, 2000]); // V1's body: its branch current
    expect((screen.getByTestId("trace-toggle-i(v1)") as HTMLInputElement).disabled).toBe(true);
    clickSheet([2000, 1900]); // the same net again takes its probe away
    expect((screen.getByTestId("trace-toggle-v(out)") as HTMLInputElement).disabled).toBe(false);

    clickSheet([2000, 1600]); // R1: ngspice kept no current for it
    expect(screen.getByRole("alert").textContent).toMatch(/^R1's current is not recorded: /);
  });

  it("loads every point of a cut run on demand, from the same simulation", async () => {
    const cut: Plot = {
      ...DIVIDER_TRAN,
      points: 2,
      vectors: DIVIDER_TRAN.vectors.map((v) => ({ ...v, values: v.values.slice(0, 2) })),
    };
    const full: Plot = { ...DIVIDER_TRAN, points: 3 };
    const waits: { id: string; points: number | undefined }[] = [];
    const api = divider([[{ ...cut, points: 3 }], [full]]); // 3 points in all, 2 shown
    const wait = api.waitUntilDone.bind(api);
    api.waitUntilDone = (id, options) => {
      waits.push({ id, points: options?.points });
      return wait(id, options);
    };
    renderApp(api);
    await openDividerAndRun();
    fireEvent.click(await screen.findByTestId("load-full"));
    await waitFor(() => expect(screen.queryByTestId("decimation-note")).toBeNull());
    expect(waits).toEqual([
      { id: "s1", points: 2000 },
      { id: "s1", points: undefined },
    ]);
  });

  it("marks the ERC findings of a refused run on the canvas", async () => {
    const refused: SimulationsService = {
      ...simulations,
      submitSchematic: () =>
        Promise.reject(
          new ApiError(400, [
            {
              message: "R2 pin 2 is not connected",
              severity: "error",
              code: "unconnected-pin",
              component: "c5",
              pin: "2",
            },
          ]),
        ),
    };
    renderApp(refused);
    await openDividerAndRun();
    const marker = await screen.findByTestId("erc-marker");
    expect(marker.getAttribute("data-severity")).toBe("error");
  });
});

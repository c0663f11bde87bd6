// @vitest-environment happy-dom
import { AuthProvider, type AuthService } from "@ohmcloud/app-shell";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EdaApp } from "./EdaApp";
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

function renderApp() {
  return render(
    <AuthProvider auth={anonymous}>
      <EdaApp library={library} simulations={simulations} />
    </AuthProvider>,
  );
}

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
});

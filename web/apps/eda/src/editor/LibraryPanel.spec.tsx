// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Category, ComponentPage, LibrarySource } from "./library";
import { SymbolStore } from "./library";
import { LibraryPanel, rememberPlaced, SEARCH_DEBOUNCE_MS } from "./LibraryPanel";
import { DIODE, RESISTOR, TEST_SYMBOLS } from "./test-symbols";

// A fake LibraryApi written here: the real server's search is exercised by the e2e browser tests.
class FakeLibrary implements LibrarySource {
  readonly searches: { search?: string; category?: string }[] = [];

  search(query: { search?: string; category?: string } = {}): Promise<ComponentPage> {
    this.searches.push({ search: query.search, category: query.category });
    const words = (query.search ?? "").toLowerCase();
    const results = TEST_SYMBOLS.filter(
      (part) =>
        (words === "" || part.name.toLowerCase().includes(words)) &&
        (!query.category || part.category === query.category),
    );
    return Promise.resolve({ count: results.length, next: null, previous: null, results });
  }

  component(key: string | number): Promise<never> {
    const found = TEST_SYMBOLS.find((part) => part.symbol_id === key);
    return found === undefined
      ? Promise.reject(new Error(`no ${String(key)}`))
      : Promise.resolve(found as never);
  }

  categories(): Promise<Category[]> {
    return Promise.resolve([{ name: "Passive", libraries: 1, components: 4 }]);
  }
}

async function settle(ms: number): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function renderPanel(onPick = vi.fn()) {
  const library = new FakeLibrary();
  const symbols = new SymbolStore(library);
  render(<LibraryPanel library={library} symbols={symbols} onPick={onPick} />);
  return { library, onPick };
}

describe("LibraryPanel", () => {
  it("searches 200 ms after the last key press, once", async () => {
    const { library } = renderPanel();
    await settle(SEARCH_DEBOUNCE_MS);
    expect(library.searches).toEqual([{ search: "", category: undefined }]);

    const search = screen.getByTestId("library-search");
    fireEvent.change(search, { target: { value: "1" } });
    await settle(100);
    fireEvent.change(search, { target: { value: "1n" } });
    await settle(SEARCH_DEBOUNCE_MS - 1);
    expect(library.searches).toHaveLength(1);
    expect(screen.getByTestId("library-loading")).toBeTruthy();
    await settle(1);
    expect(library.searches).toEqual([
      { search: "", category: undefined },
      { search: "1n", category: undefined },
    ]);
    expect(screen.getByTestId(`library-result-${DIODE.symbol_id}`)).toBeTruthy();
    expect(screen.queryByTestId(`library-result-${RESISTOR.symbol_id}`)).toBeNull();
  });

  it("shows an empty state when nothing matches", async () => {
    renderPanel();
    fireEvent.change(screen.getByTestId("library-search"), { target: { value: "nothing" } });
    await settle(SEARCH_DEBOUNCE_MS);
    expect(screen.getByTestId("library-empty").textContent).toContain("nothing");
  });

  it("filters by category and draws previews of the results", async () => {
    const { library } = renderPanel();
    await settle(SEARCH_DEBOUNCE_MS);
    fireEvent.change(screen.getByTestId("library-category"), { target: { value: "Passive" } });
    await settle(SEARCH_DEBOUNCE_MS);
    expect(library.searches.at(-1)).toEqual({ search: "", category: "Passive" });
    const result = screen.getByTestId(`library-result-${RESISTOR.symbol_id}`);
    expect(result.querySelector("svg.oc-symbol-preview")).toBeTruthy();
  });

  it("picks a result on click and keeps favourites and recent parts", async () => {
    const onPick = vi.fn();
    rememberPlaced(DIODE);
    renderPanel(onPick);
    await settle(SEARCH_DEBOUNCE_MS);
    expect(screen.getByTestId("library-recent").textContent).toContain("1N4007");

    fireEvent.click(screen.getByTestId(`library-result-${RESISTOR.symbol_id}`));
    expect(onPick).toHaveBeenCalledWith(expect.objectContaining({ symbol_id: "Device:R" }));

    fireEvent.click(screen.getByRole("button", { name: "Add R to favourites" }));
    expect(screen.getByTestId("library-favourites").textContent).toContain("R");
    expect(JSON.parse(localStorage.getItem("ohmcloud.eda.favourites") ?? "[]")).toEqual([
      expect.objectContaining({ symbol_id: "Device:R" }),
    ]);
  });

  it("keeps at most ten recent parts, the last placed first", () => {
    for (let i = 0; i < 12; i++) rememberPlaced({ ...RESISTOR, symbol_id: `Device:R${i}` });
    rememberPlaced({ ...RESISTOR, symbol_id: "Device:R3" });
    const recent = JSON.parse(localStorage.getItem("ohmcloud.eda.recent") ?? "[]") as {
      symbol_id: string;
    }[];
    expect(recent).toHaveLength(10);
    expect(recent[0]?.symbol_id).toBe("Device:R3");
    expect(recent[1]?.symbol_id).toBe("Device:R11");
  });
});

/**
 * The component library: search as you type (200 ms debounce), a category filter, results with a symbol
 * preview, recently placed parts and favourites (both in localStorage). Click a result, then the canvas,
 * to place it; or drag it onto the canvas.
 */
import { useEffect, useState, useSyncExternalStore } from "react";
import { guessPrefix } from "./editor-store";
import type { Category, ComponentSummary, LibrarySource, SymbolStore } from "./library";
import { SYMBOL_DRAG_TYPE, type Placement } from "./SchematicCanvas";
import { SymbolPreview } from "./SymbolRenderer";

export const SEARCH_DEBOUNCE_MS = 200;
const RECENT_KEY = "ohmcloud.eda.recent";
const FAVOURITES_KEY = "ohmcloud.eda.favourites";
const RECENT_LIMIT = 10;
const PREVIEW_LIMIT = 24;
const NO_RESULTS: readonly ComponentSummary[] = [];

/** What the recent and favourite lists keep of a part. */
export type SavedPart = Pick<
  ComponentSummary,
  "symbol_id" | "name" | "reference" | "description" | "library"
>;

function readList(key: string): SavedPart[] {
  try {
    const value: unknown = JSON.parse(globalThis.localStorage?.getItem(key) ?? "[]");
    return Array.isArray(value) ? (value as SavedPart[]) : [];
  } catch {
    return [];
  }
}

function writeList(key: string, list: readonly SavedPart[]): void {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(list));
  } catch {
    // Private mode or a full storage: the lists just are not kept.
  }
}

function saved(part: SavedPart): SavedPart {
  return {
    symbol_id: part.symbol_id,
    name: part.name,
    reference: part.reference,
    description: part.description,
    library: part.library,
  };
}

/** Puts a placed part first in the recent list (at most 10). */
export function rememberPlaced(part: SavedPart): void {
  const rest = readList(RECENT_KEY).filter((p) => p.symbol_id !== part.symbol_id);
  writeList(RECENT_KEY, [saved(part), ...rest].slice(0, RECENT_LIMIT));
}

/** The placement of a library part. */
export function placementOf(part: SavedPart): Placement {
  return { symbol: part.symbol_id, prefix: part.reference || guessPrefix(part.symbol_id) };
}

export interface LibraryPanelProps {
  readonly library: LibrarySource;
  readonly symbols: SymbolStore;
  readonly onPick: (part: SavedPart) => void;
  /** Bumped by the page when a part was placed, so the recent list re-reads. */
  readonly placedCount?: number;
}

type Results =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ready"; count: number; results: readonly ComponentSummary[] };

export function LibraryPanel({ library, symbols, onPick, placedCount = 0 }: LibraryPanelProps) {
  const [query, setQuery] = useState("");
  const [category, setCategory] = useState("");
  const [categories, setCategories] = useState<readonly Category[]>([]);
  const [results, setResults] = useState<Results>({ status: "loading" });
  const [favourites, setFavourites] = useState<SavedPart[]>(() => readList(FAVOURITES_KEY));
  const [recentVersion, setRecentVersion] = useState(0);
  useSyncExternalStore(symbols.subscribe, symbols.version);
  // Re-read after each placement (placedCount) or local change.
  const recent = recentList(placedCount + recentVersion);

  useEffect(() => {
    let live = true;
    library.categories().then(
      (list) => {
        if (live) setCategories(list);
      },
      () => {
        // The filter stays empty; search still works.
      },
    );
    return () => {
      live = false;
    };
  }, [library]);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      library.search({ search: query.trim(), category: category || undefined }).then(
        (page) => {
          if (live) setResults({ status: "ready", count: page.count, results: page.results });
        },
        (error: unknown) => {
          if (live) {
            setResults({
              status: "error",
              message: error instanceof Error ? error.message : "The library is not reachable.",
            });
          }
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [library, query, category]);

  const shown = results.status === "ready" ? results.results : NO_RESULTS;
  useEffect(() => {
    symbols.ensure(shown.slice(0, PREVIEW_LIMIT).map((part) => part.symbol_id));
  }, [shown, symbols]);

  function toggleFavourite(part: SavedPart): void {
    const has = favourites.some((p) => p.symbol_id === part.symbol_id);
    const next = has
      ? favourites.filter((p) => p.symbol_id !== part.symbol_id)
      : [...favourites, saved(part)];
    setFavourites(next);
    writeList(FAVOURITES_KEY, next);
    setRecentVersion((v) => v + 1);
  }

  const row = (part: SavedPart, list: string, index: number) => {
    const favourite = favourites.some((p) => p.symbol_id === part.symbol_id);
    const detail = index < PREVIEW_LIMIT ? symbols.detail(part.symbol_id) : undefined;
    return (
      <li key={`${list}-${part.symbol_id}`} className="oc-library-row">
        <button
          type="button"
          className="oc-library-item"
          data-testid={list === "results" ? `library-result-${part.symbol_id}` : undefined}
          draggable
          title={part.description}
          onClick={() => onPick(part)}
          onDragStart={(event) => {
            event.dataTransfer.setData(SYMBOL_DRAG_TYPE, JSON.stringify(placementOf(part)));
            event.dataTransfer.effectAllowed = "copy";
          }}
        >
          <span className="oc-library-preview">
            {detail !== undefined ? <SymbolPreview geometry={detail.geometry} size={40} /> : null}
          </span>
          <span className="oc-library-text">
            <strong>{part.name}</strong>
            <small>
              {part.library} · {part.description}
            </small>
          </span>
        </button>
        <button
          type="button"
          className="oc-star"
          aria-pressed={favourite}
          aria-label={
            favourite ? `Remove ${part.name} from favourites` : `Add ${part.name} to favourites`
          }
          onClick={() => toggleFavourite(part)}
        >
          {favourite ? "★" : "☆"}
        </button>
      </li>
    );
  };

  return (
    <section className="oc-panel oc-library" aria-label="Component library">
      <h2 className="oc-panel-title">Library</h2>
      <input
        type="search"
        data-testid="library-search"
        placeholder="Search parts (res, 2n3904, op amp)"
        aria-label="Search the component library"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setResults({ status: "loading" });
        }}
      />
      <select
        aria-label="Category"
        data-testid="library-category"
        value={category}
        onChange={(event) => {
          setCategory(event.target.value);
          setResults({ status: "loading" });
        }}
      >
        <option value="">All categories</option>
        {categories.map((c) => (
          <option key={c.name} value={c.name}>
            {c.name} ({c.components})
          </option>
        ))}
      </select>
      {favourites.length > 0 && (
        <>
          <h3 className="oc-library-heading">Favourites</h3>
          <ul className="oc-library-list" data-testid="library-favourites">
            {favourites.map((part, i) => row(part, "favourites", i))}
          </ul>
        </>
      )}
      {recent.length > 0 && (
        <>
          <h3 className="oc-library-heading">Recent</h3>
          <ul className="oc-library-list" data-testid="library-recent">
            {recent.map((part, i) => row(part, "recent", i))}
          </ul>
        </>
      )}
      <h3 className="oc-library-heading">
        Results{results.status === "ready" ? ` (${results.count})` : ""}
      </h3>
      {results.status === "loading" && (
        <p className="oc-muted" data-testid="library-loading" role="status">
          Searching…
        </p>
      )}
      {results.status === "error" && (
        <p className="oc-error" role="alert">
          {results.message}
        </p>
      )}
      {results.status === "ready" && results.results.length === 0 && (
        <p className="oc-muted" data-testid="library-empty">
          No parts match “{query}”.
        </p>
      )}
      <ul className="oc-library-list" data-testid="library-results">
        {shown.map((part, i) => row(part, "results", i))}
      </ul>
    </section>
  );
}

/** The recent list; `version` only makes callers re-read after a change. */
function recentList(version: number): SavedPart[] {
  void version;
  return readList(RECENT_KEY);
}

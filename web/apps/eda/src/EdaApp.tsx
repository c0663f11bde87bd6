import { AppShell } from "@ohmcloud/app-shell";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import {
  download,
  fileStem,
  loadAutosave,
  newSchematic,
  saveAutosave,
  sheetSvg,
  svgToPng,
  writeSchematic,
} from "./editor/documents";
import type { ExampleEntry } from "./editor/documents";
import { EditorStore } from "./editor/editor-store";
import { defaultLibrary, SymbolStore, type LibrarySource } from "./editor/library";
import { LibraryPanel, placementOf, rememberPlaced, type SavedPart } from "./editor/LibraryPanel";
import { PropertiesPanel } from "./editor/PropertiesPanel";
import { SchematicCanvas, type ErcFinding, type Placement } from "./editor/SchematicCanvas";
import { sheetSize } from "./editor/sheet";
import { Toolbar } from "./editor/Toolbar";
import "./editor/editor.css";
import { ResultsView, type SimulationResult } from "./results";
import { SimulationPanel, type SimulationsService } from "./simulation";
import { analysisFromJson, type AnalysisForm } from "./spice";

export interface EdaAppProps {
  /** The component library; the server's by default (specs pass a fake). */
  readonly library?: LibrarySource;
  /** The simulation API; the server's by default. */
  readonly simulations?: SimulationsService;
}

const AUTOSAVE_DELAY_MS = 500;

/**
 * The EDA page: library left, schematic centre, properties and simulation right, results below. The
 * editor state lives in `EditorStore` (core commands and undo); the components only render and dispatch.
 */
export function EdaApp({ library, simulations }: EdaAppProps = {}) {
  const [editor] = useState(() => {
    const source = library ?? defaultLibrary();
    const symbols = new SymbolStore(source);
    const store = new EditorStore(undefined, symbols.lookup);
    store.load(loadAutosave() ?? newSchematic());
    return { source, symbols, store };
  });
  const { source, symbols, store } = editor;
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [placing, setPlacing] = useState<Placement | null>(null);
  const [placedCount, setPlacedCount] = useState(0);
  const [findings, setFindings] = useState<readonly ErcFinding[]>([]);
  const [panel, setPanel] = useState<{ key: number; analyses: AnalysisForm[] }>({
    key: 0,
    analyses: [],
  });
  const [result, setResult] = useState<{
    current: SimulationResult | null;
    previous: SimulationResult | null;
  }>({ current: null, previous: null });
  const [error, setError] = useState<string | null>(null);
  const svg = useRef<SVGSVGElement | null>(null);

  // Autosave every change (debounced); it is restored on the next visit.
  useEffect(() => {
    const timer = setTimeout(() => saveAutosave(snapshot.scene.schematic), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [snapshot.scene]);

  // Ask before leaving with changes not saved to a file.
  useEffect(() => {
    if (!snapshot.dirty) return;
    const warn = (event: BeforeUnloadEvent): void => {
      event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [snapshot.dirty]);

  function onPlaced(placement: Placement): void {
    const detail = symbols.detail(placement.symbol);
    const [libraryName = "", name = placement.symbol] = placement.symbol.split(":");
    const part: SavedPart = {
      symbol_id: placement.symbol,
      name: detail?.name ?? name,
      library: detail?.library ?? libraryName,
      reference: detail?.reference ?? placement.prefix,
      description: detail?.description ?? "",
    };
    rememberPlaced(part);
    setPlacedCount((count) => count + 1);
  }

  function save(): void {
    const schematic = store.scene.schematic;
    download(
      `${fileStem(schematic)}.json`,
      new Blob([writeSchematic(schematic)], { type: "application/json" }),
    );
    store.markSaved();
  }

  function exportSvgText(): { text: string; width: number; height: number } | undefined {
    if (svg.current === null) return undefined;
    const { width, height } = sheetSize(store.scene.schematic);
    return { text: sheetSvg(svg.current, width, height), width, height };
  }

  function opened(_schematic: unknown, example?: ExampleEntry): void {
    setFindings([]);
    setPlacing(null);
    // A new document gets a fresh simulation panel; an example brings the analyses it was made for.
    setPanel((last) => ({
      key: last.key + 1,
      analyses: (example?.file.analyses ?? []).flatMap((json) => analysisFromJson(json) ?? []),
    }));
  }

  return (
    <AppShell current="eda">
      <div className="oc-eda">
        <header className="oc-eda-header">
          <h1 className="oc-page-title">Schematic editor &amp; simulator</h1>
          <Toolbar
            store={store}
            onOpened={opened}
            onSave={save}
            onExportSvg={() => {
              const exported = exportSvgText();
              if (exported !== undefined) {
                download(
                  `${fileStem(store.scene.schematic)}.svg`,
                  new Blob([exported.text], { type: "image/svg+xml" }),
                );
              }
            }}
            onExportPng={() => {
              const exported = exportSvgText();
              if (exported === undefined) return;
              svgToPng(exported.text, exported.width, exported.height).then(
                (blob) => download(`${fileStem(store.scene.schematic)}.png`, blob),
                (caught: unknown) =>
                  setError(caught instanceof Error ? caught.message : "PNG export failed."),
              );
            }}
          />
          {error !== null && (
            <p className="oc-error" role="alert">
              {error}
            </p>
          )}
        </header>
        <aside className="oc-eda-left">
          <LibraryPanel
            library={source}
            symbols={symbols}
            placedCount={placedCount}
            onPick={(part) => setPlacing(placementOf(part))}
          />
        </aside>
        <section className="oc-eda-centre" aria-label="Schematic canvas">
          <SchematicCanvas
            store={store}
            symbols={symbols}
            findings={findings}
            placing={placing}
            onPlacingChange={setPlacing}
            onPlaced={onPlaced}
            svgRef={(element) => {
              svg.current = element;
            }}
          />
        </section>
        <aside className="oc-eda-right">
          <PropertiesPanel store={store} symbols={symbols} />
          <SimulationPanel
            key={panel.key}
            initialAnalyses={panel.analyses}
            schematic={snapshot.scene.schematic}
            {...(simulations === undefined ? {} : { api: simulations })}
            onResult={(simulation, meta) => {
              setResult((last) => ({
                current: (simulation.result ?? null) as SimulationResult | null,
                previous: last.current,
              }));
              setFindings(
                meta.diagnostics
                  .filter(
                    (d): d is typeof d & { severity: "error" | "warning" } =>
                      d.source === "erc" && d.severity !== "info",
                  )
                  .map((d) => ({ ...d, code: d.code ?? "erc" })),
              );
            }}
            onFocusDiagnostic={(diagnostic) => {
              // Refused runs (ERC errors) report no result: mark at least the finding clicked.
              if (diagnostic.source === "erc" && diagnostic.severity !== "info") {
                setFindings([
                  { ...diagnostic, severity: diagnostic.severity, code: diagnostic.code ?? "erc" },
                ]);
              }
              const id = diagnostic.component ?? diagnostic.wire ?? diagnostic.label;
              if (id !== undefined && store.scene.has(id)) store.select(store.selected.click(id));
            }}
          />
        </aside>
        <section className="oc-eda-bottom" aria-label="Simulation results">
          <ResultsView result={result.current} previous={result.previous} />
        </section>
      </div>
    </AppShell>
  );
}

import { AppShell } from "@ohmcloud/app-shell";
import { buildConnectivity, type Schematic } from "@ohmcloud/canvas";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import {
  download,
  fileStem,
  loadAutosave,
  newSchematic,
  saveAutosave,
  svgToPng,
  writeSchematic,
} from "./editor/documents";
import type { ExampleEntry } from "./editor/documents";
import { EditorStore } from "./editor/editor-store";
import { defaultLibrary, SymbolStore, type LibrarySource } from "./editor/library";
import { LibraryPanel, placementOf, rememberPlaced, type SavedPart } from "./editor/LibraryPanel";
import { PropertiesPanel } from "./editor/PropertiesPanel";
import { SchematicCanvas, type ErcFinding, type Placement } from "./editor/SchematicCanvas";
import { installPrintSheet, printableSheet } from "./editor/print";
import { Toolbar } from "./editor/Toolbar";
import "./editor/editor.css";
import { ResultsView, type SimulationResult } from "./results";
import { operatingPointAnnotations, operatingPointPlot } from "./results/annotations";
import { OperatingPointOverlay } from "./results/OperatingPointOverlay";
import {
  NO_SWEEP_MESSAGE,
  probeVectors,
  spiceNamesOf,
  sweepPlots,
  toggleProbed,
  type ProbeTarget,
  type SpiceNames,
} from "./results/probe";
import {
  defaultSimulations,
  ercFindings,
  SimulationPanel,
  type SimulationsService,
} from "./simulation";
import { analysisFromJson, type AnalysisForm } from "./spice";

export interface EdaAppProps {
  /** The component library; the server's by default (specs pass a fake). */
  readonly library?: LibrarySource;
  /** The simulation API; the server's by default. */
  readonly simulations?: SimulationsService;
}

const AUTOSAVE_DELAY_MS = 500;

/** The last successful run, with what the schematic's netlist named (to place and probe its values). */
interface Run {
  readonly current: SimulationResult | null;
  readonly previous: SimulationResult | null;
  /** The netlist that ran (the results name nested sweeps from it). */
  readonly netlist?: string;
  /** The simulation's id, to fetch every point when the plots were cut (`?points=`). */
  readonly id?: string;
  /** Null for a raw netlist, and once another document is opened: its nets are not these. */
  readonly names: SpiceNames | null;
  /** The schematic the result belongs to: edits since then make the annotations stale. */
  readonly schematic: Schematic | null;
}

const NO_RUN: Run = { current: null, previous: null, names: null, schematic: null };

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
  const symbolVersion = useSyncExternalStore(symbols.subscribe, symbols.version);
  const [placing, setPlacing] = useState<Placement | null>(null);
  const [placedCount, setPlacedCount] = useState(0);
  const [findings, setFindings] = useState<readonly ErcFinding[]>([]);
  const [panel, setPanel] = useState<{ key: number; analyses: AnalysisForm[] }>({
    key: 0,
    analyses: [],
  });
  const [run, setRun] = useState<Run>(NO_RUN);
  const [showOperatingPoint, setShowOperatingPoint] = useState(true);
  const [probing, setProbing] = useState(false);
  const [probed, setProbed] = useState<readonly string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const svg = useRef<SVGSVGElement | null>(null);

  const plots = run.current?.plots ?? [];
  const opPlot = operatingPointPlot(run.current);
  const names = run.names;
  const scene = snapshot.scene;
  const lookup = symbols.lookup;
  // Operating-point values on the current drawing: its nets and parts found by the run's names.
  const annotations = useMemo(
    () =>
      opPlot === undefined || names === null || !showOperatingPoint
        ? []
        : operatingPointAnnotations({
            schematic: scene.schematic,
            symbols: lookup,
            connectivity: buildConnectivity(scene, lookup),
            names,
            plot: opPlot,
          }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `lookup` knows more pins once symbols arrive
    [opPlot, names, showOperatingPoint, scene, lookup, symbolVersion],
  );

  // Edited since the run (undo back to it counts as unchanged): the values may no longer hold.
  const stale = useMemo(
    () =>
      annotations.length > 0 &&
      run.schematic !== scene.schematic &&
      JSON.stringify(run.schematic) !== JSON.stringify(scene.schematic),
    [annotations, run.schematic, scene.schematic],
  );

  // Autosave every change (debounced); it is restored on the next visit.
  useEffect(() => {
    const timer = setTimeout(() => saveAutosave(snapshot.scene.schematic), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [snapshot.scene]);

  // Print / Save as PDF: the whole sheet with its title block, nothing else (editor/print.ts).
  useEffect(
    () => installPrintSheet(() => printableSheet(svg.current, store.scene.schematic)),
    [store],
  );

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
    return printableSheet(svg.current, store.scene.schematic);
  }

  /** "load all": the same run again without `?points=`, replacing the cut plots. */
  function loadFull(): void {
    const id = run.id;
    if (id === undefined) return;
    (simulations ?? defaultSimulations()).waitUntilDone(id).then(
      (simulation) => {
        const full = (simulation.result ?? null) as SimulationResult | null;
        setRun((last) => (last.id === id ? { ...last, current: full } : last));
      },
      (caught: unknown) =>
        setError(caught instanceof Error ? caught.message : "Could not load every point."),
    );
  }

  function changeProbing(on: boolean): void {
    if (on && sweepPlots(plots).length === 0) {
      setError(NO_SWEEP_MESSAGE);
      return;
    }
    setProbing(on);
  }

  function probe(target: ProbeTarget): void {
    const answer = probeVectors(target, plots, names);
    if (!answer.ok) {
      setError(answer.message);
      return;
    }
    setError(null);
    setProbed((last) => toggleProbed(last, answer.vectors));
  }

  function opened(_schematic: unknown, example?: ExampleEntry): void {
    setFindings([]);
    setPlacing(null);
    // The results stay readable, but the new document's nets are not the ones they name.
    setRun((last) => ({ ...last, names: null, schematic: null }));
    setProbing(false);
    setProbed([]);
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
            onPrint={() => window.print()}
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
            overlay={
              annotations.length > 0 ? (
                <OperatingPointOverlay annotations={annotations} stale={stale} />
              ) : undefined
            }
            probing={probing}
            onProbingChange={changeProbing}
            onProbe={probe}
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
              const current = (simulation.result ?? null) as SimulationResult | null;
              setRun((last) => ({
                current,
                previous: last.current,
                netlist: meta.netlist,
                id: meta.id,
                names: meta.mode === "schematic" ? spiceNamesOf(simulation) : null,
                schematic: meta.mode === "schematic" ? store.scene.schematic : null,
              }));
              // Probes stay on across runs while the new result still has their vectors.
              const held = new Set(current?.plots.flatMap((p) => p.vectors.map((v) => v.name)));
              setProbed((last) => last.filter((name) => held.has(name)));
            }}
            // Every run, refusal and preview: its ERC findings marked on the parts and pins.
            onDiagnostics={(diagnostics) => setFindings(ercFindings(diagnostics))}
            onFocusDiagnostic={(diagnostic) => {
              const id = diagnostic.component ?? diagnostic.wire ?? diagnostic.label;
              if (id !== undefined && store.scene.has(id)) store.select(store.selected.click(id));
            }}
          />
        </aside>
        <section className="oc-eda-bottom" aria-label="Simulation results">
          {opPlot !== undefined && names !== null && (
            <label className="oc-op-toggle oc-muted">
              <input
                type="checkbox"
                data-testid="op-annotations-toggle"
                checked={showOperatingPoint}
                onChange={(event) => setShowOperatingPoint(event.target.checked)}
              />{" "}
              Operating point on the schematic
            </label>
          )}
          <ResultsView
            result={run.current}
            previous={run.previous}
            probed={probed}
            onLoadFull={loadFull}
            {...(run.netlist === undefined ? {} : { netlist: run.netlist })}
          />
        </section>
      </div>
    </AppShell>
  );
}

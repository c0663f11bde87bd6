import { AppShell } from "@ohmcloud/app-shell";

/** The EDA app page: the shared shell around the schematic editor (not built yet). */
export function EdaApp() {
  return (
    <AppShell current="eda">
      <h1 className="oc-page-title">Schematic editor &amp; simulator</h1>
      <section className="oc-empty-state" aria-label="Coming soon">
        <p>
          The schematic editor is coming here: place parts from the component library, wire them up
          and simulate the circuit with ngspice, with the results plotted right in the browser.
        </p>
      </section>
    </AppShell>
  );
}

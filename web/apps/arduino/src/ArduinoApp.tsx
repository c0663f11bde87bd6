import { AppShell } from "@ohmcloud/app-shell";

/** The Arduino app page: the shared shell around the breadboard and code editor (not built yet). */
export function ArduinoApp() {
  return (
    <AppShell current="arduino">
      <h1 className="oc-page-title">Arduino simulator</h1>
      <section className="oc-empty-state" aria-label="Coming soon">
        <p>
          The Arduino workspace is coming here: wire an Arduino Uno and parts on a breadboard, write
          the sketch, compile it and run it in the browser with a serial monitor.
        </p>
      </section>
    </AppShell>
  );
}

/** The build's diagnostics as a list: place, severity and message, errors first as the compiler gave them. */
import type { BuildDiagnostic } from "@ohmcloud/api-client";
import { diagnosticPlace } from "./build-report";

export function ProblemsList({
  diagnostics,
}: {
  readonly diagnostics: readonly BuildDiagnostic[];
}) {
  if (diagnostics.length === 0) return null;
  return (
    <section className="ar-problems" aria-label="Problems">
      <h2>Problems</h2>
      <ul data-testid="problems">
        {diagnostics.map((d, index) => (
          <li key={index} className={`ar-problem ar-problem-${d.severity}`}>
            <span className="ar-problem-severity">{d.severity}</span>
            {diagnosticPlace(d) && <span className="ar-problem-place">{diagnosticPlace(d)}</span>}
            <span>{d.message}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

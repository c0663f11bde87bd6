/**
 * The build's diagnostics as a list: place, severity and message, in the compiler's order. With
 * `onSelect`, a problem placed in a file is a button that shows that place in the editor.
 */
import type { BuildDiagnostic } from "@ohmcloud/api-client";
import { diagnosticPlace } from "./build-report";

export interface ProblemsListProps {
  readonly diagnostics: readonly BuildDiagnostic[];
  /** Called with a problem that has a file and line when it is clicked (or Enter is pressed). */
  readonly onSelect?: (diagnostic: BuildDiagnostic) => void;
  /** Whether a problem's file can be shown (default: every file); others are not clickable. */
  readonly canShow?: (file: string) => boolean;
}

export function ProblemsList({ diagnostics, onSelect, canShow = () => true }: ProblemsListProps) {
  if (diagnostics.length === 0) return null;
  return (
    <section className="ar-problems" aria-label="Problems">
      <h2>Problems</h2>
      <ul data-testid="problems">
        {diagnostics.map((d, index) => {
          const content = (
            <>
              <span className="ar-problem-severity">{d.severity}</span>
              {diagnosticPlace(d) && <span className="ar-problem-place">{diagnosticPlace(d)}</span>}
              <span>{d.message}</span>
            </>
          );
          const showable = onSelect && d.file !== null && d.line !== null && canShow(d.file);
          return (
            <li key={index} className={`ar-problem ar-problem-${d.severity}`}>
              {showable ? (
                <button
                  type="button"
                  className="ar-problem-link"
                  title={`Show ${diagnosticPlace(d)} in the editor`}
                  onClick={() => onSelect(d)}
                >
                  {content}
                </button>
              ) : (
                content
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

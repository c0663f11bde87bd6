/** The circuit's warnings from the simulation (short circuits, floating inputs, ...) under the stage. */
import type { CircuitWarning } from "@ohmcloud/avr-sim";

export interface WarningListProps {
  readonly warnings: readonly CircuitWarning[];
  /** Selects the parts a warning is about. */
  onShow(warning: CircuitWarning): void;
}

export function WarningList({ warnings, onShow }: WarningListProps) {
  if (warnings.length === 0) return null;
  return (
    <ul className="ws-warnings" data-testid="circuit-warnings" aria-label="Circuit warnings">
      {warnings.map((warning, index) => (
        <li key={`${warning.kind}-${warning.pins.join()}-${index}`}>
          <button type="button" onClick={() => onShow(warning)} title="Show the parts concerned">
            ⚠ {warning.message}
          </button>
        </li>
      ))}
    </ul>
  );
}

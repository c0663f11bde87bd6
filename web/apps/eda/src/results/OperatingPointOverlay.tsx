/**
 * Operating-point values drawn on the schematic: SVG text in sheet coordinates, for the canvas's
 * `overlay` (drawn in world coordinates). What to show and where comes from `annotations.ts`.
 */
import { ANNOTATION_FONT_SIZE, type OpAnnotation } from "./annotations";

export interface OperatingPointOverlayProps {
  readonly annotations: readonly OpAnnotation[];
  /** The schematic changed since the run: the values may no longer hold, so they are drawn faded. */
  readonly stale?: boolean;
}

/** Dark enough to read on the white sheet, and apart from wires (green) and selection (blue). */
export const VOLTAGE_COLOUR = "#6a1b9a";
export const CURRENT_COLOUR = "#a64b00";

export function OperatingPointOverlay({ annotations, stale = false }: OperatingPointOverlayProps) {
  return (
    <g
      data-testid="op-overlay"
      data-stale={stale ? "true" : undefined}
      opacity={stale ? 0.45 : undefined}
      fontSize={ANNOTATION_FONT_SIZE}
      fontFamily="sans-serif"
      pointerEvents="none"
    >
      {annotations.map((annotation) => {
        const voltage = annotation.kind === "voltage";
        const what = voltage ? `net ${annotation.net}` : annotation.reference;
        return (
          <text
            key={voltage ? `v:${annotation.net}` : `i:${annotation.componentId}`}
            data-testid="op-annotation"
            data-net={voltage ? annotation.net : undefined}
            data-reference={voltage ? undefined : annotation.reference}
            data-vector={annotation.vector}
            x={annotation.at[0]}
            y={annotation.at[1]}
            textAnchor={annotation.anchor}
            fill={voltage ? VOLTAGE_COLOUR : CURRENT_COLOUR}
            // A white halo keeps the text readable where it crosses a wire or a symbol.
            stroke="#fff"
            strokeWidth={10}
            strokeLinejoin="round"
            paintOrder="stroke"
          >
            <title>{`${what}: ${annotation.vector} = ${annotation.value} ${voltage ? "V" : "A"}${stale ? " (before the last change)" : ""}`}</title>
            {annotation.text}
          </text>
        );
      })}
    </g>
  );
}

/**
 * The drawn wires as SVG polylines through their bends, in their colours, with a wide invisible
 * twin to make them easy to click; a selected wire's bends get handles to drag; the wire being
 * drawn follows the pointer.
 */
import type { Point, WorkspaceDoc } from "./model/document";
import { wirePath } from "./stage-geometry";
import { WIRE_WIDTH } from "./workspace-export";

export interface WireDraft {
  /** Where the wire starts, its bends so far, and the pointer it follows. */
  readonly path: readonly Point[];
}

export interface WireLayerProps {
  readonly doc: WorkspaceDoc;
  readonly selection: ReadonlySet<string>;
  /** Wires on the hovered pin's net. */
  readonly highlighted: ReadonlySet<string>;
  readonly draft: WireDraft | null;
}

const points = (path: readonly Point[]) => path.map((p) => `${p.x},${p.y}`).join(" ");

export function WireLayer({ doc, selection, highlighted, draft }: WireLayerProps) {
  return (
    <svg className="ws-wires" width={1} height={1} aria-hidden="true">
      {doc.wires.map((wire) => {
        const path = wirePath(doc, wire);
        if (!path) return null;
        const classes = [
          "ws-wire",
          selection.has(wire.id) && "ws-selected",
          highlighted.has(wire.id) && "ws-net",
        ];
        return (
          <g
            key={wire.id}
            className={classes.filter(Boolean).join(" ")}
            data-wire={wire.id}
            data-testid={`wire-${wire.id}`}
            data-points={points(path)}
          >
            <polyline className="ws-wire-hit" points={points(path)} />
            <polyline
              className="ws-wire-line"
              points={points(path)}
              stroke={wire.color}
              strokeWidth={WIRE_WIDTH}
            />
          </g>
        );
      })}
      {doc.wires
        .filter((wire) => selection.has(wire.id))
        .flatMap((wire) =>
          wire.points.map((point, index) => (
            <circle
              key={`${wire.id}-${index}`}
              className="ws-bend"
              cx={point.x}
              cy={point.y}
              r={4}
              data-bend={`${wire.id}:${index}`}
              data-testid={`bend-${wire.id}-${index}`}
            />
          )),
        )}
      {draft && (
        <polyline
          className="ws-wire-draft"
          points={points(draft.path)}
          strokeWidth={WIRE_WIDTH}
          data-testid="wire-draft"
        />
      )}
    </svg>
  );
}

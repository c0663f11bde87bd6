/**
 * A small hit target over every pin (`pin-<part>-<pin>`), breadboard holes included, drawn above
 * the parts: click one to start or end a wire, hover it for its name and net. Breadboards go first
 * so a leg in a hole is found before the hole.
 */
import { memo } from "react";
import type { WorkspaceDoc } from "./model/document";
import { placedPins } from "./model/geometry";

export interface PinLayerProps {
  readonly doc: WorkspaceDoc;
  /** Pins on the hovered pin's net. */
  readonly highlighted: ReadonlySet<string>;
  /** Pins a circuit warning is about. */
  readonly warned: ReadonlySet<string>;
}

export const PinLayer = memo(function PinLayer({ doc, highlighted, warned }: PinLayerProps) {
  const ordered = [
    ...doc.parts.filter((part) => part.kind === "breadboard"),
    ...doc.parts.filter((part) => part.kind !== "breadboard"),
  ];
  return (
    <>
      {ordered.flatMap((part) =>
        placedPins(part).map((pin) => {
          const classes = [
            "ws-pin",
            part.kind === "breadboard" && "ws-hole",
            highlighted.has(pin.ref) && "ws-net",
            warned.has(pin.ref) && "ws-warned",
          ];
          return (
            <div
              key={pin.ref}
              className={classes.filter(Boolean).join(" ")}
              style={{ left: pin.at.x, top: pin.at.y }}
              data-pin={pin.ref}
              data-testid={`pin-${part.id}-${pin.name}`}
            />
          );
        }),
      )}
    </>
  );
});

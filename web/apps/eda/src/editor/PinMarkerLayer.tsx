/**
 * A small circle on every placed pin (`pin-<reference>-<number>`): an open circle, KiCad style, where
 * nothing is connected, transparent where something is. Not exported or printed (the canvas puts it in its
 * `data-export="skip"` group). Grouped per part and memoized on a signature of the part's markers, so an
 * edit re-renders only the parts whose pins moved or changed state.
 */
import { memo } from "react";
import type { PinMarker } from "./pin-markers";

const OPEN_COLOUR = "#8b1a1a";
const RADIUS = 18;

export const PinMarkerLayer = memo(function PinMarkerLayer({
  markers,
}: {
  markers: readonly PinMarker[];
}) {
  const byComponent = new Map<string, PinMarker[]>();
  for (const marker of markers) {
    const list = byComponent.get(marker.componentId);
    if (list === undefined) byComponent.set(marker.componentId, [marker]);
    else list.push(marker);
  }
  return (
    <g data-role="pin-markers">
      {[...byComponent].map(([id, list]) => (
        <PartMarkers key={id} markers={list} signature={signature(list)} />
      ))}
    </g>
  );
});

function signature(markers: readonly PinMarker[]): string {
  return markers
    .map(
      (m) =>
        `${m.reference}/${m.number}@${m.position[0]},${m.position[1]}:${+m.connected}${+m.hidden}`,
    )
    .join(" ");
}

const PartMarkers = memo(
  function PartMarkers({ markers }: { markers: readonly PinMarker[]; signature: string }) {
    return markers.map((marker, i) => {
      const open = !marker.connected && !marker.hidden;
      return (
        <circle
          key={`${marker.number}-${i}`}
          data-testid={`pin-${marker.reference}-${marker.number}`}
          data-role="pin-marker"
          data-pin={marker.number}
          data-connected={marker.connected ? "true" : "false"}
          cx={marker.position[0]}
          cy={marker.position[1]}
          r={RADIUS}
          fill="transparent"
          stroke={open ? OPEN_COLOUR : "none"}
          strokeWidth={4}
        />
      );
    });
  },
  (before, after) => before.signature === after.signature,
);

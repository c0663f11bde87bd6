/**
 * Probe mode: what a click on the schematic asks to plot. A wire, a pin end, a label or a junction stands
 * for its net (plot its voltage); a part's body for the part (plot its current). Power symbols are nets
 * too: probing a ground or VCC symbol means its net, a power symbol carries no current of its own.
 */
import {
  pinKey,
  type Connectivity,
  type Hit,
  type Net,
  type Scene,
  type SymbolLookup,
} from "@ohmcloud/canvas";

/** What to plot: a net by its name in the core's `buildConnectivity`, or a part. */
export type ProbeTarget =
  | { readonly kind: "net"; readonly net: string }
  | { readonly kind: "component"; readonly id: string; readonly reference: string };

/** The target of a click whose hits (the core's `hitTest`, most specific first) are `hits`. */
export function probeTargetOf(
  hits: readonly Hit[],
  scene: Scene,
  connectivity: Connectivity,
  symbols: SymbolLookup,
): ProbeTarget | undefined {
  const net = (index: number | undefined): ProbeTarget | undefined => {
    const found = index === undefined ? undefined : connectivity.nets[index];
    return found === undefined ? undefined : { kind: "net", net: found.name };
  };
  for (const hit of hits) {
    let target: ProbeTarget | undefined;
    switch (hit.kind) {
      case "pin":
        target = net(connectivity.pinNets.get(pinKey(hit.id, hit.pin)));
        break;
      case "wire":
        target = net(connectivity.wireNets.get(hit.id));
        break;
      case "label":
        target = net(connectivity.labelNets.get(hit.id));
        break;
      case "component": {
        const entry = scene.get(hit.id);
        if (entry?.kind !== "component") break;
        const symbol = symbols(entry.item.symbol);
        const first = symbol?.pins[0];
        target =
          symbol?.is_power === true && first !== undefined
            ? net(connectivity.pinNets.get(pinKey(hit.id, first.number)))
            : { kind: "component", id: hit.id, reference: entry.item.reference };
        break;
      }
      // A junction or a no-connect flag names nothing itself: the wire or pin under it comes next.
    }
    if (target !== undefined) return target;
  }
  return undefined;
}

/** A stable key for a target (equal targets, equal keys). */
export function probeKey(target: ProbeTarget | null | undefined): string | null {
  if (target === null || target === undefined) return null;
  return target.kind === "net" ? `net:${target.net}` : `component:${target.id}`;
}

/** The ids to draw highlighted for a target: a net's wires and labels, or the part. */
export function probeHighlight(
  target: ProbeTarget | null | undefined,
  connectivity: Connectivity,
): ReadonlySet<string> {
  if (target === null || target === undefined) return new Set();
  if (target.kind === "component") return new Set([target.id]);
  const net: Net | undefined = connectivity.nets.find((n) => n.name === target.net);
  return new Set(net === undefined ? [] : [...net.wires, ...net.labels]);
}

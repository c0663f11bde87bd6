/**
 * The component library as the editor reads it (docs/api.md, "Component library"): search results, one
 * component's drawing, and the store that fetches each placed symbol once and hands the core its pins.
 */
import { ApiClient, LibraryApi } from "@ohmcloud/api-client";
import type { Box, SymbolLookup, SymbolPins } from "@ohmcloud/canvas";

/** A search result (`GET /api/library/components`). */
export interface ComponentSummary {
  readonly id: number;
  /** `Library:Name`, what a schematic stores. */
  readonly symbol_id: string;
  readonly library: string;
  readonly name: string;
  readonly description: string;
  readonly keywords: string;
  readonly category: string;
  /** The reference prefix: `R`, `Q`, `#PWR`. */
  readonly reference: string;
  readonly simulatable: boolean;
  readonly unit_count: number;
  readonly pin_count: number;
}

export type { Category, ComponentPage } from "@ohmcloud/api-client";

/** Symbol frame graphics (mils, y up), as `server/library/symbol_geometry.py` stores them. */
export type Fill = "none" | "outline" | "background";
type Styled = {
  readonly stroke_width?: number;
  readonly fill?: Fill;
  readonly body_style?: number;
};
export type Graphic =
  | (Styled & { readonly kind: "polyline" | "bezier"; readonly points: readonly number[][] })
  | (Styled & {
      readonly kind: "rectangle";
      readonly start: readonly number[];
      readonly end: readonly number[];
    })
  | (Styled & {
      readonly kind: "circle";
      readonly center: readonly number[];
      readonly radius: number;
    })
  | (Styled & {
      readonly kind: "arc";
      readonly start: readonly number[];
      readonly mid: readonly number[];
      readonly end: readonly number[];
    })
  | {
      readonly kind: "text";
      readonly text: string;
      readonly x: number;
      readonly y: number;
      readonly angle?: number;
      readonly size?: number;
      readonly visible?: boolean;
      readonly body_style?: number;
    };

export interface GeometryPin {
  readonly number: string;
  readonly name: string;
  readonly electrical_type?: string;
  readonly x: number;
  readonly y: number;
  /** Degrees, from the connection point towards the body. */
  readonly orientation: number;
  readonly length: number;
  readonly hidden: boolean;
  readonly body_style?: number;
}

export interface FieldPosition {
  readonly x: number;
  readonly y: number;
  readonly angle?: number;
  readonly size?: number;
  readonly visible?: boolean;
}

export interface SymbolGeometry {
  readonly unit_count?: number;
  readonly pin_names?: { readonly visible: boolean; readonly offset?: number };
  readonly pin_numbers?: { readonly visible: boolean };
  readonly fields?: Readonly<Record<string, FieldPosition>>;
  readonly bounds?: {
    readonly x0: number;
    readonly y0: number;
    readonly x1: number;
    readonly y1: number;
  };
  readonly units: readonly {
    readonly unit: number;
    readonly graphics: readonly Graphic[];
    readonly pins: readonly GeometryPin[];
  }[];
}

export interface SpiceMapping {
  readonly prefix: string;
  readonly default_value?: string | null;
  readonly model?: string | null;
  readonly model_from_value?: boolean;
}

/** One component (`GET /api/library/components/{Library:Name}`). */
export interface ComponentDetail extends ComponentSummary {
  readonly value?: string;
  readonly is_power: boolean;
  readonly geometry: SymbolGeometry;
  readonly spice?: SpiceMapping | null;
}

/**
 * What the editor needs of `LibraryApi` (`@ohmcloud/api-client`); specs pass a fake one. The API types
 * `geometry` and `spice` as unknown: `component` answers are read as `ComponentDetail` here.
 */
export type LibrarySource = Pick<LibraryApi, "search" | "component" | "categories">;

/** The library on the same origin. */
export function defaultLibrary(): LibrarySource {
  return new LibraryApi(new ApiClient());
}

/** The pins the core needs, from a component's drawing (every unit, unit 0 common). */
export function symbolPinsOf(detail: ComponentDetail): SymbolPins {
  const pins = detail.geometry.units.flatMap((unit) =>
    unit.pins
      .filter((pin) => (pin.body_style ?? 0) <= 1)
      .map((pin) => ({
        number: pin.number,
        name: pin.name,
        x: pin.x,
        y: pin.y,
        unit: unit.unit,
        hidden: pin.hidden,
        electrical_type: pin.electrical_type,
      })),
  );
  const b = detail.geometry.bounds;
  const body: Box | undefined =
    b === undefined || (b.x0 === 0 && b.x1 === 0 && b.y0 === 0 && b.y1 === 0)
      ? undefined
      : {
          minX: Math.min(b.x0, b.x1),
          maxX: Math.max(b.x0, b.x1),
          minY: Math.min(b.y0, b.y1),
          maxY: Math.max(b.y0, b.y1),
        };
  return {
    pins,
    is_power: detail.is_power,
    default_value: detail.value,
    ...(body === undefined ? {} : { body }),
  };
}

type Entry =
  | { status: "loading" }
  | { status: "missing" }
  | { status: "ready"; detail: ComponentDetail; pins: SymbolPins };

/**
 * Library symbols by `Library:Name`, each fetched once. `lookup` is the core's `SymbolLookup`;
 * `version` changes whenever a symbol arrives (for `useSyncExternalStore`).
 */
export class SymbolStore {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();
  private revision = 0;
  private readonly source: LibrarySource | undefined;

  constructor(source?: LibrarySource, seed: readonly ComponentDetail[] = []) {
    this.source = source;
    for (const detail of seed) this.put(detail);
  }

  readonly lookup: SymbolLookup = (symbol) => {
    const entry = this.entries.get(symbol);
    return entry?.status === "ready" ? entry.pins : undefined;
  };

  detail(symbol: string): ComponentDetail | undefined {
    const entry = this.entries.get(symbol);
    return entry?.status === "ready" ? entry.detail : undefined;
  }

  isMissing(symbol: string): boolean {
    return this.entries.get(symbol)?.status === "missing";
  }

  /** Starts fetching the symbols not asked for yet. */
  ensure(symbols: Iterable<string>): void {
    for (const symbol of symbols) {
      if (this.entries.has(symbol) || this.source === undefined) continue;
      this.entries.set(symbol, { status: "loading" });
      this.source.component(symbol).then(
        (detail) => {
          this.put(detail as unknown as ComponentDetail, symbol);
        },
        () => {
          this.entries.set(symbol, { status: "missing" });
          this.changed();
        },
      );
    }
  }

  put(detail: ComponentDetail, key = detail.symbol_id): void {
    this.entries.set(key, { status: "ready", detail, pins: symbolPinsOf(detail) });
    this.changed();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly version = (): number => this.revision;

  private changed(): void {
    this.revision++;
    for (const listener of this.listeners) listener();
  }
}

import type { ApiClient } from "./client";

export interface ComponentSummary {
  id: number;
  /** "Library:Name", e.g. "Device:R": what a schematic stores. */
  symbol_id: string;
  library: string;
  name: string;
  description: string;
  keywords: string;
  category: string;
  /** The reference designator's prefix: "R", "Q", "U", "#PWR". */
  reference: string;
  simulatable: boolean;
  unit_count: number;
  pin_count: number;
}

export interface ComponentPage {
  count: number;
  next: string | null;
  previous: string | null;
  results: ComponentSummary[];
}

export interface LibraryPin {
  number: string;
  /** "~" when unnamed. */
  name: string;
  electrical_type: string;
  graphic_style: string;
  /** The connection point, mils, y up. */
  x: number;
  y: number;
  /** Degrees, from the connection point towards the body. */
  orientation: number;
  length: number;
  hidden: boolean;
  /** 0: on every unit. */
  unit: number;
  body_style: number;
}

export interface ComponentDetail extends ComponentSummary {
  value: string;
  datasheet: string;
  footprint: string;
  is_power: boolean;
  properties: Record<string, string>;
  pins: LibraryPin[];
  /** The drawing: units, graphics, pins, field positions (see the docs). */
  geometry: unknown;
  /** How it becomes a SPICE element; null if it cannot be simulated. */
  spice: unknown;
}

export interface Category {
  name: string;
  libraries: number;
  components: number;
}

export interface Library {
  name: string;
  category: string;
  symbol_count: number;
}

export interface ComponentQuery {
  search?: string;
  category?: string;
  library?: string;
  simulatable?: boolean;
  /** 1-based. */
  page?: number;
  /** At most 200 (50 by default). */
  pageSize?: number;
}

/** The public `/api/library/*` endpoints. */
export class LibraryApi {
  private readonly client: ApiClient;

  constructor(client: ApiClient) {
    this.client = client;
  }

  /** Components matching every search word, best match first, one page at a time. */
  search({
    search,
    category,
    library,
    simulatable,
    page,
    pageSize,
  }: ComponentQuery = {}): Promise<ComponentPage> {
    const query = new URLSearchParams();
    if (search) query.set("search", search);
    if (category) query.set("category", category);
    if (library) query.set("library", library);
    if (simulatable !== undefined) query.set("simulatable", String(simulatable));
    if (page !== undefined) query.set("page", String(page));
    if (pageSize !== undefined) query.set("page_size", String(pageSize));
    const queryString = query.toString();
    return this.client.get<ComponentPage>(
      `/api/library/components${queryString ? `?${queryString}` : ""}`,
    );
  }

  /** One component by numeric id or symbol id ("Device:R"); 404 `ApiError` when unknown. */
  component(idOrSymbolId: number | string): Promise<ComponentDetail> {
    return this.client.get<ComponentDetail>(
      `/api/library/components/${encodeURIComponent(String(idOrSymbolId))}`,
    );
  }

  /** The palette categories that have components, in palette order. */
  categories(): Promise<Category[]> {
    return this.client.get<Category[]>("/api/library/categories");
  }

  /** The imported KiCad libraries. */
  libraries(): Promise<Library[]> {
    return this.client.get<Library[]>("/api/library/libraries");
  }
}

import { ApiError, parseErrorDetails } from "./errors";

export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  /** Prefix for every path; empty means same origin. */
  baseUrl?: string;
  /** The `fetch` to use; defaults to the global one. */
  fetch?: FetchFunction;
  /** Returns the `document.cookie` string; defaults to the browser's. */
  readCookies?: () => string;
}

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RequestOptions {
  /** Aborts the request itself (a long-poll the page no longer waits for): it rejects with the signal's reason. */
  signal?: AbortSignal;
}

const SAFE_METHODS: ReadonlySet<HttpMethod> = new Set(["GET"]);
const CSRF_COOKIE = "csrftoken";
const CSRF_HEADER = "X-CSRFToken";

/** The one HTTP client of the front end: JSON in and out, session cookies, Django CSRF, typed errors. */
export class ApiClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: FetchFunction;
  private readonly readCookies: () => string;

  constructor({
    baseUrl = "",
    fetch: fetchImpl,
    readCookies = readDocumentCookies,
  }: ApiClientOptions = {}) {
    this.baseUrl = baseUrl;
    // Bound so the global fetch is not called with the client as `this` (browsers reject that).
    this.fetchImpl = fetchImpl ?? ((input, init) => globalThis.fetch(input, init));
    this.readCookies = readCookies;
  }

  get<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>("GET", path, undefined, options);
  }

  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>("POST", path, body, options);
  }

  /**
   * Sends one request and returns the parsed JSON body (`undefined` for an empty one).
   * Throws `ApiError` for error statuses, unreadable bodies and network failures.
   */
  async request<T>(
    method: HttpMethod,
    path: string,
    body?: unknown,
    { signal }: RequestOptions = {},
  ): Promise<T> {
    const headers: Record<string, string> = { Accept: "application/json" };
    const init: RequestInit = { method, headers, credentials: "same-origin" };
    if (signal !== undefined) init.signal = signal;
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    if (!SAFE_METHODS.has(method)) {
      // Read on every request: Django rotates the token at login, so a cached one goes stale.
      const token = readCookie(this.readCookies(), CSRF_COOKIE);
      if (token) headers[CSRF_HEADER] = token;
    }

    let response: Response;
    try {
      response = await this.fetchImpl(this.baseUrl + path, init);
    } catch (error) {
      if (signal?.aborted) throw signal.reason ?? error;
      throw new ApiError(0, [
        { message: "Could not reach the OhmCloud server. Check your connection and try again." },
      ]);
    }

    const text = await response.text().catch(() => "");
    let parsed: unknown = undefined;
    let isJson = true;
    if (text.trim() !== "") {
      try {
        parsed = JSON.parse(text);
      } catch {
        isJson = false;
      }
    }

    if (!response.ok) {
      const details = isJson ? parseErrorDetails(parsed) : [];
      if (details.length === 0) {
        const reason = response.statusText
          ? ` (${response.status} ${response.statusText})`
          : ` (${response.status})`;
        details.push({
          message: `The server could not handle the request${reason}. Please try again later.`,
        });
      }
      throw new ApiError(response.status, details);
    }
    if (!isJson) {
      throw new ApiError(response.status, [
        { message: `The server sent a response that is not JSON (${method} ${path}).` },
      ]);
    }
    return parsed as T;
  }
}

/** Returns the value of one cookie from a `document.cookie`-style string. */
export function readCookie(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(";")) {
    const separator = part.indexOf("=");
    if (separator === -1) continue;
    if (part.slice(0, separator).trim() === name) {
      return decodeURIComponent(part.slice(separator + 1).trim());
    }
  }
  return undefined;
}

function readDocumentCookies(): string {
  return typeof document === "undefined" ? "" : document.cookie;
}

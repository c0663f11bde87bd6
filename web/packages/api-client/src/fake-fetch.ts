import type { FetchFunction } from "./client";

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  credentials: RequestCredentials | undefined;
  body: unknown;
}

/**
 * A scripted stand-in for `fetch`, for unit specs only: it records each request and
 * answers with the next queued reply. The real Django server is exercised by the
 * end-to-end browser tests.
 */
export class FakeFetch {
  readonly requests: RecordedRequest[] = [];
  private readonly replies: (() => Response)[] = [];

  /** Queues a JSON reply (or an empty one when `body` is undefined). */
  replyJson(status: number, body?: unknown, headers: Record<string, string> = {}): this {
    const text = body === undefined ? null : JSON.stringify(body);
    this.replies.push(
      () =>
        new Response(text, { status, headers: { "Content-Type": "application/json", ...headers } }),
    );
    return this;
  }

  /** Queues a reply with a raw text body, e.g. an HTML error page from a proxy. */
  replyText(status: number, text: string, statusText = ""): this {
    this.replies.push(
      () => new Response(text, { status, statusText, headers: { "Content-Type": "text/html" } }),
    );
    return this;
  }

  /** Queues a network failure (what `fetch` does when the server is unreachable). */
  failNetwork(): this {
    this.replies.push(() => {
      throw new TypeError("Failed to fetch");
    });
    return this;
  }

  readonly fetch: FetchFunction = async (input, init) => {
    const body = typeof init.body === "string" ? (JSON.parse(init.body) as unknown) : undefined;
    this.requests.push({
      url: input,
      method: init.method ?? "GET",
      headers: { ...(init.headers as Record<string, string>) },
      credentials: init.credentials,
      body,
    });
    const reply = this.replies.shift();
    if (!reply) throw new Error(`FakeFetch: no reply queued for ${init.method ?? "GET"} ${input}`);
    return reply();
  };
}

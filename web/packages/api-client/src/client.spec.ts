import { describe, expect, it } from "vitest";
import { ApiClient, readCookie } from "./client";
import { ApiError } from "./errors";
import { FakeFetch } from "./fake-fetch";

// Unit spec with a scripted fetch; the real server is exercised by the e2e tests.

function setup(cookies = "") {
  const fake = new FakeFetch();
  const jar = { cookies };
  const client = new ApiClient({ fetch: fake.fetch, readCookies: () => jar.cookies });
  return { fake, jar, client };
}

describe("ApiClient", () => {
  it("sends JSON with same-origin credentials and parses the JSON reply", async () => {
    const { fake, client } = setup();
    fake.replyJson(200, { ok: true });
    await expect(client.post("/api/things", { a: 1 })).resolves.toEqual({ ok: true });
    expect(fake.requests[0]).toMatchObject({
      url: "/api/things",
      method: "POST",
      credentials: "same-origin",
      body: { a: 1 },
      headers: { Accept: "application/json", "Content-Type": "application/json" },
    });
  });

  it("prefixes the base URL", async () => {
    const fake = new FakeFetch().replyJson(200, {});
    await new ApiClient({
      baseUrl: "http://localhost:8000",
      fetch: fake.fetch,
      readCookies: () => "",
    }).get("/api/x");
    expect(fake.requests[0]?.url).toBe("http://localhost:8000/api/x");
  });

  it("sends the CSRF token on unsafe methods only", async () => {
    const { fake, client } = setup("sessionid=abc; csrftoken=tok1");
    fake.replyJson(200, {}).replyJson(200, {});
    await client.get("/api/a");
    await client.post("/api/b");
    expect(fake.requests[0]?.headers).not.toHaveProperty("X-CSRFToken");
    expect(fake.requests[1]?.headers["X-CSRFToken"]).toBe("tok1");
    expect(fake.requests[1]?.headers).not.toHaveProperty("Content-Type");
  });

  it("re-reads the CSRF cookie on every request, since Django rotates it at login", async () => {
    const { fake, jar, client } = setup("csrftoken=before");
    fake.replyJson(200, {}).replyJson(200, {});
    await client.post("/api/auth/login", {});
    jar.cookies = "csrftoken=after";
    await client.post("/api/auth/logout");
    expect(fake.requests.map((r) => r.headers["X-CSRFToken"])).toEqual(["before", "after"]);
  });

  it("sends no CSRF header when there is no cookie", async () => {
    const { fake, client } = setup("other=1");
    fake.replyJson(204);
    await client.post("/api/auth/logout");
    expect(fake.requests[0]?.headers).not.toHaveProperty("X-CSRFToken");
  });

  it("returns undefined for an empty success body (204)", async () => {
    const { fake, client } = setup();
    fake.replyJson(204);
    await expect(client.post("/api/auth/logout")).resolves.toBeUndefined();
  });

  it("turns the server's error shape into an ApiError with status and details", async () => {
    const { fake, client } = setup();
    fake.replyJson(400, {
      errors: [
        { message: "This username is taken.", field: "username" },
        { message: "Line 3: unknown element.", line: 3 },
        { message: "Something else." },
      ],
    });
    const error = await client.post("/api/x", {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.errors).toEqual([
      { message: "This username is taken.", field: "username" },
      { message: "Line 3: unknown element.", line: 3 },
      { message: "Something else." },
    ]);
    expect(apiError.fieldMessages("username")).toEqual(["This username is taken."]);
    expect(apiError.generalMessages()).toEqual(["Line 3: unknown element.", "Something else."]);
    expect(apiError.message).toBe(
      "This username is taken. Line 3: unknown element. Something else.",
    );
  });

  it("keeps what an ERC error says to highlight, and drops unknown or mistyped keys", async () => {
    const { fake, client } = setup();
    fake.replyJson(400, {
      errors: [
        {
          message: "pin 2 of R1 is not connected",
          severity: "error",
          code: "pin-unconnected",
          component: "c4",
          reference: "R1",
          pin: "2",
          extra: "ignored",
          wire: 7,
        },
      ],
    });
    const error = (await client.post("/api/simulations", {}).catch((e: unknown) => e)) as ApiError;
    expect(error.errors).toEqual([
      {
        message: "pin 2 of R1 is not connected",
        severity: "error",
        code: "pin-unconnected",
        component: "c4",
        reference: "R1",
        pin: "2",
      },
    ]);
  });

  it("reports a non-JSON error body (e.g. a proxy's HTML page) with its status", async () => {
    const { fake, client } = setup();
    fake.replyText(502, "<html>Bad Gateway</html>", "Bad Gateway");
    const error = (await client.get("/api/x").catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(502);
    expect(error.message).toBe(
      "The server could not handle the request (502 Bad Gateway). Please try again later.",
    );
  });

  it("rejects a successful response whose body is not JSON", async () => {
    const { fake, client } = setup();
    fake.replyText(200, "<html>index</html>");
    const error = (await client.get("/api/x").catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(200);
    expect(error.message).toBe("The server sent a response that is not JSON (GET /api/x).");
  });

  it("turns a network failure into an ApiError with status 0", async () => {
    const { fake, client } = setup();
    fake.failNetwork();
    const error = (await client.get("/api/x").catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(0);
    expect(error.message).toMatch(/could not reach the OhmCloud server/i);
  });

  it("aborts the request itself with the caller's signal, rejecting with its reason", async () => {
    let seen: AbortSignal | undefined;
    const hanging = (_input: string, init: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        seen = init.signal ?? undefined;
        init.signal?.addEventListener("abort", () => reject(new TypeError("fetch aborted")));
      });
    const client = new ApiClient({ fetch: hanging, readCookies: () => "" });
    const controller = new AbortController();
    const waiting = client.get("/api/simulations/x?wait=25", { signal: controller.signal });
    expect(seen).toBe(controller.signal);
    const reason = new DOMException("stopped", "AbortError");
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
  });
});

describe("readCookie", () => {
  it("finds a cookie among others and decodes it", () => {
    expect(readCookie("a=1; csrftoken=x%2By; b=2", "csrftoken")).toBe("x+y");
    expect(readCookie("xcsrftoken=1", "csrftoken")).toBeUndefined();
    expect(readCookie("", "csrftoken")).toBeUndefined();
  });
});

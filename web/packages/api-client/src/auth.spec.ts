import { describe, expect, it } from "vitest";
import { AuthApi } from "./auth";
import { ApiClient } from "./client";
import { ApiError } from "./errors";
import { FakeFetch } from "./fake-fetch";

// Unit spec with a scripted fetch; the real server is exercised by the e2e tests.

const alice = { id: 1, username: "alice", email: "alice@example.com" };

function setup() {
  const fake = new FakeFetch();
  const auth = new AuthApi(new ApiClient({ fetch: fake.fetch, readCookies: () => "csrftoken=t" }));
  return { fake, auth };
}

describe("AuthApi", () => {
  it("me() returns the user when logged in", async () => {
    const { fake, auth } = setup();
    fake.replyJson(200, alice);
    await expect(auth.me()).resolves.toEqual(alice);
    expect(fake.requests[0]).toMatchObject({ method: "GET", url: "/api/auth/me" });
  });

  it("me() treats 401 as anonymous, not as an error", async () => {
    const { fake, auth } = setup();
    fake.replyJson(401, { errors: [{ message: "Not logged in." }] });
    await expect(auth.me()).resolves.toBeNull();
  });

  it("me() still fails on other errors", async () => {
    const { fake, auth } = setup();
    fake.replyJson(500, { errors: [{ message: "Boom." }] });
    await expect(auth.me()).rejects.toBeInstanceOf(ApiError);
  });

  it("login() posts the credentials", async () => {
    const { fake, auth } = setup();
    fake.replyJson(200, alice);
    await expect(auth.login("alice", "s3cret")).resolves.toEqual(alice);
    expect(fake.requests[0]).toMatchObject({
      method: "POST",
      url: "/api/auth/login",
      body: { username: "alice", password: "s3cret" },
      headers: { "X-CSRFToken": "t" },
    });
  });

  it("login() surfaces the rate-limit message", async () => {
    const { fake, auth } = setup();
    fake.replyJson(429, { errors: [{ message: "Too many attempts. Try again in a minute." }] });
    const error = (await auth.login("alice", "x").catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(429);
    expect(error.message).toBe("Too many attempts. Try again in a minute.");
  });

  it("register() sends the email only when given", async () => {
    const { fake, auth } = setup();
    fake.replyJson(201, alice).replyJson(201, alice);
    await auth.register("alice", "pw", "alice@example.com");
    await auth.register("alice", "pw");
    expect(fake.requests.map((r) => r.body)).toEqual([
      { username: "alice", password: "pw", email: "alice@example.com" },
      { username: "alice", password: "pw" },
    ]);
    expect(fake.requests[0]?.url).toBe("/api/auth/register");
  });

  it("logout() posts and resolves on 204", async () => {
    const { fake, auth } = setup();
    fake.replyJson(204);
    await expect(auth.logout()).resolves.toBeUndefined();
    expect(fake.requests[0]).toMatchObject({ method: "POST", url: "/api/auth/logout" });
  });
});

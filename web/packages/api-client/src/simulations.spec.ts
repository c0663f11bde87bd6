import { describe, expect, it } from "vitest";
import { ApiClient } from "./client";
import { ApiError } from "./errors";
import { timedClient } from "./fake-clock";
import {
  SimulationsApi,
  type Simulation,
  type SimulationAccepted,
  type SimulationStatus,
} from "./simulations";

// Unit spec with a scripted fetch and clock; the real server is exercised by the e2e tests.

function setup() {
  const { fake, clock, client } = timedClient();
  return {
    fake,
    clock,
    api: new SimulationsApi(client, { clock, baseUrl: "https://ohm.example" }),
  };
}

function simulation(status: SimulationStatus, extra: Partial<Simulation> = {}): Simulation {
  return {
    id: "abc",
    status,
    diagnostics: [],
    result: status === "succeeded" ? { plots: [] } : null,
    timings: {},
    created_at: "2025-01-01T00:00:00Z",
    started_at: null,
    finished_at: null,
    ...extra,
  };
}

describe("SimulationsApi requests", () => {
  it("submitNetlist() posts the text with the CSRF token", async () => {
    const { fake, api } = setup();
    fake.replyJson(202, { id: "abc", status: "queued", url: "/api/simulations/abc" });
    await expect(api.submitNetlist("rc\n.op\n.end\n")).resolves.toMatchObject({ id: "abc" });
    expect(fake.requests[0]).toMatchObject({
      method: "POST",
      url: "/api/simulations",
      body: { netlist: "rc\n.op\n.end\n" },
      headers: { "X-CSRFToken": "t", "Content-Type": "application/json" },
    });
  });

  it("submitSchematic() posts the schematic and analyses and returns netlist, warnings and names", async () => {
    const { fake, api } = setup();
    const accepted: SimulationAccepted = {
      id: "abc",
      status: "queued",
      url: "/api/simulations/abc",
      netlist: "t\nV1 _5V 0 dc 5\n.end\n",
      diagnostics: [{ severity: "warning", code: "x", message: "careful", component: "c1" }],
      nodes: { "+5V": "_5V", GND: "0" },
      elements: { c1: "V1" },
    };
    fake.replyJson(202, accepted);
    const schematic = { version: 1, components: [] };
    const answer = await api.submitSchematic(schematic, [{ type: "op" }]);
    expect(answer).toEqual(accepted);
    expect(answer.nodes?.["+5V"]).toBe("_5V");
    expect(fake.requests[0]).toMatchObject({
      method: "POST",
      url: "/api/simulations",
      body: { schematic, analyses: [{ type: "op" }] },
    });
  });

  it("get() builds the query string with repeated vectors", async () => {
    const { fake, api } = setup();
    fake.replyJson(200, simulation("running")).replyJson(200, simulation("running"));
    await api.get("abc", { wait: 10, points: 500, vectors: ["v(out)", "i(v1)"] });
    await api.get("abc");
    expect(fake.requests.map((r) => [r.method, r.url])).toEqual([
      ["GET", "/api/simulations/abc?wait=10&points=500&vector=v%28out%29&vector=i%28v1%29"],
      ["GET", "/api/simulations/abc"],
    ]);
    expect(fake.requests[0]?.headers["X-CSRFToken"]).toBeUndefined();
  });

  it("cancel() sends DELETE; a 409 is an ApiError", async () => {
    const { fake, api } = setup();
    fake.replyJson(200, simulation("cancelled"));
    fake.replyJson(409, { errors: [{ message: "The job already ended." }] });
    await expect(api.cancel("abc")).resolves.toMatchObject({ status: "cancelled" });
    const error = (await api.cancel("abc").catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(409);
    expect(fake.requests[0]).toMatchObject({
      method: "DELETE",
      url: "/api/simulations/abc",
      headers: { "X-CSRFToken": "t" },
    });
  });

  it("csvUrl() names the plot under the base URL", () => {
    const { api } = setup();
    expect(api.csvUrl("abc", "tran1")).toBe(
      "https://ohm.example/api/simulations/abc/data.csv?plot=tran1",
    );
  });

  it("netlist() posts to /api/netlist, with analyses only when given", async () => {
    const { fake, api } = setup();
    const names = { nodes: { GND: "0", out: "out" }, elements: { c4: "R1" } };
    fake.replyJson(200, { netlist: "x", diagnostics: [], ...names }).replyJson(200, {
      netlist: "y",
      diagnostics: [],
      ...names,
    });
    await expect(api.netlist({ a: 1 }, [{ type: "op" }])).resolves.toEqual({
      netlist: "x",
      diagnostics: [],
      ...names,
    });
    await api.netlist({ a: 1 });
    expect(fake.requests.map((r) => [r.url, r.body])).toEqual([
      ["/api/netlist", { schematic: { a: 1 }, analyses: [{ type: "op" }] }],
      ["/api/netlist", { schematic: { a: 1 } }],
    ]);
  });

  it("keeps the line numbers of a refused netlist", async () => {
    const { fake, api } = setup();
    fake.replyJson(400, { errors: [{ message: ".control is not allowed", line: 3 }] });
    const error = (await api
      .submitNetlist("t\nr1 1 0 1k\n.control\n")
      .catch((e: unknown) => e)) as ApiError;
    expect(error.errors).toEqual([{ message: ".control is not allowed", line: 3 }]);
  });
});

describe("SimulationsApi.waitUntilDone", () => {
  it("long-polls with wait=25 until a terminal status, reporting every state", async () => {
    const { fake, api } = setup();
    fake
      .replyJson(200, simulation("queued"))
      .replyJson(200, simulation("running"))
      .replyJson(200, simulation("succeeded", { nodes: { out: "out" }, elements: { c1: "V1" } }));
    const seen: string[] = [];
    const done = await api.waitUntilDone("abc", {
      onUpdate: (s) => seen.push(s.status),
      points: 800,
    });
    expect(done.status).toBe("succeeded");
    // A schematic's simulation keeps the netlist's names with its result.
    expect([done.nodes, done.elements]).toEqual([{ out: "out" }, { c1: "V1" }]);
    expect(seen).toEqual(["queued", "running", "succeeded"]);
    expect(fake.requests.map((r) => r.url)).toEqual(
      Array(3).fill("/api/simulations/abc?wait=25&points=800"),
    );
  });

  it.each(["failed", "cancelled"] as const)("stops at %s too", async (status) => {
    const { fake, api } = setup();
    fake.replyJson(200, simulation(status));
    await expect(api.waitUntilDone("abc")).resolves.toMatchObject({ status });
    expect(fake.requests).toHaveLength(1);
  });

  it("never busy-loops: polls answered early are spaced a second apart", async () => {
    const { fake, clock, api } = setup();
    clock.requestMs = 100; // e.g. a proxy that ignores ?wait
    fake.replyJson(200, simulation("running")).replyJson(200, simulation("succeeded"));
    await api.waitUntilDone("abc");
    expect(clock.sleeps).toEqual([900]);
  });

  it("does not sleep after a full-length long-poll", async () => {
    const { fake, clock, api } = setup();
    fake.replyJson(200, simulation("running")).replyJson(200, simulation("succeeded"));
    await api.waitUntilDone("abc");
    expect(clock.sleeps).toEqual([]);
  });

  it("rejects at once when aborted during a poll, and polls no more", async () => {
    const controller = new AbortController();
    let started!: () => void;
    const requestStarted = new Promise<void>((resolve) => (started = resolve));
    const hanging = new SimulationsApi(
      new ApiClient({
        fetch: () => {
          started();
          return new Promise<Response>(() => {});
        },
      }),
    );
    const waiting = hanging.waitUntilDone("abc", { signal: controller.signal });
    await requestStarted;
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: "AbortError" });
  });

  it("rejects without a request when the signal is already aborted", async () => {
    const { fake, api } = setup();
    const controller = new AbortController();
    controller.abort();
    await expect(api.waitUntilDone("abc", { signal: controller.signal })).rejects.toMatchObject({
      name: "AbortError",
    });
    expect(fake.requests).toHaveLength(0);
  });

  it("stops after an update when aborted from onUpdate", async () => {
    const { fake, api } = setup();
    const controller = new AbortController();
    fake.replyJson(200, simulation("running")).replyJson(200, simulation("succeeded"));
    const waiting = api.waitUntilDone("abc", {
      signal: controller.signal,
      onUpdate: () => controller.abort(),
    });
    await expect(waiting).rejects.toMatchObject({ name: "AbortError" });
    expect(fake.requests).toHaveLength(1);
  });

  it("retries network failures with back-off, then gives up", async () => {
    const { fake, clock, api } = setup();
    fake.failNetwork().replyJson(503, { errors: [{ message: "busy" }] });
    fake.replyJson(200, simulation("succeeded"));
    await expect(api.waitUntilDone("abc")).resolves.toMatchObject({ status: "succeeded" });
    expect(clock.sleeps).toEqual([2000, 4000]);

    fake.failNetwork().failNetwork().failNetwork().failNetwork();
    await expect(api.waitUntilDone("abc")).rejects.toMatchObject({ status: 0 });
  });

  it("does not retry other errors", async () => {
    const { fake, api } = setup();
    fake.replyJson(404, { errors: [{ message: "No such simulation." }] });
    await expect(api.waitUntilDone("abc")).rejects.toMatchObject({ status: 404 });
    expect(fake.requests).toHaveLength(1);
  });
});

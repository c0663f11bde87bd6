import { describe, expect, it } from "vitest";
import { ArduinoApi, type ArduinoBuild } from "./arduino";
import { ApiError } from "./errors";
import { timedClient } from "./fake-clock";
import type { SimulationStatus } from "./simulations";

// Unit spec with a scripted fetch and clock; the real server is exercised by the e2e tests.

function setup() {
  const { fake, clock, client } = timedClient();
  return { fake, clock, api: new ArduinoApi(client, { clock }) };
}

function build(status: SimulationStatus, extra: Partial<ArduinoBuild> = {}): ArduinoBuild {
  return {
    id: "b1",
    status,
    board: "uno",
    hex: status === "succeeded" ? ":00000001FF\n" : null,
    size: null,
    diagnostics: [],
    timings: {},
    created_at: "2026-01-01T00:00:00Z",
    started_at: null,
    finished_at: null,
    ...extra,
  };
}

describe("ArduinoApi requests", () => {
  it("build() posts board and sketch, and files only when there are some", async () => {
    const { fake, api } = setup();
    fake.replyJson(202, { id: "b1", status: "queued", url: "/api/arduino/builds/b1" });
    fake.replyJson(202, { id: "b2", status: "queued", url: "/api/arduino/builds/b2" });
    await expect(api.build("uno", "void setup(){}\nvoid loop(){}\n")).resolves.toMatchObject({
      id: "b1",
    });
    await api.build("nano", "x", { "pins.h": "#define LED 13\n" });
    expect(fake.requests.map((r) => [r.method, r.url, r.body])).toEqual([
      ["POST", "/api/arduino/builds", { board: "uno", sketch: "void setup(){}\nvoid loop(){}\n" }],
      [
        "POST",
        "/api/arduino/builds",
        { board: "nano", sketch: "x", files: { "pins.h": "#define LED 13\n" } },
      ],
    ]);
    expect(fake.requests[0]?.headers["X-CSRFToken"]).toBe("t");
  });

  it("boards() and libraries() read the public lists", async () => {
    const { fake, api } = setup();
    const uno = {
      id: "uno",
      name: "Arduino Uno",
      mcu: "atmega328p",
      f_cpu: 16e6,
      flash_max: 32256,
      ram_max: 2048,
    };
    fake.replyJson(200, [uno]);
    fake.replyJson(200, [
      { name: "Servo", version: "1.0", sentence: "", headers: ["Servo.h"], bundled: true },
    ]);
    await expect(api.boards()).resolves.toEqual([uno]);
    const libraries = await api.libraries();
    expect(libraries.map((l) => l.headers)).toEqual([["Servo.h"]]);
    expect(fake.requests.map((r) => r.url)).toEqual([
      "/api/arduino/boards",
      "/api/arduino/libraries",
    ]);
  });

  it("cancel() sends DELETE; a 409 is an ApiError", async () => {
    const { fake, api } = setup();
    fake.replyJson(409, { detail: "The build already ended." });
    const error = (await api.cancel("b/1").catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(409);
    expect(fake.requests[0]).toMatchObject({ method: "DELETE", url: "/api/arduino/builds/b%2F1" });
  });
});

describe("ArduinoApi.waitUntilDone", () => {
  it("long-polls with wait=25 until the build ends, reporting every state", async () => {
    const { fake, api } = setup();
    fake.replyJson(200, build("queued"));
    fake.replyJson(200, build("running"));
    fake.replyJson(
      200,
      build("succeeded", { size: { flash: 924, flash_max: 32256, ram: 9, ram_max: 2048 } }),
    );
    const seen: string[] = [];
    const done = await api.waitUntilDone("b1", { onUpdate: (b) => seen.push(b.status) });
    expect(done.hex).toBe(":00000001FF\n");
    expect(done.size?.flash).toBe(924);
    expect(seen).toEqual(["queued", "running", "succeeded"]);
    expect(fake.requests.map((r) => r.url)).toEqual(
      Array(3).fill("/api/arduino/builds/b1?wait=25"),
    );
  });

  it("returns a failed build with its diagnostics", async () => {
    const { fake, api } = setup();
    const diagnostic = {
      file: "sketch.ino",
      line: 2,
      column: 7,
      severity: "error",
      message: "'x' was not declared",
    };
    fake.replyJson(
      200,
      build("failed", { diagnostics: [diagnostic as ArduinoBuild["diagnostics"][0]] }),
    );
    const done = await api.waitUntilDone("b1");
    expect(done.status).toBe("failed");
    expect(done.diagnostics).toEqual([diagnostic]);
  });

  it("spaces early answers a second apart and retries gateway errors with back-off", async () => {
    const { fake, clock, api } = setup();
    clock.requestMs = 200;
    fake.replyJson(200, build("running"));
    fake.replyJson(502, { detail: "bad gateway" });
    fake.replyJson(200, build("succeeded"));
    await expect(api.waitUntilDone("b1")).resolves.toMatchObject({ status: "succeeded" });
    expect(clock.sleeps).toEqual([800, 2000]);
  });

  it("gives up after three failures in a row", async () => {
    const { fake, api } = setup();
    for (let i = 0; i < 4; i++) fake.replyJson(503, { detail: "unavailable" });
    const error = (await api.waitUntilDone("b1").catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(503);
    expect(fake.requests).toHaveLength(4);
  });

  it("rejects with the signal's reason once aborted", async () => {
    const { fake, api } = setup();
    const controller = new AbortController();
    fake.replyJson(200, build("running"));
    const waiting = api.waitUntilDone("b1", {
      signal: controller.signal,
      onUpdate: () => controller.abort(new Error("stopped")),
    });
    await expect(waiting).rejects.toThrow("stopped");
    expect(fake.requests).toHaveLength(1);
  });
});

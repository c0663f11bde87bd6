// @vitest-environment happy-dom
import type { ArduinoBuild, BuildWaitOptions } from "@ohmcloud/api-client";
import { AuthProvider, type AuthService } from "@ohmcloud/app-shell";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ArduinoApp, type BuildService } from "./ArduinoApp";
import type { FromWorker, ToWorker } from "./sim/protocol";
import type { WorkerLike } from "./sim/simulation-worker";
import { BLINK_SKETCH } from "./sketch/examples";

afterEach(cleanup);

// An anonymous visitor, a scripted build service and worker; the real server, compiler and Web
// Worker are exercised by e2e/arduino_app_test.py.
const anonymous: AuthService = {
  me: () => Promise.resolve(null),
  login: () => Promise.reject(new Error("not used")),
  register: () => Promise.reject(new Error("not used")),
  logout: () => Promise.resolve(),
};

class FakeBuilds implements BuildService {
  readonly requests: { board: string; sketch: string }[] = [];
  constructor(private readonly answer: Partial<ArduinoBuild>) {}
  build = (board: string, sketch: string) => {
    this.requests.push({ board, sketch });
    return Promise.resolve({ id: "b1", status: "queued" as const, url: "/api/arduino/builds/b1" });
  };
  waitUntilDone = (id: string, options?: BuildWaitOptions) => {
    void options;
    return Promise.resolve({
      id,
      status: "succeeded",
      board: "uno",
      hex: ":00000001FF\n",
      size: { flash: 924, flash_max: 32256, ram: 9, ram_max: 2048 },
      diagnostics: [],
      timings: {},
      created_at: "",
      started_at: null,
      finished_at: null,
      ...this.answer,
    } as ArduinoBuild);
  };
}

class FakeWorker implements WorkerLike {
  readonly sent: ToWorker[] = [];
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  terminated = false;
  postMessage(message: ToWorker) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  emit(message: FromWorker) {
    act(() => this.onmessage?.({ data: message } as MessageEvent<FromWorker>));
  }
}

function renderApp(builds: BuildService, worker = new FakeWorker()) {
  render(
    <AuthProvider auth={anonymous}>
      <ArduinoApp builds={builds} createWorker={() => worker} />
    </AuthProvider>,
  );
  return worker;
}

it("renders its title inside the shell with its navigation link current", async () => {
  renderApp(new FakeBuilds({}));
  expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Arduino simulator");
  expect(screen.getByTestId("nav-arduino").getAttribute("aria-current")).toBe("page");
  expect(screen.getByTestId("code-editor").textContent).toContain("pinMode(LED_BUILTIN, OUTPUT);");
  expect(await screen.findByTestId("login-open")).toBeTruthy();
});

describe("Run", () => {
  it("builds the editor's text, runs the HEX in the worker and shows pins, serial and size", async () => {
    const builds = new FakeBuilds({});
    const worker = renderApp(builds);
    fireEvent.click(screen.getByTestId("run"));
    await waitFor(() => expect(screen.getByTestId("run-status").textContent).toBe("Running"));
    expect(builds.requests).toEqual([{ board: "uno", sketch: BLINK_SKETCH }]);
    expect(worker.sent).toContainEqual({ type: "start", hex: ":00000001FF\n", board: "uno" });
    expect(screen.getByTestId("build-size").textContent).toBe(
      "Flash 924 of 32256 bytes (3 %), RAM 9 of 2048 bytes (0 %)",
    );

    const led = screen.getByTestId("led-d13") as HTMLElement & { value: boolean };
    const uno = screen.getByTestId("uno") as HTMLElement & { led13: boolean };
    expect(led.value).toBe(false);
    const bytes = Array.from(new TextEncoder().encode("hi\r\n"));
    worker.emit({
      type: "update",
      pins: [{ pin: 13, value: 1, duty: 1 }],
      serial: bytes,
      simulatedMs: 1500,
      speed: 0.99,
      baud: 9615,
    });
    expect([led.value, uno.led13]).toEqual([true, true]);
    expect(screen.getByTestId("serial-output").textContent).toBe("hi\n");
    expect(screen.getByTestId("serial-baud").textContent).toBe("9615 baud");
    expect(screen.getByTestId("sim-speed").textContent).toBe("1.5 s simulated, 99 % of real time");
    worker.emit({
      type: "update",
      pins: [{ pin: 13, value: 0, duty: 0 }],
      serial: [],
      simulatedMs: 2500,
      speed: 1,
      baud: 9615,
    });
    expect(led.value).toBe(false);
  });

  it("types the serial input with the chosen line ending, and pauses, resumes and stops", async () => {
    const worker = renderApp(new FakeBuilds({}));
    fireEvent.click(screen.getByTestId("run"));
    await waitFor(() => expect(screen.getByTestId("run-status").textContent).toBe("Running"));
    const input = screen.getByTestId("serial-input");
    fireEvent.change(input, { target: { value: "hello" } });
    fireEvent.submit(input);
    fireEvent.change(screen.getByLabelText("Line ending"), { target: { value: "crlf" } });
    fireEvent.change(input, { target: { value: "x" } });
    fireEvent.submit(input);
    expect(worker.sent.filter((m) => m.type === "serial")).toEqual([
      { type: "serial", text: "hello\n" },
      { type: "serial", text: "x\r\n" },
    ]);
    expect((input as HTMLInputElement).value).toBe("");

    fireEvent.click(screen.getByTestId("pause"));
    fireEvent.click(screen.getByTestId("resume"));
    fireEvent.click(screen.getByTestId("stop"));
    expect(worker.sent.slice(-3).map((m) => m.type)).toEqual(["pause", "resume", "stop"]);
    expect(screen.getByTestId("run-status").textContent).toBe("Stopped");
  });

  it("lists a failed build's problems and runs nothing", async () => {
    const diagnostics = [
      {
        file: "sketch.ino",
        line: 7,
        column: 3,
        severity: "error",
        message: "'foo' was not declared in this scope",
      },
      {
        file: null,
        line: null,
        column: null,
        severity: "error",
        message: "ld returned 1 exit status",
      },
    ] as ArduinoBuild["diagnostics"];
    const worker = renderApp(
      new FakeBuilds({ status: "failed", hex: null, size: null, diagnostics }),
    );
    fireEvent.click(screen.getByTestId("run"));
    await waitFor(() => expect(screen.getByTestId("run-status").textContent).toContain("failed"));
    const items = screen.getByTestId("problems").querySelectorAll("li");
    expect(Array.from(items, (li) => li.textContent)).toEqual([
      "errorsketch.ino:7:3'foo' was not declared in this scope",
      "errorld returned 1 exit status",
    ]);
    expect(worker.sent.some((m) => m.type === "start")).toBe(false);
  });
});

// @vitest-environment happy-dom
import type { ArduinoBuild, BuildWaitOptions } from "@ohmcloud/api-client";
import { AuthProvider, type AuthService } from "@ohmcloud/app-shell";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ArduinoApp, type BuildService } from "./ArduinoApp";
import type { FromWorker, ToWorker } from "./sim/protocol";
import type { WorkerLike } from "./sim/simulation-worker";
import { readAutosave, writeAutosave } from "./project/autosave";
import { DISCARD_QUESTION } from "./project/ProjectBar";
import { newProject, parseProject, serializeProject } from "./project/project-file";
import { BLINK_SKETCH, MAIN_TAB } from "./sketch/examples";
import { MemoryStorage } from "./test/memory-storage";

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

interface PageOptions {
  storage?: Storage;
  confirm?: (question: string) => boolean;
  download?: (name: string, text: string) => void;
}

function renderApp(builds: BuildService, worker = new FakeWorker(), options: PageOptions = {}) {
  render(
    <AuthProvider auth={anonymous}>
      <ArduinoApp
        builds={builds}
        createWorker={() => worker}
        storage={options.storage ?? new MemoryStorage()}
        confirm={options.confirm ?? (() => true)}
        download={options.download ?? (() => undefined)}
      />
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

describe("Serial monitor extras", () => {
  async function running() {
    const worker = renderApp(new FakeBuilds({}));
    fireEvent.click(screen.getByTestId("run"));
    await waitFor(() => expect(screen.getByTestId("run-status").textContent).toBe("Running"));
    return worker;
  }
  const update = (text: string, simulatedMs: number, baud = 9615): FromWorker => ({
    type: "update",
    pins: [],
    serial: Array.from(new TextEncoder().encode(text)),
    simulatedMs,
    speed: 1,
    baud,
  });

  it("shows each line's simulated time when timestamps are on", async () => {
    const worker = await running();
    worker.emit(update("a=1\n", 250));
    worker.emit(update("a=2\n", 1250));
    const output = screen.getByTestId("serial-output");
    expect(output.textContent).toBe("a=1\na=2\n");
    fireEvent.click(screen.getByTestId("serial-timestamps"));
    expect(output.textContent).toBe("00:00:00.250 -> a=1\n00:00:01.250 -> a=2\n");
  });

  it("warns of a baud mismatch and shows the output garbled, as real hardware would", async () => {
    const worker = await running();
    expect(screen.queryByTestId("baud-warning")).toBeNull();
    worker.emit(update("Hello world\n".repeat(3), 100, 115200));
    expect(screen.getByTestId("baud-warning").textContent).toContain("115200 baud");
    expect(screen.getByTestId("serial-output").textContent).toContain("\uFFFD");
    fireEvent.change(screen.getByTestId("monitor-baud"), { target: { value: "115200" } });
    expect(screen.queryByTestId("baud-warning")).toBeNull();
    fireEvent.click(screen.getByTestId("serial-clear"));
    worker.emit(update("Hello\n", 200, 115200));
    expect(screen.getByTestId("serial-output").textContent).toBe("Hello\n");
  });

  it("charts the numbers of each line in the plotter tab, one series per name", async () => {
    const worker = await running();
    worker.emit(update("temp:20,hum:40\ntemp:21", 100));
    worker.emit(update(",hum:41\n", 200));
    fireEvent.click(screen.getByTestId("serial-tab-plotter"));
    expect(screen.queryByTestId("serial-output")).toBeNull();
    expect(screen.getAllByTestId("plot-series").map((li) => li.textContent)).toEqual([
      "temp: 21",
      "hum: 41",
    ]);
  });
});

describe("Project files", () => {
  const edited = { ...newProject(), sketch: { [MAIN_TAB]: "// restored sketch\n" } };
  const editorText = () => screen.getByTestId("code-editor").textContent;

  function openFile(text: string, name = "p.json") {
    const input = screen.getByTestId("project-file");
    fireEvent.change(input, { target: { files: [new File([text], name)] } });
  }

  it("restores the autosaved project on load, unsaved changes included", () => {
    const storage = new MemoryStorage();
    writeAutosave(storage, edited, true);
    renderApp(new FakeBuilds({}), new FakeWorker(), { storage });
    expect(editorText()).toContain("// restored sketch");
    expect(screen.getByTestId("project-state").textContent).toContain("Unsaved");
  });

  it("Save downloads the project file and marks it saved, also in the autosave", () => {
    const storage = new MemoryStorage();
    writeAutosave(storage, edited, true);
    const saved: [string, string][] = [];
    renderApp(new FakeBuilds({}), new FakeWorker(), {
      storage,
      download: (name, text) => saved.push([name, text]),
    });
    fireEvent.click(screen.getByTestId("project-save"));
    expect(saved).toHaveLength(1);
    expect(saved[0]![0]).toBe("arduino-project.json");
    expect(parseProject(saved[0]![1])).toEqual(edited);
    expect(screen.getByTestId("project-state").textContent).toBe("Saved");
    expect(readAutosave(storage)).toEqual({ project: edited, unsaved: false });
  });

  it("New asks before discarding unsaved changes", () => {
    const storage = new MemoryStorage();
    writeAutosave(storage, edited, true);
    const questions: string[] = [];
    let answer = false;
    renderApp(new FakeBuilds({}), new FakeWorker(), {
      storage,
      confirm: (question) => (questions.push(question), answer),
    });
    fireEvent.click(screen.getByTestId("project-new"));
    expect(questions).toEqual([DISCARD_QUESTION]);
    expect(editorText()).toContain("// restored sketch");
    answer = true;
    fireEvent.click(screen.getByTestId("project-new"));
    expect(editorText()).toContain("pinMode(LED_BUILTIN, OUTPUT);");
    expect(screen.getByTestId("project-state").textContent).toBe("Saved");
    // Nothing unsaved now: New does not ask again.
    fireEvent.click(screen.getByTestId("project-new"));
    expect(questions).toHaveLength(2);
  });

  it("Open loads a project file and builds its sketch; a bad file shows why and changes nothing", async () => {
    const builds = new FakeBuilds({});
    renderApp(builds);
    openFile('{"format": "something-else"}', "bad.json");
    expect((await screen.findByTestId("project-error")).textContent).toBe(
      'Cannot open bad.json: Not an Arduino project: "format" must be "ohmcloud-arduino-project".',
    );
    expect(editorText()).toContain("pinMode(LED_BUILTIN, OUTPUT);");

    openFile(serializeProject(edited));
    await waitFor(() => expect(editorText()).toContain("// restored sketch"));
    expect(screen.queryByTestId("project-error")).toBeNull();
    fireEvent.click(screen.getByTestId("run"));
    await waitFor(() => expect(builds.requests).toHaveLength(1));
    expect(builds.requests[0]).toEqual({ board: "uno", sketch: "// restored sketch\n" });
  });
});

// @vitest-environment happy-dom
import type { ArduinoBuild, BuildWaitOptions } from "@ohmcloud/api-client";
import type { Circuit } from "@ohmcloud/avr-sim";
import { AuthProvider, type AuthService } from "@ohmcloud/app-shell";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ArduinoApp, type BuildService } from "./ArduinoApp";
import { exampleById } from "./examples/catalog";
import { misreceive } from "./serial/baud-mismatch";
import type { FromWorker, ToWorker, WorkerUpdate } from "./sim/protocol";
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
  readonly requests: { board: string; sketch: string; files: Record<string, string> }[] = [];
  constructor(private readonly answer: Partial<ArduinoBuild>) {}
  build = (board: string, sketch: string, files: Readonly<Record<string, string>> = {}) => {
    this.requests.push({ board, sketch, files: { ...files } });
    const id = `b${this.requests.length}`;
    return Promise.resolve({ id, status: "queued" as const, url: `/api/arduino/builds/${id}` });
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
  download?: (name: string, data: Blob | string) => void;
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

/** A worker update with defaults: nothing shown, nothing sent. */
function update(fields: Partial<WorkerUpdate>): FromWorker {
  return {
    type: "update",
    simulatedMs: 0,
    speed: 1,
    parts: {},
    serial: {},
    baud: {},
    warnings: [],
    traces: [],
    ...fields,
  };
}

const bytesOf = (text: string) => Array.from(new TextEncoder().encode(text));

function unoElement(id = "uno") {
  return screen.getByTestId(`part-${id}`).querySelector("wokwi-arduino-uno") as HTMLElement & {
    led13: boolean;
  };
}

async function startRun(builds = new FakeBuilds({}), worker = new FakeWorker()) {
  renderApp(builds, worker);
  fireEvent.click(screen.getByTestId("run"));
  await waitFor(() => expect(screen.getByTestId("run-status").textContent).toBe("Running"));
  return worker;
}

describe("Run", () => {
  it("builds the board's sketch, runs the circuit in the worker and shows parts, serial and size", async () => {
    const builds = new FakeBuilds({});
    const worker = await startRun(builds);
    expect(builds.requests).toEqual([{ board: "uno", sketch: BLINK_SKETCH, files: {} }]);
    const start = worker.sent.find((m) => m.type === "start");
    expect(start).toMatchObject({
      boards: { uno: { board: "uno", hex: ":00000001FF\n" } },
      circuit: { components: [{ id: "uno", kind: "uno" }], wires: [] },
      speed: 1,
      tracePins: [],
    });
    expect(screen.getByTestId("build-size").textContent).toBe(
      "Flash 924 of 32256 bytes (3 %), RAM 9 of 2048 bytes (0 %)",
    );

    expect(unoElement().led13).toBe(false);
    worker.emit(
      update({
        parts: { uno: { type: "board", led13: 1, tx: true, rx: false } },
        serial: { uno: bytesOf("hi\r\n") },
        baud: { uno: 9615 },
        simulatedMs: 1500,
        speed: 0.99,
      }),
    );
    expect(unoElement().led13).toBe(true);
    expect(screen.getByTestId("serial-output").textContent).toBe("hi\n");
    expect(screen.getByTestId("serial-baud").textContent).toBe("9615 baud");
    expect(screen.getByTestId("sim-speed").textContent).toBe("1.5 s simulated, 99 % of real time");
    worker.emit(update({ parts: { uno: { type: "board", led13: 0, tx: false, rx: false } } }));
    expect(unoElement().led13).toBe(false);
  });

  it("sends typed text to the board as bytes, garbled when the terminal's rate is wrong", async () => {
    const worker = await startRun();
    worker.emit(update({ baud: { uno: 9615 } }));
    const input = screen.getByTestId("serial-input");
    fireEvent.change(input, { target: { value: "hello" } });
    fireEvent.submit(input);
    fireEvent.change(screen.getByLabelText("Line ending"), { target: { value: "crlf" } });
    fireEvent.change(input, { target: { value: "x" } });
    fireEvent.submit(input);
    fireEvent.change(screen.getByTestId("monitor-baud"), { target: { value: "115200" } });
    fireEvent.change(input, { target: { value: "hello" } });
    fireEvent.submit(input);
    const sent = worker.sent.filter((m) => m.type === "serial");
    expect(sent.slice(0, 2)).toEqual([
      { type: "serial", board: "uno", bytes: bytesOf("hello\n") },
      { type: "serial", board: "uno", bytes: bytesOf("x\r\n") },
    ]);
    expect(sent[2]).toEqual({
      type: "serial",
      board: "uno",
      bytes: misreceive(bytesOf("hello\r\n"), 115200, 9615),
    });
    expect((input as HTMLInputElement).value).toBe("");
  });

  it("pauses, resumes and stops; speed and sound settings reach the worker and the toolbar", async () => {
    const worker = await startRun();
    fireEvent.change(screen.getByTestId("speed"), { target: { value: "max" } });
    expect(worker.sent.at(-1)).toEqual({ type: "speed", speed: null });
    fireEvent.change(screen.getByTestId("speed"), { target: { value: "0.5" } });
    expect(worker.sent.at(-1)).toEqual({ type: "speed", speed: 0.5 });
    fireEvent.click(screen.getByTestId("mute"));
    expect(screen.getByTestId("mute").getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(screen.getByTestId("pause"));
    fireEvent.click(screen.getByTestId("resume"));
    fireEvent.click(screen.getByTestId("stop"));
    expect(worker.sent.slice(-3).map((m) => m.type)).toEqual(["pause", "resume", "stop"]);
    expect(screen.getByTestId("run-status").textContent).toBe("Stopped");
    // The next run starts at the chosen speed.
    fireEvent.click(screen.getByTestId("run"));
    await waitFor(() => expect(worker.sent.filter((m) => m.type === "start")).toHaveLength(2));
    expect(worker.sent.filter((m) => m.type === "start").at(-1)).toMatchObject({ speed: 0.5 });
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
  const serialUpdate = (text: string, simulatedMs: number, baud = 9615): FromWorker =>
    update({ serial: { uno: bytesOf(text) }, baud: { uno: baud }, simulatedMs });

  it("shows each line's simulated time when timestamps are on", async () => {
    const worker = await startRun();
    worker.emit(serialUpdate("a=1\n", 250));
    worker.emit(serialUpdate("a=2\n", 1250));
    const output = screen.getByTestId("serial-output");
    expect(output.textContent).toBe("a=1\na=2\n");
    fireEvent.click(screen.getByTestId("serial-timestamps"));
    expect(output.textContent).toBe("00:00:00.250 -> a=1\n00:00:01.250 -> a=2\n");
  });

  it("warns of a baud mismatch and shows the output garbled, as real hardware would", async () => {
    const worker = await startRun();
    expect(screen.queryByTestId("baud-warning")).toBeNull();
    worker.emit(serialUpdate("Hello world\n".repeat(3), 100, 115200));
    expect(screen.getByTestId("baud-warning").textContent).toContain("115200 baud");
    expect(screen.getByTestId("serial-output").textContent).toContain("\uFFFD");
    fireEvent.change(screen.getByTestId("monitor-baud"), { target: { value: "115200" } });
    expect(screen.queryByTestId("baud-warning")).toBeNull();
    fireEvent.click(screen.getByTestId("serial-clear"));
    worker.emit(serialUpdate("Hello\n", 200, 115200));
    expect(screen.getByTestId("serial-output").textContent).toBe("Hello\n");
  });

  it("charts the numbers of each line in the plotter tab, one series per name", async () => {
    const worker = await startRun();
    worker.emit(serialUpdate("temp:20,hum:40\ntemp:21", 100));
    worker.emit(serialUpdate(",hum:41\n", 200));
    fireEvent.click(screen.getByTestId("serial-tab-plotter"));
    expect(screen.queryByTestId("serial-output")).toBeNull();
    expect(screen.getAllByTestId("plot-series").map((li) => li.textContent)).toEqual([
      "temp: 21",
      "hum: 41",
    ]);
  });
});

describe("Several boards", () => {
  it("a second Uno gets its own sketch tab; Run builds both and starts them together", async () => {
    const builds = new FakeBuilds({});
    const worker = renderApp(builds);
    fireEvent.click(screen.getByTestId("palette-uno"));
    const second = await screen.findByTestId("board-tab-uno1");
    expect(screen.getByTestId("board-tab-uno").getAttribute("aria-selected")).toBe("true");
    fireEvent.click(second);
    expect(second.getAttribute("aria-selected")).toBe("true");
    fireEvent.click(screen.getByTestId("run"));
    await waitFor(() => expect(screen.getByTestId("run-status").textContent).toBe("Running"));
    expect(builds.requests.map((r) => r.board)).toEqual(["uno", "uno"]);
    const start = worker.sent.find((m) => m.type === "start") as Extract<
      ToWorker,
      { type: "start" }
    >;
    expect(Object.keys(start.boards)).toEqual(["uno", "uno1"]);
    expect(start.circuit.components.map((c) => c.id)).toEqual(["uno", "uno1"]);

    worker.emit(
      update({
        parts: {
          uno: { type: "board", led13: 1, tx: false, rx: false },
          uno1: { type: "board", led13: 0, tx: false, rx: false },
        },
        serial: { uno: bytesOf("first\n"), uno1: bytesOf("second\n") },
      }),
    );
    expect([unoElement("uno").led13, unoElement("uno1").led13]).toEqual([true, false]);
    // The monitor shows the selected board's port.
    expect(screen.getByTestId("serial-board").textContent).toBe("uno1");
    expect(screen.getByTestId("serial-output").textContent).toBe("second\n");
    fireEvent.click(screen.getByTestId("board-tab-uno"));
    expect(screen.getByTestId("serial-output").textContent).toBe("first\n");
  });

  it("a workspace without a board says so instead of building", async () => {
    const builds = new FakeBuilds({});
    renderApp(builds);
    // Select the board (the stage sits at the origin in happy-dom) and delete it.
    const board = screen.getByTestId("part-uno").firstElementChild!;
    fireEvent.pointerDown(board, { clientX: 60, clientY: 60, button: 0, pointerId: 1 });
    fireEvent.pointerUp(board, { clientX: 60, clientY: 60, button: 0, pointerId: 1 });
    fireEvent.keyDown(screen.getByTestId("workspace-stage"), { key: "Delete" });
    expect(await screen.findByTestId("no-board")).toBeTruthy();
    fireEvent.click(screen.getByTestId("run"));
    await waitFor(() =>
      expect(screen.getByTestId("run-status").textContent).toContain("Add a board"),
    );
    expect(builds.requests).toEqual([]);
  });
});

describe("Examples", () => {
  it("opens an example (asking before discarding unsaved work) and runs its circuit", async () => {
    const builds = new FakeBuilds({});
    const questions: string[] = [];
    const storage = new MemoryStorage();
    writeAutosave(storage, { ...newProject(), sketch: { [MAIN_TAB]: "// mine\n" } }, true);
    const worker = new FakeWorker();
    renderApp(builds, worker, { storage, confirm: (q) => (questions.push(q), true) });
    fireEvent.click(screen.getByTestId("examples-menu"));
    fireEvent.click(await screen.findByTestId("example-traffic-lights"));
    expect(questions).toEqual([DISCARD_QUESTION]);
    const example = exampleById("traffic-lights")!.project;
    await waitFor(() =>
      expect(screen.getByTestId("code-editor").textContent).toContain(
        example.sketch[MAIN_TAB]!.split("\n")[0]!,
      ),
    );
    for (const component of example.circuit.components)
      expect(screen.getByTestId(`part-${component.id}`)).toBeTruthy();
    fireEvent.click(screen.getByTestId("run"));
    await waitFor(() => expect(screen.getByTestId("run-status").textContent).toBe("Running"));
    const start = worker.sent.find((m) => m.type === "start") as Extract<
      ToWorker,
      { type: "start" }
    >;
    // The same circuit, whatever the order the workspace lists it in.
    const sorted = (circuit: Circuit) => ({
      components: [...circuit.components].sort((a, b) => a.id.localeCompare(b.id)),
      wires: circuit.wires.map((wire) => [...wire].sort().join(" ")).sort(),
    });
    expect(sorted(start.circuit)).toEqual(sorted(example.circuit));
  });
});

describe("Pin traces", () => {
  it("traces a chosen pin from the next update on, and offers the VCD", async () => {
    const saved: [string, Blob | string][] = [];
    const worker = new FakeWorker();
    renderApp(new FakeBuilds({}), worker, { download: (name, data) => saved.push([name, data]) });
    fireEvent.click(screen.getByTestId("run"));
    await waitFor(() => expect(screen.getByTestId("run-status").textContent).toBe("Running"));
    fireEvent.change(screen.getByTestId("trace-add"), { target: { value: "uno.D13" } });
    expect(worker.sent.at(-1)).toEqual({ type: "trace", pins: ["uno.D13"] });
    worker.emit(
      update({
        simulatedMs: 2,
        traces: [
          {
            pin: "uno.D13",
            edges: [
              [0, 0],
              [1000, 1],
            ],
          },
        ],
      }),
    );
    expect(screen.getByTestId("trace-row-uno.D13")).toBeTruthy();
    fireEvent.click(screen.getByTestId("trace-export-vcd"));
    expect(saved[0]![0]).toMatch(/\.vcd$/);
    expect(saved[0]![1]).toContain("$var wire 1");
    expect(saved[0]![1]).toContain("#1000");
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
    const saved: [string, Blob | string][] = [];
    renderApp(new FakeBuilds({}), new FakeWorker(), {
      storage,
      download: (name, text) => saved.push([name, text]),
    });
    fireEvent.click(screen.getByTestId("project-save"));
    expect(saved).toHaveLength(1);
    expect(saved[0]![0]).toBe("arduino-project.json");
    expect(parseProject(String(saved[0]![1]))).toEqual(edited);
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
    expect(builds.requests[0]).toEqual({
      board: "uno",
      sketch: "// restored sketch\n",
      files: {},
    });
  });
});

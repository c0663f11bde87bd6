// @vitest-environment happy-dom
import type { PinRef } from "@ohmcloud/avr-sim";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { appendTraces, emptyTraceBuffer, type TraceBuffer } from "./trace-buffer";
import type { TracePinOption } from "./trace-pins";
import { TraceView, VCD_FILE_NAME } from "./TraceView";

afterEach(cleanup);

const PINS: TracePinOption[] = [
  { ref: "uno1.D13", label: "uno1 D13" },
  { ref: "uno1.D2", label: "uno1 D2" },
  { ref: "led1.A", label: "led1 anode" },
];

// D13 blinks, D2 floats then goes high; 3 ms simulated.
const RECORDED = appendTraces(
  emptyTraceBuffer(),
  [
    {
      pin: "uno1.D13",
      edges: [
        [0, 0],
        [1000, 1],
        [2000, 0],
      ],
    },
    {
      pin: "uno1.D2",
      edges: [
        [0, null],
        [1500, 1],
      ],
    },
  ],
  3000,
);

interface HarnessOptions {
  traced?: readonly PinRef[];
  buffer?: TraceBuffer;
  running?: boolean;
}

/** The page's part: it owns the traced pins and the recording. */
function setup(options: HarnessOptions = {}) {
  const changes: (readonly PinRef[])[] = [];
  const downloads: [string, string][] = [];
  let clears = 0;
  function Harness() {
    const [traced, setTraced] = useState<readonly PinRef[]>(options.traced ?? []);
    const [buffer, setBuffer] = useState(options.buffer ?? emptyTraceBuffer());
    const [running, setRunning] = useState(options.running ?? false);
    return (
      <>
        <button type="button" onClick={() => setRunning(!running)}>
          {running ? "Stop" : "Run"}
        </button>
        <TraceView
          pins={PINS}
          traced={traced}
          onTracedChange={(pins) => {
            changes.push(pins);
            setTraced(pins);
          }}
          buffer={buffer}
          running={running}
          download={(name, text) => downloads.push([name, text])}
          onClear={() => {
            clears++;
            setBuffer(emptyTraceBuffer());
          }}
        />
      </>
    );
  }
  render(<Harness />);
  return { changes, downloads, clears: () => clears };
}

const row = (pin: string) => screen.getByTestId(`trace-row-${pin}`);
const linePath = (pin: string) => row(pin).querySelector(".ar-trace-line")?.getAttribute("d") ?? "";
const plot = () => screen.getByRole("group", { name: /Waveform/ });

describe("TraceView", () => {
  it("explains itself before any pin is traced", () => {
    setup();
    expect(screen.getByTestId("trace-empty").textContent).toMatch(/Choose pins to trace/);
    expect(screen.getByTestId("trace-export-vcd")).toHaveProperty("disabled", true);
  });

  it("adds chosen pins, grouped by component, and removes them again", () => {
    const { changes } = setup();
    const chooser = screen.getByTestId("trace-add") as HTMLSelectElement;
    expect([...chooser.querySelectorAll("optgroup")].map((group) => group.label)).toEqual([
      "uno1",
      "led1",
    ]);

    fireEvent.change(chooser, { target: { value: "uno1.D13" } });
    fireEvent.change(chooser, { target: { value: "led1.A" } });
    expect(changes).toEqual([["uno1.D13"], ["uno1.D13", "led1.A"]]);
    expect(row("led1.A").textContent).toContain("led1 anode");
    // A traced pin is no longer offered.
    expect([...chooser.options].map((option) => option.value)).toEqual(["", "uno1.D2"]);

    fireEvent.click(screen.getByRole("button", { name: "Stop tracing uno1 D13" }));
    expect(changes.at(-1)).toEqual(["led1.A"]);
    expect(screen.queryByTestId("trace-row-uno1.D13")).toBeNull();
  });

  it("says how to start recording while nothing is recorded", () => {
    setup({ traced: ["uno1.D13"] });
    expect(screen.getByTestId("trace-cursor").textContent).toBe(
      "Run the sketch to record these pins.",
    );
    cleanup();
    setup({ traced: ["uno1.D13"], running: true });
    expect(screen.getByTestId("trace-cursor").textContent).toMatch(/waiting for the first change/);
  });

  it("draws a row per traced pin from the recorded edges", () => {
    setup({ traced: ["uno1.D13", "uno1.D2", "led1.A"], buffer: RECORDED });
    // 3 ms over the 600 px the view uses before layout: 200 px per ms; high y=5, low y=23.
    expect(linePath("uno1.D13")).toBe("M0 23H200M200 23V5H400M400 5V23H600");
    expect(row("uno1.D2").querySelector(".ar-trace-floating")?.getAttribute("d")).toBe("M0 14H300");
    expect(linePath("uno1.D2")).toBe("M300 14V5H600");
    // led1.A was never recorded: unknown all along.
    expect(row("led1.A").querySelector(".ar-trace-unknown")?.getAttribute("d")).toBe(
      "M0 5H600V23H0Z",
    );
    // Without a cursor each row reads its latest level.
    expect(within(row("uno1.D13")).getByText("LOW")).toBeTruthy();
    expect(within(row("uno1.D2")).getByText("HIGH")).toBeTruthy();
    expect(within(row("led1.A")).getByText("unknown")).toBeTruthy();
    // The axis is labelled in SI units.
    expect(screen.getByText("1.5 ms")).toBeTruthy();
  });

  it("reads out the time and levels under the cursor", () => {
    setup({ traced: ["uno1.D13", "uno1.D2"], buffer: RECORDED });
    fireEvent.pointerMove(plot(), { clientX: 250 }); // 1.25 ms
    expect(screen.getByTestId("trace-cursor").textContent).toBe("at 1.250 ms");
    expect(within(row("uno1.D13")).getByText("HIGH")).toBeTruthy();
    expect(within(row("uno1.D2")).getByText("floating")).toBeTruthy();
    expect(row("uno1.D13").querySelector(".ar-trace-cursor")?.getAttribute("x1")).toBe("250");

    fireEvent.pointerLeave(plot());
    expect(screen.getByTestId("trace-cursor").textContent).toMatch(/^Hover to read levels/);
    expect(row("uno1.D13").querySelector(".ar-trace-cursor")).toBeNull();
  });

  it("zooms and pans from the keyboard while running, and follows live again", () => {
    setup({ traced: ["uno1.D13"], buffer: RECORDED, running: true });
    const live = screen.getByRole("button", { name: "Live" });
    fireEvent.keyDown(plot(), { key: "+" }); // 3 ms / 1.5 = the last 2 ms, still live
    expect(linePath("uno1.D13")).toBe("M0 5H300M300 5V23H600");
    expect(live.getAttribute("aria-pressed")).toBe("true");

    fireEvent.keyDown(plot(), { key: "ArrowLeft" }); // 0.4 ms earlier: 0.6 .. 2.6 ms
    expect(linePath("uno1.D13")).toBe("M0 23H120M120 23V5H420M420 5V23H600");
    expect(live.getAttribute("aria-pressed")).toBe("false");

    fireEvent.keyDown(plot(), { key: "l" });
    expect(linePath("uno1.D13")).toBe("M0 5H300M300 5V23H600");
    fireEvent.keyDown(plot(), { key: "0" });
    expect(linePath("uno1.D13")).toBe("M0 23H200M200 23V5H400M400 5V23H600");
  });

  it("zooms at the view's middle once stopped, and shows everything again on the next run", () => {
    setup({ traced: ["uno1.D13"], buffer: RECORDED });
    fireEvent.keyDown(plot(), { key: "+" }); // 2 ms around 1.5 ms: 0.5 .. 2.5 ms
    expect(linePath("uno1.D13")).toBe("M0 23H150M150 23V5H450M450 5V23H600");
    expect(screen.getByRole("button", { name: "Live" }).getAttribute("aria-pressed")).toBe("false");

    fireEvent.click(screen.getByRole("button", { name: "Run" })); // a new run shows it all, live
    expect(linePath("uno1.D13")).toBe("M0 23H200M200 23V5H400M400 5V23H600");
    expect(screen.getByRole("button", { name: "Live" }).getAttribute("aria-pressed")).toBe("true");
  });

  it("pans by dragging and zooms with the wheel at the mouse", () => {
    setup({ traced: ["uno1.D13"], buffer: RECORDED });
    fireEvent.pointerDown(plot(), { clientX: 300, button: 0, pointerId: 1 });
    fireEvent.pointerMove(plot(), { clientX: 240, pointerId: 1 }); // 60 px left = 0.3 ms later
    fireEvent.pointerUp(plot(), { pointerId: 1 });
    // 0.3 .. 3.3 ms, D13 staying low after the last change
    expect(linePath("uno1.D13")).toBe("M0 23H140M140 23V5H340M340 5V23H600");
    expect(screen.getByRole("button", { name: "Live" }).getAttribute("aria-pressed")).toBe("false");

    // happy-dom's WheelEvent lacks the MouseEvent fields a browser's has, so clientX is set here.
    const wheel = new WheelEvent("wheel", { deltaY: -100, bubbles: true, cancelable: true });
    Object.defineProperty(wheel, "clientX", { value: 200 });
    act(() => void plot().dispatchEvent(wheel)); // zoom in at 1.3 ms
    expect(wheel.defaultPrevented).toBe(true); // the page does not scroll
    // 2 ms shown with 1.3 ms still 200 px in: 0.633 .. 2.633 ms
    expect(linePath("uno1.D13")).toBe("M0 23H110M110 23V5H410M410 5V23H600");
  });

  it("exports the traced pins as VCD", () => {
    const { downloads } = setup({ traced: ["uno1.D2", "uno1.D13"], buffer: RECORDED });
    fireEvent.click(screen.getByTestId("trace-export-vcd"));
    expect(downloads).toHaveLength(1);
    const [name, text] = downloads[0]!;
    expect(name).toBe(VCD_FILE_NAME);
    expect(text).toMatch(/^\$date \S+ \$end\n/);
    expect(text.slice(text.indexOf("$timescale"))).toBe(
      [
        "$timescale 1 us $end",
        "$scope module circuit $end",
        "$var wire 1 ! uno1.D2 $end",
        '$var wire 1 " uno1.D13 $end',
        "$upscope $end",
        "$enddefinitions $end",
        "#0",
        "$dumpvars",
        "z!",
        '0"',
        "$end",
        "#1000",
        '1"',
        "#1500",
        "1!",
        "#2000",
        '0"',
        "#3000",
        "",
      ].join("\n"),
    );
  });

  it("clears the recording", () => {
    const result = setup({ traced: ["uno1.D13"], buffer: RECORDED });
    const clear = screen.getByRole("button", { name: "Clear" });
    act(() => clear.click());
    expect(result.clears()).toBe(1);
    expect(clear).toHaveProperty("disabled", true);
    expect(linePath("uno1.D13")).toBe("");
    expect(screen.getByTestId("trace-export-vcd")).toHaveProperty("disabled", true);
  });
});

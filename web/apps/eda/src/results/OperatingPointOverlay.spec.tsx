// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { OpAnnotation } from "./annotations";
import { CURRENT_COLOUR, OperatingPointOverlay, VOLTAGE_COLOUR } from "./OperatingPointOverlay";

const annotations: OpAnnotation[] = [
  {
    kind: "voltage",
    net: "out",
    vector: "v(out)",
    value: 7.5,
    text: "7.5 V",
    at: [2148, 2035],
    anchor: "start",
  },
  {
    kind: "current",
    componentId: "c1",
    reference: "V1",
    vector: "i(v1)",
    value: -0.0025,
    text: "-2.5 mA",
    at: [870, 2017],
    anchor: "end",
  },
];

function renderOverlay(stale?: boolean) {
  return render(
    <svg>
      <OperatingPointOverlay
        annotations={annotations}
        {...(stale === undefined ? {} : { stale })}
      />
    </svg>,
  );
}

afterEach(cleanup);

describe("OperatingPointOverlay", () => {
  it("draws each annotation as sheet text where the annotations put it", () => {
    renderOverlay();
    const [voltage, current] = screen.getAllByTestId("op-annotation");
    expect(voltage?.getAttribute("data-net")).toBe("out");
    expect(voltage?.getAttribute("data-reference")).toBeNull();
    expect([voltage?.getAttribute("x"), voltage?.getAttribute("y")]).toEqual(["2148", "2035"]);
    expect(voltage?.getAttribute("text-anchor")).toBe("start");
    expect(voltage?.getAttribute("fill")).toBe(VOLTAGE_COLOUR);
    expect(voltage?.textContent).toContain("7.5 V");

    expect(current?.getAttribute("data-reference")).toBe("V1");
    expect(current?.getAttribute("data-vector")).toBe("i(v1)");
    expect(current?.getAttribute("text-anchor")).toBe("end");
    expect(current?.getAttribute("fill")).toBe(CURRENT_COLOUR);
    expect(current?.textContent).toContain("-2.5 mA");
  });

  it("sizes the text like the labels and lets clicks through to the canvas", () => {
    renderOverlay();
    const group = screen.getByTestId("op-overlay");
    expect(Number(group.getAttribute("font-size"))).toBeGreaterThanOrEqual(50);
    expect(Number(group.getAttribute("font-size"))).toBeLessThanOrEqual(60);
    expect(group.getAttribute("pointer-events")).toBe("none");
  });

  it("gives the exact value in a tooltip", () => {
    renderOverlay();
    const titles = [...document.querySelectorAll("[data-testid=op-annotation] title")];
    expect(titles.map((t) => t.textContent)).toEqual([
      "net out: v(out) = 7.5 V",
      "V1: i(v1) = -0.0025 A",
    ]);
  });

  it("fades values that the schematic has changed under", () => {
    renderOverlay(true);
    const group = screen.getByTestId("op-overlay");
    expect(group.getAttribute("data-stale")).toBe("true");
    expect(Number(group.getAttribute("opacity"))).toBeLessThan(1);
    expect(group.querySelector("title")?.textContent).toContain("before the last change");
    cleanup();
    renderOverlay();
    expect(screen.getByTestId("op-overlay").getAttribute("opacity")).toBeNull();
  });
});

// @vitest-environment happy-dom
import { placedPins, type Rotation } from "@ohmcloud/canvas";
import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { symbolPinsOf } from "./library";
import { arcPath, SymbolRenderer } from "./SymbolRenderer";
import { RESISTOR } from "./test-symbols";

afterEach(cleanup);

/** Applies an SVG `matrix(a b c d e f)` transform to a point. */
function applyTransform(transform: string, [x, y]: [number, number]): [number, number] {
  const numbers = /matrix\(([^)]*)\)/.exec(transform)?.[1]?.trim().split(/\s+/).map(Number) ?? [];
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = numbers;
  return [a * x + c * y + e, b * x + d * y + f];
}

function draw(rotation: Rotation, mirror: "none" | "x" | "y" = "none") {
  return render(
    <svg>
      <SymbolRenderer
        geometry={RESISTOR.geometry}
        placed={{ position: [1000, 1000], rotation, mirror, reference: "R1", value: "4k7" }}
      />
    </svg>,
  ).container;
}

describe("SymbolRenderer", () => {
  it("draws the resistor body, both pins as lines and the reference and value", () => {
    const container = draw(0);
    expect(container.querySelectorAll('[data-role="rectangle"]')).toHaveLength(1);
    const pins = container.querySelectorAll('line[data-role="pin"]');
    expect([...pins].map((line) => line.getAttribute("data-pin"))).toEqual(["1", "2"]);
    expect(container.querySelector('[data-role="reference"]')?.textContent).toBe("R1");
    expect(container.querySelector('[data-role="value"]')?.textContent).toBe("4k7");
    // Pin numbers are visible for this symbol, pin names ("~") are not.
    expect(container.querySelectorAll('[data-role="pin-number"]')).toHaveLength(2);
    expect(container.querySelectorAll('[data-role="pin-name"]')).toHaveLength(0);
  });

  it.each([
    [0, "none"],
    [90, "none"],
    [180, "none"],
    [270, "none"],
    [90, "x"],
    [270, "y"],
  ] as const)("puts the pins where the core does (rotation %i, mirror %s)", (rotation, mirror) => {
    const container = draw(rotation, mirror);
    const transform =
      container.querySelector('[data-role="body"]')?.getAttribute("transform") ?? "";
    const expected = placedPins(
      { id: "r", symbol: "Device:R", reference: "R1", position: [1000, 1000], rotation, mirror },
      symbolPinsOf(RESISTOR),
    );
    for (const { pin, position } of expected) {
      const line = container.querySelector(`line[data-pin="${pin.number}"]`);
      const at = applyTransform(transform, [
        Number(line?.getAttribute("x1")),
        Number(line?.getAttribute("y1")),
      ]);
      expect(at.map((v) => v + 0)).toEqual([...position]);
    }
  });

  it("turns pin 1 to the left at rotation 90 (docs/formats/schematic.md worked example)", () => {
    const container = draw(90);
    const transform =
      container.querySelector('[data-role="body"]')?.getAttribute("transform") ?? "";
    expect(applyTransform(transform, [0, 150])).toEqual([850, 1000]);
  });

  it("draws arcs through their middle point", () => {
    // A half circle from (100, 0) through (0, 100) to (-100, 0): counter-clockwise, not large.
    expect(arcPath([100, 0], [0, 100], [-100, 0])).toBe("M 100 0 A 100 100 0 0 1 -100 0");
    expect(arcPath([100, 0], [0, -100], [-100, 0])).toBe("M 100 0 A 100 100 0 0 0 -100 0");
  });
});

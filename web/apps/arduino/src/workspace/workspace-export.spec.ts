// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import {
  fitSvg,
  pointsBox,
  svgSize,
  unionBox,
  partScope,
  scopeSelectors,
  workspaceSvg,
  xmlEntities,
} from "./workspace-export";

const LED_MARKUP =
  '<svg xmlns="http://www.w3.org/2000/svg" width="40px" height="50px" viewBox="-10 -5 35.456 39.618"><circle cx="1" cy="2" r="3" fill="red"/></svg>';

describe("workspaceSvg", () => {
  const svg = workspaceSvg(
    [
      { id: "led1", markup: LED_MARKUP, width: 40, height: 50, transform: "translate(100 60)" },
      {
        id: "bb1",
        markup: '<svg viewBox="0 0 10 10" width="2in" height="1in" style="left: 3px"><rect/></svg>',
        width: 300,
        height: 200,
        transform: "translate(0 0) rotate(90 150 100)",
      },
    ],
    [
      {
        id: "w1",
        points: [
          { x: 10, y: 10 },
          { x: 10.123, y: 40 },
          { x: 90, y: 40 },
        ],
        color: "green",
      },
    ],
    { x: 0, y: 0, width: 300, height: 200 },
  );

  it("is an SVG document with every part at its place and size, and the wires", () => {
    const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
    const root = doc.documentElement;
    expect(root.tagName.toLowerCase()).toBe("svg");
    expect(root.getAttribute("viewBox")).toBe("-20 -20 340 240");
    const led = doc.querySelector('[data-part="led1"]')!;
    expect(led.getAttribute("transform")).toBe("translate(100 60)");
    const ledSvg = led.querySelector("svg")!;
    expect(ledSvg.getAttribute("width")).toBe("40");
    expect(ledSvg.getAttribute("viewBox")).toBe("-10 -5 35.456 39.618");
    expect(ledSvg.querySelector("circle")?.getAttribute("fill")).toBe("red");
    const board = doc.querySelector('[data-part="bb1"] svg')!;
    expect([board.getAttribute("width"), board.getAttribute("height")]).toEqual(["300", "200"]);
    expect(board.getAttribute("style")).toBeNull();
    const wire = doc.querySelector('[data-wire="w1"]')!;
    expect(wire.getAttribute("points")).toBe("10,10 10.12,40 90,40");
    expect(wire.getAttribute("stroke")).toBe("green");
  });

  it("declares its size for rasterising", () => {
    expect(svgSize(svg)).toEqual({ width: 340, height: 240 });
  });
});

describe("fitSvg", () => {
  it("replaces the element's own size and keeps self-closing roots valid", () => {
    expect(fitSvg('<svg width="1mm" height="2mm" viewBox="0 0 1 2"/>', 4, 8)).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 2" width="4" height="8"/>',
    );
  });

  it("turns HTML entities into XML character references", () => {
    expect(fitSvg('<svg viewBox="0 0 1 1"><text>&nbsp;&amp;&bogus;</text></svg>', 1, 1)).toContain(
      "<text>&#160;&amp;?</text>",
    );
    expect(xmlEntities("a &lt; b &deg;")).toBe("a &lt; b &#176;");
  });

  it("refuses markup that is not an SVG element", () => {
    expect(() => fitSvg("<div></div>", 1, 1)).toThrow(/svg/);
  });
});

describe("boxes", () => {
  it("unites part boxes and wire points", () => {
    const wire = pointsBox([
      { x: -5, y: 3 },
      { x: 7, y: 90 },
    ])!;
    expect(unionBox([{ x: 0, y: 0, width: 10, height: 10 }, wire])).toEqual({
      x: -5,
      y: 0,
      width: 15,
      height: 90,
    });
    expect(unionBox([])).toBeNull();
  });
});

describe("scopeSelectors", () => {
  const scope = partScope("uno1");

  it("keeps an element's shadow styles inside its part", () => {
    expect(scopeSelectors("text", scope)).toBe('[data-part="uno1"] text');
    expect(scopeSelectors("circle[tabindex]:hover, circle[tabindex]:focus", scope)).toBe(
      '[data-part="uno1"] circle[tabindex]:hover, [data-part="uno1"] circle[tabindex]:focus',
    );
    expect(scopeSelectors(":host", scope)).toBe('[data-part="uno1"]');
    expect(scopeSelectors(":host(.on) svg", scope)).toBe('[data-part="uno1"].on svg');
  });

  it("puts the style sheet in the part's group, safe as XML", () => {
    const svg = workspaceSvg(
      [
        {
          id: "uno1",
          markup: LED_MARKUP,
          width: 1,
          height: 1,
          transform: "",
          css: "a > b { x: 1 }",
        },
      ],
      [],
      { x: 0, y: 0, width: 1, height: 1 },
    );
    const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
    expect(doc.querySelector('[data-part="uno1"] style')?.textContent?.trim()).toBe(
      "a > b { x: 1 }",
    );
  });
});

// @vitest-environment happy-dom
import { Scene } from "@ohmcloud/canvas";
import { cleanup, render, screen } from "@testing-library/react";
import { createElement } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { EXAMPLES } from "./documents";
import { EditorStore } from "./editor-store";
import { SymbolStore } from "./library";
import {
  blackOnWhite,
  installPrintSheet,
  isLight,
  pageRule,
  printableSheet,
  type PrintableSheet,
} from "./print";
import { SchematicCanvas } from "./SchematicCanvas";
import { TEST_SYMBOLS } from "./test-symbols";

afterEach(cleanup);

const SVG_NS = "http://www.w3.org/2000/svg";

/** A small standalone sheet: a light sheet rectangle, a green wire and dark text. */
function sheet(overrides: Partial<PrintableSheet> = {}): PrintableSheet {
  return {
    text:
      `<svg xmlns="${SVG_NS}" viewBox="0 0 11693 8268" width="297.0mm" height="210.0mm">` +
      `<rect width="11693" height="8268" fill="#fffdf7"/>` +
      `<polyline points="0,0 100,0" fill="none" stroke="#008400"/>` +
      `<g fill="#8b1a1a"><text x="10" y="10">Title</text></g></svg>`,
    width: 11693,
    height: 8268,
    size: "A4",
    orientation: "landscape",
    ...overrides,
  };
}

function printed(): { element: HTMLElement | null; style: HTMLStyleElement | null } {
  return {
    element: document.body.querySelector<HTMLElement>(".oc-print-sheet"),
    style: document.head.querySelector<HTMLStyleElement>("style[data-print-sheet]"),
  };
}

describe("installPrintSheet", () => {
  it("adds the sheet and an @page rule before printing and removes both after", () => {
    const uninstall = installPrintSheet(() => sheet());
    expect(printed()).toEqual({ element: null, style: null });

    window.dispatchEvent(new Event("beforeprint"));
    const { element, style } = printed();
    expect(style?.textContent).toBe("@page { size: A4 landscape; margin: 10mm; }");
    expect(element?.parentElement).toBe(document.body);
    const svg = element?.querySelector("svg");
    expect(svg?.getAttribute("viewBox")).toBe("0 0 11693 8268");
    expect(element?.textContent).toContain("Title");

    window.dispatchEvent(new Event("afterprint"));
    expect(printed()).toEqual({ element: null, style: null });
    uninstall();
  });

  it("fits the whole sheet into the paper inside its margins, aspect kept", () => {
    const uninstall = installPrintSheet(() =>
      sheet({ width: 11693, height: 16535, size: "A3", orientation: "portrait" }),
    );
    window.dispatchEvent(new Event("beforeprint"));
    const { element, style } = printed();
    expect(style?.textContent).toBe("@page { size: A3 portrait; margin: 10mm; }");
    expect([element?.style.width, element?.style.height]).toEqual(["277mm", "400mm"]);
    const svg = element?.querySelector("svg");
    expect([svg?.getAttribute("width"), svg?.getAttribute("height")]).toEqual(["100%", "100%"]);
    expect(svg?.getAttribute("preserveAspectRatio")).toBe("xMidYMid meet");
    uninstall();
  });

  it("prints black on white", () => {
    const uninstall = installPrintSheet(() => sheet());
    window.dispatchEvent(new Event("beforeprint"));
    const svg = printed().element?.querySelector("svg");
    expect(svg?.querySelector("rect")?.getAttribute("fill")).toBe("#fff");
    expect(svg?.querySelector("polyline")?.getAttribute("stroke")).toBe("#000");
    expect(svg?.querySelector("polyline")?.getAttribute("fill")).toBe("none");
    expect(svg?.querySelector("g")?.getAttribute("fill")).toBe("#000");
    uninstall();
  });

  it("adds nothing when there is no sheet yet, so the page prints as it is", () => {
    const source = vi.fn((): PrintableSheet | undefined => undefined);
    const uninstall = installPrintSheet(source);
    window.dispatchEvent(new Event("beforeprint"));
    expect(source).toHaveBeenCalledOnce();
    expect(printed()).toEqual({ element: null, style: null });
    uninstall();
  });

  it("keeps one copy when printing starts twice, and the uninstaller cleans up and stops listening", () => {
    const source = vi.fn(() => sheet());
    const uninstall = installPrintSheet(source);
    window.dispatchEvent(new Event("beforeprint"));
    window.dispatchEvent(new Event("beforeprint"));
    expect(document.querySelectorAll(".oc-print-sheet")).toHaveLength(1);
    expect(document.querySelectorAll("style[data-print-sheet]")).toHaveLength(1);

    uninstall();
    expect(printed()).toEqual({ element: null, style: null });
    window.dispatchEvent(new Event("beforeprint"));
    expect(source).toHaveBeenCalledTimes(2);
    expect(printed()).toEqual({ element: null, style: null });
  });

  it("prints the canvas's whole sheet with its title block, not the view", () => {
    const example = EXAMPLES.find((e) => e.slug === "voltage-divider");
    if (example === undefined) throw new Error("the voltage divider example is missing");
    const symbols = new SymbolStore(undefined, TEST_SYMBOLS);
    const store = new EditorStore(Scene.from(example.file.schematic), symbols.lookup);
    render(createElement(SchematicCanvas, { store, symbols, onPlacingChange: () => {} }));
    const canvas = screen.getByTestId("schematic-canvas") as unknown as SVGSVGElement;

    const uninstall = installPrintSheet(() => printableSheet(canvas, store.scene.schematic));
    window.dispatchEvent(new Event("beforeprint"));
    const svg = printed().element?.querySelector("svg");
    expect(svg?.getAttribute("viewBox")).toBe("0 0 11693 8268");
    expect(svg?.querySelector("[data-export-root]")?.hasAttribute("transform")).toBe(false);
    expect(svg?.querySelector('[data-role="title-block"]')?.textContent).toContain(
      "Voltage divider",
    );
    expect(svg?.querySelector('[data-testid="wire-w2"]')?.getAttribute("stroke")).toBe("#000");
    expect(svg?.querySelector('[data-role="sheet-border"]')?.getAttribute("stroke")).toBe("#000");
    uninstall();
  });
});

describe("printableSheet", () => {
  it("is undefined before the canvas is drawn", () => {
    expect(
      printableSheet(null, Scene.from({ format: "ohmcloud-schematic", version: 1 }).schematic),
    ).toBe(undefined);
  });
});

describe("pageRule", () => {
  it("names the paper the format names, else gives its size in millimetres", () => {
    expect(pageRule(sheet({ size: "A5", orientation: "portrait" }))).toBe(
      "@page { size: A5 portrait; margin: 10mm; }",
    );
    expect(pageRule(sheet({ size: "Letter; color: red" }))).toBe(
      "@page { size: 297mm 210mm; margin: 10mm; }",
    );
  });
});

describe("blackOnWhite", () => {
  it("turns dark colours black and light ones white, and leaves none and references", () => {
    const svg = document.createElementNS(SVG_NS, "svg");
    const items = ["#ffffc2", "#1565c0", "#fff", "black", "none", "url(#grid)"].map((fill) => {
      const rect = document.createElementNS(SVG_NS, "rect");
      rect.setAttribute("fill", fill);
      svg.append(rect);
      return rect;
    });
    blackOnWhite(svg);
    expect(items.map((item) => item.getAttribute("fill"))).toEqual([
      "#fff",
      "#000",
      "#fff",
      "#000",
      "none",
      "url(#grid)",
    ]);
  });

  it("reads hex colours by their luminance", () => {
    expect([isLight("#FFF"), isLight("#777"), isLight("#9e9e9e"), isLight("#eceff1")]).toEqual([
      true,
      false,
      false,
      true,
    ]);
    expect(isLight("currentColor")).toBe(undefined);
  });
});

/**
 * Printing (and so "Save as PDF") the schematic: the whole sheet with its title block on one page of the
 * sheet's size, whatever part of it the canvas shows. The page cannot print the canvas itself (it is panned
 * and zoomed, and framed by panels), so just before printing a print-only copy of the sheet goes into the
 * document with an `@page` rule of the sheet's size; editor.css hides everything else in print.
 */
import type { Schematic } from "@ohmcloud/canvas";
import { sheetSvg } from "./documents";
import { sheetSize } from "./sheet";

/** The sheet to print: standalone SVG text of `width` × `height` mils, and the format's sheet size. */
export interface PrintableSheet {
  readonly text: string;
  readonly width: number;
  readonly height: number;
  /** `A1` … `A5`. */
  readonly size: string;
  /** `landscape` or `portrait`. */
  readonly orientation: string;
}

/** The class of the print-only element (editor.css shows it, and only it, in print). */
export const PRINT_SHEET_CLASS = "oc-print-sheet";

/** Paper margin: printers cannot print to the edge. */
const MARGIN_MM = 10;
const MM_PER_MIL = 0.0254;

/** The canvas's sheet, ready to print; undefined before the canvas is drawn. */
export function printableSheet(
  svg: SVGSVGElement | null,
  schematic: Schematic,
): PrintableSheet | undefined {
  if (svg === null) return undefined;
  const { width, height } = sheetSize(schematic);
  return {
    text: sheetSvg(svg, width, height),
    width,
    height,
    size: schematic.sheet?.size ?? "A4",
    orientation: schematic.sheet?.orientation ?? "landscape",
  };
}

/**
 * Puts the sheet from `source` into the document on `beforeprint` and takes it out on `afterprint`;
 * returns the uninstaller. When `source` has nothing, nothing is added and the page prints as it is.
 */
export function installPrintSheet(
  source: () => PrintableSheet | undefined,
  target: Window = window,
): () => void {
  let inserted: readonly Element[] = [];
  const remove = (): void => {
    for (const element of inserted) element.remove();
    inserted = [];
  };
  const insert = (): void => {
    remove();
    const sheet = source();
    if (sheet === undefined) return;
    const document = target.document;
    const style = document.createElement("style");
    style.dataset.printSheet = "page";
    style.textContent = pageRule(sheet);
    const element = printElement(document, sheet);
    document.head.append(style);
    document.body.append(element);
    inserted = [style, element];
  };
  target.addEventListener("beforeprint", insert);
  target.addEventListener("afterprint", remove);
  return () => {
    target.removeEventListener("beforeprint", insert);
    target.removeEventListener("afterprint", remove);
    remove();
  };
}

/** The `@page` rule: paper of the sheet's size (named when the format names it), with a margin. */
export function pageRule(sheet: PrintableSheet): string {
  const named = /^A[1-5]$/.test(sheet.size) && /^(landscape|portrait)$/.test(sheet.orientation);
  const size = named
    ? `${sheet.size} ${sheet.orientation}`
    : `${millimetres(sheet.width)}mm ${millimetres(sheet.height)}mm`;
  return `@page { size: ${size}; margin: ${MARGIN_MM}mm; }`;
}

/** The print-only element: the sheet fitted into the paper inside its margins, aspect kept, in black. */
export function printElement(document: Document, sheet: PrintableSheet): HTMLElement {
  const parsed = new DOMParser().parseFromString(sheet.text, "image/svg+xml");
  const root = parsed.documentElement;
  if (root.localName !== "svg" || parsed.querySelector("parsererror") !== null) {
    throw new Error("The sheet to print is not SVG.");
  }
  const svg = document.importNode(root, true);
  svg.setAttribute("width", "100%");
  svg.setAttribute("height", "100%");
  svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
  blackOnWhite(svg);
  const element = document.createElement("div");
  element.className = PRINT_SHEET_CLASS;
  element.dataset.testid = "print-sheet";
  element.setAttribute("aria-hidden", "true");
  element.style.width = `${millimetres(sheet.width) - 2 * MARGIN_MM}mm`;
  element.style.height = `${millimetres(sheet.height) - 2 * MARGIN_MM}mm`;
  element.append(svg);
  return element;
}

/**
 * Recolours the drawing for paper: dark colours (wires, symbols, text, the title block) print black,
 * light fills (the sheet, symbol bodies) white; `none` and references stay.
 */
export function blackOnWhite(svg: Element): void {
  for (const element of [svg, ...svg.querySelectorAll("[fill], [stroke]")]) {
    for (const name of ["fill", "stroke"]) {
      const value = element.getAttribute(name);
      const light = value === null ? undefined : isLight(value);
      if (light !== undefined) element.setAttribute(name, light ? "#fff" : "#000");
    }
  }
}

/** Whether a colour is light (relative luminance above one half); undefined if it is not a colour. */
export function isLight(colour: string): boolean | undefined {
  const value = colour.trim().toLowerCase();
  if (value === "white") return true;
  if (value === "black") return false;
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(value)?.[1];
  if (hex === undefined) return undefined;
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join("") : hex;
  const [r, g, b] = [0, 2, 4].map((at) => linear(parseInt(full.slice(at, at + 2), 16) / 255)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.5;
}

/** sRGB to linear light. */
function linear(channel: number): number {
  return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
}

function millimetres(mils: number): number {
  return Math.round(mils * MM_PER_MIL * 10) / 10;
}

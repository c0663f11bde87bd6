/**
 * Export of the workspace as a standalone SVG picture (and PNG from it): every part's SVG (the
 * @wokwi/elements draw into their shadow DOM; ours are plain SVG) placed at its position and
 * rotation, the wires on top, on a white sheet fitted to the drawing. The pure `workspaceSvg`
 * composes the document from markup the Stage collects; `svgToPng` rasterises it in the browser.
 */
import type { Point } from "@ohmcloud/canvas";

export interface ExportPart {
  readonly id: string;
  /** One `<svg>` element serialised as XML. */
  readonly markup: string;
  /** World size of the part before rotation; the markup is scaled to fit it. */
  readonly width: number;
  readonly height: number;
  /** SVG transform placing the part's unrotated box (top-left at 0,0) in the world. */
  readonly transform: string;
  /** The element's own style sheet (its shadow DOM's), already scoped to this part. */
  readonly css?: string;
}

export interface ExportWire {
  readonly id: string;
  /** From one end through the bends to the other, in world units. */
  readonly points: readonly Point[];
  readonly color: string;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const SVG_NS = "http://www.w3.org/2000/svg";
export const EXPORT_MARGIN = 20;
export const WIRE_WIDTH = 3;

/** The workspace as an SVG document, cropped to `bounds` plus a margin. */
export function workspaceSvg(
  parts: readonly ExportPart[],
  wires: readonly ExportWire[],
  bounds: Box,
  margin = EXPORT_MARGIN,
): string {
  const x = bounds.x - margin;
  const y = bounds.y - margin;
  const width = bounds.width + 2 * margin;
  const height = bounds.height + 2 * margin;
  const lines = [
    `<svg xmlns="${SVG_NS}" width="${num(width)}" height="${num(height)}" viewBox="${num(x)} ${num(y)} ${num(width)} ${num(height)}">`,
    `<rect x="${num(x)}" y="${num(y)}" width="${num(width)}" height="${num(height)}" fill="#ffffff"/>`,
    ...parts.map(
      (part) =>
        `<g data-part="${escapeAttribute(part.id)}" transform="${escapeAttribute(part.transform)}">${styleElement(part.css)}${fitSvg(part.markup, part.width, part.height)}</g>`,
    ),
    ...wires.map(
      (wire) =>
        `<polyline data-wire="${escapeAttribute(wire.id)}" points="${wire.points.map((p) => `${num(p.x)},${num(p.y)}`).join(" ")}" fill="none" stroke="${escapeAttribute(wire.color)}" stroke-width="${WIRE_WIDTH}" stroke-linecap="round" stroke-linejoin="round"/>`,
    ),
    "</svg>",
  ];
  return lines.join("\n");
}

function styleElement(css: string | undefined): string {
  if (!css) return "";
  const text = css.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `<style>${text}</style>`;
}

/** The selector that picks one part's drawing in the exported document. */
export function partScope(id: string): string {
  return `[data-part="${id.replace(/["\\]/g, "\\$&")}"]`;
}

/**
 * A shadow DOM selector list made to apply inside one part of the exported document only:
 * `:host` becomes the part's group, anything else is looked for inside it.
 */
export function scopeSelectors(selectors: string, scope: string): string {
  return selectors
    .split(",")
    .map((selector) => selector.trim())
    .filter((selector) => selector !== "")
    .map((selector) =>
      selector.startsWith(":host")
        ? selector.replace(
            /^:host(?:\(([^)]*)\))?/,
            (_, inner: string | undefined) => scope + (inner ?? ""),
          )
        : `${scope} ${selector}`,
    )
    .join(", ");
}

/** The smallest box holding all `boxes`; null when there are none. */
export function unionBox(boxes: readonly Box[]): Box | null {
  if (boxes.length === 0) return null;
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** The box around a polyline's points. */
export function pointsBox(points: readonly Point[]): Box | null {
  return unionBox(points.map((p) => ({ x: p.x, y: p.y, width: 0, height: 0 })));
}

/**
 * Gives the root `<svg>` of `markup` the size `width` × `height` (its viewBox scales the drawing),
 * replacing the element's own size (often in mm or inches) and position.
 */
export function fitSvg(markup: string, width: number, height: number): string {
  const open = /^\s*(?:<\?xml[^>]*\?>\s*)?<svg\b([^>]*)>/.exec(markup);
  if (!open) throw new Error("part markup does not start with an <svg> element");
  const attributes = open[1]!.replace(/\s(?:width|height|x|y|style)\s*=\s*("[^"]*"|'[^']*')/g, "");
  const selfClosing = attributes.trimEnd().endsWith("/");
  const kept = selfClosing ? attributes.trimEnd().slice(0, -1) : attributes;
  const namespace = /\sxmlns\s*=/.test(kept) ? "" : ` xmlns="${SVG_NS}"`;
  const tag = `<svg${namespace}${kept} width="${num(width)}" height="${num(height)}"${selfClosing ? "/" : ""}>`;
  return tag + xmlEntities(markup.slice(open[0].length));
}

/** HTML entities XML does not know (some serialisers write `&nbsp;`), as character references. */
const HTML_ENTITIES: Readonly<Record<string, number>> = {
  nbsp: 0xa0,
  copy: 0xa9,
  reg: 0xae,
  deg: 0xb0,
  plusmn: 0xb1,
  micro: 0xb5,
  middot: 0xb7,
  times: 0xd7,
  Omega: 0x3a9,
  ohm: 0x3a9,
};
const XML_ENTITIES = new Set(["amp", "lt", "gt", "quot", "apos"]);

/** Makes `markup` well-formed XML as far as entities go; unknown named entities become "?". */
export function xmlEntities(markup: string): string {
  return markup.replace(/&([a-zA-Z][a-zA-Z0-9]*);/g, (whole, name: string) => {
    if (XML_ENTITIES.has(name)) return whole;
    const code = HTML_ENTITIES[name];
    return code === undefined ? "?" : `&#${code};`;
  });
}

/** Rasterises an SVG document (browser only: needs Image and canvas). `scale` 2 for crisp PNGs. */
export async function svgToPng(
  svg: string,
  width: number,
  height: number,
  scale = 2,
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error("the workspace picture could not be drawn"));
      image.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("this browser cannot draw a PNG");
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed"))),
        "image/png",
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The size an exported SVG document declares (for `svgToPng`). */
export function svgSize(svg: string): { width: number; height: number } {
  const open = /<svg\b[^>]*>/.exec(svg)?.[0] ?? "";
  const read = (name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)"`).exec(open)?.[1] ?? 0);
  return { width: read("width"), height: read("height") };
}

function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

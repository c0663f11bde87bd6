/**
 * Collects the workspace as drawn on the stage into an SVG document: each part's own SVG (from the
 * wokwi element's shadow root, or our drawing) and the wires, through workspaceSvg. Needs the DOM.
 */
import type { WorkspaceDoc } from "./model/document";
import { partGeometry } from "./model/geometry";
import { partSvgTransform } from "./part-transform";
import { drawingBounds, wirePath } from "./stage-geometry";
import {
  partScope,
  scopeSelectors,
  workspaceSvg,
  type ExportPart,
  type ExportWire,
} from "./workspace-export";

/** The workspace as an SVG document; null when it is empty. */
export function workspacePicture(doc: WorkspaceDoc, stage: ParentNode): string | null {
  const bounds = drawingBounds(doc);
  if (!bounds) return null;
  const serializer = new XMLSerializer();
  const wrappers = new Map(
    [...stage.querySelectorAll("[data-part]")].map((element) => [
      element.getAttribute("data-part"),
      element,
    ]),
  );
  const parts: ExportPart[] = doc.parts.map((part) => {
    const geometry = partGeometry(part);
    const shape = wrappers.get(part.id)?.firstElementChild;
    const shadow = shape instanceof SVGSVGElement ? null : (shape?.shadowRoot ?? null);
    const svg = shape instanceof SVGSVGElement ? shape : (shadow?.querySelector("svg") ?? null);
    const markup = svg
      ? serializer.serializeToString(svg)
      : `<svg viewBox="0 0 ${geometry.width} ${geometry.height}"><rect width="100%" height="100%" fill="#eee" stroke="#999"/></svg>`;
    return {
      id: part.id,
      markup,
      width: geometry.width,
      height: geometry.height,
      transform: partSvgTransform(part, geometry),
      css: shadow ? shadowCss(shadow, partScope(part.id)) : undefined,
    };
  });
  const wires: ExportWire[] = doc.wires.flatMap((wire) => {
    const points = wirePath(doc, wire);
    return points ? [{ id: wire.id, points, color: wire.color }] : [];
  });
  return workspaceSvg(parts, wires, bounds);
}

/**
 * The element's shadow DOM styles (lit adopts them as constructed sheets, or writes `<style>`
 * elements where the browser cannot), scoped to its part: the exported picture has no shadow DOM,
 * and the Uno's `text { font-size: 2px }` must not enlarge everyone else's text.
 */
function shadowCss(root: ShadowRoot, scope: string): string {
  const sheets = [
    ...(root.adoptedStyleSheets ?? []),
    ...[...root.querySelectorAll("style")].flatMap((style) => (style.sheet ? [style.sheet] : [])),
  ];
  return sheets
    .flatMap((sheet) => [...sheet.cssRules])
    .map((rule) =>
      rule instanceof CSSStyleRule
        ? `${scopeSelectors(rule.selectorText, scope)} { ${rule.style.cssText} }`
        : rule.cssText,
    )
    .join("\n");
}

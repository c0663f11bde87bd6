/**
 * How a placed part's unrotated box is put in the workspace — top-left at (x, y), turned clockwise
 * about the box's centre (model/geometry.ts) — as CSS for the stage and as an SVG transform for the
 * export, so both draw the part where the model puts its pins.
 */
import type { CSSProperties } from "react";
import type { PlacedPart } from "./model/document";
import type { PartGeometry } from "./model/geometry";

export function partStyle(part: PlacedPart, geometry: PartGeometry): CSSProperties {
  return {
    left: part.x,
    top: part.y,
    width: geometry.width,
    height: geometry.height,
    transform: part.rotation === 0 ? undefined : `rotate(${part.rotation}deg)`,
  };
}

export function partSvgTransform(part: PlacedPart, geometry: PartGeometry): string {
  const translate = `translate(${part.x} ${part.y})`;
  return part.rotation === 0
    ? translate
    : `${translate} rotate(${part.rotation} ${geometry.width / 2} ${geometry.height / 2})`;
}

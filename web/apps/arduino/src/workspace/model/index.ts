/** The breadboard workspace's model (pure TypeScript, no React): see each module's comment. */
export * from "./document";
export * from "./geometry";
export * from "./connections";
export * from "./edits";
export * from "./kinds";
export * from "./project-layout";
export {
  breadboardLayout,
  BREADBOARD_ROW_Y,
  GRID_PITCH,
  type BreadboardLayout,
} from "./breadboard-geometry";
export { DRAWN_GEOMETRY } from "./drawn-geometry";
export { PX_PER_MM, WOKWI_GEOMETRY, type ElementGeometry } from "./wokwi-geometry";
export { docBounds } from "./placement";

export type { Point } from "./point";
export { snapToGrid, snapToPitch } from "./grid";
export { Viewport, type ViewportOptions } from "./viewport";

/** Zoom steps and "fit to the drawing" for the workspace's Viewport (@ohmcloud/canvas). */
import { Viewport } from "@ohmcloud/canvas";
import type { Box } from "./workspace-export";

export const ZOOM_STEP = 1.25;
export const MIN_ZOOM = 0.2;
export const MAX_ZOOM = 4;

export function workspaceViewport(origin = { x: 0, y: 0 }, scale = 1): Viewport {
  return new Viewport({ origin, scale, minScale: MIN_ZOOM, maxScale: MAX_ZOOM });
}

/**
 * The viewport showing all of `bounds` centred in a stage of `stage` CSS pixels, with `margin`
 * pixels around it; never zoomed in beyond 1:1 (a lone LED should not fill the screen).
 */
export function fitViewport(
  bounds: Box | null,
  stage: { readonly width: number; readonly height: number },
  margin = 24,
): Viewport {
  if (bounds === null || stage.width <= 0 || stage.height <= 0) return workspaceViewport();
  const room = {
    width: Math.max(1, stage.width - 2 * margin),
    height: Math.max(1, stage.height - 2 * margin),
  };
  const scale = Math.min(
    1,
    MAX_ZOOM,
    room.width / Math.max(bounds.width, 1),
    room.height / Math.max(bounds.height, 1),
  );
  const clamped = Math.max(MIN_ZOOM, scale);
  const centre = { x: bounds.x + bounds.width / 2, y: bounds.y + bounds.height / 2 };
  return workspaceViewport(
    { x: centre.x - stage.width / 2 / clamped, y: centre.y - stage.height / 2 / clamped },
    clamped,
  );
}

/** Zooms by one step in (+1) or out (−1) about the stage's centre. */
export function zoomStep(
  viewport: Viewport,
  direction: 1 | -1,
  stage: { readonly width: number; readonly height: number },
): Viewport {
  return viewport.zoomAt(
    { x: stage.width / 2, y: stage.height / 2 },
    direction > 0 ? ZOOM_STEP : 1 / ZOOM_STEP,
  );
}

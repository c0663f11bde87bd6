import type { Point } from "./point";

export interface ViewportOptions {
  /** World point shown at the screen origin (top-left corner). */
  readonly origin?: Point;
  /** Screen pixels per world unit. */
  readonly scale?: number;
  readonly minScale?: number;
  readonly maxScale?: number;
}

/**
 * Maps between world coordinates (the drawing) and screen coordinates (CSS pixels
 * inside the canvas element): `screen = (world - origin) * scale`.
 *
 * Immutable: every operation returns a new viewport, so a view state can be kept
 * in React state or an undo log without copying.
 */
export class Viewport {
  readonly origin: Point;
  readonly scale: number;
  readonly minScale: number;
  readonly maxScale: number;

  constructor({
    origin = { x: 0, y: 0 },
    scale = 1,
    minScale = 0.05,
    maxScale = 40,
  }: ViewportOptions = {}) {
    if (!(minScale > 0) || !(maxScale >= minScale)) {
      throw new RangeError(`invalid zoom limits [${minScale}, ${maxScale}]`);
    }
    if (!Number.isFinite(scale) || scale <= 0) {
      throw new RangeError(`viewport scale must be a positive finite number, got ${scale}`);
    }
    this.origin = origin;
    this.minScale = minScale;
    this.maxScale = maxScale;
    this.scale = clamp(scale, minScale, maxScale);
  }

  /** Converts a screen point (CSS pixels) to world coordinates. */
  screenToWorld(screen: Point): Point {
    return {
      x: screen.x / this.scale + this.origin.x,
      y: screen.y / this.scale + this.origin.y,
    };
  }

  /** Converts a world point to screen coordinates (CSS pixels). */
  worldToScreen(world: Point): Point {
    return {
      x: (world.x - this.origin.x) * this.scale,
      y: (world.y - this.origin.y) * this.scale,
    };
  }

  /** Moves the view by a screen-space delta, as when dragging the drawing with the mouse. */
  panBy(screenDelta: Point): Viewport {
    return this.with({
      origin: {
        x: this.origin.x - screenDelta.x / this.scale,
        y: this.origin.y - screenDelta.y / this.scale,
      },
    });
  }

  /**
   * Multiplies the scale by `factor` (clamped to the zoom limits) while keeping the
   * world point under `screenAnchor` fixed on screen, as a mouse-wheel zoom does.
   */
  zoomAt(screenAnchor: Point, factor: number): Viewport {
    if (!Number.isFinite(factor) || factor <= 0) {
      throw new RangeError(`zoom factor must be a positive finite number, got ${factor}`);
    }
    const anchorWorld = this.screenToWorld(screenAnchor);
    const scale = clamp(this.scale * factor, this.minScale, this.maxScale);
    return this.with({
      scale,
      origin: {
        x: anchorWorld.x - screenAnchor.x / scale,
        y: anchorWorld.y - screenAnchor.y / scale,
      },
    });
  }

  private with(changes: Pick<ViewportOptions, "origin" | "scale">): Viewport {
    return new Viewport({
      origin: changes.origin ?? this.origin,
      scale: changes.scale ?? this.scale,
      minScale: this.minScale,
      maxScale: this.maxScale,
    });
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

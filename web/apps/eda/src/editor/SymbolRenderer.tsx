/**
 * Draws a library symbol placed on the sheet: the body graphics in the symbol frame (mils, y up) under the
 * core's placement matrix, then pins, pin names and numbers, reference and value as upright sheet text.
 */
import { placementMatrix, toSheet, type Mirror, type Rotation, type XY } from "@ohmcloud/canvas";
import type { GeometryPin, Graphic, SymbolGeometry } from "./library";

export interface PlacedSymbol {
  readonly position: XY;
  readonly rotation?: Rotation;
  readonly mirror?: Mirror;
  readonly unit?: number;
  readonly reference?: string;
  readonly value?: string;
}

export interface SymbolRendererProps {
  readonly geometry: SymbolGeometry;
  readonly placed: PlacedSymbol;
  /** Power symbols show their value (the net) but not their `#PWR` reference. */
  readonly isPower?: boolean;
  readonly stroke?: string;
}

const BODY_STROKE = "#8b1a1a";
const PIN_STROKE = "#8b1a1a";
const TEXT_FILL = "#0b5d7a";
const DEFAULT_WIDTH = 6;
const DEFAULT_TEXT = 50;

/** The body end of a pin (the connection point moved `length` towards the body), symbol frame. */
export function pinBodyEnd(pin: GeometryPin): XY {
  const radians = (pin.orientation * Math.PI) / 180;
  return [
    pin.x + Math.round(Math.cos(radians)) * pin.length,
    pin.y + Math.round(Math.sin(radians)) * pin.length,
  ];
}

/** The graphics and pins of a unit (unit 0 is shared), normal body style. */
export function unitDrawing(
  geometry: SymbolGeometry,
  unit = 1,
): { graphics: Graphic[]; pins: GeometryPin[] } {
  const graphics: Graphic[] = [];
  const pins: GeometryPin[] = [];
  for (const entry of geometry.units) {
    if (entry.unit !== 0 && entry.unit !== unit) continue;
    graphics.push(...entry.graphics.filter((g) => (g.body_style ?? 0) <= 1));
    pins.push(...entry.pins.filter((p) => (p.body_style ?? 0) <= 1));
  }
  return { graphics, pins };
}

export function SymbolRenderer({ geometry, placed, isPower, stroke }: SymbolRendererProps) {
  const rotation = placed.rotation ?? 0;
  const mirror = placed.mirror ?? "none";
  const [a, b, c, d] = placementMatrix(rotation, mirror);
  const [px, py] = placed.position;
  const { graphics, pins } = unitDrawing(geometry, placed.unit ?? 1);
  const at = (point: XY): XY => toSheet(point, placed.position, rotation, mirror);
  const showNames = geometry.pin_names?.visible ?? true;
  const showNumbers = geometry.pin_numbers?.visible ?? true;
  const nameOffset = geometry.pin_names?.offset ?? 20;
  const bodyStroke = stroke ?? BODY_STROKE;
  return (
    <g className="oc-symbol">
      {/* SVG matrix(a b c d e f) maps (x, y) to (a x + c y + e, b x + d y + f). */}
      <g transform={`matrix(${a} ${c} ${b} ${d} ${px} ${py})`} data-role="body">
        {graphics.map((graphic, i) => (
          <GraphicShape key={i} graphic={graphic} stroke={bodyStroke} />
        ))}
        {pins
          .filter((pin) => !pin.hidden)
          .map((pin, i) => {
            const [ex, ey] = pinBodyEnd(pin);
            return (
              <line
                key={`${pin.number}-${i}`}
                data-role="pin"
                data-pin={pin.number}
                x1={pin.x}
                y1={pin.y}
                x2={ex}
                y2={ey}
                stroke={stroke ?? PIN_STROKE}
                strokeWidth={DEFAULT_WIDTH}
              />
            );
          })}
      </g>
      {graphics.map((graphic, i) =>
        graphic.kind === "text" && graphic.visible !== false ? (
          <SheetText
            key={`t${i}`}
            at={at([graphic.x, graphic.y])}
            size={graphic.size}
            text={graphic.text}
            fill={bodyStroke}
          />
        ) : null,
      )}
      {pins
        .filter((pin) => !pin.hidden)
        .map((pin, i) => {
          const end = pinBodyEnd(pin);
          const dx = Math.sign(end[0] - pin.x);
          const dy = Math.sign(end[1] - pin.y);
          const name = pin.name && pin.name !== "~" && showNames && (
            <SheetText
              key={`n${i}`}
              role="pin-name"
              at={at([end[0] + dx * (nameOffset + 30), end[1] + dy * (nameOffset + 30)])}
              text={pin.name}
              size={40}
              fill={TEXT_FILL}
            />
          );
          const middle: XY = [(pin.x + end[0]) / 2, (pin.y + end[1]) / 2];
          const number = showNumbers && (
            <SheetText
              key={`p${i}`}
              role="pin-number"
              at={at([middle[0] + dy * 25, middle[1] + dx * 25])}
              text={pin.number}
              size={35}
              fill={PIN_STROKE}
            />
          );
          return [name, number];
        })}
      {!isPower && placed.reference !== undefined && (
        <FieldText
          geometry={geometry}
          field="Reference"
          text={placed.reference}
          at={at}
          fallback={[60, 40]}
        />
      )}
      {placed.value !== undefined && placed.value !== "" && (
        <FieldText
          geometry={geometry}
          field="Value"
          text={placed.value}
          at={at}
          fallback={[60, -40]}
        />
      )}
    </g>
  );
}

function FieldText({
  geometry,
  field,
  text,
  at,
  fallback,
}: {
  geometry: SymbolGeometry;
  field: string;
  text: string;
  at: (point: XY) => XY;
  fallback: XY;
}) {
  const position = geometry.fields?.[field];
  if (position?.visible === false && field !== "Reference" && field !== "Value") return null;
  const point: XY = position === undefined ? fallback : [position.x, position.y];
  return (
    <SheetText
      role={field.toLowerCase()}
      at={at(point)}
      text={text}
      size={position?.size}
      fill={TEXT_FILL}
    />
  );
}

function SheetText({
  at,
  text,
  size,
  fill,
  role,
}: {
  at: XY;
  text: string;
  size?: number | undefined;
  fill: string;
  role?: string;
}) {
  return (
    <text
      x={at[0]}
      y={at[1]}
      fontSize={size && size > 0 ? size : DEFAULT_TEXT}
      fill={fill}
      textAnchor="middle"
      dominantBaseline="central"
      fontFamily="sans-serif"
      data-role={role}
      style={{ pointerEvents: "none", userSelect: "none" }}
    >
      {text}
    </text>
  );
}

function fillOf(graphic: Graphic, stroke: string): string {
  if (!("fill" in graphic)) return "none";
  if (graphic.fill === "outline") return stroke;
  if (graphic.fill === "background") return "#ffffc2";
  return "none";
}

function GraphicShape({ graphic, stroke }: { graphic: Graphic; stroke: string }) {
  if (graphic.kind === "text") return null;
  const common = {
    stroke,
    strokeWidth:
      graphic.stroke_width && graphic.stroke_width > 0 ? graphic.stroke_width : DEFAULT_WIDTH,
    fill: fillOf(graphic, stroke),
    strokeLinecap: "round" as const,
    strokeLinejoin: "round" as const,
  };
  switch (graphic.kind) {
    case "polyline":
      return (
        <polyline
          {...common}
          data-role="polyline"
          points={graphic.points.map((p) => `${p[0]},${p[1]}`).join(" ")}
        />
      );
    case "bezier": {
      const [p0, p1, p2, p3] = graphic.points;
      if (p0 === undefined || p1 === undefined || p2 === undefined || p3 === undefined) return null;
      return (
        <path
          {...common}
          d={`M ${p0[0]} ${p0[1]} C ${p1[0]} ${p1[1]} ${p2[0]} ${p2[1]} ${p3[0]} ${p3[1]}`}
        />
      );
    }
    case "rectangle": {
      const [x0 = 0, y0 = 0] = graphic.start;
      const [x1 = 0, y1 = 0] = graphic.end;
      return (
        <rect
          {...common}
          data-role="rectangle"
          x={Math.min(x0, x1)}
          y={Math.min(y0, y1)}
          width={Math.abs(x1 - x0)}
          height={Math.abs(y1 - y0)}
        />
      );
    }
    case "circle":
      return (
        <circle {...common} cx={graphic.center[0]} cy={graphic.center[1]} r={graphic.radius} />
      );
    case "arc":
      return <path {...common} d={arcPath(graphic.start, graphic.mid, graphic.end)} />;
  }
}

/** An SVG path for the circular arc from `start` through `mid` to `end`. */
export function arcPath(
  start: readonly number[],
  mid: readonly number[],
  end: readonly number[],
): string {
  const [x1 = 0, y1 = 0] = start;
  const [x2 = 0, y2 = 0] = mid;
  const [x3 = 0, y3 = 0] = end;
  const d = 2 * (x1 * (y2 - y3) + x2 * (y3 - y1) + x3 * (y1 - y2));
  if (Math.abs(d) < 1e-9) return `M ${x1} ${y1} L ${x3} ${y3}`;
  const s1 = x1 * x1 + y1 * y1;
  const s2 = x2 * x2 + y2 * y2;
  const s3 = x3 * x3 + y3 * y3;
  const cx = (s1 * (y2 - y3) + s2 * (y3 - y1) + s3 * (y1 - y2)) / d;
  const cy = (s1 * (x3 - x2) + s2 * (x1 - x3) + s3 * (x2 - x1)) / d;
  const r = Math.hypot(x1 - cx, y1 - cy);
  // Positive cross product: start -> mid -> end turns the way angles grow (SVG sweep-flag 1).
  const cross = (x2 - x1) * (y3 - y2) - (y2 - y1) * (x3 - x2);
  const sweep = cross > 0 ? 1 : 0;
  const a1 = Math.atan2(y1 - cy, x1 - cx);
  const a3 = Math.atan2(y3 - cy, x3 - cx);
  const tau = 2 * Math.PI;
  const span = sweep === 1 ? (((a3 - a1) % tau) + tau) % tau : (((a1 - a3) % tau) + tau) % tau;
  const large = span > Math.PI ? 1 : 0;
  return `M ${x1} ${y1} A ${r} ${r} 0 ${large} ${sweep} ${x3} ${y3}`;
}

/** A symbol drawn on its own, scaled into a small box (library previews). */
export function SymbolPreview({
  geometry,
  size = 48,
}: {
  geometry: SymbolGeometry;
  size?: number;
}) {
  const b = geometry.bounds;
  // Sheet frame is y down: the symbol's y1 (top) becomes -y1.
  const box =
    b === undefined
      ? { x: -200, y: -200, w: 400, h: 400 }
      : {
          x: Math.min(b.x0, b.x1) - 50,
          y: -Math.max(b.y0, b.y1) - 50,
          w: Math.abs(b.x1 - b.x0) + 100,
          h: Math.abs(b.y1 - b.y0) + 100,
        };
  return (
    <svg
      width={size}
      height={size}
      viewBox={`${box.x} ${box.y} ${Math.max(box.w, 100)} ${Math.max(box.h, 100)}`}
      aria-hidden="true"
      className="oc-symbol-preview"
    >
      <SymbolRenderer geometry={geometry} placed={{ position: [0, 0] }} />
    </svg>
  );
}

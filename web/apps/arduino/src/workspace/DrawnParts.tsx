/**
 * SVG drawings of the parts @wokwi/elements has no element for (`element: null` in the kinds):
 * breadboards (holes, centre gap, red/blue rail lines, column numbers and row letters), the 9 V
 * battery, the DC motor (its rotor spins with the view's speed), the relay module, and a labelled
 * box for anything else. Everything is placed from the part's geometry, so the holes and pins drawn
 * are exactly the pins the model hit-tests.
 */
import type { PartProps, PartView } from "@ohmcloud/avr-sim";
import type { ReactElement } from "react";
import type { PartGeometry } from "./model/geometry";

export interface DrawnPartProps {
  readonly kind: string;
  readonly title: string;
  readonly props?: PartProps;
  readonly geometry: PartGeometry;
  readonly view?: PartView;
}

export function DrawnPart({ kind, title, geometry, view }: DrawnPartProps) {
  const { width, height } = geometry;
  let body: ReactElement;
  switch (kind) {
    case "breadboard":
      body = <BreadboardDrawing geometry={geometry} />;
      break;
    case "battery-9v":
      body = <BatteryDrawing geometry={geometry} />;
      break;
    case "dc-motor":
      body = (
        <MotorDrawing geometry={geometry} speed={view?.type === "dc-motor" ? view.speed : 0} />
      );
      break;
    case "relay":
      body = (
        <RelayDrawing geometry={geometry} closed={view?.type === "relay" ? view.closed : false} />
      );
      break;
    default:
      body = <BoxDrawing geometry={geometry} title={shortTitle(kind, title)} />;
  }
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      className="ws-drawn"
    >
      {body}
    </svg>
  );
}

type Pin = PartGeometry["pins"][number];

const HOLE = 3.6;

/** Splits a hole name `a12` / `tp3` into its row and number. */
function holeOf(name: string): { row: string; number: number } | null {
  const match = /^([a-z]+)(\d+)$/.exec(name);
  return match ? { row: match[1]!, number: Number(match[2]) } : null;
}

function BreadboardDrawing({ geometry }: { geometry: PartGeometry }) {
  const rows = new Map<string, Pin[]>();
  for (const pin of geometry.pins) {
    const hole = holeOf(pin.name);
    if (!hole) continue;
    const list = rows.get(hole.row) ?? [];
    list.push(pin);
    rows.set(hole.row, list);
  }
  const rowY = (row: string) => rows.get(row)?.[0]?.y;
  const columnX = (column: number) => geometry.pins.find((p) => p.name === `a${column}`)?.x;
  const columns = rows.get("a")?.length ?? 0;
  const ya = rowY("a");
  const ye = rowY("e");
  const yf = rowY("f");
  const yj = rowY("j");
  const numbered = Array.from({ length: columns }, (_, i) => i + 1).filter(
    (n) => n === 1 || n % 5 === 0,
  );
  const firstX = columnX(1) ?? 0;
  const lastX = columnX(columns) ?? geometry.width;
  // A rail line runs along the outer side of each rail row: red beside +, blue beside −.
  const railLines = (["tp", "tn", "bp", "bn"] as const).flatMap((rail) => {
    const pins = rows.get(rail);
    const y = rowY(rail);
    if (!pins || y === undefined) return [];
    const xs = pins.map((p) => p.x);
    const outward = y < geometry.height / 2 ? -1 : 1;
    const partner = rowY(rail.endsWith("p") ? `${rail[0]}n` : `${rail[0]}p`);
    const away = partner === undefined ? outward : y < partner ? -1 : 1;
    return [
      <line
        key={rail}
        x1={Math.min(...xs) - 4}
        x2={Math.max(...xs) + 4}
        y1={y + away * 6}
        y2={y + away * 6}
        stroke={rail.endsWith("p") ? "#d33" : "#35c"}
        strokeWidth={1}
      />,
    ];
  });
  return (
    <g>
      <rect
        x={0.5}
        y={0.5}
        width={geometry.width - 1}
        height={geometry.height - 1}
        rx={4}
        fill="#f3f1ea"
        stroke="#c9c5b8"
      />
      {ye !== undefined && yf !== undefined && (
        <rect x={2} y={(ye + yf) / 2 - 2.5} width={geometry.width - 4} height={5} fill="#dcd8cc" />
      )}
      {railLines}
      {geometry.pins.map((pin) => (
        <rect
          key={pin.name}
          x={pin.x - HOLE / 2}
          y={pin.y - HOLE / 2}
          width={HOLE}
          height={HOLE}
          rx={0.6}
          fill="#3b3b3b"
        />
      ))}
      <g fontSize={5} fill="#777" fontFamily="sans-serif" textAnchor="middle">
        {numbered.map((n) => {
          const x = columnX(n);
          if (x === undefined) return null;
          return (
            <g key={n}>
              {ya !== undefined && (
                <text x={x} y={ya - 5}>
                  {n}
                </text>
              )}
              {yj !== undefined && (
                <text x={x} y={yj + 8.5}>
                  {n}
                </text>
              )}
            </g>
          );
        })}
        {["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"].map((row) => {
          const y = rowY(row);
          if (y === undefined) return null;
          return (
            <g key={row}>
              <text x={firstX - 7} y={y + 1.8}>
                {row}
              </text>
              <text x={lastX + 7} y={y + 1.8}>
                {row}
              </text>
            </g>
          );
        })}
      </g>
    </g>
  );
}

/** How far a pin's lead reaches into the part from the pin (on the box's edge) to its body. */
const LEAD = 8;

type Edge = "top" | "bottom" | "left" | "right";

/** The box edge a pin sits on (the nearest one). */
function edgeOf(pin: Pin, geometry: PartGeometry): Edge {
  const distances: [Edge, number][] = [
    ["top", pin.y],
    ["bottom", geometry.height - pin.y],
    ["left", pin.x],
    ["right", geometry.width - pin.x],
  ];
  return distances.reduce((best, next) => (next[1] < best[1] ? next : best))[0];
}

/** The body's box: the part's box less the leads on the edges that have pins. */
function bodyBox(geometry: PartGeometry) {
  const edges = new Set(geometry.pins.map((pin) => edgeOf(pin, geometry)));
  const inset = (edge: Edge) => (edges.has(edge) ? LEAD : 0.5);
  const x = inset("left");
  const y = inset("top");
  return {
    x,
    y,
    width: geometry.width - x - inset("right"),
    height: geometry.height - y - inset("bottom"),
  };
}

/** Pins closer than this along an edge leave their names to the hover tooltip. */
const LABEL_ROOM = 14;

/** A metal lead from each pin to the body, and the pin's name just inside the body if it fits. */
function PinLeads({ geometry, color = "#222" }: { geometry: PartGeometry; color?: string }) {
  const crowded = (pin: Pin, edge: Edge) =>
    geometry.pins.some(
      (other) =>
        other !== pin &&
        edgeOf(other, geometry) === edge &&
        Math.hypot(other.x - pin.x, other.y - pin.y) < LABEL_ROOM,
    );
  return (
    <g fontSize={5} fill={color} fontFamily="sans-serif">
      {geometry.pins.map((pin) => {
        const edge = edgeOf(pin, geometry);
        const dx = edge === "left" ? 1 : edge === "right" ? -1 : 0;
        const dy = edge === "top" ? 1 : edge === "bottom" ? -1 : 0;
        const end = { x: pin.x + dx * LEAD, y: pin.y + dy * LEAD };
        const label = { x: end.x + dx * 2, y: end.y + dy * 3 + (dy === 0 ? 1.8 : dy > 0 ? 2 : 0) };
        const anchor = dx > 0 ? "start" : dx < 0 ? "end" : "middle";
        return (
          <g key={pin.name}>
            <line
              x1={pin.x}
              y1={pin.y}
              x2={end.x}
              y2={end.y}
              stroke="#9a9a9a"
              strokeWidth={1.6}
              strokeLinecap="round"
            />
            {!crowded(pin, edge) && (
              <text x={label.x} y={label.y} textAnchor={anchor}>
                {pin.name}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}

function BatteryDrawing({ geometry }: { geometry: PartGeometry }) {
  const body = bodyBox(geometry);
  const split = body.y + body.height * 0.55;
  return (
    <g>
      <rect {...body} rx={3} fill="#2d2d2d" />
      <rect
        x={body.x}
        y={split}
        width={body.width}
        height={body.y + body.height - split}
        rx={3}
        fill="#c8a23a"
      />
      <text
        x={geometry.width / 2}
        y={body.y + body.height * 0.35}
        fill="#fff"
        fontSize={14}
        fontFamily="sans-serif"
        fontWeight="bold"
        textAnchor="middle"
      >
        9V
      </text>
      <PinLeads geometry={geometry} />
    </g>
  );
}

/** Seconds per turn at full speed; the view's speed (−1..1) scales it. */
const FULL_SPEED_TURN_S = 0.25;

function MotorDrawing({ geometry, speed }: { geometry: PartGeometry; speed: number }) {
  const body = bodyBox(geometry);
  const r = Math.min(body.width, body.height) / 2 - 1;
  const cx = body.x + body.width / 2;
  const cy = body.y + body.height / 2;
  const moving = Math.abs(speed) > 0.01;
  return (
    <g data-speed={speed.toFixed(2)}>
      <circle cx={cx} cy={cy} r={r} fill="#9aa3ab" stroke="#59616a" strokeWidth={1.5} />
      <g
        className={moving ? "ws-spin" : undefined}
        style={{
          transformOrigin: `${cx}px ${cy}px`,
          animationDuration: moving ? `${FULL_SPEED_TURN_S / Math.abs(speed)}s` : undefined,
          animationDirection: speed < 0 ? "reverse" : undefined,
        }}
      >
        <rect x={cx - r * 0.8} y={cy - 2} width={r * 1.6} height={4} rx={2} fill="#444" />
      </g>
      <circle cx={cx} cy={cy} r={3} fill="#ddd" />
      <PinLeads geometry={geometry} />
    </g>
  );
}

function RelayDrawing({ geometry, closed }: { geometry: PartGeometry; closed: boolean }) {
  const body = bodyBox(geometry);
  const cube = { x: body.x + body.width * 0.3, width: body.width * 0.4 };
  return (
    <g data-closed={closed}>
      <rect {...body} rx={2} fill="#1f5faa" />
      <rect
        x={cube.x}
        y={body.y + 4}
        width={cube.width}
        height={body.height - 8}
        rx={2}
        fill="#2a78d4"
        stroke="#15457e"
      />
      <text
        x={geometry.width / 2}
        y={body.y + body.height / 2 + 2}
        fontSize={6}
        fill="#fff"
        fontFamily="sans-serif"
        textAnchor="middle"
      >
        RELAY
      </text>
      <circle
        cx={cube.x + cube.width / 2}
        cy={body.y + body.height - 8}
        r={2.2}
        fill={closed ? "#f33" : "#522"}
      />
      <PinLeads geometry={geometry} color="#fff" />
    </g>
  );
}

function BoxDrawing({ geometry, title }: { geometry: PartGeometry; title: string }) {
  const body = bodyBox(geometry);
  return (
    <g>
      <rect {...body} rx={3} fill="#2b2b2b" />
      <text
        x={body.x + body.width / 2}
        y={body.y + body.height / 2}
        fontSize={6}
        fill="#fff"
        fontFamily="sans-serif"
        textAnchor="middle"
      >
        {title}
      </text>
      <PinLeads geometry={geometry} />
    </g>
  );
}

/** A name that fits a small body: "TMP36" rather than "TMP36 temperature sensor". */
function shortTitle(kind: string, title: string): string {
  return title.length <= 8 ? title : kind.toUpperCase();
}

/**
 * How an example project is written down: each part once, with its place on the workspace, and each
 * wire once, with its colour — turned into the project file's separate `circuit` and `layout`
 * (docs/formats/arduino-project.md), whose wire lists must stay aligned index by index. Parts are
 * placed by where a pin of theirs should be (the workspace's own geometry), so wires come out
 * short and straight, and legs land in breadboard holes.
 */
import { isBoardId, type PartProps, type PinRef } from "@ohmcloud/avr-sim";
import type { ArduinoProject } from "../project/project-file";
import { MAIN_TAB } from "../sketch/examples";
import {
  partGeometry,
  pinPosition,
  rotateInBox,
  type Point,
  type Rotation,
} from "../workspace/model";

/** One entry of the Examples menu. */
export interface Example {
  /** Stable, URL-safe name (`example-<id>` in the menu). */
  readonly id: string;
  readonly title: string;
  /** One line saying what it shows. */
  readonly description: string;
  readonly project: ArduinoProject;
}

/** A part of an example: its component and where it sits (workspace units, top-left). */
export interface ExamplePart {
  readonly id: string;
  readonly kind: string;
  readonly props?: PartProps;
  readonly x: number;
  readonly y: number;
  readonly rotation?: Rotation;
}

/**
 * A wire between two pins, its colour and its bend points (none: straight); colour `null` for a
 * part's leg standing in a breadboard hole (electrically a join, not drawn).
 */
export type ExampleWire =
  readonly [PinRef, PinRef, string | null] | readonly [PinRef, PinRef, string, readonly Point[]];

/** Where a pin of a placed part is on the workspace. */
export function pinOf(part: ExamplePart, pin: string): Point {
  return pinPosition({ rotation: 0, ...part }, pin);
}

/** The place (top-left and rotation) that puts pin `pin` of a part of `kind` at `at`. */
export function placeByPin(
  kind: string,
  pin: string,
  at: Point,
  rotation: Rotation = 0,
): { x: number; y: number; rotation: Rotation } {
  const geometry = partGeometry({ kind });
  const local = geometry.pins.find((candidate) => candidate.name === pin);
  if (!local) throw new Error(`${kind} has no pin ${pin}`);
  const turned = rotateInBox(local, geometry, rotation);
  return { x: at.x - turned.x, y: at.y - turned.y, rotation };
}

/** The project of an example: its sketch as `sketch.ino`, its parts and its wires. */
export function exampleProject(
  sketch: string,
  parts: readonly ExamplePart[],
  wires: readonly ExampleWire[],
): ArduinoProject {
  const board = parts.map((part) => part.kind).find(isBoardId);
  if (board === undefined) throw new Error("an example needs a board");
  return {
    board,
    sketch: { [MAIN_TAB]: sketch },
    circuit: {
      components: parts.map(({ id, kind, props }) => (props ? { id, kind, props } : { id, kind })),
      wires: wires.map(([a, b]) => [a, b] as const),
    },
    layout: {
      parts: Object.fromEntries(
        parts.map(({ id, x, y, rotation = 0 }) => [id, { x, y, rotation }] as const),
      ),
      wires: wires.map(([, , color, points = []]) =>
        color === null ? null : { color, points: points.map(({ x, y }) => [x, y] as const) },
      ),
    },
  };
}

/** The Uno most examples use, with room above it for parts on the digital pins. */
export const UNO: ExamplePart = { id: "uno", kind: "uno", x: 200, y: 160 };

/**
 * An LED with its series resistor on a pin of the board's top header: the resistor upright above
 * the pin, the LED just above and left of it, its cathode wired to the top GND.
 */
export function ledOnPin(
  board: ExamplePart,
  pin: string,
  led: { id: string; color: string; resistor: string; wire: string },
): { parts: ExamplePart[]; wires: ExampleWire[] } {
  const at = pinOf(board, pin);
  return {
    parts: [
      {
        id: led.resistor,
        kind: "resistor",
        props: { ohms: 220 },
        ...placeByPin("resistor", "2", { x: at.x, y: at.y - 20 }, 90),
      },
      {
        id: led.id,
        kind: "led",
        props: { color: led.color },
        ...placeByPin("led", "A", { x: at.x - 10, y: at.y - 100 }),
      },
    ],
    wires: [
      [`${board.id}.${pin}`, `${led.resistor}.2`, led.wire],
      [`${led.resistor}.1`, `${led.id}.A`, led.wire],
      [`${led.id}.C`, `${board.id}.GND`, "black"],
    ],
  };
}

/** A potentiometer below the board's A0, turned so its pins face the analog header. */
export function potOnA0(board: ExamplePart, id: string): ExamplePart {
  const a0 = pinOf(board, "A0");
  return {
    id,
    kind: "potentiometer",
    ...placeByPin("potentiometer", "SIG", { x: a0.x, y: a0.y + 48 }, 180),
  };
}

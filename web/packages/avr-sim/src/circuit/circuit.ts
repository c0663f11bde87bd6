/**
 * A circuit as the workspace describes it — components (an Arduino board, breadboards, parts) and
 * wires between their pins — and its resolution into nets and levels. A part's leg plugged into a
 * breadboard hole is a wire from the leg to the hole (`["led1.A", "bb.c12"]`): the hole's strip
 * does the rest. Each component kind says what it is electrically (`PartKind`); its live state
 * (an MCU's pin directions, a button held down) comes from a `PartContext` at each resolution.
 */
import { BOARDS, type BoardId } from "../boards";
import { boardElements, boardPinNames, type McuPinDrive } from "./board-pins";
import {
  breadboardElements,
  breadboardGeometry,
  breadboardHoles,
  type BreadboardSize,
} from "./breadboard";
import {
  pinRef,
  splitPinRef,
  type CircuitElement,
  type CircuitWarning,
  type PinRef,
} from "./elements";
import { ContextMemo } from "./context-memo";
import { resolveLevels, type CircuitResolution } from "./resolve-levels";

export type PartProps = Readonly<Record<string, string | number | boolean>>;

export interface ComponentSpec {
  /** Unique in the circuit; no dots (pin refs are `<id>.<pin>`). */
  readonly id: string;
  readonly kind: string;
  readonly props?: PartProps;
}

export interface Circuit {
  readonly components: readonly ComponentSpec[];
  readonly wires: readonly (readonly [PinRef, PinRef])[];
}

/** The live state parts read while the circuit is resolved. */
export interface PartContext {
  /** How the sketch drives an MCU board's digital pin. */
  mcuDrive(component: string, digitalPin: number): McuPinDrive;
  /** Whether a switching part (a push button) is closed now. */
  isClosed(component: string): boolean;
  /**
   * A part's live setting or state by name (a potentiometer's `position`, a sensor's distance, the
   * level an HC-SR04 drives on ECHO); undefined when not set. Optional: contexts without live parts
   * (tests, the static pass) leave it out and parts fall back to their props.
   */
  control?(component: string, name: string): number | boolean | undefined;
}

/** A component kind: its pins, what it is electrically, and what it warns about. */
export interface PartKind {
  readonly kind: string;
  pins(component: ComponentSpec): readonly string[];
  /**
   * What the component is electrically now. Depends on nothing but the component and what it reads
   * from the context: resolutions are cached by those reads.
   */
  elements(component: ComponentSpec, context: PartContext): CircuitElement[];
  /** Elements that never change with the context (computed once per circuit). */
  readonly isStatic?: boolean;
  /** Holes, not legs: a breadboard's pins do not count as something attached to a net. */
  readonly isBreadboard?: boolean;
  /** Warnings from the resolved levels (e.g. an LED without a series resistor). */
  check?(component: ComponentSpec, resolution: CircuitResolution): CircuitWarning[];
}

export type PartCatalog = Readonly<Record<string, PartKind>>;

export class CircuitError extends Error {}

export function boardKind(boardId: BoardId): PartKind {
  const board = BOARDS[boardId];
  return {
    kind: boardId,
    pins: () => boardPinNames(board),
    elements: (component, context) =>
      boardElements(component.id, board, (pin) => context.mcuDrive(component.id, pin)),
  };
}

/** `props`: `size` `"full"` (default) or `"half"`; `splitRails` (full boards only, default false). */
export const BREADBOARD_KIND: PartKind = {
  kind: "breadboard",
  isStatic: true,
  isBreadboard: true,
  pins: (component) => breadboardHoles(geometryOf(component)),
  elements: (component) => breadboardElements(component.id, geometryOf(component)),
};

function geometryOf(component: ComponentSpec) {
  const size = component.props?.size ?? "full";
  if (size !== "full" && size !== "half")
    throw new CircuitError(`${component.id}: size must be "full" or "half"`);
  return breadboardGeometry(size as BreadboardSize, component.props?.splitRails === true);
}

/** A circuit checked against a catalog of kinds, ready to be resolved again and again. */
export class PreparedCircuit {
  private readonly fixed: CircuitElement[] = [];
  private readonly live: { component: ComponentSpec; kind: PartKind }[] = [];
  /** Resolutions by the live state the parts read: a sketch returns to the same few states. */
  private readonly memo = new ContextMemo<CircuitResolution>();

  constructor(
    readonly circuit: Circuit,
    readonly catalog: PartCatalog,
  ) {
    const pinsOf = new Map<string, Set<string>>();
    for (const component of circuit.components) {
      const kind = catalog[component.kind];
      if (!kind)
        throw new CircuitError(`${component.id}: unknown kind ${JSON.stringify(component.kind)}`);
      if (!/^[^.\s]+$/.test(component.id) || pinsOf.has(component.id))
        throw new CircuitError(
          `component id ${JSON.stringify(component.id)} is empty, has a dot or is used twice`,
        );
      const pins = kind.pins(component);
      pinsOf.set(component.id, new Set(pins));
      if (!kind.isBreadboard)
        for (const pin of pins)
          this.fixed.push({ type: "terminal", pin: pinRef(component.id, pin) });
      if (kind.isStatic) this.fixed.push(...kind.elements(component, NO_CONTEXT));
      else this.live.push({ component, kind });
    }
    for (const [a, b] of circuit.wires) {
      for (const end of [a, b]) {
        const { component, pin } = splitPinRef(end);
        if (!pinsOf.get(component)?.has(pin)) throw new CircuitError(`wire: no pin ${end}`);
      }
      this.fixed.push({ type: "wire", a, b });
    }
  }

  /**
   * Nets and levels for the parts' state now, with every part's warnings. The same state (as far as
   * the parts read it from `context`) gives the same resolution object again.
   */
  resolve(context: PartContext): CircuitResolution {
    return this.memo.get(context, (recording) => this.resolveAfresh(recording));
  }

  private resolveAfresh(context: PartContext): CircuitResolution {
    const elements = [...this.fixed];
    for (const { component, kind } of this.live)
      elements.push(...kind.elements(component, context));
    const resolution = resolveLevels(elements);
    const checked = this.circuit.components.flatMap(
      (component) => this.catalog[component.kind]!.check?.(component, resolution) ?? [],
    );
    return checked.length
      ? { ...resolution, warnings: [...resolution.warnings, ...checked] }
      : resolution;
  }
}

const NO_CONTEXT: PartContext = {
  mcuDrive: () => "input",
  isClosed: () => false,
};

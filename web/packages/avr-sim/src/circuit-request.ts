/**
 * The circuit fields of a CLI request (README.md, "Circuit runs"): `circuit` checked for shape and
 * size, `mcu` (which board component runs the HEX), `partInputs` (part controls and button presses
 * at given times) and the pin refs of `pins` (traced as net levels). Ids and kinds are checked here
 * because the other fields refer to them; wiring and props are checked by `PreparedCircuit` when
 * the run starts (a `CircuitError`).
 */
import type { Board } from "./boards";
import type { Circuit, ComponentSpec } from "./circuit/circuit";
import { splitPinRef, type PinRef } from "./circuit/elements";
import { PART_CATALOG } from "./parts/catalog";
import { isObject, number, SimRequestError } from "./request-fields";

export const CIRCUIT_LIMITS = {
  components: 500,
  wires: 5000,
  partInputs: 1000,
  /** Pin refs traced as net levels. */
  netPins: 100,
  idChars: 64,
  pinRefChars: 200,
  props: 32,
  propChars: 1000,
} as const;

/** Something done to a part at a simulated time: a control set, or a push button pressed or let go. */
export type PartInput = { readonly tMs: number; readonly part: string } & (
  { readonly control: string; readonly value: number | boolean } | { readonly pressed: boolean }
);

export interface CircuitRequest {
  readonly circuit: Circuit;
  /** Component id of the board that runs the HEX; other boards in the circuit run nothing. */
  readonly mcu: string;
  /** In time order (inputs at the same time keep the request's order). */
  readonly partInputs: readonly PartInput[];
}

export type ControlRule =
  | { readonly type: "number"; readonly min: number; readonly max: number; readonly integer?: true }
  | { readonly type: "boolean" };

const POSITION: ControlRule = { type: "number", min: 0, max: 1 };

/**
 * The settings a user changes on a part (its slider or toggle; contracts §2), by kind, with the
 * ranges a request may set. The part files read them; controls a part sets itself (an HC-SR04's
 * echo, a relay's coil) are not among them.
 */
export const PART_CONTROLS: Readonly<Record<string, Readonly<Record<string, ControlRule>>>> = {
  potentiometer: { position: POSITION },
  "slide-potentiometer": { position: POSITION },
  "slide-switch": { position: { type: "number", min: 0, max: 1, integer: true } },
  photoresistor: { lux: { type: "number", min: 0, max: 100_000 } },
  ntc: { celsius: { type: "number", min: -55, max: 125 } },
  tmp36: { celsius: { type: "number", min: -40, max: 125 } },
  "hc-sr04": { distanceCm: { type: "number", min: 0, max: 1000 } },
  pir: { motion: { type: "boolean" } },
};

/** Kinds that `{"pressed": true}` presses (`CircuitSimulation.setPressed`). */
export const PRESSABLE_KINDS: ReadonlySet<string> = new Set(["push-button"]);

/** The circuit fields of a request, or null when it has no `circuit` (a bare board). */
export function parseCircuitFields(
  input: Record<string, unknown>,
  board: Board,
  ms: number,
): CircuitRequest | null {
  if (input.circuit === undefined) {
    for (const field of ["mcu", "partInputs"])
      if (input[field] !== undefined) throw new SimRequestError(`${field}: only with a circuit`);
    return null;
  }
  const circuit = parseCircuit(input.circuit);
  return {
    circuit,
    mcu: pickMcu(circuit, board, input.mcu),
    partInputs: parsePartInputs(input.partInputs, circuit, ms),
  };
}

function parseCircuit(value: unknown): Circuit {
  if (!isObject(value))
    throw new SimRequestError(
      'circuit: must be an object like {"components": [...], "wires": [...]}',
    );
  const { components, wires = [] } = value;
  if (!Array.isArray(components) || components.length === 0)
    throw new SimRequestError("circuit.components: must be a list of components");
  if (components.length > CIRCUIT_LIMITS.components)
    throw new SimRequestError(`circuit.components: more than ${CIRCUIT_LIMITS.components}`);
  if (!Array.isArray(wires)) throw new SimRequestError("circuit.wires: must be a list of wires");
  if (wires.length > CIRCUIT_LIMITS.wires)
    throw new SimRequestError(`circuit.wires: more than ${CIRCUIT_LIMITS.wires}`);
  const ids = new Set<string>();
  const specs = components.map((component, i) => {
    const spec = parseComponent(component, `circuit.components[${i}]`);
    if (ids.has(spec.id))
      throw new SimRequestError(`circuit.components[${i}].id: "${spec.id}" is used twice`);
    ids.add(spec.id);
    return spec;
  });
  return {
    components: specs,
    wires: wires.map((wire, i) => {
      const field = `circuit.wires[${i}]`;
      if (!Array.isArray(wire) || wire.length !== 2)
        throw new SimRequestError(`${field}: must be two pins like ["uno.D13", "r1.1"]`);
      const [a, b] = wire.map((end: unknown, j) => {
        if (typeof end !== "string" || end.length > CIRCUIT_LIMITS.pinRefChars)
          throw new SimRequestError(`${field}[${j}]: must be a pin like "uno.D13"`);
        const { component } = splitPinRef(end);
        if (!ids.has(component))
          throw new SimRequestError(`${field}[${j}]: no component "${component}" in the circuit`);
        return end;
      });
      return [a!, b!] as const;
    }),
  };
}

function parseComponent(value: unknown, field: string): ComponentSpec {
  if (!isObject(value))
    throw new SimRequestError(`${field}: must be an object like {"id": "led1", "kind": "led"}`);
  const { id, kind, props } = value; // other fields (a workspace's own) are left out
  if (typeof id !== "string" || !/^[^.\s]+$/.test(id) || id.length > CIRCUIT_LIMITS.idChars) {
    throw new SimRequestError(
      `${field}.id: 1 to ${CIRCUIT_LIMITS.idChars} characters without dots or spaces`,
    );
  }
  if (typeof kind !== "string" || !Object.hasOwn(PART_CATALOG, kind))
    throw new SimRequestError(`${field}.kind: unknown kind ${JSON.stringify(kind)}`);
  if (props === undefined) return { id, kind };
  if (!isObject(props) || Object.keys(props).length > CIRCUIT_LIMITS.props)
    throw new SimRequestError(
      `${field}.props: an object of at most ${CIRCUIT_LIMITS.props} settings`,
    );
  for (const [name, setting] of Object.entries(props)) {
    const ok =
      typeof setting === "boolean" ||
      (typeof setting === "number" && Number.isFinite(setting)) ||
      (typeof setting === "string" && setting.length <= CIRCUIT_LIMITS.propChars);
    if (!ok)
      throw new SimRequestError(`${field}.props.${name}: must be a number, a string or true/false`);
  }
  return { id, kind, props: props as ComponentSpec["props"] };
}

/**
 * The board component that runs the HEX: the one `mcu` names (of the request's board kind) or,
 * without `mcu`, the circuit's only component of that kind.
 */
function pickMcu(circuit: Circuit, board: Board, mcu: unknown): string {
  if (mcu !== undefined) {
    if (typeof mcu !== "string") throw new SimRequestError("mcu: must be a component id");
    const component = circuit.components.find((c) => c.id === mcu);
    if (!component) throw new SimRequestError(`mcu: no component "${mcu}" in the circuit`);
    if (component.kind !== board.id)
      throw new SimRequestError(
        `mcu: ${mcu} is a ${component.kind}, the program is for ${board.id}`,
      );
    return mcu;
  }
  const candidates = circuit.components.filter((c) => c.kind === board.id).map((c) => c.id);
  if (candidates.length === 0)
    throw new SimRequestError(`circuit: has no ${board.id} component to run the program`);
  if (candidates.length > 1) {
    throw new SimRequestError(
      `mcu: the circuit has ${candidates.length} ${board.id} components (${candidates.join(", ")}): name the one that runs the program`,
    );
  }
  return candidates[0]!;
}

function parsePartInputs(value: unknown, circuit: Circuit, ms: number): PartInput[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > CIRCUIT_LIMITS.partInputs) {
    throw new SimRequestError(
      `partInputs: must be a list of at most ${CIRCUIT_LIMITS.partInputs} inputs`,
    );
  }
  const kinds = new Map(circuit.components.map((c) => [c.id, c.kind]));
  const inputs = value.map((item, i) => parsePartInput(item, `partInputs[${i}]`, kinds, ms));
  return inputs.sort((a, b) => a.tMs - b.tMs); // stable: equal times keep their order
}

function parsePartInput(
  item: unknown,
  field: string,
  kinds: ReadonlyMap<string, string>,
  ms: number,
): PartInput {
  if (!isObject(item)) {
    throw new SimRequestError(
      `${field}: must be an object like {"t_ms": 500, "part": "pot1", "control": "position", "value": 0.5}`,
    );
  }
  const press = "pressed" in item;
  const known = press ? ["t_ms", "part", "pressed"] : ["t_ms", "part", "control", "value"];
  const unknown = Object.keys(item).filter((key) => !known.includes(key));
  if (unknown.length > 0)
    throw new SimRequestError(`${field}: unknown field(s): ${unknown.join(", ")}`);
  const tMs = number(item.t_ms, `${field}.t_ms`, { min: 0, max: ms });
  const part = item.part;
  const kind = typeof part === "string" ? kinds.get(part) : undefined;
  if (typeof part !== "string" || kind === undefined)
    throw new SimRequestError(`${field}.part: no component ${JSON.stringify(part)} in the circuit`);

  if (press) {
    if (!PRESSABLE_KINDS.has(kind))
      throw new SimRequestError(`${field}.pressed: ${part} is a ${kind}, not a push button`);
    if (typeof item.pressed !== "boolean")
      throw new SimRequestError(`${field}.pressed: must be true or false`);
    return { tMs, part, pressed: item.pressed };
  }
  const controls = PART_CONTROLS[kind] ?? {};
  const control = item.control;
  const rule = typeof control === "string" ? controls[control] : undefined;
  if (typeof control !== "string" || !rule || !Object.hasOwn(controls, control)) {
    const names = Object.keys(controls);
    throw new SimRequestError(
      `${field}.control: ${part} (${kind}) has ${names.length ? `the controls ${names.join(", ")}` : "no controls"}, not ${JSON.stringify(control)}`,
    );
  }
  if (rule.type === "boolean") {
    if (typeof item.value !== "boolean")
      throw new SimRequestError(`${field}.value: must be true or false`);
    return { tMs, part, control, value: item.value };
  }
  return { tMs, part, control, value: number(item.value, `${field}.value`, rule) };
}

/** A pin ref of `pins` (`"led1.A"`): a pin of a component in the circuit. */
export function parseNetPin(ref: string, field: string, circuit: Circuit): PinRef {
  const { component, pin } = splitPinRef(ref);
  const spec = circuit.components.find((c) => c.id === component);
  if (!spec || !PART_CATALOG[spec.kind]!.pins(spec).includes(pin))
    throw new SimRequestError(`${field}: no pin ${ref} in the circuit`);
  return ref;
}

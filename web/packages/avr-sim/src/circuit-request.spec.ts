import { describe, expect, it } from "vitest";
import { CIRCUIT_LIMITS } from "./circuit-request";
import { parseSimRequest, SimRequestError } from "./sim-request";

const HEX = ":00000001FF";

const CIRCUIT = {
  components: [
    { id: "uno1", kind: "uno", x: 10 }, // fields of a workspace's own are left out
    { id: "pot1", kind: "potentiometer", props: { ohms: 10_000 } },
    { id: "btn1", kind: "push-button" },
    { id: "pir1", kind: "pir" },
    { id: "led1", kind: "led" },
  ],
  wires: [["pot1.SIG", "uno1.A0"]],
};

describe("parseSimRequest with a circuit", () => {
  it("takes the circuit, picks the board's component and sorts the part inputs by time", () => {
    const request = parseSimRequest({
      hex: HEX,
      ms: 1000,
      circuit: CIRCUIT,
      partInputs: [
        { t_ms: 500, part: "btn1", pressed: true },
        { t_ms: 0, part: "pot1", control: "position", value: 0.25 },
        { t_ms: 500, part: "pir1", control: "motion", value: true },
      ],
      pins: [13, "led1.A", "uno1.A0"],
    });
    expect(request.circuit!.mcu).toBe("uno1");
    expect(request.circuit!.circuit.components[0]).toEqual({ id: "uno1", kind: "uno" });
    expect(request.circuit!.circuit.wires).toEqual([["pot1.SIG", "uno1.A0"]]);
    expect(request.circuit!.partInputs).toEqual([
      { tMs: 0, part: "pot1", control: "position", value: 0.25 },
      { tMs: 500, part: "btn1", pressed: true },
      { tMs: 500, part: "pir1", control: "motion", value: true },
    ]);
    expect([...request.pins!]).toEqual([13]);
    expect(request.netPins).toEqual(["led1.A", "uno1.A0"]);
  });

  it("runs the board `mcu` names when the circuit has several of its kind", () => {
    const circuit = { components: [...CIRCUIT.components, { id: "uno2", kind: "uno" }] };
    expect(parseSimRequest({ hex: HEX, circuit, mcu: "uno2" }).circuit!.mcu).toBe("uno2");
  });

  it("is null without a circuit", () => {
    expect(parseSimRequest({ hex: HEX })).toMatchObject({ circuit: null, netPins: [] });
  });

  const twoUnos = {
    components: [
      { id: "a", kind: "uno" },
      { id: "b", kind: "uno" },
    ],
  };
  it.each([
    [{ mcu: "uno1" }, "mcu: only with a circuit"],
    [{ partInputs: [] }, "partInputs: only with a circuit"],
    [{ pins: ["led1.A"] }, "pins[0]: a part's pin (led1.A) needs a circuit"],
    [{ circuit: [] }, 'circuit: must be an object like {"components": [...], "wires": [...]}'],
    [{ circuit: { components: [] } }, "circuit.components: must be a list of components"],
    [
      {
        circuit: {
          components: Array.from({ length: CIRCUIT_LIMITS.components + 1 }, (_, i) => ({
            id: `r${i}`,
            kind: "resistor",
          })),
        },
      },
      "circuit.components: more than 500",
    ],
    [
      {
        circuit: {
          ...CIRCUIT,
          wires: Array(CIRCUIT_LIMITS.wires + 1).fill(["uno1.D2", "btn1.1.l"]),
        },
      },
      "circuit.wires: more than 5000",
    ],
    [
      { circuit: { components: [{ id: "a.b", kind: "uno" }] } },
      "circuit.components[0].id: 1 to 64 characters without dots or spaces",
    ],
    [
      { circuit: { components: [{ id: "x".repeat(65), kind: "uno" }] } },
      "circuit.components[0].id: 1 to 64 characters without dots or spaces",
    ],
    [
      {
        circuit: {
          components: [
            { id: "u", kind: "uno" },
            { id: "u", kind: "led" },
          ],
        },
      },
      'circuit.components[1].id: "u" is used twice',
    ],
    [
      { circuit: { components: [{ id: "u", kind: "arduino" }] } },
      'circuit.components[0].kind: unknown kind "arduino"',
    ],
    [
      { circuit: { components: [{ id: "u", kind: "uno", props: { a: [1] } }] } },
      "circuit.components[0].props.a: must be a number, a string or true/false",
    ],
    [
      { circuit: { ...CIRCUIT, wires: [["uno1.D2"]] } },
      'circuit.wires[0]: must be two pins like ["uno.D13", "r1.1"]',
    ],
    [
      { circuit: { ...CIRCUIT, wires: [["uno1.D2", "nope.1"]] } },
      'circuit.wires[0][1]: no component "nope" in the circuit',
    ],
    [
      { circuit: { components: [{ id: "n", kind: "nano" }] } },
      "circuit: has no uno component to run the program",
    ],
    [
      { circuit: twoUnos },
      "mcu: the circuit has 2 uno components (a, b): name the one that runs the program",
    ],
    [{ circuit: twoUnos, mcu: "c" }, 'mcu: no component "c" in the circuit'],
    [{ circuit: CIRCUIT, mcu: "led1" }, "mcu: led1 is a led, the program is for uno"],
    [
      { circuit: CIRCUIT, adc: { A0: 1 } },
      "adc: not with a circuit (its parts drive the pins: set them with partInputs)",
    ],
    [
      { circuit: CIRCUIT, digitalInputs: { "2": 1 } },
      "digitalInputs: not with a circuit (its parts drive the pins: set them with partInputs)",
    ],
    [{ circuit: CIRCUIT, pins: ["led1.X"] }, "pins[0]: no pin led1.X in the circuit"],
    [{ circuit: CIRCUIT, pins: ["led9.A"] }, "pins[0]: no pin led9.A in the circuit"],
    [
      { circuit: CIRCUIT, partInputs: [{ t_ms: 2000, part: "btn1", pressed: true }] },
      "partInputs[0].t_ms: must be a number from 0 to 1000",
    ],
    [
      { circuit: CIRCUIT, partInputs: [{ t_ms: 1, part: "btn9", pressed: true }] },
      'partInputs[0].part: no component "btn9" in the circuit',
    ],
    [
      { circuit: CIRCUIT, partInputs: [{ t_ms: 1, part: "led1", pressed: true }] },
      "partInputs[0].pressed: led1 is a led, not a push button",
    ],
    [
      { circuit: CIRCUIT, partInputs: [{ t_ms: 1, part: "btn1", pressed: 1 }] },
      "partInputs[0].pressed: must be true or false",
    ],
    [
      { circuit: CIRCUIT, partInputs: [{ t_ms: 1, part: "pot1", control: "angle", value: 1 }] },
      'partInputs[0].control: pot1 (potentiometer) has the controls position, not "angle"',
    ],
    [
      { circuit: CIRCUIT, partInputs: [{ t_ms: 1, part: "led1", control: "on", value: 1 }] },
      'partInputs[0].control: led1 (led) has no controls, not "on"',
    ],
    [
      { circuit: CIRCUIT, partInputs: [{ t_ms: 1, part: "pot1", control: "position", value: 2 }] },
      "partInputs[0].value: must be a number from 0 to 1",
    ],
    [
      { circuit: CIRCUIT, partInputs: [{ t_ms: 1, part: "pir1", control: "motion", value: 1 }] },
      "partInputs[0].value: must be true or false",
    ],
    [
      { circuit: CIRCUIT, partInputs: [{ t_ms: 1, part: "btn1", pressed: true, value: 1 }] },
      "partInputs[0]: unknown field(s): value",
    ],
  ])("refuses %j", (fields, message) => {
    expect(() => parseSimRequest({ hex: HEX, ms: 1000, ...fields })).toThrow(
      new SimRequestError(message),
    );
  });
});

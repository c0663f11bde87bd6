/** The circuit around running boards: shorts between outputs, analog levels into the ADC. */
import { describe, expect, it } from "vitest";
import { AvrSimulation } from "../avr-simulation";
import { BOARDS } from "../boards";
import { CircuitError } from "../circuit/circuit";
import { buildSketch } from "../test-support/arduino-sketch";
import { CircuitSimulation, STARTUP_GRACE_US } from "./circuit-simulation";

const uno = (sketch: string) => new AvrSimulation(BOARDS.uno, buildSketch(sketch));

describe("CircuitSimulation", () => {
  it("warns about a short between an output driven HIGH and one driven LOW", () => {
    const circuit = new CircuitSimulation(
      { components: [{ id: "uno", kind: "uno" }], wires: [["uno.D2", "uno.D3"]] },
      {
        uno: uno(`void setup() { pinMode(2, OUTPUT); pinMode(3, OUTPUT); digitalWrite(2, HIGH); digitalWrite(3, LOW); }
void loop() {}`),
      },
    );
    // Before setup() runs both are inputs with nothing driving them.
    expect(circuit.warnings.map((w) => w.kind)).toEqual(["floating-input", "floating-input"]);
    circuit.runFor(10);
    expect(circuit.warnings).toEqual([
      {
        kind: "contention",
        pins: ["uno.D2", "uno.D3"],
        message: "Short circuit: uno.D2 (5 V), uno.D3 (0 V) drive the same net at different levels",
      },
    ]);
    expect(circuit.warningLog.map((entry) => entry.warning.kind)).toContain("contention");
  });

  it("logs inputs floating after start-up, not the pins setup() has yet to configure", () => {
    // D13 drives an LED (an input only until pinMode); D2 is read with nothing driving it.
    const circuit = new CircuitSimulation(
      {
        components: [
          { id: "uno", kind: "uno" },
          { id: "r1", kind: "resistor", props: { ohms: 220 } },
          { id: "led1", kind: "led" },
          { id: "btn", kind: "push-button" },
        ],
        wires: [
          ["uno.D13", "r1.1"],
          ["r1.2", "led1.A"],
          ["led1.C", "uno.GND"],
          ["uno.D2", "btn.1.l"],
          ["btn.2.l", "uno.GND"],
        ],
      },
      {
        uno: uno(`void setup() { pinMode(13, OUTPUT); pinMode(2, INPUT); }
void loop() { digitalWrite(13, digitalRead(2)); }`),
      },
    );
    expect(circuit.warnings.map((w) => w.pins)).toEqual([["uno.D2"], ["uno.D13"]]);
    circuit.runFor(20);
    expect(circuit.warningLog.map(({ warning }) => warning.pins)).toEqual([["uno.D2"]]);
    expect(circuit.warningLog[0]!.t_us).toBeGreaterThanOrEqual(STARTUP_GRACE_US);
  });

  it("feeds a divider's voltage to analogRead", () => {
    // Two 10 kΩ between 5V and GND, the middle on A0; the sketch lights D13 above 500 counts.
    const circuit = new CircuitSimulation(
      {
        components: [
          { id: "uno", kind: "uno" },
          { id: "top", kind: "resistor", props: { ohms: 10_000 } },
          { id: "bottom", kind: "resistor", props: { ohms: 4_700 } },
        ],
        wires: [
          ["uno.5V", "top.1"],
          ["top.2", "uno.A0"],
          ["bottom.1", "uno.A0"],
          ["bottom.2", "uno.GND"],
        ],
      },
      {
        uno: uno(
          "void setup() { pinMode(13, OUTPUT); }\nvoid loop() { digitalWrite(13, analogRead(A0) > 300); }",
        ),
      },
    );
    circuit.runFor(5);
    expect(circuit.resolution.levelOf("uno.A0").volts).toBeCloseTo((5 * 4.7) / 14.7, 6);
    expect(circuit.mcus.uno!.adc.channelValues[0]).toBeCloseTo(1.599, 3); // 327 counts
    expect(circuit.resolution.levelOf("uno.D13")).toEqual({ strength: "strong", volts: 5 });
  });

  it("rejects wires to pins that do not exist and boards missing from the circuit", () => {
    expect(
      () =>
        new CircuitSimulation(
          { components: [{ id: "uno", kind: "uno" }], wires: [["uno.D14", "uno.GND"]] },
          {},
        ),
    ).toThrow(new CircuitError("wire: no pin uno.D14"));
    expect(
      () =>
        new CircuitSimulation(
          { components: [], wires: [] },
          { uno: uno("void setup(){}\nvoid loop(){}") },
        ),
    ).toThrow(CircuitError);
  });
});

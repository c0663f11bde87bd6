/** RGB LED on a running Uno: analogWrite on three pins mixes the colour; dark without COM. */
import { describe, expect, it } from "vitest";
import { AvrSimulation } from "../avr-simulation";
import { BOARDS } from "../boards";
import type { PinRef } from "../circuit/elements";
import { buildSketch } from "../test-support/arduino-sketch";
import { CircuitSimulation } from "./circuit-simulation";
import { RGB_CHANNELS, RgbLed } from "./rgb-led";

/** 255 − value on a common anode, so both wirings show the same colour. */
const sketch = (invert: boolean) => `void setup() {
  analogWrite(9, ${invert ? "255 - " : ""}64); analogWrite(10, ${invert ? "255 - " : ""}128); analogWrite(11, ${invert ? "255 - " : ""}255);
}
void loop() {}`;

function start(common: "cathode" | "anode", comTo: PinRef | null) {
  const pins = { R: "uno.D9", G: "uno.D10", B: "uno.D11" };
  const wires: [PinRef, PinRef][] = RGB_CHANNELS.flatMap((channel): [PinRef, PinRef][] => [
    [pins[channel], `r${channel}.1`],
    [`r${channel}.2`, `rgb.${channel}`],
  ]);
  if (comTo) wires.push(["rgb.COM", comTo]);
  const circuit = new CircuitSimulation(
    {
      components: [
        { id: "uno", kind: "uno" },
        { id: "rgb", kind: "rgb-led", props: { common } },
        ...RGB_CHANNELS.map((c) => ({ id: `r${c}`, kind: "resistor", props: { ohms: 220 } })),
      ],
      wires,
    },
    { uno: new AvrSimulation(BOARDS.uno, buildSketch(sketch(common === "anode"))) },
  );
  circuit.runFor(300);
  const led = circuit.partBehaviour("rgb", RgbLed);
  // Timers 1 and 2 run their PWM at 490 Hz: 100 periods give the duty.
  return RGB_CHANNELS.map((c) => led.brightness(c, circuit.nowUs, 100 * (510 / 250)));
}

describe("RGB LED", () => {
  it.each([
    ["cathode", "uno.GND"],
    ["anode", "uno.5V"],
  ] as const)("mixes the PWM duties of its colours (common %s)", (common, comTo) => {
    const [red, green, blue] = start(common, comTo);
    expect(red).toBeCloseTo(64 / 255, 2);
    expect(green).toBeCloseTo(128 / 255, 2);
    expect(blue).toBe(1);
  });

  it("stays dark with COM unconnected", () => {
    expect(start("cathode", null)).toEqual([0, 0, 0]);
  });
});

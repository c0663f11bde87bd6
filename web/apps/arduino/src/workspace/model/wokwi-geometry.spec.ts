// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { PX_PER_MM, WOKWI_GEOMETRY } from "./wokwi-geometry";

// The file of each element's tag (they register themselves when imported).
const ELEMENT_FILES: Record<string, () => Promise<unknown>> = {
  "wokwi-arduino-uno": () => import("@wokwi/elements/dist/esm/arduino-uno-element.js"),
  "wokwi-arduino-nano": () => import("@wokwi/elements/dist/esm/arduino-nano-element.js"),
  "wokwi-arduino-mega": () => import("@wokwi/elements/dist/esm/arduino-mega-element.js"),
  "wokwi-resistor": () => import("@wokwi/elements/dist/esm/resistor-element.js"),
  "wokwi-led": () => import("@wokwi/elements/dist/esm/led-element.js"),
  "wokwi-pushbutton": () => import("@wokwi/elements/dist/esm/pushbutton-element.js"),
  "wokwi-potentiometer": () => import("@wokwi/elements/dist/esm/potentiometer-element.js"),
  "wokwi-slide-potentiometer": () =>
    import("@wokwi/elements/dist/esm/slide-potentiometer-element.js"),
  "wokwi-servo": () => import("@wokwi/elements/dist/esm/servo-element.js"),
  "wokwi-buzzer": () => import("@wokwi/elements/dist/esm/buzzer-element.js"),
  "wokwi-7segment": () => import("@wokwi/elements/dist/esm/7segment-element.js"),
  "wokwi-lcd1602": () => import("@wokwi/elements/dist/esm/lcd1602-element.js"),
  "wokwi-lcd2004": () => import("@wokwi/elements/dist/esm/lcd2004-element.js"),
  "wokwi-hc-sr04": () => import("@wokwi/elements/dist/esm/hc-sr04-element.js"),
  "wokwi-photoresistor-sensor": () =>
    import("@wokwi/elements/dist/esm/photoresistor-sensor-element.js"),
  "wokwi-ntc-temperature-sensor": () =>
    import("@wokwi/elements/dist/esm/ntc-temperature-sensor-element.js"),
  "wokwi-pir-motion-sensor": () => import("@wokwi/elements/dist/esm/pir-motion-sensor-element.js"),
  "wokwi-slide-switch": () => import("@wokwi/elements/dist/esm/slide-switch-element.js"),
  "wokwi-rgb-led": () => import("@wokwi/elements/dist/esm/rgb-led-element.js"),
};

type WokwiElement = HTMLElement & {
  pinInfo: { name: string; x: number; y: number }[];
  updateComplete: Promise<unknown>;
};

/** An SVG length attribute in CSS px ("17mm" or "40"). */
function px(length: string | null | undefined): number {
  if (!length) throw new Error("no SVG size");
  return length.endsWith("mm") ? parseFloat(length) * PX_PER_MM : parseFloat(length);
}

describe("WOKWI_GEOMETRY", () => {
  for (const [kind, geometry] of Object.entries(WOKWI_GEOMETRY)) {
    it(`${kind}: size and pins are where <${geometry.element}> draws them`, async () => {
      await ELEMENT_FILES[geometry.element]!();
      const element = document.createElement(geometry.element) as WokwiElement;
      document.body.append(element);
      await element.updateComplete;
      // The element's own drawing (the buzzer also has a small music-note icon beside it).
      const svg = [...element.shadowRoot!.querySelectorAll("svg")].find(
        (s) => s.parentElement?.closest("svg") == null && !s.classList.contains("music-note"),
      );
      expect(px(svg?.getAttribute("width"))).toBeCloseTo(geometry.width, 6);
      expect(px(svg?.getAttribute("height"))).toBeCloseTo(geometry.height, 6);
      const drawn = new Map(element.pinInfo.map((pin) => [pin.name, pin]));
      for (const pin of geometry.pins) {
        const info = drawn.get(pin.elementPin ?? pin.name);
        expect(info, `${kind} pin ${pin.name}`).toBeDefined();
        expect(pin.x, `${kind} pin ${pin.name} x`).toBeCloseTo(info!.x, 3);
        expect(pin.y, `${kind} pin ${pin.name} y`).toBeCloseTo(info!.y, 3);
      }
      element.remove();
    });
  }
});

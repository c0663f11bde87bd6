/**
 * JSX types for the @wokwi/elements custom elements used here. The package declares them on the
 * global `JSX` namespace, which React 19's types no longer read; React 19 sets properties of
 * custom elements, so these are the element classes' own properties.
 */
import type { ArduinoUnoElement } from "@wokwi/elements/dist/esm/arduino-uno-element";
import type { LEDElement } from "@wokwi/elements/dist/esm/led-element";
import type { ClassAttributes, HTMLAttributes } from "react";

type WokwiElement<T> = Partial<Omit<T, keyof HTMLElement>> &
  ClassAttributes<T> &
  HTMLAttributes<T> & { "data-testid"?: string };

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "wokwi-arduino-uno": WokwiElement<ArduinoUnoElement>;
      "wokwi-led": WokwiElement<LEDElement>;
    }
  }
}

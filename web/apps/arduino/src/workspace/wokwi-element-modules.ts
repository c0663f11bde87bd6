/**
 * Registers every @wokwi/elements custom element the workspace draws parts with (the tags in
 * model/kinds.ts). Importing a module defines its element; the package's index would pull in all
 * of its ~60 elements.
 */
import "@wokwi/elements/dist/esm/7segment-element.js";
import "@wokwi/elements/dist/esm/arduino-mega-element.js";
import "@wokwi/elements/dist/esm/arduino-nano-element.js";
import "@wokwi/elements/dist/esm/arduino-uno-element.js";
import "@wokwi/elements/dist/esm/buzzer-element.js";
import "@wokwi/elements/dist/esm/hc-sr04-element.js";
import "@wokwi/elements/dist/esm/lcd1602-element.js";
import "@wokwi/elements/dist/esm/lcd2004-element.js";
import "@wokwi/elements/dist/esm/led-element.js";
import "@wokwi/elements/dist/esm/ntc-temperature-sensor-element.js";
import "@wokwi/elements/dist/esm/photoresistor-sensor-element.js";
import "@wokwi/elements/dist/esm/pir-motion-sensor-element.js";
import "@wokwi/elements/dist/esm/potentiometer-element.js";
import "@wokwi/elements/dist/esm/pushbutton-element.js";
import "@wokwi/elements/dist/esm/resistor-element.js";
import "@wokwi/elements/dist/esm/rgb-led-element.js";
import "@wokwi/elements/dist/esm/servo-element.js";
import "@wokwi/elements/dist/esm/slide-potentiometer-element.js";
import "@wokwi/elements/dist/esm/slide-switch-element.js";

/** Part models on the circuit model, and the glue that runs them with boards (see README.md). */
export { BATTERY_9V_KIND } from "./battery-9v";
export { PART_CATALOG } from "./catalog";
export { CircuitSimulation } from "./circuit-simulation";
export { isLedLit, LED_FORWARD_VOLTS, LED_KIND, LedBrightness, ledForwardVolts } from "./led";
export { PUSH_BUTTON_KIND } from "./push-button";
export { DEFAULT_RESISTOR_OHMS, RESISTOR_KIND, resistorOhms } from "./resistor";

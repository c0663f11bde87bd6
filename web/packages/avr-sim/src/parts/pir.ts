/**
 * PIR motion sensor (HC-SR501): pins `VCC`, `OUT`, `GND`. Powered, OUT is 3.3 V while the control
 * or prop `motion` is true (the app's toggle) and 0 V otherwise; without power it drives nothing.
 */
import type { ComponentSpec, PartKind } from "../circuit/circuit";
import { pinRef } from "../circuit/elements";
import { PoweredControl, type PartHost } from "./part-behaviour";

export const PIR_HIGH_VOLTS = 3.3;

export const PIR_KIND: PartKind = {
  kind: "pir",
  pins: () => ["VCC", "OUT", "GND"],
  elements: (component, context) => {
    const volts = context.control?.(component.id, "out");
    return typeof volts === "number"
      ? [{ type: "supply", pin: pinRef(component.id, "OUT"), volts }]
      : [];
  },
};

export const pirBehaviour = (component: ComponentSpec, host: PartHost) =>
  new PoweredControl(component.id, host, "out", () =>
    (host.control(component.id, "motion") ?? component.props?.motion) === true ? PIR_HIGH_VOLTS : 0,
  );

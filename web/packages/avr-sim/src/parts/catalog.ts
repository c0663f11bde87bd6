/** Every component kind a circuit may use, by `kind`. */
import { boardKind, BREADBOARD_KIND, type PartCatalog } from "../circuit/circuit";
import { BATTERY_9V_KIND } from "./battery-9v";
import { LED_KIND } from "./led";
import { PUSH_BUTTON_KIND } from "./push-button";
import { RESISTOR_KIND } from "./resistor";

export const PART_CATALOG: PartCatalog = Object.fromEntries(
  [
    boardKind("uno"),
    boardKind("nano"),
    boardKind("mega2560"),
    BREADBOARD_KIND,
    RESISTOR_KIND,
    LED_KIND,
    PUSH_BUTTON_KIND,
    BATTERY_9V_KIND,
  ].map((kind) => [kind.kind, kind]),
);

/**
 * Slide switch (SPDT): pins `1`, `2` (common), `3`. The control or prop `position` 0 (default)
 * joins 1 to 2, position 1 joins 2 to 3.
 */
import type { PartKind } from "../circuit/circuit";
import { pinRef } from "../circuit/elements";

export const SLIDE_SWITCH_KIND: PartKind = {
  kind: "slide-switch",
  pins: () => ["1", "2", "3"],
  elements: (component, context) => {
    const position = context.control?.(component.id, "position") ?? component.props?.position ?? 0;
    const other = position === 1 || position === true ? "3" : "1";
    return [{ type: "wire", a: pinRef(component.id, "2"), b: pinRef(component.id, other) }];
  },
};

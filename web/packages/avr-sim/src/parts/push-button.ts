/**
 * Push button (6 mm tactile switch): four legs in two pairs, `1.l`–`1.r` and `2.l`–`2.r`, each pair
 * always joined inside; pressing joins side 1 to side 2. On a breadboard it straddles the centre gap
 * so that the pairs land in different strips — turned by 90° it shorts its own strip, as for real.
 */
import type { PartKind } from "../circuit/circuit";
import { pinRef } from "../circuit/elements";

export const PUSH_BUTTON_KIND: PartKind = {
  kind: "push-button",
  pins: () => ["1.l", "1.r", "2.l", "2.r"],
  elements: (component, context) => {
    const pin = (name: string) => pinRef(component.id, name);
    return [
      { type: "wire", a: pin("1.l"), b: pin("1.r") },
      { type: "wire", a: pin("2.l"), b: pin("2.r") },
      ...(context.isClosed(component.id)
        ? [{ type: "wire" as const, a: pin("1.l"), b: pin("2.l") }]
        : []),
    ];
  },
};

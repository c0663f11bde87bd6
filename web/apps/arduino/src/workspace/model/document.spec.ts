import { describe, expect, it } from "vitest";
import { EMPTY_DOC, findPart, freshId, isMcuKind, mcuParts, type WorkspaceDoc } from "./document";

const doc: WorkspaceDoc = {
  parts: [
    { id: "bb1", kind: "breadboard", x: 0, y: 0, rotation: 0 },
    { id: "nano1", kind: "nano", x: 0, y: 0, rotation: 0 },
    { id: "led1", kind: "led", x: 0, y: 0, rotation: 0 },
    { id: "uno1", kind: "uno", x: 0, y: 0, rotation: 90 },
  ],
  wires: [{ id: "w1", from: "led1.A", to: "uno1.D13", points: [], color: "green" }],
};

describe("workspace document", () => {
  it("knows the MCU boards, in document order (the first is the main board)", () => {
    expect(["uno", "nano", "mega2560", "led", "breadboard"].map(isMcuKind)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(mcuParts(doc).map((p) => p.id)).toEqual(["nano1", "uno1"]);
    expect(mcuParts(EMPTY_DOC)).toEqual([]);
  });

  it("finds parts by id and makes ids no part or wire uses", () => {
    expect(findPart(doc, "led1")?.kind).toBe("led");
    expect(findPart(doc, "w1")).toBeUndefined();
    expect(freshId(doc, "led")).toBe("led2");
    expect(freshId(doc, "w")).toBe("w2");
    expect(freshId(doc, "w", new Set(["w2"]))).toBe("w3");
    expect(freshId(EMPTY_DOC, "r")).toBe("r1");
  });
});

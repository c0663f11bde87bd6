import { describe, expect, it } from "vitest";
import type { McuPinDrive } from "./board-pins";
import type { PartContext } from "./circuit";
import { CONTEXT_MEMO_CAPACITY, ContextMemo } from "./context-memo";

/** A live context whose answers the test changes between lookups. */
function liveContext() {
  const drives = new Map<number, McuPinDrive>();
  const closed = new Set<string>();
  const controls = new Map<string, number>();
  const context: PartContext = {
    mcuDrive: (_component, pin) => drives.get(pin) ?? "input",
    isClosed: (component) => closed.has(component),
    control: (component, name) => controls.get(`${component}.${name}`),
  };
  return { context, drives, closed, controls };
}

describe("ContextMemo", () => {
  it("computes once per distinct state read, and only what differs is computed again", () => {
    const { context, drives, closed } = liveContext();
    const memo = new ContextMemo<string>();
    let computed = 0;
    // Reads D2 always, and D3 only while the button is closed: the reads depend on values read.
    const compute = (c: PartContext) => {
      computed++;
      const d2 = c.mcuDrive("uno", 2);
      return c.isClosed("btn") ? `${d2}+${c.mcuDrive("uno", 3)}` : `${d2}`;
    };

    expect(memo.get(context, compute)).toBe("input");
    expect(memo.get(context, compute)).toBe("input");
    expect(computed).toBe(1);

    drives.set(3, "high"); // not read while the button is open
    expect(memo.get(context, compute)).toBe("input");
    expect(computed).toBe(1);

    closed.add("btn");
    expect(memo.get(context, compute)).toBe("input+high");
    drives.set(2, "low");
    expect(memo.get(context, compute)).toBe("low+high");
    expect(computed).toBe(3);

    drives.set(2, "input");
    expect(memo.get(context, compute)).toBe("input+high");
    closed.delete("btn");
    expect(memo.get(context, compute)).toBe("input");
    expect(computed).toBe(3);
  });

  it("gives back the very same object for a state seen before", () => {
    const { context, controls } = liveContext();
    const memo = new ContextMemo<{ position: number | boolean | undefined }>();
    const compute = (c: PartContext) => ({ position: c.control?.("pot", "position") });
    const unset = memo.get(context, compute);
    controls.set("pot.position", 0.5);
    const half = memo.get(context, compute);
    expect(half).toEqual({ position: 0.5 });
    controls.delete("pot.position");
    expect(memo.get(context, compute)).toBe(unset);
    controls.set("pot.position", 0.5);
    expect(memo.get(context, compute)).toBe(half);
  });

  it("starts afresh for another context, which may offer other reads", () => {
    const memo = new ContextMemo<string>();
    const compute = (c: PartContext) => String(c.control?.("pot", "position") ?? "props");
    const { context, controls } = liveContext();
    controls.set("pot.position", 1);
    expect(memo.get(context, compute)).toBe("1");
    const withoutControls: PartContext = { mcuDrive: () => "input", isClosed: () => false };
    expect(memo.get(withoutControls, compute)).toBe("props");
    expect(memo.get(context, compute)).toBe("1");
  });

  it("forgets every state once it holds too many, and stays correct", () => {
    const { context, controls } = liveContext();
    const memo = new ContextMemo<number>();
    let computed = 0;
    const compute = (c: PartContext) => {
      computed++;
      return Number(c.control?.("pot", "position")) * 2;
    };
    for (let position = 0; position <= CONTEXT_MEMO_CAPACITY; position++) {
      controls.set("pot.position", position);
      expect(memo.get(context, compute)).toBe(position * 2);
    }
    expect(computed).toBe(CONTEXT_MEMO_CAPACITY + 1);
    controls.set("pot.position", 0); // forgotten when the last one did not fit
    expect(memo.get(context, compute)).toBe(0);
    expect(computed).toBe(CONTEXT_MEMO_CAPACITY + 2);
    controls.set("pot.position", CONTEXT_MEMO_CAPACITY); // kept
    expect(memo.get(context, compute)).toBe(CONTEXT_MEMO_CAPACITY * 2);
    expect(computed).toBe(CONTEXT_MEMO_CAPACITY + 2);
  });
});

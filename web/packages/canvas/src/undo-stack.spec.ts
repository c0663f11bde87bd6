import { describe, expect, it } from "vitest";
import { UndoStack } from "./undo-stack";

describe("UndoStack", () => {
  it("undoes and redoes edits in order, with their labels", () => {
    const stack = new UndoStack<readonly string[]>([]);
    expect(stack.canUndo).toBe(false);
    stack.push(["a"], "Add a");
    stack.push(["a", "b"], "Add b");
    expect(stack.undoLabel).toBe("Add b");
    expect(stack.undo()).toEqual(["a"]);
    expect(stack.redoLabel).toBe("Add b");
    expect(stack.undoLabel).toBe("Add a");
    expect(stack.undo()).toEqual([]);
    expect(stack.canUndo).toBe(false);
    expect(stack.undo()).toEqual([]); // nothing more to undo
    expect(stack.redo()).toEqual(["a"]);
    expect(stack.redo()).toEqual(["a", "b"]);
    expect(stack.canRedo).toBe(false);
  });

  it("drops the redo states when a new edit comes", () => {
    const stack = new UndoStack(0);
    stack.push(1, "one");
    stack.push(2, "two");
    stack.undo();
    stack.push(3, "three");
    expect(stack.canRedo).toBe(false);
    expect(stack.undo()).toBe(1);
  });

  it("merges the steps of one drag into one entry until sealed", () => {
    const stack = new UndoStack({ x: 0 });
    stack.push({ x: 1 }, "Move", "drag");
    stack.push({ x: 2 }, "Move", "drag");
    stack.push({ x: 3 }, "Move", "drag");
    stack.seal();
    stack.push({ x: 4 }, "Move", "drag");
    expect(stack.undo()).toEqual({ x: 3 });
    expect(stack.undo()).toEqual({ x: 0 });
    expect(stack.canUndo).toBe(false);
  });

  it("ignores an edit that changed nothing, keeps at most `limit` steps, and resets", () => {
    const same = { n: 1 };
    const stack = new UndoStack(same, 2);
    expect(stack.push(same, "nothing")).toBe(same);
    expect(stack.canUndo).toBe(false);
    for (let n = 2; n <= 5; n++) stack.push({ n }, `set ${n}`);
    expect(stack.undo()).toEqual({ n: 4 });
    expect(stack.undo()).toEqual({ n: 3 });
    expect(stack.canUndo).toBe(false);
    stack.reset({ n: 9 });
    expect([stack.current, stack.canUndo, stack.canRedo]).toEqual([{ n: 9 }, false, false]);
  });
});

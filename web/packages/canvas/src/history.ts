import type { Command } from "./commands";
import { applyCommand, mergeCommands, revertCommand } from "./commands";
import type { Scene } from "./scene";

/**
 * The undo log: the current scene and the commands that led to it. Undo reverts the last command's
 * changes, redo applies them again; doing a new command drops the redo stack.
 */
export class History {
  private current: Scene;
  private readonly done: Command[] = [];
  private undone: Command[] = [];
  private mergeOpen = false;

  constructor(scene: Scene) {
    this.current = scene;
  }

  get scene(): Scene {
    return this.current;
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** Labels of the undoable commands, oldest first. */
  get labels(): string[] {
    return this.done.map((command) => command.label);
  }

  /**
   * Applies `command` and logs it. It merges into the previous entry when both carry the same
   * `mergeKey` and nothing was undone or sealed in between. Empty commands are not logged.
   */
  do(command: Command): Scene {
    if (command.changes.length === 0) return this.current;
    this.current = applyCommand(this.current, command);
    this.undone = [];
    const last = this.done[this.done.length - 1];
    if (
      this.mergeOpen &&
      last !== undefined &&
      command.mergeKey !== undefined &&
      last.mergeKey === command.mergeKey
    ) {
      this.done[this.done.length - 1] = mergeCommands(last, command);
    } else {
      this.done.push(command);
    }
    this.mergeOpen = command.mergeKey !== undefined;
    return this.current;
  }

  /** Ends the current merge run (a drag's pointer-up): the next command starts a new entry. */
  seal(): void {
    this.mergeOpen = false;
  }

  undo(): Scene {
    const command = this.done.pop();
    if (command !== undefined) {
      this.current = revertCommand(this.current, command);
      this.undone.push(command);
    }
    this.mergeOpen = false;
    return this.current;
  }

  redo(): Scene {
    const command = this.undone.pop();
    if (command !== undefined) {
      this.current = applyCommand(this.current, command);
      this.done.push(command);
    }
    this.mergeOpen = false;
    return this.current;
  }
}

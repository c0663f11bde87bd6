import { useEffect, useRef, type RefObject } from "react";

/** Ctrl+Enter (⌘+Enter on macOS), without Alt or Shift. */
export function isRunShortcut(
  event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">,
): boolean {
  return (
    event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey
  );
}

export interface RunShortcutOptions {
  /** Off while a run is going on, for instance. Default on. */
  enabled?: boolean;
  /** Listen on this element only; the whole window by default. */
  target?: RefObject<HTMLElement | null>;
}

/** Calls `run` on Ctrl+Enter (⌘+Enter), in the window or inside one element. */
export function useRunShortcut(
  run: () => void,
  { enabled = true, target }: RunShortcutOptions = {},
): void {
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  useEffect(() => {
    if (!enabled) return;
    const element: HTMLElement | Window | null = target ? target.current : window;
    if (!element) return;
    const onKeyDown = (event: Event) => {
      if (!(event instanceof KeyboardEvent) || !isRunShortcut(event)) return;
      event.preventDefault();
      latest.current();
    };
    element.addEventListener("keydown", onKeyDown);
    return () => element.removeEventListener("keydown", onKeyDown);
  }, [enabled, target]);
}

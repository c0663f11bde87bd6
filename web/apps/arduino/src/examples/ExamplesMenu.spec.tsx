// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { ArduinoProject } from "../project/project-file";
import { EXAMPLES, exampleById } from "./catalog";
import { ExamplesMenu } from "./ExamplesMenu";

afterEach(cleanup);

function renderMenu() {
  const opened: ArduinoProject[] = [];
  render(<ExamplesMenu onOpen={(project) => opened.push(project)} />);
  return { opened, button: screen.getByTestId("examples-menu") };
}

const focused = () => document.activeElement?.getAttribute("data-testid");

describe("ExamplesMenu", () => {
  it("lists every example with its title and description, and opens the one clicked", () => {
    const { opened, button } = renderMenu();
    expect(screen.queryByRole("menu")).toBeNull();
    fireEvent.click(button);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    const items = screen.getAllByRole("menuitem");
    expect(items.map((item) => item.getAttribute("data-testid"))).toEqual(
      EXAMPLES.map((example) => `example-${example.id}`),
    );
    for (const example of EXAMPLES) {
      const item = screen.getByTestId(`example-${example.id}`);
      expect(item.textContent).toContain(example.title);
      expect(item.textContent).toContain(example.description);
    }
    fireEvent.click(screen.getByTestId("example-lcd-hello"));
    expect(opened).toEqual([exampleById("lcd-hello")!.project]);
    expect(screen.queryByRole("menu")).toBeNull();
  });

  it("works from the keyboard: arrows, Home, End, Enter, Escape", () => {
    const { opened, button } = renderMenu();
    fireEvent.keyDown(button, { key: "ArrowDown" });
    expect(focused()).toBe(`example-${EXAMPLES[0]!.id}`);
    const menu = screen.getByRole("menu");
    fireEvent.keyDown(menu, { key: "ArrowDown" });
    expect(focused()).toBe(`example-${EXAMPLES[1]!.id}`);
    fireEvent.keyDown(menu, { key: "End" });
    expect(focused()).toBe(`example-${EXAMPLES.at(-1)!.id}`);
    fireEvent.keyDown(menu, { key: "ArrowDown" }); // wraps round
    expect(focused()).toBe(`example-${EXAMPLES[0]!.id}`);
    fireEvent.keyDown(menu, { key: "ArrowUp" });
    expect(focused()).toBe(`example-${EXAMPLES.at(-1)!.id}`);
    fireEvent.keyDown(menu, { key: "Home" });
    fireEvent.keyDown(menu, { key: "Escape" });
    expect(screen.queryByRole("menu")).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(opened).toEqual([]);

    // ArrowUp opens at the last entry; a menu item is a button, so Enter activates it (a click).
    fireEvent.keyDown(button, { key: "ArrowUp" });
    expect(focused()).toBe(`example-${EXAMPLES.at(-1)!.id}`);
    fireEvent.click(document.activeElement!);
    expect(opened).toEqual([EXAMPLES.at(-1)!.project]);
    expect(document.activeElement).toBe(button);
  });

  it("closes when the pointer goes down elsewhere", () => {
    const { button } = renderMenu();
    fireEvent.click(button);
    fireEvent.pointerDown(screen.getByTestId(`example-${EXAMPLES[0]!.id}`));
    expect(screen.queryByRole("menu")).not.toBeNull();
    fireEvent.pointerDown(document.body);
    expect(screen.queryByRole("menu")).toBeNull();
  });
});

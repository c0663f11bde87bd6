"""The breadboard workspace in Debian's Chromium against ./run: a circuit built with the mouse —
an Uno, a breadboard, an LED and a resistor, legs dragged into holes and wires drawn pin to pin —
runs Blink and the LED element blinks; the same LED with a leg left open stays dark; two Unos in
one workspace run their own sketches together."""

import time

from playwright.sync_api import Locator, Page, expect

# A board's pin or a breadboard hole lies under a part's leg when their centres are this close
# (screen pixels; holes are 9.6 px apart at zoom 1).
SAME_SPOT_PX = 3


def centre(locator: Locator) -> tuple[float, float]:
    box = locator.bounding_box()
    assert box, f"{locator} is not on screen"
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def place(page: Page, kind: str) -> str:
    """Adds a part from the palette; returns its id (the properties panel shows the new part)."""
    page.get_by_test_id(f"palette-{kind}").click()
    return page.get_by_test_id("prop-id").inner_text()


def drag_leg_to(page: Page, part: str, leg: str, hole: str) -> None:
    """Drags `part` by its body so that its pin `leg` lands on the breadboard hole `hole`."""
    body = page.get_by_test_id(f"part-{part}")
    start = centre(body)
    leg_x, leg_y = centre(page.get_by_test_id(f"pin-{part}-{leg}"))
    hole_x, hole_y = centre(page.get_by_test_id(f"pin-bb1-{hole}"))
    page.mouse.move(*start)
    page.mouse.down()
    steps = 8
    for i in range(1, steps + 1):
        page.mouse.move(start[0] + (hole_x - leg_x) * i / steps, start[1] + (hole_y - leg_y) * i / steps)
    page.mouse.up()
    leg_now = centre(page.get_by_test_id(f"pin-{part}-{leg}"))
    assert abs(leg_now[0] - hole_x) < SAME_SPOT_PX and abs(leg_now[1] - hole_y) < SAME_SPOT_PX


def hole_under(page: Page, part: str, leg: str) -> str:
    """The breadboard hole under a part's leg (e.g. "c16")."""
    x, y = centre(page.get_by_test_id(f"pin-{part}-{leg}"))
    return page.evaluate(
        """([x, y, near]) => {
            for (const hole of document.querySelectorAll('[data-testid^="pin-bb1-"]')) {
              const r = hole.getBoundingClientRect();
              if (Math.abs(r.x + r.width / 2 - x) < near && Math.abs(r.y + r.height / 2 - y) < near)
                return hole.dataset.testid.slice("pin-bb1-".length);
            }
            return null;
        }""",
        [x, y, SAME_SPOT_PX],
    )


def wire(page: Page, start: str, end: str) -> None:
    page.get_by_test_id(start).click()
    page.get_by_test_id(end).click()


def column(hole: str) -> int:
    return int(hole.lstrip("abcdefghij"))


def led_states(page: Page, part: str, readings: int = 6) -> set[bool]:
    led = page.get_by_test_id(f"part-{part}").locator("wokwi-led")
    seen = set()
    for _ in range(readings):  # Blink changes every second: readings ~0.55 s apart see both
        seen.add(led.evaluate("led => led.value"))
        time.sleep(0.55)
    return seen


def run_and_wait(page: Page) -> None:
    page.get_by_test_id("run").click()
    # The first build of a session compiles the Arduino core: allow for it.
    expect(page.get_by_test_id("run-status")).to_have_text("Running", timeout=120_000)


def build_led_circuit(page: Page) -> dict[str, str]:
    """Uno (already there) + half breadboard + resistor + LED, legs in holes; returns the holes."""
    assert place(page, "breadboard") == "bb1"
    page.get_by_test_id("prop-size").select_option("half")
    page.get_by_test_id("workspace-stage").focus()
    page.keyboard.press("f")  # fit everything in view
    led = place(page, "led")
    resistor = place(page, "resistor")
    page.get_by_test_id("workspace-stage").focus()
    page.keyboard.press("f")
    # The resistor lies along row a; the LED stands on row j below the centre channel.
    drag_leg_to(page, resistor, "1", "a5")
    drag_leg_to(page, led, "A", "j15")
    holes = {
        "r1": hole_under(page, resistor, "1"),
        "r2": hole_under(page, resistor, "2"),
        "anode": hole_under(page, led, "A"),
        "cathode": hole_under(page, led, "C"),
    }
    assert holes["r1"] == "a5" and holes["anode"] == "j15"
    assert holes["r2"] and holes["r2"].startswith("a") and holes["cathode"].startswith("j")
    return {**holes, "led": led, "resistor": resistor}


def test_a_circuit_built_with_the_mouse_runs_blink_and_the_led_blinks(page: Page, embedded_url: str):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{embedded_url}/arduino/")
    # Start from an empty workspace: the new project's Uno goes, an Uno from the palette comes.
    page.get_by_test_id("part-uno").click()
    page.keyboard.press("Delete")
    expect(page.get_by_test_id("workspace-empty")).to_be_visible()
    assert place(page, "uno") == "uno1"
    expect(page.locator(".cm-content")).to_contain_text("digitalWrite(LED_BUILTIN, HIGH);")  # its Blink
    holes = build_led_circuit(page)
    # D13 → the resistor's column; the resistor's other column → across the channel → the anode;
    # the cathode's column → GND.
    wire(page, "pin-uno1-D13", f"pin-bb1-b{column(holes['r1'])}")
    wire(page, f"pin-bb1-e{column(holes['r2'])}", f"pin-bb1-f{column(holes['anode'])}")
    wire(page, f"pin-bb1-g{column(holes['cathode'])}", "pin-uno1-GND")
    expect(page.locator('[data-testid^="wire-"]')).to_have_count(3)

    # Hovering the LED's anode lights up its whole net: the wire from the resistor's column.
    page.get_by_test_id(f"pin-{holes['led']}-A").hover()
    expect(page.get_by_test_id("pin-tooltip")).to_contain_text("A")

    run_and_wait(page)
    assert led_states(page, holes["led"]) == {True, False}
    # Wired as it should be: the circuit has nothing to warn about.
    expect(page.get_by_test_id("circuit-warnings")).to_have_count(0)

    # Pull the LED's cathode wire: the LED has no path to ground and stays dark.
    page.get_by_test_id("stop").click()
    page.locator('[data-testid^="wire-"]').nth(2).locator("polyline").first.click(force=True)
    page.keyboard.press("Delete")
    expect(page.locator('[data-testid^="wire-"]')).to_have_count(2)
    run_and_wait(page)
    assert led_states(page, holes["led"], readings=5) == {False}
    assert errors == []


SLOW_BLINK = "void setup() { pinMode(13, OUTPUT); }\nvoid loop() { digitalWrite(13, !digitalRead(13)); delay(700); }\n"
FAST_BLINK = "void setup() { pinMode(13, OUTPUT); }\nvoid loop() { digitalWrite(13, !digitalRead(13)); delay(150); }\n"


def board_led(page: Page, board: str) -> bool:
    return page.get_by_test_id(f"part-{board}").locator("wokwi-arduino-uno").evaluate("uno => uno.led13")


def type_sketch(page: Page, board: str, text: str) -> None:
    page.get_by_test_id(f"board-tab-{board}").click()
    editor = page.locator(".cm-content:visible")
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.type(text)
    expect(editor).to_contain_text("delay(")


def test_two_unos_in_one_workspace_run_their_own_sketches_together(page: Page, embedded_url: str):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{embedded_url}/arduino/")
    second = place(page, "uno")
    expect(page.get_by_test_id(f"board-tab-{second}")).to_be_visible()
    type_sketch(page, "uno", SLOW_BLINK)
    type_sketch(page, second, FAST_BLINK)
    run_and_wait(page)
    changes = {"uno": 0, second: 0}
    last = {board: board_led(page, board) for board in changes}
    end = time.monotonic() + 3
    while time.monotonic() < end:
        for board in changes:
            now = board_led(page, board)
            changes[board] += now != last[board]
            last[board] = now
        time.sleep(0.05)
    # Both run at once; the fast one (150 ms) changes several times as often as the slow (700 ms).
    assert changes["uno"] >= 2
    assert changes[second] >= 2 * changes["uno"]
    assert errors == []

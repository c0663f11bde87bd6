"""Every project of the Arduino app's Examples menu, in Debian's Chromium against ./run: it opens
with its circuit drawn, builds on the server, runs in the page's worker for two seconds of wall time
without an error or a circuit warning, and its parts (or its serial output) show the sketch at work."""

import time

from playwright.sync_api import Page, expect

RUN_SECONDS = 2.0
CHANGE_SECONDS = 5.0


def example_ids(page: Page) -> list[str]:
    page.get_by_test_id("examples-menu").click()
    items = page.locator('[data-testid^="example-"]')
    expect(items.first).to_be_visible()
    ids = [testid.removeprefix("example-") for testid in items.evaluate_all("els => els.map(e => e.dataset.testid)")]
    page.keyboard.press("Escape")
    return ids


def shown_state(page: Page) -> str:
    """What every part shows now: the wokwi elements' live properties, as one string."""
    return page.get_by_test_id("workspace-stage").evaluate(
        """stage => [...stage.querySelectorAll('[data-part]')].map(part => {
            const element = part.firstElementChild;
            const keys = ["value", "brightness", "led13", "angle", "values", "characters", "hasSignal",
                          "ledRed", "ledGreen", "ledBlue"];
            return part.dataset.part + ":" + keys.map(k => element && k in element ? String(element[k]) : "").join("|");
        }).join(";")"""
    )


def test_every_example_opens_builds_and_runs_without_errors(page: Page, embedded_url: str):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: dialog.accept())  # "discard unsaved changes?" between examples
    page.goto(f"{embedded_url}/arduino/")
    ids = example_ids(page)
    assert len(ids) >= 10, ids
    for example in ids:
        page.get_by_test_id("examples-menu").click()
        page.get_by_test_id(f"example-{example}").click()
        expect(page.get_by_test_id("examples-menu")).to_be_visible()
        idle = shown_state(page)
        page.get_by_test_id("run").click()
        expect(page.get_by_test_id("run-status")).to_have_text("Running", timeout=120_000)
        states = set()
        if example == "button":  # its LED lights only while the button is held: hold it
            box = page.get_by_test_id("part-btn1").bounding_box()
            page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            page.mouse.down()
        start = time.monotonic()
        # Watch for at least RUN_SECONDS, and up to CHANGE_SECONDS until the parts show something
        # other than before the run (the traffic lights hold red for 3 s).
        while (elapsed := time.monotonic() - start) < RUN_SECONDS or (states <= {idle} and elapsed < CHANGE_SECONDS):
            states.add(shown_state(page))
            time.sleep(0.1)
        if example == "button":
            page.mouse.up()
        status = page.get_by_test_id("run-status").inner_text()
        assert status == "Running", f"{example}: {status}"
        assert float(page.get_by_test_id("sim-speed").get_attribute("data-simulated-ms")) > 500, example
        expect(page.get_by_test_id("circuit-warnings")).to_have_count(0)
        # The sketch is at work: the parts show something else than before the run (an LED, the
        # LCD's text, the servo, the display, the buzzer), or it talks on the serial monitor.
        printed = page.get_by_test_id("serial-output").inner_text().strip()
        assert states - {idle} or printed, example
        page.get_by_test_id("stop").click()
    assert errors == []

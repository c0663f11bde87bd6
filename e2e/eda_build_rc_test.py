"""The issue's acceptance walk: build an RC low-pass with the mouse from the library, simulate it, read it
with cursors — in Debian's Chromium against ./run.

R = 1 kΩ, C = 100 nF: RC = 100 µs, so v(out) of a 0 → 1 V step reaches 1 - 1/e ≈ 0.632 V at t = RC,
and the AC magnitude falls by 3.01 dB at f = 1/(2πRC) ≈ 1591.5 Hz.
"""

import math
import re

from playwright.sync_api import Locator, Page, expect

R, C = 1e3, 100e-9
TAU = R * C
CORNER = 1 / (2 * math.pi * R * C)
HALF_POWER_DB = -10 * math.log10(2)


def centre(locator: Locator) -> tuple[float, float]:
    box = locator.bounding_box()
    assert box is not None, f"{locator} is not on screen"
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def place(page: Page, search: str, symbol: str, at: tuple[float, float]) -> None:
    """Finds a part by typing in the library search, picks it, and clicks it down on the sheet."""
    page.get_by_test_id("library-search").fill(search)
    result = page.get_by_test_id(f"library-result-{symbol}")
    expect(result).to_be_visible(timeout=10_000)
    result.click()
    page.mouse.move(*at)
    expect(page.get_by_test_id("schematic-canvas")).to_have_attribute("data-mode", "place")
    page.mouse.click(*at)


def wire(page: Page, start: str, end: str) -> None:
    """W, click the first pin, double-click the second: an orthogonal wire snapped to both pins."""
    page.keyboard.press("w")
    page.mouse.click(*centre(page.get_by_test_id(start)))
    page.mouse.dblclick(*centre(page.get_by_test_id(end)))
    page.keyboard.press("Escape")


def cursor_reading(page: Page, cell: str) -> float:
    return float(page.get_by_test_id(cell).get_attribute("data-value"))


def set_cursor(page: Page, which: str, value: str) -> None:
    field = page.get_by_test_id(f"cursor-{which}-input")
    field.fill(value)
    field.press("Enter")


def test_rc_low_pass_built_with_the_mouse_simulates_as_theory_says(page: Page, embedded_url: str):
    page.goto(f"{embedded_url}/eda/")
    canvas = page.get_by_test_id("schematic-canvas")
    expect(canvas).to_be_visible()
    page.get_by_test_id("toolbar-new").click()
    box = canvas.bounding_box()
    assert box is not None

    def at(fx: float, fy: float) -> tuple[float, float]:
        return box["x"] + box["width"] * fx, box["y"] + box["height"] * fy

    place(page, "vdc", "Simulation_SPICE:VDC", at(0.35, 0.55))
    place(page, "resistor", "Device:R", at(0.45, 0.42))
    page.keyboard.press("r")  # the part just placed is selected: lay it horizontally
    place(page, "capacitor", "Device:C", at(0.55, 0.55))
    page.keyboard.press("g")
    page.mouse.move(*at(0.35, 0.68))
    page.mouse.click(*at(0.35, 0.68))
    page.keyboard.press("g")
    page.mouse.move(*at(0.55, 0.68))
    page.mouse.click(*at(0.55, 0.68))
    for reference in ("V1", "R1", "C1", "#PWR01", "#PWR02"):
        expect(page.get_by_test_id(f"component-{reference}")).to_have_count(1)

    # Zoom to the parts so the pins are big enough to hit.
    page.keyboard.press("Control+a")
    page.keyboard.press("f")
    page.mouse.click(*at(0.97, 0.05))  # empty sheet: clear the selection

    wire(page, "pin-V1-1", "pin-R1-1")
    wire(page, "pin-R1-2", "pin-C1-1")
    wire(page, "pin-V1-2", "pin-#PWR01-1")
    wire(page, "pin-C1-2", "pin-#PWR02-1")
    expect(page.locator("[data-testid^=wire-]")).to_have_count(4)

    # Name the output net with a label on C1's top pin.
    page.keyboard.press("l")
    expect(page.get_by_test_id("schematic-canvas")).to_have_attribute("data-mode", "label")
    page.mouse.click(*centre(page.get_by_test_id("pin-C1-1")))
    expect(page.get_by_label("Net label text")).to_be_focused()
    page.keyboard.type("out")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")  # the label tool stays on for the next label until Escape
    expect(page.locator("[data-testid^=label-]")).to_have_count(1)

    # Values: R and C typed with SI prefixes; the source is a 0 → 1 V step with AC 1 for the sweep.
    page.get_by_test_id("component-R1").click(force=True)
    page.get_by_test_id("property-value").fill("1k")
    page.get_by_test_id("component-C1").click(force=True)
    page.get_by_test_id("property-value").fill("100n")
    page.get_by_test_id("component-V1").click(force=True)
    page.get_by_test_id("source-dc").fill("0")
    page.get_by_test_id("source-ac").check()
    page.get_by_test_id("source-ac-magnitude").fill("1")
    page.get_by_test_id("source-wave").select_option("pulse")
    for field, value in {"v1": "0", "v2": "1", "delay": "0", "rise": "1n", "fall": "1n"}.items():
        page.get_by_test_id(f"source-{field}").fill(value)
    page.get_by_test_id("source-width").fill("10m")
    page.get_by_test_id("source-period").fill("20m")
    page.get_by_test_id("source-apply").click()
    expect(page.get_by_test_id("source-current")).to_contain_text("pulse(0 1 0 1n 1n 10m 20m)")

    # Analyses: the default transient, 0.5 ms in 1 µs steps; and an AC sweep, 100 points a decade.
    transient = page.get_by_test_id("analysis-0")
    expect(transient).to_have_attribute("data-type", "tran")
    transient.get_by_test_id("analysis-field-step").fill("1u")
    transient.get_by_test_id("analysis-field-stop").fill("500u")
    page.get_by_test_id("analysis-type").select_option("ac")
    page.get_by_test_id("analysis-add").click()
    ac = page.get_by_test_id("analysis-1")
    ac.get_by_test_id("analysis-field-sweep").select_option("dec")
    ac.get_by_test_id("analysis-field-points").fill("100")
    ac.get_by_test_id("analysis-field-fstart").fill("10")
    ac.get_by_test_id("analysis-field-fstop").fill("1meg")

    page.get_by_test_id("run-simulation").click()
    expect(page.get_by_test_id("simulation-status")).to_contain_text("Finished", timeout=60_000)
    expect(page.locator("[data-testid^=diagnostic-][data-severity=error]")).to_have_count(0)

    # Transient: a click on the chart puts cursor A down; typing t = RC puts it exactly there.
    page.get_by_test_id("plot-tab-tran1").click()
    expect(page.get_by_test_id("trace-toggle-v(out)")).to_be_checked()
    page.locator(".oc-results-charts .u-over").first.click()  # scrolls the chart into view, clicks its middle
    expect(page.get_by_test_id("cursor-a-x")).to_have_attribute("data-value", re.compile(r"\d"))
    set_cursor(page, "a", "100u")
    assert math.isclose(cursor_reading(page, "cursor-a-x"), TAU, rel_tol=1e-9)
    at_tau = cursor_reading(page, "cursor-a-y-v(out)")
    assert math.isclose(at_tau, 1 - math.exp(-1), rel_tol=0.02), f"v(out) at t = RC is {at_tau} V"

    # AC: the magnitude is -3 dB at 1/(2πRC), and the crossing lies within ±2 % of it.
    page.get_by_test_id("plot-tab-ac1").click()
    set_cursor(page, "a", f"{CORNER * 0.98:.6g}")
    set_cursor(page, "b", f"{CORNER * 1.02:.6g}")
    below, above = cursor_reading(page, "cursor-a-y-v(out)@db"), cursor_reading(page, "cursor-b-y-v(out)@db")
    assert below > HALF_POWER_DB > above, f"{below} dB at 0.98 fc, {above} dB at 1.02 fc"
    set_cursor(page, "a", f"{CORNER:.6g}")
    assert math.isclose(cursor_reading(page, "cursor-a-y-v(out)@db"), HALF_POWER_DB, abs_tol=0.05)
    assert math.isclose(cursor_reading(page, "cursor-a-y-v(out)@phase"), -45, abs_tol=0.5)

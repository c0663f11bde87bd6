"""The EDA page in a real browser against ./run: examples, raw netlists and ERC, end to end."""

import re

from playwright.sync_api import Page, expect

RAW_DIVIDER = "divider\nv1 in 0 dc 10\nr1 in out 1k\nr2 out 0 3k\n.op\n.end\n"


def open_editor(page: Page, url: str) -> None:
    page.goto(f"{url}/eda/")
    expect(page.get_by_test_id("schematic-canvas")).to_be_visible()


def test_an_example_simulates_and_plots(page: Page, embedded_url: str):
    open_editor(page, embedded_url)
    page.get_by_test_id("examples-menu").click()
    page.get_by_test_id("example-rc-low-pass").click()
    expect(page.get_by_test_id("component-R1")).to_be_visible()
    expect(page.get_by_test_id("component-C1")).to_be_visible()
    # The example brings its own analyses: a transient and an AC sweep.
    expect(page.get_by_test_id("analysis-0")).to_have_attribute("data-type", "tran")
    expect(page.get_by_test_id("analysis-1")).to_have_attribute("data-type", "ac")
    page.get_by_test_id("run-simulation").click()
    expect(page.get_by_test_id("plot-tab-tran1")).to_be_visible(timeout=30_000)
    expect(page.get_by_test_id("plot-tab-ac1")).to_be_visible()
    expect(page.get_by_test_id("trace-toggle-v(out)")).to_be_visible()
    expect(page.get_by_test_id("simulation-status")).to_contain_text("Finished")


def test_raw_netlist_mode_shows_the_operating_point(page: Page, embedded_url: str):
    open_editor(page, embedded_url)
    page.get_by_test_id("raw-mode").check()
    page.get_by_test_id("raw-netlist").fill(RAW_DIVIDER)
    page.get_by_test_id("raw-run").click()
    table = page.get_by_test_id("op-table")
    expect(table).to_be_visible(timeout=30_000)
    expect(table.locator("tr", has_text="v(out)")).to_contain_text(re.compile(r"7\.5"))


def test_raw_netlist_errors_name_their_line(page: Page, embedded_url: str):
    open_editor(page, embedded_url)
    page.get_by_test_id("raw-mode").check()
    page.get_by_test_id("raw-netlist").fill("evil\nv1 1 0 1\n.control\nshell ls\n.endc\n.end\n")
    page.get_by_test_id("raw-run").click()
    expect(page.get_by_test_id("raw-errors")).to_contain_text(".control", timeout=15_000)
    expect(page.get_by_test_id("raw-line-3")).to_be_visible()


def test_netlist_preview_shows_the_spice_text(page: Page, embedded_url: str):
    open_editor(page, embedded_url)
    page.get_by_test_id("examples-menu").click()
    page.get_by_test_id("example-voltage-divider").click()
    expect(page.get_by_test_id("component-R2")).to_be_visible()
    page.get_by_test_id("netlist-preview").click()
    netlist = page.get_by_test_id("netlist-view")
    expect(netlist).to_contain_text("R2 ", timeout=15_000)
    expect(netlist).to_contain_text(".end")


def test_a_circuit_without_ground_is_refused_with_an_erc_marker(page: Page, embedded_url: str):
    open_editor(page, embedded_url)
    page.get_by_test_id("examples-menu").click()
    page.get_by_test_id("example-voltage-divider").click()
    expect(page.locator("[data-role=loading-symbol]")).to_have_count(0)  # real symbols drawn: clicks hit them
    for ground in ("component-#PWR3", "component-#PWR10"):  # the example's two ground symbols
        page.get_by_test_id(ground).click(force=True)  # the canvas hit-tests the click point itself
        page.keyboard.press("Delete")
        expect(page.get_by_test_id(ground)).to_have_count(0)
    page.get_by_test_id("run-simulation").click()
    diagnostics = page.get_by_test_id("diagnostics-list")
    expect(diagnostics).to_contain_text(re.compile("ground", re.IGNORECASE), timeout=15_000)
    expect(page.get_by_test_id("results-empty")).to_be_visible()


def test_operating_point_values_are_written_on_the_schematic(page: Page, embedded_url: str):
    open_editor(page, embedded_url)
    page.get_by_test_id("examples-menu").click()
    page.get_by_test_id("example-voltage-divider").click()
    page.get_by_test_id("run-simulation").click()
    expect(page.get_by_test_id("op-table")).to_be_visible(timeout=30_000)
    # 10 V over 1k + 3k: out is 7.5 V, the source delivers 2.5 mA (negative by SPICE's sign convention).
    annotation = "[data-testid=op-annotation]"
    expect(page.locator(f"{annotation}[data-net=out]")).to_have_text(re.compile(r"7\.5 V$"))  # after its tooltip
    expect(page.locator(f"{annotation}[data-net=in]")).to_have_text(re.compile(r"[^.\d]10 V$"))
    expect(page.locator(f"{annotation}[data-reference=V1]")).to_have_text(re.compile(r"-2\.5 mA$"))
    page.get_by_test_id("op-annotations-toggle").uncheck()
    expect(page.get_by_test_id("op-annotation")).to_have_count(0)


def test_the_probe_plots_a_net_voltage_and_a_part_current(page: Page, embedded_url: str):
    open_editor(page, embedded_url)
    page.get_by_test_id("examples-menu").click()
    page.get_by_test_id("example-rc-low-pass").click()
    expect(page.locator("[data-role=loading-symbol]")).to_have_count(0)
    page.get_by_test_id("run-simulation").click()
    expect(page.get_by_test_id("plot-tab-tran1")).to_be_visible(timeout=30_000)
    page.get_by_test_id("trace-toggle-v(in)").uncheck()
    page.get_by_test_id("trace-toggle-v(out)").uncheck()

    page.get_by_test_id("schematic-canvas").focus()
    page.keyboard.press("v")
    expect(page.get_by_test_id("schematic-canvas")).to_have_attribute("data-mode", "probe")
    box = page.get_by_test_id("pin-C1-1").bounding_box()  # C1's top pin: the net "out"
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.get_by_test_id("trace-toggle-v(out)")).to_be_checked()
    page.get_by_test_id("component-R1").click(force=True)  # a part: its current, recorded by the netlist
    expect(page.get_by_test_id("trace-toggle-i(@r1[i])")).to_be_checked()
    page.keyboard.press("Escape")
    expect(page.get_by_test_id("schematic-canvas")).to_have_attribute("data-mode", "select")

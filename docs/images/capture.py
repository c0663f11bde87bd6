"""Takes the README's pictures of both apps from a real run: `.venv/bin/python docs/images/capture.py`.

It starts `./run` on a free port with its own data folder, drives Debian's Chromium (headless, 1440 x 900)
through examples of each app, and writes `eda-editor.png`, `eda-bode.png`, `arduino-workspace.png` and
`arduino-traces.png` beside this file.
"""

import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Page, expect, sync_playwright

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server() -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "PORT": str(port), "OHM_VAR_DIR": tempfile.mkdtemp(prefix="ohm-capture-")}
    server = subprocess.Popen([REPO / "run"], cwd=REPO, env=env, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while True:
        try:
            with urllib.request.urlopen(f"{url}/api/health/", timeout=5):
                return server, url
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("./run did not come up") from None
            time.sleep(0.5)


def run_example(page: Page, url: str, slug: str) -> None:
    page.goto(f"{url}/eda/")
    page.get_by_test_id("examples-menu").click()
    page.get_by_test_id(f"example-{slug}").click()
    page.get_by_test_id("run-simulation").click()
    expect(page.get_by_test_id("simulation-status")).to_contain_text("Finished", timeout=60_000)


def set_cursor(page: Page, which: str, value: str) -> None:
    field = page.get_by_test_id(f"cursor-{which}-input")
    field.fill(value)
    field.press("Enter")


def capture(page: Page, url: str) -> None:
    # The editor: the common-emitter amplifier with its operating point written on the schematic.
    run_example(page, url, "common-emitter")
    expect(page.get_by_test_id("op-annotation").first).to_be_visible()
    page.get_by_test_id("plot-tab-tran1").click()
    page.wait_for_timeout(500)
    page.screenshot(path=HERE / "eda-editor.png")

    # A Bode plot: the RLC band-pass, cursors on the resonance (1/(2 pi sqrt(LC)) = 1.59 kHz) and 1 kHz.
    # A tall window, so that both panes and the cursor readout fit the results area.
    page.set_viewport_size({"width": 1440, "height": 1500})
    run_example(page, url, "rlc-band-pass")
    page.get_by_test_id("plot-tab-ac1").click()
    for trace in ("v(n_1)", "v(in)", "i(l1)", "i(v1)"):  # the output alone: a clean Bode plot
        page.get_by_test_id(f"trace-toggle-{trace}").uncheck()
    set_cursor(page, "a", "1k")
    set_cursor(page, "b", "1.5915k")
    page.wait_for_timeout(500)
    page.locator(".oc-results-chart-view").screenshot(path=HERE / "eda-bode.png")


def run_arduino_example(page: Page, url: str, slug: str) -> None:
    page.goto(f"{url}/arduino/")
    page.get_by_test_id("examples-menu").click()
    page.get_by_test_id(f"example-{slug}").click()
    page.get_by_test_id("run").click()
    expect(page.get_by_test_id("run-status")).to_have_text("Running", timeout=120_000)


def capture_arduino(page: Page, url: str) -> None:
    # The workspace: the ultrasonic rangefinder on the LCD, its distance slider at 42 cm.
    page.set_viewport_size({"width": 1440, "height": 900})
    page.on("dialog", lambda dialog: dialog.accept())
    run_arduino_example(page, url, "ultrasonic-lcd")
    part = page.get_by_test_id("part-sonar1")
    box = part.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # the sensor: its controls
    page.get_by_test_id("control-distanceCm").fill("42")
    page.wait_for_timeout(2500)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=HERE / "arduino-workspace.png")

    # Pin traces: the traffic lights on a breadboard, their three LED pins traced for a full cycle.
    page.set_viewport_size({"width": 1440, "height": 1300})
    run_arduino_example(page, url, "traffic-lights")
    for pin in ("uno.D10", "uno.D9", "uno.D8"):
        page.get_by_test_id("trace-add").select_option(pin)
    page.wait_for_timeout(9000)
    page.get_by_test_id("pause").click()
    page.screenshot(path=HERE / "arduino-traces.png")


def main() -> None:
    server, url = start_server()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
            page = browser.new_page(viewport={"width": 1440, "height": 900})
            capture(page, url)
            capture_arduino(page, url)
            browser.close()
    finally:
        os.killpg(server.pid, signal.SIGINT)
        server.wait(timeout=30)
    print(f"wrote the pictures in {HERE}")


if __name__ == "__main__":
    main()

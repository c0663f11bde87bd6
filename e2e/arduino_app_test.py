"""The Arduino app's first walk, in Debian's Chromium against ./run: build Blink on the server, run it
in the page's Web Worker and watch the LED on D13 blink; then type an echo sketch into the editor and
talk to it through the serial monitor."""

import time

from playwright.sync_api import Page, expect

# One function per line: typing a newline between CodeMirror's auto-closed braces would move the
# closing brace to its own line and the typed one would then be one too many.
ECHO_SKETCH = (
    'void setup() { Serial.begin(9600); Serial.println("echo ready"); }\n'
    "void loop() { if (Serial.available() > 0) Serial.write(Serial.read()); }\n"
)


def led_value(page: Page) -> bool:
    """The new project's Uno runs Blink on its built-in LED "L" (D13)."""
    return page.get_by_test_id("part-uno").locator("wokwi-arduino-uno").evaluate("uno => uno.led13")


def run_and_wait(page: Page) -> None:
    page.get_by_test_id("run").click()
    # The first build of a session compiles the Arduino core: allow for it.
    expect(page.get_by_test_id("run-status")).to_have_text("Running", timeout=120_000)


def test_blink_blinks_and_the_serial_monitor_talks_to_an_echo_sketch(page: Page, embedded_url: str):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{embedded_url}/arduino/")
    editor = page.locator(".cm-content")
    expect(editor).to_contain_text("digitalWrite(LED_BUILTIN, HIGH);")

    run_and_wait(page)
    expect(page.get_by_test_id("build-size")).to_contain_text("Flash")
    seen = set()
    for _ in range(6):  # Blink changes every second: two readings ~1 s apart differ
        seen.add(led_value(page))
        time.sleep(0.55)
    assert seen == {True, False}
    expect(page.get_by_test_id("sim-speed")).to_contain_text("% of real time")

    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.type(ECHO_SKETCH)
    expect(editor).to_contain_text("Serial.write(Serial.read());")
    # The editor stays usable while Blink runs; Ctrl+Enter builds and runs the new text.
    page.keyboard.press("Control+Enter")
    expect(page.get_by_test_id("run-status")).to_have_text("Running", timeout=120_000)
    output = page.get_by_test_id("serial-output")
    expect(output).to_have_text("echo ready\n", timeout=10_000)
    expect(page.get_by_test_id("serial-baud")).to_have_text("9615 baud")

    serial_input = page.get_by_test_id("serial-input")
    serial_input.click()
    page.keyboard.type("hello")
    page.keyboard.press("Enter")
    expect(output).to_have_text("echo ready\nhello\n", timeout=10_000)
    expect(serial_input).to_have_value("")

    page.get_by_test_id("serial-clear").click()
    expect(output).to_have_text("")
    assert errors == []


def test_a_compile_error_is_marked_in_the_editor_and_listed(page: Page, embedded_url: str):
    page.goto(f"{embedded_url}/arduino/")
    editor = page.locator(".cm-content")
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.type("void setup() { pinMode(13, OUTPUT); undefinedThing(); }\nvoid loop() {}\n")
    page.get_by_test_id("run").click()
    expect(page.get_by_test_id("run-status")).to_contain_text("failed", timeout=120_000)
    problems = page.get_by_test_id("problems")
    expect(problems).to_contain_text("sketch.ino:1:")
    expect(problems).to_contain_text("undefinedThing")
    # Marked where gcc points, on the first line (gcc 5.4 places this error at the call's parenthesis).
    expect(page.locator(".cm-line").first.locator(".cm-lintRange-error")).to_have_count(1)
    expect(page.get_by_test_id("build-size")).to_have_count(0)

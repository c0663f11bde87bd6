"""What the built programs do, not just that they compiled: sketches built by the real toolchain (sandboxed,
with our own Servo and LiquidCrystal), run in the avr8js harness under Node, their pins and serial read back."""

import statistics
from itertools import pairwise
from pathlib import Path

import pytest

from arduino.avr_sim import run_hex
from arduino.build import build_sketch

BLINK = (Path(__file__).parent / "testdata" / "blink.ino").read_text()

HELLO = """
void setup() {
  Serial.begin(9600);
  Serial.println("Hello from OhmCloud");
  Serial.print(6 * 7);
  Serial.println(" is the answer");
}

void loop() {}
"""

SERVO = """
#include <Servo.h>

Servo servo;

void setup() {
  servo.attach(9);
  servo.write(ANGLE);
}

void loop() {}
"""

LCD = """
#include <LiquidCrystal.h>

LiquidCrystal lcd(12, 11, 5, 4, 3, 2);

void setup() {
  lcd.begin(16, 2);
  lcd.print("hello, world!");
  lcd.setCursor(0, 1);
  lcd.print(millis() > 0 ? "OhmCloud" : "?");
}

void loop() {}
"""


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("arduino-cache")


def build(cache, sketch: str, board: str = "uno", files: dict | None = None):
    result = build_sketch(board, sketch, files or {}, cache)
    assert result.ok, result.diagnostics
    return result


def changes_of(run: dict, pin: int) -> list[tuple[float, int]]:
    return [(change["t_us"], change["value"]) for change in run["pinChanges"] if change["pin"] == pin]


def test_blink_toggles_pin_13_every_second(cache):
    run = run_hex(build(cache, BLINK).hex, "uno", ms=5500)
    changes = changes_of(run, 13)
    assert [value for _, value in changes[:5]] == [1, 0, 1, 0, 1]
    intervals_ms = [(b - a) / 1000 for (a, _), (b, _) in pairwise(changes)]
    assert len(intervals_ms) >= 4
    for interval in intervals_ms:
        assert interval == pytest.approx(1000, rel=0.01)


@pytest.mark.parametrize("board", ["nano", "mega2560"])
def test_blink_runs_on_the_other_boards(cache, board):
    run = run_hex(build(cache, BLINK, board).hex, board, ms=2500)
    changes = changes_of(run, 13)
    assert [value for _, value in changes[:3]] == [1, 0, 1]
    assert (changes[2][0] - changes[1][0]) / 1000 == pytest.approx(1000, rel=0.01)


def test_serial_println_text_arrives(cache):
    run = run_hex(build(cache, HELLO).hex, "uno", ms=200)
    assert run["serial"] == "Hello from OhmCloud\r\n42 is the answer\r\n"


@pytest.mark.parametrize(("angle", "pulse_us"), [(0, 544), (90, 1472), (180, 2400)])
def test_servo_write_gives_the_documented_pulse_every_20_ms(cache, angle, pulse_us):
    run = run_hex(build(cache, SERVO.replace("ANGLE", str(angle))).hex, "uno", ms=200)
    changes = changes_of(run, 9)
    rises = [t for t, value in changes if value == 1]
    widths = [fall - rise for (rise, up), (fall, down) in pairwise(changes) if up and not down]
    assert len(rises) >= 8, changes[:10]
    periods = [b - a for a, b in pairwise(rises[1:])]  # the first frame may start late
    assert statistics.median(periods) == pytest.approx(20_000, rel=0.01)
    assert statistics.median(widths[1:]) == pytest.approx(pulse_us, abs=8)


def test_liquid_crystal_puts_the_text_into_the_display(cache):
    run = run_hex(build(cache, LCD).hex, "uno", ms=400, lcd={"rs": 12, "e": 11, "d": [5, 4, 3, 2]})
    assert run["lcd"]["lines"][:2] == ["hello, world!", "OhmCloud"]


def test_functions_used_before_their_definition_and_tabs(cache):
    sketch = """#include "greeting.h"

struct Reading { int value; };

void setup() {
  Serial.begin(9600);
  Reading r = measure(21);
  Serial.println(twice(r));
  greet();
}

void loop() {}

int twice(const Reading &r) { return 2 * r.value; }

Reading measure(int v) { return Reading{v}; }
"""
    files = {
        "greeting.ino": "void greet() {\n  Serial.println(GREETING);\n}\n",
        "greeting.h": '#define GREETING "hi from tab 2"\n',
    }
    run = run_hex(build(cache, sketch, files=files).hex, "uno", ms=200)
    assert run["serial"] == "42\r\nhi from tab 2\r\n"


def test_an_error_on_tab_2_line_7_is_reported_there(cache):
    tab = "".join(f"// line {n}\n" for n in range(1, 7)) + "int broken = ;\n"
    result = build_sketch("uno", BLINK, {"second.ino": tab}, cache)
    assert not result.ok
    errors = [d for d in result.diagnostics if d["severity"] == "error"]
    assert errors and (errors[0]["file"], errors[0]["line"]) == ("second.ino", 7)

"""Our own Servo, LiquidCrystal and Stepper (server/arduino/libraries/) against the real toolchain, for an
ATmega328P board and the ATmega2560: each library compiles without a warning under -Wall -Wextra, each header
compiles on its own, and a sketch that calls every public method (with the documented signatures) compiles and
links against the Arduino core. What the pins then do is checked by behaviour_test.py, in the simulator.

The compiles use the build service's own command lines (toolchain.py) and run the way its tools run: sandboxed,
in a work directory holding copies of the libraries, the core archive built there from Debian's core.
"""

import shutil
from pathlib import Path

import pytest

from arduino.boards import BOARDS, read_properties
from arduino.size import memory_use, parse_sections
from arduino.toolchain import (
    CORE_SOURCES,
    BuildLimits,
    Deadline,
    archive_command,
    compile_command,
    hex_command,
    link_command,
    run_tool,
    run_tools,
    size_command,
)

LIBRARIES_DIR = Path(__file__).resolve().parent / "libraries"
OUR_LIBRARIES = ("Servo", "LiquidCrystal", "Stepper")
BOARD_IDS = ("uno", "mega2560")
# Servo's sequencer is Timer1's compare-match A interrupt; its vector number differs between the two MCUs.
TIMER1_COMPA_VECTOR = {"uno": "__vector_11", "mega2560": "__vector_17"}
# Two cores and a handful of compiles on a slow machine: generous, but a hang still fails.
LIMITS = BuildLimits(wall_seconds=600)

# Every public method, constructor and documented constant, with the documented argument and return types
# (checked by static_assert, so a wrong signature fails the compile rather than converting silently).
EVERY_METHOD_SKETCH = r"""
#include <Arduino.h>
#include <LiquidCrystal.h>
#include <Servo.h>
#include <Stepper.h>

template <typename A, typename B> struct SameType { static const bool value = false; };
template <typename A> struct SameType<A, A> { static const bool value = true; };

Servo servo;
Servo second;
LiquidCrystal lcd4(12, 11, 5, 4, 3, 2);
LiquidCrystal lcd4rw(12, 10, 11, 5, 4, 3, 2);
LiquidCrystal lcd8(12, 11, 2, 3, 4, 5, 6, 7, 8, 9);
LiquidCrystal lcd8rw(12, 13, 11, 2, 3, 4, 5, 6, 7, 8, 9);
Stepper twoWire(48, 8, 9);
Stepper fourWire(200, 8, 9, 10, 11);
byte heart[8] = {0b00000, 0b01010, 0b11111, 0b11111, 0b01110, 0b00100, 0b00000, 0b00000};
const byte smiley[8] = {0, 17, 0, 0, 17, 14, 0, 0};

static_assert(SameType<decltype(servo.attach(9)), uint8_t>::value, "attach(pin) returns uint8_t");
static_assert(SameType<decltype(servo.attach(9, 1000, 2000)), uint8_t>::value, "attach(pin, min, max)");
static_assert(SameType<decltype(servo.read()), int>::value, "read() returns int");
static_assert(SameType<decltype(servo.readMicroseconds()), int>::value, "readMicroseconds() returns int");
static_assert(SameType<decltype(servo.attached()), bool>::value, "attached() returns bool");
static_assert(SameType<decltype(lcd4.write((uint8_t)'x')), size_t>::value, "write(uint8_t) returns size_t");
static_assert(MIN_PULSE_WIDTH == 544 && MAX_PULSE_WIDTH == 2400, "the documented default range");
static_assert(DEFAULT_PULSE_WIDTH == 1500 && REFRESH_INTERVAL == 20000, "the documented constants");
static_assert(MAX_SERVOS >= 12 && INVALID_SERVO == 255, "12 servos on one timer");

void setup() {
  Serial.begin(9600);
  uint8_t channel = servo.attach(9);
  second.attach(10, 1000, 2000);
  servo.write(90);
  servo.write(1500);
  servo.writeMicroseconds(1472);
  Serial.println(channel);
  Serial.println(servo.read());
  Serial.println(servo.readMicroseconds());
  if (servo.attached()) {
    servo.detach();
  }

  lcd4.createChar(0, heart);  // before begin(), as in the documented example
  lcd4.begin(16, 2);
  lcd4rw.begin(20, 4, LCD_5x8DOTS);
  lcd8.begin(16, 1, LCD_5x10DOTS);
  lcd8rw.begin(16, 2);
  lcd4.createChar(1, smiley);
  lcd4.clear();
  lcd4.home();
  lcd4.setCursor(0, 1);
  lcd4.setRowOffsets(0x00, 0x40, 0x10, 0x50);
  size_t written = lcd4.write((uint8_t)0);
  written += lcd4.write("text");
  written += lcd4.print("hello, world!");
  written += lcd4.print(3.14159, 2);
  written += lcd4.println(42);
  Print &out = lcd8;
  out.print(F("through Print"));
  lcd4.cursor();
  lcd4.noCursor();
  lcd4.blink();
  lcd4.noBlink();
  lcd4.noDisplay();
  lcd4.display();
  lcd4.scrollDisplayLeft();
  lcd4.scrollDisplayRight();
  lcd4.rightToLeft();
  lcd4.leftToRight();
  lcd4.autoscroll();
  lcd4.noAutoscroll();
  lcd4.command(LCD_DISPLAYCONTROL | LCD_DISPLAYON | LCD_CURSORON | LCD_BLINKOFF);
  lcd4.command(LCD_ENTRYMODESET | LCD_ENTRYLEFT | LCD_ENTRYSHIFTDECREMENT);
  lcd4.command(LCD_CURSORSHIFT | LCD_CURSORMOVE | LCD_MOVERIGHT);
  lcd4.command(LCD_FUNCTIONSET | LCD_4BITMODE | LCD_2LINE | LCD_5x8DOTS);
  lcd4.command(LCD_SETDDRAMADDR | 0x40);
  lcd4.command(LCD_SETCGRAMADDR);
  lcd4.command(LCD_RETURNHOME);
  lcd4.command(LCD_CLEARDISPLAY);
  Serial.println(written);

  twoWire.setSpeed(60);
  fourWire.setSpeed(15L);
  twoWire.step(10);
  fourWire.step(-200);
}

void loop() {}
"""


def run_all(commands: list[list[str]], workdir: Path) -> None:
    for result in run_tools(commands, workdir, Deadline(LIMITS)):
        assert result.ok, (result.argv, result.stderr.decode(errors="replace"))


@pytest.fixture(scope="module", params=BOARD_IDS)
def board_dir(request, tmp_path_factory):
    """(board, work directory) with copies of our libraries in `libraries/` and the core in `core.a`."""
    board = BOARDS[request.param]
    workdir = tmp_path_factory.mktemp(f"libraries-{board.id}")
    shutil.copytree(LIBRARIES_DIR, workdir / "libraries", ignore=shutil.ignore_patterns("*.md"))
    (workdir / "core").mkdir()
    sources = sorted(p for p in CORE_SOURCES.iterdir() if p.suffix in (".c", ".cpp", ".S"))
    objects = [f"core/{source.name}.o" for source in sources]
    run_all(
        [compile_command(board, str(source), obj, []) for source, obj in zip(sources, objects, strict=True)], workdir
    )
    run_all([archive_command("core.a", objects)], workdir)
    return board, workdir


def include_dirs(*names: str) -> list[str]:
    return [f"libraries/{name}/src" for name in names]


@pytest.mark.parametrize("name", OUR_LIBRARIES)
def test_library_properties_name_the_library_and_its_sources(name):
    root = LIBRARIES_DIR / name
    properties = read_properties((root / "library.properties").read_text(encoding="utf-8"))
    assert properties["name"] == name
    assert properties["version"] == "1.0.0"
    assert properties["author"] == "OhmCloud"
    assert properties["architectures"] == "avr"
    for key in ("sentence", "paragraph", "category", "url"):
        assert properties[key], key
    assert (root / "src" / f"{name}.h").is_file()
    assert (root / "src" / f"{name}.cpp").is_file()


@pytest.mark.parametrize("name", OUR_LIBRARIES)
def test_library_compiles_without_warnings(board_dir, name):
    board, workdir = board_dir
    (workdir / f"{name}-alone.cpp").write_text(f"#include <{name}.h>\n")  # the header needs nothing before it
    commands = [
        [*compile_command(board, source, f"{Path(source).stem}.o", include_dirs(name), warnings="all"), "-Wextra"]
        for source in (f"libraries/{name}/src/{name}.cpp", f"{name}-alone.cpp")
    ]
    for result in run_tools(commands, workdir, Deadline(LIMITS)):
        output = (result.stdout + result.stderr).decode(errors="replace")
        assert result.ok, output
        assert output == "", output


def test_sketch_calling_every_public_method_links(board_dir):
    board, workdir = board_dir
    (workdir / "every_method.cpp").write_text(EVERY_METHOD_SKETCH)
    sources = ["every_method.cpp", *(f"libraries/{name}/src/{name}.cpp" for name in OUR_LIBRARIES)]
    objects = [f"linked-{Path(source).stem}.o" for source in sources]
    run_all(
        [
            compile_command(board, source, obj, include_dirs(*OUR_LIBRARIES), warnings="all")
            for source, obj in zip(sources, objects, strict=True)
        ],
        workdir,
    )
    run_all([link_command(board, objects, "core.a", "every_method.elf")], workdir)
    run_all([hex_command("every_method.elf", "every_method.hex")], workdir)

    deadline = Deadline(LIMITS)
    symbols = run_tool(["/usr/bin/avr-nm", "every_method.elf"], workdir, deadline).stdout.decode()
    assert f" {TIMER1_COMPA_VECTOR[board.id]}\n" in symbols, "Servo's Timer1 interrupt was not linked in"
    sections = parse_sections(run_tool(size_command("every_method.elf"), workdir, deadline).stdout.decode())
    size = memory_use(sections, board)
    assert 0 < size["flash"] <= size["flash_max"]
    assert 0 < size["ram"] <= size["ram_max"]
    assert (workdir / "every_method.hex").read_text().startswith(":")

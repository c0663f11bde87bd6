"""The issue's acceptance line: sketches written the way people write them in the Arduino IDE (no
`#include <Arduino.h>`, functions used before their definitions, globals, String, Serial, F(), PROGMEM,
interrupts, millis() timing, several tabs) build for the Uno without changes, and a few for the Mega.

The corpus is our own (testdata/ide_sketches/<Name>/<Name>.ino plus its other tabs): Debian does not ship the
IDE's examples and we do not copy them; each sketch says on its first line what it shows. Every build is real:
preprocessing, library resolution, avr-gcc in the sandbox, the link and the size check.
"""

from pathlib import Path

import pytest

from arduino.boards import BOARDS
from arduino.build import build_sketch
from arduino.libraries import OUR_LIBRARIES

CORPUS = Path(__file__).resolve().parent / "testdata" / "ide_sketches"
SKETCHES = sorted(path.name for path in CORPUS.iterdir() if path.is_dir())
# On the Mega too: every library the sketches use, the tabs (multi-tab, pitches.h), a function under
# `#if defined(__AVR_ATmega2560__)` and a Timer2 ISR.
ON_THE_MEGA = [
    "BraceCommands",
    "EepromSettings",
    "GreenhouseMonitor",
    "LcdGlyphs",
    "ServoDial",
    "SoftSerialBridge",
    "SpiPotentiometer",
    "StepperTurn",
    "TimerTick",
    "TuneOnPiezo",
    "WireSender",
]
# The files of our own libraries, as a diagnostic traced back to the sketch names them: "... (in Servo.h)".
OUR_LIBRARY_FILES = frozenset(path.name for path in OUR_LIBRARIES.rglob("*") if path.is_file())


def read_sketch(name: str) -> tuple[str, dict[str, str]]:
    """The main tab's text and the other tabs by file name, as the service's request carries them."""
    folder = CORPUS / name
    main = folder / f"{name}.ino"
    files = {path.name: path.read_text(encoding="utf-8") for path in folder.iterdir() if path != main}
    return main.read_text(encoding="utf-8"), files


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("arduino-cache")


def assert_builds_cleanly(board_id: str, name: str, cache: Path) -> None:
    sketch, files = read_sketch(name)
    result = build_sketch(board_id, sketch, files, cache)
    errors = [d for d in result.diagnostics if d["severity"] == "error"]
    assert result.ok and not errors, f"{name} on {board_id}: {result.diagnostics}"
    from_our_libraries = [
        d for d in result.diagnostics if any(d["message"].endswith(f"(in {file})") for file in OUR_LIBRARY_FILES)
    ]
    assert not from_our_libraries, f"{name}: warnings from our libraries: {from_our_libraries}"
    # The sketches are written warning-free under -Wall (what the build gives the user's files): a warning here
    # is the service's doing (a misplaced prototype, a default argument left twice) or memory running short.
    assert result.diagnostics == [], f"{name} on {board_id}: {result.diagnostics}"
    board = BOARDS[board_id]
    size = result.size
    assert (size["flash_max"], size["ram_max"]) == (board.flash_max, board.ram_max)
    assert 0 < size["flash"] <= board.flash_max and 0 < size["ram"] <= board.ram_max, size
    assert result.hex.startswith(":") and result.hex.rstrip().endswith(":00000001FF")


def test_the_corpus_is_written_as_for_the_ide():
    """About 25 sketches or more, each with its one-line summary on top, none including Arduino.h in a .ino tab
    (the IDE adds it), and the second-tab cases present."""
    assert len(SKETCHES) >= 25, SKETCHES
    for name in SKETCHES:
        sketch, files = read_sketch(name)
        assert sketch.startswith("// ") and len(sketch.splitlines()[0]) > 20, name
        for text in [sketch, *(text for file, text in files.items() if file.endswith(".ino"))]:
            assert "#include <Arduino.h>" not in text, name
    assert "pitches.h" in read_sketch("TuneOnPiezo")[1]
    assert len([f for f in read_sketch("GreenhouseMonitor")[1] if f.endswith(".ino")]) >= 2


@pytest.mark.parametrize("name", SKETCHES)
def test_the_sketch_builds_for_the_uno(cache, name):
    assert_builds_cleanly("uno", name, cache)


@pytest.mark.parametrize("name", ON_THE_MEGA)
def test_the_sketch_builds_for_the_mega(cache, name):
    assert_builds_cleanly("mega2560", name, cache)

"""Library discovery from #include lines, against the real core libraries, ours, and the core's own examples."""

from pathlib import Path

import pytest

from arduino.boards import BOARDS, CORE_DIR, read_properties
from arduino.libraries import (
    CORE_LIBRARIES,
    OUR_LIBRARIES,
    UnknownLibrary,
    available_libraries,
    find_includes,
    read_library,
    resolve,
)
from arduino.sketch import preprocess
from arduino.sketch_test import assert_compiles

UNO = BOARDS["uno"]
BLINK = "void setup() { pinMode(13, OUTPUT); }\nvoid loop() { digitalWrite(13, !digitalRead(13)); delay(500); }\n"


def names(libraries) -> list[str]:
    return [library.name for library in libraries]


def test_the_core_libraries_and_ours_are_available_with_their_versions():
    libraries = available_libraries()
    assert {"EEPROM", "HID", "SPI", "SoftwareSerial", "Wire", "Servo", "LiquidCrystal", "Stepper"} <= set(libraries)
    for library in libraries.values():
        properties = read_properties((library.root / "library.properties").read_text())
        assert library.version == properties["version"] and library.name == properties["name"]
        assert library.bundled == (library.root.parent == OUR_LIBRARIES)
    wire = libraries["Wire"]
    assert wire.headers == {"Wire.h"} and wire.src_dirs == (CORE_LIBRARIES / "Wire" / "src",)
    assert sorted(p.name for p in wire.sources) == ["Wire.cpp", "twi.c"]  # utility/twi.c compiled with it
    assert libraries["EEPROM"].sources == ()  # header only
    assert libraries["Wire"].as_dict() == {
        "name": "Wire",
        "version": properties_of(wire.root)["version"],
        "sentence": properties_of(wire.root)["sentence"],
        "headers": ["Wire.h"],
        "bundled": False,
    }


def properties_of(root: Path) -> dict:
    return read_properties((root / "library.properties").read_text())


def test_libraries_are_found_from_the_includes_of_every_user_file():
    sketch = f'#include <Wire.h>\n#include "config.h"\n{BLINK}'
    files = {"config.h": "#pragma once\n#include <EEPROM.h>\n", "tab2.ino": "#include <SoftwareSerial.h>\n"}
    assert names(resolve(preprocess(sketch, files), UNO)) == ["Wire", "SoftwareSerial", "EEPROM"]


def test_headers_of_the_sketch_core_variant_avr_libc_and_gcc_are_not_libraries():
    sketch = f"""\
#include <Arduino.h>
#include <HardwareSerial.h>
#include "pins_arduino.h"
#include <avr/io.h>
#include <util/delay.h>
#include <stdarg.h>
#include <stdint.h>
#include "Servo.h"
{BLINK}"""
    own_servo = {"Servo.h": "#pragma once\nstruct Servo { int pin; };\n"}
    assert resolve(preprocess(sketch, own_servo), UNO) == []
    assert names(resolve(preprocess(sketch, {}), UNO)) == ["Servo"]  # without its own Servo.h, the library


def test_a_library_quoted_like_a_local_header_is_still_found():
    assert names(resolve(preprocess(f'#include "LiquidCrystal.h"\n{BLINK}'), UNO)) == ["LiquidCrystal"]


def test_an_unknown_library_is_named_with_its_file_line_and_what_is_available():
    files = {"tab2.ino": "// tab 2\n\n#include <Adafruit_NeoPixel.h>\n"}
    with pytest.raises(UnknownLibrary) as unknown:
        resolve(preprocess(BLINK, files), UNO)
    error = unknown.value
    assert (error.header, error.file, error.line) == ("Adafruit_NeoPixel.h", "tab2.ino", 3)
    assert str(error).startswith("Adafruit_NeoPixel.h: no such library; available: EEPROM, HID, LiquidCrystal,")
    assert "Servo" in str(error) and "Wire" in str(error)
    assert error.diagnostic() == {"file": "tab2.ino", "line": 3, "column": None, "severity": "error",
                                  "message": str(error)}  # fmt: skip


def test_an_unknown_header_in_an_include_guarded_header_is_still_unknown():
    guarded = {"sensor.h": "#ifndef SENSOR_H\n#define SENSOR_H\n#include <DHT.h>\n#endif\n"}
    with pytest.raises(UnknownLibrary) as unknown:
        resolve(preprocess(f'#include "sensor.h"\n{BLINK}', guarded), UNO)
    assert (unknown.value.file, unknown.value.line) == ("sensor.h", 3)
    pragma_guarded = {"sensor.h": "#if !defined(SENSOR_H)\n#define SENSOR_H\n#include <DHT.h>\n#endif\n"}
    with pytest.raises(UnknownLibrary):
        resolve(preprocess(BLINK, pragma_guarded), UNO)


def test_conditional_includes_count_only_when_known():
    sketch = f"""\
#if defined(ESP32)
#include <WiFi.h>
#elif defined(ARDUINO_ARCH_AVR)
#include <SPI.h>
#endif
{BLINK}"""
    assert names(resolve(preprocess(sketch), UNO)) == ["SPI"]


def test_a_library_s_own_includes_are_resolved_recursively(tmp_path):
    display = tmp_path / "Display"
    (display / "src" / "internal").mkdir(parents=True)
    (display / "library.properties").write_text("name=Display\nversion=0.3.1\nsentence=A test display.\n")
    (display / "src" / "Display.h").write_text('#pragma once\n#include <SPI.h>\n#include "internal/bus.h"\n')
    (display / "src" / "internal" / "bus.h").write_text("#pragma once\n#include <Wire.h>\n#include <Nowhere.h>\n")
    (display / "src" / "Display.cpp").write_text('#include "Display.h"\n#include <Display.h>\n')
    libraries = available_libraries(((tmp_path, True), (CORE_LIBRARIES, False)))
    assert libraries["Display"].version == "0.3.1" and libraries["Display"].bundled
    found = resolve(preprocess(f"#include <Display.h>\n{BLINK}"), UNO, libraries)
    # A header of the library's own (internal/bus.h) is not a library; one nobody has is left to the compiler.
    assert names(found) == ["Display", "SPI", "Wire"]


def test_old_style_libraries_with_code_at_the_top_are_read(tmp_path):
    (tmp_path / "Legacy" / "utility").mkdir(parents=True)
    (tmp_path / "Legacy" / "Legacy.h").write_text("#pragma once\n")
    (tmp_path / "Legacy" / "Legacy.cpp").write_text('#include "Legacy.h"\n')
    (tmp_path / "Legacy" / "utility" / "helper.c").write_text("int helper;\n")
    (tmp_path / "NotALibrary").mkdir()
    library = read_library(tmp_path / "Legacy", bundled=True)
    assert (library.name, library.version, library.headers) == ("Legacy", "unknown", {"Legacy.h"})
    assert [p.name for p in library.sources] == ["Legacy.cpp", "helper.c"]
    assert read_library(tmp_path / "NotALibrary", bundled=True) is None


def test_includes_in_comments_and_strings_are_not_includes():
    text = """\
// #include <Commented.h>
/* #include <Block.h>
*/
const char *s = "#include <String.h>";
  #  include <Spaced.h>
#include "Quoted.h" // trailing comment
"""
    found = [(i.header, i.quoted, i.line, i.conditional) for i in find_includes(text)]
    assert found == [("Spaced.h", False, 5, False), ("Quoted.h", True, 6, False)]


EXAMPLES = sorted((CORE_DIR / "libraries").glob("*/examples/*/*.ino"))


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{p.parts[-4]}/{p.stem}" for p in EXAMPLES])
def test_the_core_libraries_examples_compile_unchanged(example):
    """The IDE's own example sketches: prototypes, libraries and include paths all have to be right."""
    preprocessed = preprocess(example.read_text(), {})
    libraries = resolve(preprocessed, UNO)
    assert names(libraries)  # each example uses its library
    assert_compiles(preprocessed, [d for library in libraries for d in library.src_dirs])

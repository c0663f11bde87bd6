"""build_sketch with the real toolchain in the real sandbox: HEX files, sizes, diagnostics, the cache, limits."""

import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from .build import build_sketch
from .toolchain import BuildLimits

BLINK = (Path(__file__).parent / "testdata" / "blink.ino").read_text()  # the IDE's Blink


def intel_hex_image(text: str) -> dict[int, int]:
    """Address -> byte of an Intel HEX file, every record's checksum checked; it must end with an EOF record."""
    image, base, ended = {}, 0, False
    for number, line in enumerate(text.splitlines(), 1):
        assert not ended, f"line {number} after the end-of-file record"
        assert line.startswith(":"), f"line {number}: {line!r}"
        record = bytes.fromhex(line[1:])
        assert sum(record) % 256 == 0, f"line {number}: bad checksum"
        length, address, kind, data = record[0], int.from_bytes(record[1:3], "big"), record[3], record[4:-1]
        assert len(data) == length, f"line {number}: length"
        if kind == 0:
            for offset, byte in enumerate(data):
                image[base + address + offset] = byte
        elif kind == 1:
            ended = True
        elif kind == 2:
            base = int.from_bytes(data, "big") << 4
        elif kind == 4:
            base = int.from_bytes(data, "big") << 16
    assert ended, "no end-of-file record"
    return image


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("arduino-cache")


@pytest.mark.parametrize("board", ["uno", "nano", "mega2560"])
def test_blink_builds_for_every_board(cache, board):
    result = build_sketch(board, BLINK, {}, cache)
    assert result.ok, result.diagnostics
    assert result.diagnostics == []
    image = intel_hex_image(result.hex)
    assert min(image) == 0 and image[0] == 0x0C  # a jmp: the reset vector
    size = result.size
    assert len(image) == size["flash"] and 600 < size["flash"] < 2000 and 0 < size["ram"] < 100
    assert (size["flash_max"], size["ram_max"]) == {"uno": (32256, 2048), "nano": (30720, 2048),
                                                    "mega2560": (253952, 8192)}[board]  # fmt: skip
    assert result.cache["core_hits"] + result.cache["core_misses"] == 1
    for stage in ("preprocess", "core", "compile", "link"):
        assert result.timings[stage] >= 0


def test_a_warm_build_of_blink_is_quick(cache):
    build_sketch("uno", BLINK, {}, cache)  # the core archive is in the cache from here on
    times, results = [], []
    for _ in range(5):
        started = time.monotonic()
        results.append(build_sketch("uno", BLINK, {}, cache))
        times.append(time.monotonic() - started)
    assert all(r.ok and r.cache == {"core_hits": 1, "core_misses": 0, "library_hits": 0, "library_misses": 0}
               for r in results)  # fmt: skip
    assert len({r.hex for r in results}) == 1  # reproducible
    print(f"\nwarm Blink build (uno): median {statistics.median(times) * 1000:.0f} ms of {len(times)}, "
          f"stages {results[-1].timings}")  # fmt: skip
    assert statistics.median(times) < 3  # generous: speed is measured in bench/arduino.py


def test_libraries_are_built_once_then_come_from_the_cache(cache):
    sketch = (
        "#include <Servo.h>\n#include <EEPROM.h>\nServo s;\n"
        "void setup() { s.attach(9); s.write(EEPROM.read(0)); }\nvoid loop() {}\n"
    )
    first = build_sketch("uno", sketch, {}, cache)
    second = build_sketch("uno", sketch, {}, cache)
    assert first.ok and second.ok, first.diagnostics
    assert first.cache["library_misses"] >= 1  # Servo has sources; EEPROM is header-only
    assert second.cache["library_misses"] == 0 and second.cache["library_hits"] == first.cache["library_misses"]
    assert second.hex == first.hex


def test_a_compile_error_points_at_the_users_line(cache):
    sketch = BLINK.replace(
        "delay(1000);\n  digitalWrite(LED_BUILTIN, LOW);", "delay(1000)\n  digitalWrite(LED_BUILTIN, LOW);"
    )
    result = build_sketch("uno", sketch, {}, cache)
    assert not result.ok and result.hex is None and result.size is None
    errors = [d for d in result.diagnostics if d["severity"] == "error"]
    assert errors, result.diagnostics
    assert (errors[0]["file"], errors[0]["line"]) in {("sketch.ino", 8), ("sketch.ino", 9)}, errors
    assert "expected ';'" in errors[0]["message"]
    for diagnostic in result.diagnostics:
        assert diagnostic["file"] in (None, "sketch.ino")


def test_warnings_of_the_users_code_are_reported_and_the_build_succeeds(cache):
    result = build_sketch("uno", "void setup() { int unused = 1; }\nvoid loop() {}\n", {}, cache)
    assert result.ok
    [warning] = [d for d in result.diagnostics if d["severity"] == "warning"]
    assert (warning["file"], warning["line"]) == ("sketch.ino", 1) and "unused" in warning["message"]


def test_an_unknown_library_is_one_diagnostic_naming_it(cache):
    result = build_sketch("uno", "#include <Arduino.h>\n#include <NoSuchThing.h>\n" + BLINK, {}, cache)
    assert not result.ok
    [diagnostic] = result.diagnostics
    assert (diagnostic["file"], diagnostic["line"], diagnostic["severity"]) == ("sketch.ino", 2, "error")
    assert "NoSuchThing.h" in diagnostic["message"] and "Servo" in diagnostic["message"]


def test_a_program_over_the_flash_size_fails_saying_by_how_much(cache):
    # Two 20 kB tables: beyond the uno's 32256 bytes and beyond the chip's 32 kB (where ld itself refuses).
    sketch = (
        "const uint8_t a[20000] PROGMEM = {1};\nconst uint8_t b[20000] PROGMEM = {2};\n"
        "void setup() { Serial.begin(9600); }\n"
        "void loop() { static uint16_t i; i++;\n"
        "  Serial.println(pgm_read_byte(&a[i % sizeof a]) + pgm_read_byte(&b[i % sizeof b])); }\n"
    )  # fmt: skip
    result = build_sketch("uno", sketch, {}, cache)
    assert not result.ok and result.hex is None
    assert result.size["flash"] > 40000 and result.size["flash_max"] == 32256
    [error] = [d for d in result.diagnostics if d["severity"] == "error"]
    assert f"{result.size['flash'] - 32256} bytes more than the maximum of 32256" in error["message"]
    assert error["file"] is None
    fits_on_the_mega = build_sketch("mega2560", sketch, {}, cache)
    assert fits_on_the_mega.ok, fits_on_the_mega.diagnostics


def test_a_program_just_over_the_board_limit_links_but_fails(cache):
    # 32256 < flash <= 32768: the chip has room, the bootloader does not leave it (only our size check sees it)
    sketch = (
        "const uint8_t a[15300] PROGMEM = {1};\nconst uint8_t b[15300] PROGMEM = {2};\n"
        "void setup() { Serial.begin(9600); }\n"
        "void loop() { static uint16_t i; i++;\n"
        "  Serial.println(pgm_read_byte(&a[i % sizeof a]) + pgm_read_byte(&b[i % sizeof b])); }\n"
    )  # fmt: skip
    result = build_sketch("uno", sketch, {}, cache)
    assert 32256 < result.size["flash"] <= 32768, result.size
    assert not result.ok and "bytes more than the maximum of 32256" in result.diagnostics[-1]["message"]


def test_little_ram_left_is_a_warning(cache):
    sketch = "volatile uint8_t buffer[1600];\nvoid setup() { buffer[0] = 1; }\nvoid loop() { buffer[1] = buffer[0]; }\n"
    result = build_sketch("uno", sketch, {}, cache)
    assert result.ok
    [warning] = result.diagnostics
    assert warning["severity"] == "warning" and "Low memory available" in warning["message"]
    assert result.size["ram"] > 1600


def test_concurrent_builds_on_an_empty_cache_build_the_core_once(tmp_path):
    with ThreadPoolExecutor(3) as pool:
        results = list(pool.map(lambda _: build_sketch("uno", BLINK, {}, tmp_path), range(3)))
    assert all(r.ok for r in results), [r.diagnostics for r in results]
    assert sum(r.cache["core_misses"] for r in results) == 1
    assert len({r.hex for r in results}) == 1


def test_a_build_out_of_time_stops_and_says_so(tmp_path):
    started = time.monotonic()
    result = build_sketch("uno", BLINK, {}, tmp_path, limits=BuildLimits(wall_seconds=0.3))  # a cold core: > 0.3 s
    assert time.monotonic() - started < 2
    assert not result.ok
    assert result.diagnostics[-1]["message"] == "The build exceeded its time limit of 0.3 s and was stopped."
    assert build_sketch("uno", BLINK, {}, tmp_path).ok  # nothing half-built was kept


def test_a_cancelled_build_stops(tmp_path):
    result = build_sketch("uno", BLINK, {}, tmp_path, should_cancel=lambda: True)
    assert not result.ok and result.diagnostics == [
        {"file": None, "line": None, "column": None, "severity": "error", "message": "The build was cancelled."}
    ]


def test_an_unknown_board(cache):
    result = build_sketch("leonardo", BLINK, {}, cache)
    assert not result.ok and "Unknown board 'leonardo'" in result.diagnostics[0]["message"]

"""Command lines as the IDE's platform.txt makes them, and tools run sandboxed under one deadline."""

import threading
import time

import pytest

from sandbox.bubblewrap import sandbox_mode

from .boards import BOARDS
from .toolchain import (
    BuildCancelled,
    BuildLimits,
    BuildTimeout,
    Deadline,
    compile_command,
    flags_digest,
    hex_command,
    language_of,
    link_command,
    run_tool,
    run_tools,
    size_command,
)

CORE = "/usr/share/arduino/hardware/arduino/avr"


def test_a_sketch_compiles_with_the_ides_flags_and_defines():
    argv = compile_command(BOARDS["uno"], "sketch.ino.cpp", "build/sketch.ino.cpp.o", ["libraries/Servo/src"],
                           warnings="all")  # fmt: skip
    assert argv[0] == "/usr/bin/avr-g++"
    for flag in ["-c", "-g", "-Os", "-std=gnu++11", "-fpermissive", "-fno-exceptions", "-ffunction-sections",
                 "-fdata-sections", "-fno-threadsafe-statics", "-Wno-error=narrowing", "-flto", "-Wall",
                 "-fno-diagnostics-show-caret", "-mmcu=atmega328p", "-DF_CPU=16000000L", "-DARDUINO=10819",
                 "-DARDUINO_AVR_UNO", "-DARDUINO_ARCH_AVR", "-DDECIMAL_DIG=9"]:  # fmt: skip
        assert flag in argv, flag
    includes = [a for a in argv if a.startswith("-I")]
    assert includes == [f"-I{CORE}/cores/arduino", f"-I{CORE}/variants/standard", "-Ilibraries/Servo/src"]
    assert argv[-3:] == ["sketch.ino.cpp", "-o", "build/sketch.ino.cpp.o"]
    assert "-MMD" not in argv


def test_c_and_assembler_and_the_core_warning_level():
    c = compile_command(BOARDS["mega2560"], "x.c", "x.c.o", [])
    assert c[0] == "/usr/bin/avr-gcc" and "-std=gnu11" in c and "-fno-fat-lto-objects" in c
    assert "-Wall" not in c and "-w" not in c  # compiler.warning_flags.default adds nothing
    assert "-mmcu=atmega2560" in c and "-DARDUINO_AVR_MEGA2560" in c
    s = compile_command(BOARDS["nano"], "wiring_pulse.S", "w.o", [])
    assert s[0] == "/usr/bin/avr-gcc" and s[s.index("-x") + 1] == "assembler-with-cpp"
    assert f"-I{CORE}/variants/eightanaloginputs" in s
    with pytest.raises(ValueError, match="not a source file"):
        language_of("notes.txt")


def test_link_hex_and_size_commands():
    link = link_command(BOARDS["uno"], ["build/a.o", "build/b.o"], "build/core.a", "build/sketch.elf")
    assert link[:1] == ["/usr/bin/avr-gcc"]
    for flag in ["-Os", "-g", "-flto", "-fuse-linker-plugin", "-Wl,--gc-sections", "-mmcu=atmega328p"]:
        assert flag in link
    assert link[-4:] == ["build/a.o", "build/b.o", "build/core.a", "-lm"]
    assert hex_command("e.elf", "e.hex") == ["/usr/bin/avr-objcopy", "-O", "ihex", "-R", ".eeprom", "e.elf", "e.hex"]
    assert size_command("e.elf") == ["/usr/bin/avr-size", "-A", "e.elf"]


def test_the_flags_digest_tells_boards_and_include_paths_apart():
    assert flags_digest(BOARDS["uno"]) == flags_digest(BOARDS["uno"])
    assert len({flags_digest(BOARDS["uno"]), flags_digest(BOARDS["nano"]), flags_digest(BOARDS["mega2560"]),
                flags_digest(BOARDS["uno"], ["libraries/Servo/src"])}) == 4  # fmt: skip


def test_tools_see_only_usr_and_the_build_directory(tmp_path):
    if sandbox_mode() != "bwrap":
        pytest.fail("bubblewrap does not work on this machine: the build sandbox is not tested")
    (tmp_path / "mine.txt").write_text("x")

    def listing(path: str) -> set[str]:
        return set(run_tool(["/usr/bin/ls", "-A", path], tmp_path, Deadline()).stdout.decode().split())

    assert listing("/") <= {"usr", "bin", "lib", "lib64", "proc", "dev", "tmp", "work"}
    assert listing("/work") == {"mine.txt"}
    assert listing("/tmp") == set()  # a private, empty /tmp
    for path in ["/etc/passwd", "/home", "/root", "/var"]:
        assert run_tool(["/usr/bin/test", "-e", path], tmp_path, Deadline()).returncode == 1, path
    links = run_tool(["/usr/bin/cat", "/proc/net/dev"], tmp_path, Deadline()).stdout.decode()
    assert [line.split(":")[0].strip() for line in links.splitlines()[2:]] == ["lo"]  # no network
    assert run_tool(["/usr/bin/touch", "/usr/x"], tmp_path, Deadline()).returncode != 0  # read-only


def test_a_tool_past_the_deadline_is_stopped(tmp_path):
    started = time.monotonic()
    with pytest.raises(BuildTimeout):
        run_tool(["/usr/bin/sleep", "10"], tmp_path, Deadline(BuildLimits(wall_seconds=0.5)))
    assert time.monotonic() - started < 2


def test_parallel_tools_keep_their_order_and_stop_together(tmp_path):
    results = run_tools([["/usr/bin/echo", str(n)] for n in range(5)], tmp_path, Deadline())
    assert [r.stdout.decode().strip() for r in results] == ["0", "1", "2", "3", "4"]
    cancelled = threading.Event()
    threading.Timer(0.3, cancelled.set).start()
    started = time.monotonic()
    with pytest.raises(BuildCancelled):
        run_tools([["/usr/bin/sleep", "10"]] * 3, tmp_path, Deadline(should_cancel=cancelled.is_set))
    assert time.monotonic() - started < 2


def test_the_limits_of_a_tool_are_what_is_left_of_the_build():
    deadline = Deadline(BuildLimits(wall_seconds=30))
    limits = deadline.process_limits()
    assert 29 < limits.wall_seconds <= 30 and limits.cpu_seconds == 30
    assert limits.memory_bytes == 512 * 1024 * 1024 and limits.output_bytes == 1024 * 1024

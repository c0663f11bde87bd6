"""avr-gcc command lines as the Arduino IDE builds them (the core's platform.txt, read by hand), and the one way
every tool of a build runs: without a shell, sandboxed, under the build's deadline and limits.

Each command is an argument list; paths are relative to the build directory (the sandbox's working directory),
except the toolchain's and the core's under /usr, which the sandbox shows read-only at their usual places.
"""

import hashlib
import json
import math
import os
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sandbox.bubblewrap import sandboxed
from sandbox.process import MiB, ProcessLimits, ProcessResult, run_process

from .boards import ARDUINO_VERSION, CORE_DIR, Board

AVR_GCC = "/usr/bin/avr-gcc"
AVR_GXX = "/usr/bin/avr-g++"
AVR_AR = "/usr/bin/avr-gcc-ar"  # the LTO-aware ar: archives of LTO objects need the plugin's symbol table
AVR_OBJCOPY = "/usr/bin/avr-objcopy"
AVR_SIZE = "/usr/bin/avr-size"
CORE_SOURCES = CORE_DIR / "cores" / "arduino"

# platform.txt's compiler.{c,cpp,S}.flags and compiler.c.elf.flags, without -MMD (no incremental builds of the
# user's files, so no dependency files) and with {compiler.warning_flags} filled in by `compile_command`.
C_FLAGS = ("-c", "-g", "-Os", "-std=gnu11", "-ffunction-sections", "-fdata-sections", "-flto", "-fno-fat-lto-objects")
CPP_FLAGS = (
    "-c", "-g", "-Os", "-std=gnu++11", "-fpermissive", "-fno-exceptions", "-ffunction-sections", "-fdata-sections",
    "-fno-threadsafe-statics", "-Wno-error=narrowing", "-flto",
)  # fmt: skip
S_FLAGS = ("-c", "-g", "-x", "assembler-with-cpp", "-flto")
ELF_FLAGS = ("-Os", "-g", "-flto", "-fuse-linker-plugin", "-Wl,--gc-sections")
# Warnings: the IDE's default level (compiler.warning_flags.default: nothing added) for the core and libraries,
# whose warnings the user can do nothing about; -Wall (the IDE's "more") for the user's own files.
WARNINGS = {"default": (), "all": ("-Wall",)}
# Diagnostics meant for a parser: no source lines echoed under a message (they could be lines of a file outside
# the request), no line wrapping (g++ 5 wraps at 72 columns by default), no colour codes.
DIAGNOSTIC_FLAGS = ("-fno-diagnostics-show-caret", "-fmessage-length=0", "-fdiagnostics-color=never")
# Debian's core does not compile as shipped with avr-gcc 5.4: WString.cpp uses DECIMAL_DIG, which gcc 5's
# <float.h> defines for C99 but not for C++. 9 is the value gcc itself has for the AVR (__DECIMAL_DIG__, 32-bit
# double); a C file including <float.h> redefines it to the same value without complaint.
COMPAT_DEFINES = ("-DDECIMAL_DIG=9",)

LANGUAGES = {".c": "c", ".cpp": "c++", ".cc": "c++", ".cxx": "c++", ".S": "S"}


def language_of(source: str | Path) -> str:
    """'c', 'c++' or 'S' (assembler with the C preprocessor) from a source file's extension."""
    try:
        return LANGUAGES[Path(source).suffix]
    except KeyError:
        raise ValueError(f"not a source file: {source}") from None


def board_defines(board: Board) -> list[str]:
    return [
        f"-mmcu={board.mcu}",
        f"-DF_CPU={board.f_cpu}L",
        f"-DARDUINO={ARDUINO_VERSION}",
        f"-DARDUINO_{board.board_define}",
        "-DARDUINO_ARCH_AVR",
    ]


def core_include_dirs(board: Board) -> list[str]:
    return [str(CORE_SOURCES), str(board.variant_dir)]


def compile_command(
    board: Board, source: str, output: str, include_dirs: Sequence[str], *, warnings: str = "default"
) -> list[str]:
    """recipe.{c,cpp,S}.o.pattern for `source` -> `output`, with `include_dirs` after the core's and variant's."""
    language = language_of(source)
    if language == "S":
        command, flags = AVR_GCC, S_FLAGS
    else:
        command, flags = (AVR_GCC, C_FLAGS) if language == "c" else (AVR_GXX, CPP_FLAGS)
    includes = [f"-I{directory}" for directory in [*core_include_dirs(board), *include_dirs]]
    return [
        command,
        *flags,
        *WARNINGS[warnings],
        *DIAGNOSTIC_FLAGS,
        *board_defines(board),
        *COMPAT_DEFINES,
        *includes,
        source,
        "-o",
        output,
    ]


def archive_command(archive: str, objects: Sequence[str]) -> list[str]:
    """recipe.ar.pattern, for all objects at once."""
    return [AVR_AR, "rcs", archive, *objects]


def link_command(board: Board, objects: Sequence[str], archive: str, elf: str) -> list[str]:
    """recipe.c.combine.pattern: the objects, then the core archive, then libm."""
    return [AVR_GCC, *WARNINGS["default"], *ELF_FLAGS, *DIAGNOSTIC_FLAGS, f"-mmcu={board.mcu}", "-o", elf,
            *objects, archive, "-lm"]  # fmt: skip


def hex_command(elf: str, hex_path: str) -> list[str]:
    """recipe.objcopy.hex.pattern: the flash image as Intel HEX, without the EEPROM section."""
    return [AVR_OBJCOPY, "-O", "ihex", "-R", ".eeprom", elf, hex_path]


def size_command(elf: str) -> list[str]:
    """recipe.size.pattern: every section's size (parsed by size.py)."""
    return [AVR_SIZE, "-A", elf]


def flags_digest(board: Board, include_dirs: Sequence[str] = ()) -> str:
    """A digest of every flag a compile for `board` gets: part of the cache keys of objects built with them."""
    commands = [compile_command(board, f"x{ext}", "x.o", include_dirs) for ext in (".c", ".cpp", ".S")]
    return hashlib.sha256(json.dumps(commands).encode()).hexdigest()


@cache
def toolchain_version() -> str:
    """avr-gcc's own version line and the core's version: cache entries of another toolchain are not reused."""
    result = run_process([AVR_GCC, "--version"], limits=ProcessLimits(wall_seconds=10, cpu_seconds=10))
    gcc = result.stdout.decode(errors="replace").splitlines()[:1]
    platform = (CORE_DIR / "platform.txt").read_bytes()
    return json.dumps({"gcc": gcc, "platform": hashlib.sha256(platform).hexdigest()})


@dataclass(frozen=True)
class BuildLimits:
    """Limits of one build; every tool it runs gets what is left of `wall_seconds`."""

    wall_seconds: float = 30.0
    # Measured: a 430 kB sketch (3,000 functions, more than any flash holds) compiles in 170 MB resident and
    # links (LTO) in 95 MB; Blink needs under 20 MB. Address space is limited, hence the margin.
    memory_bytes: int = 512 * MiB
    output_bytes: int = 1 * MiB  # a tool's stdout + stderr; diagnostics are trimmed far below that anyway
    file_bytes: int = 64 * MiB  # an object, archive or ELF


class BuildTimeout(Exception):
    """The build's wall-clock budget is spent."""


class BuildCancelled(Exception):
    """The build's job was cancelled (or a sibling tool's failure stopped the others)."""


class Deadline:
    """The build's wall-clock budget and cancellation, shared by every tool it runs, also from worker threads.

    The job's own cancellation check reads the database, so only the thread that created the deadline calls it;
    other threads see it through `abort()`, an event that also stops them when that thread gives up."""

    def __init__(self, limits: BuildLimits = BuildLimits(), should_cancel: Callable[[], bool] | None = None):
        self.limits = limits
        self.ends_at = time.monotonic() + limits.wall_seconds
        self._should_cancel = should_cancel
        self._owner = threading.get_ident()
        self._aborted = threading.Event()

    def remaining(self) -> float:
        return self.ends_at - time.monotonic()

    def abort(self) -> None:
        self._aborted.set()

    def cancelled(self) -> bool:
        if self._aborted.is_set():
            return True
        if self._should_cancel is not None and threading.get_ident() == self._owner and self._should_cancel():
            self._aborted.set()
            return True
        return False

    def check(self) -> None:
        """Raise BuildCancelled or BuildTimeout if the build must stop."""
        if self.cancelled():
            raise BuildCancelled()
        if self.remaining() <= 0:
            raise BuildTimeout()

    def process_limits(self) -> ProcessLimits:
        wall = max(0.0, self.remaining())
        return ProcessLimits(
            wall_seconds=wall,
            cpu_seconds=max(1, math.ceil(wall)),
            memory_bytes=self.limits.memory_bytes,
            output_bytes=self.limits.output_bytes,
            file_bytes=self.limits.file_bytes,
        )


def run_tool(argv: Sequence[str], workdir: Path, deadline: Deadline) -> ProcessResult:
    """Run one tool in `workdir` inside the sandbox (only /usr and `workdir` visible, `workdir` as its working
    directory), within the deadline. Raises BuildTimeout or BuildCancelled when the build must stop."""
    deadline.check()
    result = run_process(
        sandboxed(argv, workdir),
        cwd=workdir,
        env={"PATH": "/usr/bin:/bin", "HOME": str(workdir), "LANG": "C.UTF-8"},
        limits=deadline.process_limits(),
        should_cancel=deadline.cancelled,
    )
    if result.cancelled:
        raise BuildCancelled()
    if result.timed_out:
        raise BuildTimeout()
    return result


PARALLEL_TOOLS = max(1, os.cpu_count() or 1)


def run_tools(commands: Sequence[Sequence[str]], workdir: Path, deadline: Deadline) -> list[ProcessResult]:
    """Run independent tools (compiles) in parallel, one per CPU; their results in order. If one raises, or
    the calling thread is interrupted (a cancelled job), the others are stopped before this returns."""
    if len(commands) <= 1:
        return [run_tool(argv, workdir, deadline) for argv in commands]
    with ThreadPoolExecutor(max_workers=min(len(commands), PARALLEL_TOOLS)) as pool:
        futures = [pool.submit(run_tool, argv, workdir, deadline) for argv in commands]
        try:
            pending = set(futures)
            while pending:
                _, pending = wait(pending, timeout=0.1, return_when=FIRST_EXCEPTION)
                if any(f.done() and f.exception() is not None for f in futures):
                    break
                deadline.check()
        except BaseException:
            deadline.abort()
            raise
        if any(f.done() and f.exception() is not None for f in futures):
            deadline.abort()  # the build stops: the other tools need not finish
    errors = [f.exception() for f in futures if f.exception() is not None]
    if errors:  # the cause, rather than the BuildCancelled of the tools it stopped
        raise next((e for e in errors if not isinstance(e, BuildCancelled)), errors[0])
    return [f.result() for f in futures]

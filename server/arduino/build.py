"""Build a sketch as the Arduino IDE does: check the files, preprocess the tabs, find the libraries, compile the
user's files, link them with the (cached) core archive and library objects, and make the Intel HEX.

`build_sketch(board_id, sketch, files, cache_dir)` is the whole service: callable from a test, the job, a
benchmark alike. Every tool runs sandboxed in a fresh temporary directory under one wall-clock budget; what comes
back is the HEX, the memory use and diagnostics on the user's own files only.
"""

import shutil
import signal
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from sandbox.bubblewrap import exit_signal
from sandbox.process import ProcessResult

from . import diagnostics as gcc_diagnostics
from .boards import BOARDS, CORE_DIR, Board
from .cache import BuildCache, cache_key, files_digest, read_product
from .libraries import Library, UnknownLibrary, resolve
from .size import memory_use, parse_sections, size_diagnostics
from .sketch import GENERATED, MAIN_TAB, SketchInvalid, preprocess
from .toolchain import (
    CORE_SOURCES,
    LANGUAGES,
    BuildCancelled,
    BuildLimits,
    BuildTimeout,
    Deadline,
    archive_command,
    compile_command,
    flags_digest,
    hex_command,
    link_command,
    run_tool,
    run_tools,
    size_command,
    toolchain_version,
)

BUILD = "build"  # products, under the build directory (the user's files sit at its top, as in a sketch folder)
LIBRARIES = "libraries"  # copies of our own libraries' sources, which live outside what the sandbox shows
ELF, HEX = f"{BUILD}/sketch.elf", f"{BUILD}/sketch.hex"
MAX_HEX_BYTES = 4 * 1024 * 1024  # 256 kB of flash is about 720 kB of Intel HEX
# Only to measure a program that does not fit the chip: the device's flash and RAM regions made large enough
# for the link to finish, so avr-size can say by how much it is too big (never used for a HEX we return).
MEASURE_ONLY_LINK_FLAGS = ("-Wl,--defsym=__TEXT_REGION_LENGTH__=0x400000", "-Wl,--defsym=__DATA_REGION_LENGTH__=0xffa0")


DEFAULT_LIMITS = BuildLimits()


@dataclass(frozen=True)
class BuildResult:
    ok: bool
    hex: str | None
    size: dict[str, int] | None  # {"flash", "flash_max", "ram", "ram_max"} once linked
    diagnostics: list[dict]  # {"file", "line", "column", "severity", "message"}
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
    cache: dict[str, int] = field(default_factory=dict)  # hits and misses of the core archive and libraries


class _Failed(Exception):
    """The build stops here with these diagnostics (and the memory use, when it got that far)."""

    def __init__(self, diagnostics: list[dict], size: dict | None = None):
        super().__init__(diagnostics)
        self.diagnostics = diagnostics
        self.size = size


def build_sketch(
    board_id: str,
    sketch: str,
    files: dict[str, str],
    cache_dir: Path,
    *,
    limits: BuildLimits = DEFAULT_LIMITS,
    should_cancel: Callable[[], bool] | None = None,
) -> BuildResult:
    """Build `sketch` (the main tab) with `files` (more tabs, .h/.c/.cpp/.S) for `board_id`; see the module."""
    deadline = Deadline(limits, should_cancel)
    run = _BuildRun(deadline, BuildCache(cache_dir))
    try:
        board = BOARDS.get(board_id)
        if board is None:
            raise _Failed([error(f"Unknown board {board_id!r}; available: {', '.join(BOARDS)}.")])
        hex_text, size, warnings = run.build(board, sketch, files)
        return BuildResult(True, hex_text, size, warnings, run.timings, run.cache_stats)
    except _Failed as failed:
        return BuildResult(False, None, failed.size, failed.diagnostics, run.timings, run.cache_stats)
    except BuildTimeout:
        message = f"The build exceeded its time limit of {limits.wall_seconds:g} s and was stopped."
        return BuildResult(False, None, None, [*run.warnings, error(message)], run.timings, run.cache_stats)
    except BuildCancelled:
        return BuildResult(False, None, None, [error("The build was cancelled.")], run.timings, run.cache_stats)


def error(message: str, file: str | None = None, line: int | None = None) -> dict:
    return {"file": file, "line": line, "column": None, "severity": "error", "message": message}


class _BuildRun:
    """One build's state: its deadline, cache, timings and the warnings gathered so far."""

    def __init__(self, deadline: Deadline, build_cache: BuildCache):
        self.deadline = deadline
        self.cache = build_cache
        self.timings: dict[str, float] = {}
        self.cache_stats = {"core_hits": 0, "core_misses": 0, "library_hits": 0, "library_misses": 0}
        self.warnings: list[dict] = []

    @contextmanager
    def _stage(self, name: str):
        """Time a stage, also when it fails."""
        started = time.monotonic()
        try:
            yield
        finally:
            self.timings[name] = round(self.timings.get(name, 0) + time.monotonic() - started, 4)

    def build(self, board: Board, sketch: str, files: dict[str, str]) -> tuple[str, dict, list[dict]]:
        with self._stage("preprocess"):
            try:  # checks the request again, and refuses includes of host paths on their lines
                preprocessed = preprocess(sketch, files)
            except SketchInvalid as invalid:
                raise _Failed(invalid.diagnostics()) from None
        user_files = preprocessed.user_files
        with self._stage("resolve"):
            try:
                libraries = resolve(preprocessed, board)
            except UnknownLibrary as unknown:
                raise _Failed([error(str(unknown), unknown.file, unknown.line)]) from None
        with tempfile.TemporaryDirectory(prefix="ohm-arduino-") as directory:
            workdir = Path(directory)
            (workdir / BUILD).mkdir()
            for name, text in preprocessed.sources.items():
                (workdir / _plain_name(name)).write_text(text, encoding="utf-8")
            include_dirs = stage_libraries(libraries, workdir)
            with self._stage("core"):
                core = self._core_archive(board, workdir)
            with self._stage("libraries"):
                library_objects = self._library_objects(board, libraries, workdir)
            with self._stage("compile"):
                objects = self._compile_user_files(board, preprocessed.compile, include_dirs, workdir, user_files)
            with self._stage("link"):
                size = self._link(board, [*objects, *library_objects], core, workdir)
            hex_text = read_product(workdir / HEX, MAX_HEX_BYTES).decode("ascii")
        return hex_text, size, self.warnings

    # --- cached products ---------------------------------------------------------------------------------

    def _core_archive(self, board: Board, workdir: Path) -> str:
        """The board's core.a, from the cache or built into it; its path in the build directory."""
        material = {
            "core": [board.mcu, board.f_cpu, board.variant, board.board_define],
            "sources": core_digest(board.variant),
            "flags": flags_digest(board),
            "toolchain": toolchain_version(),
        }

        def build_core(scratch: Path) -> list[Path]:
            sources = sorted(p for p in CORE_SOURCES.iterdir() if p.suffix in LANGUAGES)
            self._compile_or_fail([compile_command(board, str(s), f"{s.name}.o", []) for s in sources], scratch)
            objects = [f"{s.name}.o" for s in sources]
            archived = run_tool(archive_command("core.a", objects), scratch, self.deadline)
            self._check(archived, "core archive", "avr-gcc-ar")
            return [scratch / "core.a"]

        key = cache_key(material)
        _, hit = self.cache.fetch_or_build("core", key, build_core, workdir / BUILD, self.deadline, material=material)
        self.cache_stats["core_hits" if hit else "core_misses"] += 1
        return f"{BUILD}/core.a"

    def _library_objects(self, board: Board, libraries: list[Library], workdir: Path) -> list[str]:
        """Every library's objects, from the cache or built into it; their paths in the build directory."""
        digests = {library.name: library_digest(library) for library in libraries}
        include_dirs = [directory for library in libraries for directory in library_include_dirs(library)]
        objects = []
        for library in libraries:
            if not library.sources:
                continue  # header-only
            material = {
                "library": [library.name, library.version, digests[library.name]],
                # a library may include the others' headers: it is built with all of them on the include path
                "with": sorted(digests.items()),
                "board": [board.mcu, board.f_cpu, board.variant, board.board_define],
                "core": core_digest(board.variant),
                "flags": flags_digest(board, include_dirs),
                "toolchain": toolchain_version(),
            }

            def build_library(scratch: Path, library=library) -> list[Path]:
                stage_libraries(libraries, scratch)
                sources = [library_source_path(library, source) for source in library.sources]
                names = [f"{index:02d}-{Path(source).name}.o" for index, source in enumerate(sources)]
                self._compile_or_fail(
                    [compile_command(board, s, n, include_dirs) for s, n in zip(sources, names, strict=True)], scratch
                )
                return [scratch / name for name in names]

            target = workdir / BUILD / f"lib-{library.name}"
            target.mkdir()
            key = cache_key(material)
            names, hit = self.cache.fetch_or_build(
                "library", key, build_library, target, self.deadline, material=material
            )
            self.cache_stats["library_hits" if hit else "library_misses"] += 1
            objects += [f"{BUILD}/lib-{library.name}/{name}" for name in names]
        return objects

    def _compile_or_fail(self, commands: list[list[str]], workdir: Path) -> None:
        """Compile code that is not the user's (core, libraries): a failure is summarised, not echoed."""
        for result in run_tools(commands, workdir, self.deadline):
            self._check(result, "core or library objects")

    def _check(self, result: ProcessResult, what: str, tool: str = "the compiler") -> None:
        if result.returncode != 0:
            raise _Failed([error(f"Making the {what} failed: {_process_trouble(result, tool)}.")])

    # --- the user's files ------------------------------------------------------------------------------

    def _compile_user_files(
        self, board: Board, sources: list[str], include_dirs: list[str], workdir: Path, user_files: frozenset[str]
    ) -> list[str]:
        names = [_plain_name(source) for source in sources]
        objects = [f"{BUILD}/{name}.o" for name in names]
        commands = [
            compile_command(board, n, o, include_dirs, warnings="all") for n, o in zip(names, objects, strict=True)
        ]
        results = run_tools(commands, workdir, self.deadline)
        output = "\n".join(_text(result) for result in results)
        found = [d.as_dict() for d in gcc_diagnostics.parse_gcc_output(output, user_files)]
        failed = [(name, result) for name, result in zip(names, results, strict=True) if result.returncode != 0]
        if failed:
            if not any(d["severity"] == "error" for d in found):  # nothing parsable: say which file and why
                for name, result in failed:
                    trouble = _process_trouble(result, "the compiler")
                    shown = _shown(name, user_files)
                    found.append(error(f"Compiling {shown or name} failed: {trouble}.", shown))
            raise _Failed(found)
        self.warnings += found
        return objects

    def _link(self, board: Board, objects: list[str], core: str, workdir: Path) -> dict[str, int]:
        """Link, make the HEX, measure; a program that does not fit the board fails with its size."""
        result = run_tool(link_command(board, objects, core, ELF), workdir, self.deadline)
        if result.returncode != 0:
            output = _text(result)
            if "overflowed" in output or "will not fit in region" in output:
                size = self._measure_oversized(board, objects, core, workdir)
                if size is not None:
                    raise _Failed([*self.warnings, *size_diagnostics(size)], size)
            found = [d.as_dict() for d in gcc_diagnostics.linker_diagnostics(output)]
            if not any(d["severity"] == "error" for d in found):
                found.append(error(f"Linking failed: {_process_trouble(result, 'the linker')}."))
            raise _Failed([*self.warnings, *found])
        # Both only read the ELF: side by side (a HEX of a program too big is not returned).
        sized, hexed = run_tools([size_command(ELF), hex_command(ELF, HEX)], workdir, self.deadline)
        size = self._size(board, sized)
        findings = size_diagnostics(size)
        if any(d["severity"] == "error" for d in findings):
            raise _Failed([*self.warnings, *findings], size)
        self.warnings += findings
        self._check(hexed, "HEX file", "avr-objcopy")
        return size

    def _size(self, board: Board, result: ProcessResult) -> dict[str, int]:
        self._check(result, "size report", "avr-size")
        return memory_use(parse_sections(result.stdout.decode(errors="replace")), board)

    def _measure_oversized(self, board: Board, objects: list[str], core: str, workdir: Path) -> dict | None:
        command = link_command(board, objects, core, ELF)
        measuring = [*command[:1], *MEASURE_ONLY_LINK_FLAGS, *command[1:]]
        if run_tool(measuring, workdir, self.deadline).returncode != 0:
            return None
        return self._size(board, run_tool(size_command(ELF), workdir, self.deadline))


# --- libraries in the sandbox --------------------------------------------------------------------------------


def _visible_in_sandbox(path: Path) -> bool:
    return path.is_relative_to("/usr")


def library_include_dirs(library: Library) -> list[str]:
    """A library's source folders as a compile in the build directory names them (see `stage_libraries`)."""
    if _visible_in_sandbox(library.root):
        return [str(directory) for directory in library.src_dirs]
    return [f"{LIBRARIES}/{library.name}/{directory.relative_to(library.root)}" for directory in library.src_dirs]


def library_source_path(library: Library, source: Path) -> str:
    if _visible_in_sandbox(library.root):
        return str(source)
    return f"{LIBRARIES}/{library.name}/{Path(source).relative_to(library.root)}"


def stage_libraries(libraries: list[Library], workdir: Path) -> list[str]:
    """Copy the source folders of libraries the sandbox cannot see (ours, in the project) into the build
    directory; the include folders of all `libraries`, in order."""
    for library in libraries:
        if not _visible_in_sandbox(library.root):
            for directory in library.src_dirs:
                shutil.copytree(directory, workdir / LIBRARIES / library.name / directory.relative_to(library.root))
    return [directory for library in libraries for directory in library_include_dirs(library)]


def library_digest(library: Library) -> str:
    paths = [p for directory in library.src_dirs for p in Path(directory).rglob("*") if p.is_file()]
    return files_digest(paths, relative_to=library.root)


@cache
def core_digest(variant: str) -> str:
    """The core's and the variant's sources (a changed core package must not reuse old archives)."""
    variant_dir = CORE_DIR / "variants" / variant
    paths = [p for p in [*CORE_SOURCES.iterdir(), *variant_dir.iterdir()] if p.is_file()]
    return files_digest(paths, relative_to=CORE_DIR)


# --- small helpers ------------------------------------------------------------------------------------------


def _plain_name(name: str) -> str:
    """A file name of the request, written at the top of the build directory: never a path."""
    if not name or "/" in name or "\\" in name or name.startswith(".") or Path(name).name != name:
        raise ValueError(f"not a plain file name: {name!r}")
    return name


def _shown(name: str, user_files: frozenset[str]) -> str | None:
    """The request's file a compiled file stands for: the tabs' generated C++ is the main tab's."""
    if name == GENERATED:
        return MAIN_TAB
    return name if name in user_files else None


def _text(result: ProcessResult) -> str:
    return (result.stdout + result.stderr).decode(errors="replace")


def _process_trouble(result: ProcessResult, tool: str) -> str:
    """Why a tool failed, in words that name nothing of the machine."""
    if result.output_truncated:
        return f"{tool} printed too much output and was stopped"
    number = exit_signal(result.returncode)
    if number == signal.SIGXCPU:
        return f"{tool} used too much CPU time and was stopped"
    if number == signal.SIGXFSZ:
        return f"{tool} wrote a file over the size limit and was stopped"
    if number is not None:
        return f"{tool} was stopped ({signal.Signals(number).name})"
    output = _text(result).lower()
    if "memory exhausted" in output or "out of memory" in output or "cannot allocate memory" in output:
        return f"{tool} ran out of memory"
    return f"{tool} reported errors (exit status {result.returncode})"

"""Which Arduino libraries a sketch uses, found from its `#include` lines as the Arduino IDE finds them.

The libraries are the AVR core's own (EEPROM, HID, SPI, SoftwareSerial, Wire, in CORE_DIR/libraries) and ours
(Servo, LiquidCrystal, Stepper in server/arduino/libraries, written for OhmCloud because Debian ships neither).
A library is a folder with `library.properties` (name, version) and its code in `src/` (the 1.5 layout; the
older layout, code at the top and in `utility/`, is read too). A sketch uses a library when it includes a header
at the top of the library's source folder, as the IDE matches them: `#include <Wire.h>` means Wire.

A header the sketch has itself, or that the core, the board's variant, avr-libc or gcc provide, is not a
library. A library's own includes are resolved the same way, recursively (SoftwareSerial includes Stream.h from
the core; a library including <SPI.h> brings SPI), and a header beside the including file or in the library's
own source folder is the library's own (Wire's "utility/twi.h").

Unlike the IDE, nothing here runs the preprocessor: an include inside `#if`/`#ifdef` counts when it names a
known library (compiling a library the sketch does not use only costs time; the linker drops its code) and is
ignored when it names nothing known (`#ifdef ESP32` / `#include <WiFi.h>`): if that branch is compiled after
all, the compiler reports the missing header on the user's line.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .boards import CORE_DIR, Board, read_properties
from .cpp_lexer import Kind, LineIndex, directive_parts, tokenize
from .sketch import Preprocessed

OUR_LIBRARIES = Path(__file__).resolve().parent / "libraries"
CORE_LIBRARIES = CORE_DIR / "libraries"
CORE_SOURCES = CORE_DIR / "cores" / "arduino"
AVR_LIBC_INCLUDE = Path("/usr/lib/avr/include")
GCC_INCLUDE_DIRS = tuple(
    sorted(path for pattern in ("*/include", "*/include-fixed") for path in Path("/usr/lib/gcc/avr").glob(pattern))
)
SOURCE_EXTENSIONS = (".c", ".cpp", ".S")
HEADER_EXTENSIONS = (".h", ".hpp")


@dataclass(frozen=True)
class Library:
    name: str
    version: str
    root: Path
    src_dirs: tuple[Path, ...]  # -I for the sketch and the library itself
    headers: frozenset[str]  # the headers a sketch includes to use it, e.g. {"Wire.h"}
    sources: tuple[Path, ...]  # .c, .cpp and .S files to compile
    bundled: bool  # True: ours, standing in for the libraries the IDE bundles; False: the core's platform library
    sentence: str = ""

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "version": self.version,
            "sentence": self.sentence,
            "headers": sorted(self.headers),
            "bundled": self.bundled,
        }


class UnknownLibrary(LookupError):
    """An unconditional `#include <header>` that no library, nor the sketch, nor the core provides."""

    def __init__(self, header: str, file: str | None, line: int | None, available: list[str] | None = None):
        self.header, self.file, self.line = header, file, line
        names = available if available is not None else sorted(available_libraries(), key=str.lower)
        super().__init__(f"{header}: no such library; available: {', '.join(names)}")

    def diagnostic(self) -> dict:
        """As a build diagnostic (the shape diagnostics.Diagnostic.as_dict() has)."""
        return {"file": self.file, "line": self.line, "column": None, "severity": "error", "message": str(self)}


def available_libraries(roots: tuple[tuple[Path, bool], ...] | None = None) -> dict[str, Library]:
    """Every library by name: ours (bundled) and the core's. `roots`: (folder of libraries, bundled) pairs."""
    if roots is None:
        roots = ((OUR_LIBRARIES, True), (CORE_LIBRARIES, False))
    libraries: dict[str, Library] = {}
    for folder, bundled in roots:
        if not folder.is_dir():
            continue
        for root in sorted(folder.iterdir()):
            library = read_library(root, bundled)
            if library is not None:
                libraries.setdefault(library.name, library)
    return libraries


def read_library(root: Path, bundled: bool) -> Library | None:
    """The library in folder `root`, or None if the folder holds no library."""
    if not root.is_dir():
        return None
    properties_file = root / "library.properties"
    properties = read_properties(properties_file.read_text(errors="replace")) if properties_file.is_file() else {}
    src = root / "src"
    if properties_file.is_file() and src.is_dir():
        src_dirs = (src,)
        sources = sorted(p for p in src.rglob("*") if p.suffix in SOURCE_EXTENSIONS and p.is_file())
        header_dir = src
    else:  # the layout of Arduino 1.0 libraries: code at the top, helpers in utility/
        utility = root / "utility"
        src_dirs = (root, utility) if utility.is_dir() else (root,)
        sources = sorted(p for d in src_dirs for p in d.iterdir() if p.suffix in SOURCE_EXTENSIONS and p.is_file())
        header_dir = root
    headers = frozenset(p.name for p in header_dir.iterdir() if p.suffix in HEADER_EXTENSIONS and p.is_file())
    if not headers:
        return None
    return Library(
        name=properties.get("name", root.name),
        version=properties.get("version", "unknown"),
        root=root,
        src_dirs=src_dirs,
        headers=headers,
        sources=tuple(sources),
        bundled=bundled,
        sentence=properties.get("sentence", ""),
    )


# --- Resolution --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Include:
    header: str
    quoted: bool  # "header" rather than <header>
    line: int
    conditional: bool  # inside #if/#ifdef/#ifndef (an include guard does not count)


def find_includes(text: str) -> list[Include]:
    """The `#include`s of a C/C++ file, in order."""
    includes = []
    lines = LineIndex(text)
    depth = 0
    guard: str | None = None  # an `#ifndef X` that opened just now: if `#define X` follows, it is a guard
    guard_depths: set[int] = set()
    for token in tokenize(text):
        if token.kind is not Kind.DIRECTIVE:
            guard = None
            continue
        name, rest = directive_parts(token.text)
        if name in ("if", "ifdef", "ifndef"):
            depth += 1
            match = re.fullmatch(r"(?:!\s*defined\s*\(?\s*)?(\w+)\s*\)?", rest) if name != "ifdef" else None
            guard = match.group(1) if match and (name == "ifndef" or rest.startswith("!")) else None
            continue
        if name == "define" and guard is not None and re.match(rf"{re.escape(guard)}\b", rest):
            guard_depths.add(depth)
        elif name == "endif" and depth:
            guard_depths.discard(depth)
            depth -= 1
        elif name in ("include", "include_next", "import"):
            match = re.match(r'"([^"]+)"|<([^>]+)>', rest)
            if match:
                header = match.group(1) or match.group(2)
                conditional = depth > len(guard_depths)
                quoted = match.group(1) is not None
                includes.append(Include(header.strip(), quoted, lines.line(token.start), conditional))
        guard = None
    return includes


@lru_cache(maxsize=1024)
def _includes_of_file(path: Path, modified: int, size: int) -> tuple[Include, ...]:
    return tuple(find_includes(path.read_text(errors="replace")))


def _library_files(library: Library) -> list[Path]:
    extensions = (*HEADER_EXTENSIONS, *SOURCE_EXTENSIONS)
    return sorted(p for d in library.src_dirs for p in d.rglob("*") if p.suffix in extensions and p.is_file())


def resolve(preprocessed: Preprocessed, board: Board, libraries: dict[str, Library] | None = None) -> list[Library]:
    """The libraries the sketch includes, then those they include, in the order found.

    Raises UnknownLibrary for an unconditional include, in one of the user's files, of a header nobody has."""
    libraries = available_libraries() if libraries is None else libraries
    by_header: dict[str, Library] = {}
    for library in libraries.values():
        for header in library.headers:
            by_header.setdefault(header, library)
    system_dirs = (CORE_SOURCES, board.variant_dir, AVR_LIBC_INCLUDE, *GCC_INCLUDE_DIRS)
    sketch_files = set(preprocessed.sources) | set(preprocessed.user_sources)

    def is_system(header: str) -> bool:
        return any((directory / header).is_file() for directory in system_dirs)

    found: dict[str, Library] = {}
    tabs = [tab for tab in preprocessed.tabs if tab in preprocessed.user_sources]
    for name in [*tabs, *sorted(set(preprocessed.user_sources) - set(tabs))]:
        for include in find_includes(preprocessed.user_sources[name]):
            if include.header.removeprefix("./") in sketch_files or is_system(include.header):
                continue
            library = by_header.get(include.header)
            if library is not None:
                found.setdefault(library.name, library)
            elif not include.conditional:
                raise UnknownLibrary(include.header, name, include.line, sorted(libraries, key=str.lower))
    queue = list(found.values())
    while queue:
        library = queue.pop(0)
        for path in _library_files(library):
            stat = path.stat()
            for include in _includes_of_file(path, stat.st_mtime_ns, stat.st_size):
                if include.quoted and (path.parent / include.header).is_file():
                    continue
                if any((directory / include.header).is_file() for directory in library.src_dirs):
                    continue
                if is_system(include.header):
                    continue
                dependency = by_header.get(include.header)
                if dependency is not None and dependency.name not in found:
                    found[dependency.name] = dependency
                    queue.append(dependency)
    return list(found.values())

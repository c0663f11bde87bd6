"""gcc's and the linker's output as structured diagnostics on the user's own files, leaking nothing else.

The compiler runs with `-fno-diagnostics-show-caret` (no source lines under a message), `-fmessage-length=0`
(no wrapping) and no colours, so its output is one line per message: `file:line:column: severity: message`,
context lines (`file: In function 'void setup()':`, `In file included from file:line:`) and template chains
(`file:line:column:   required from here`). The `#line` directives of sketch.py make it name the user's tab.

What is kept:
- errors, warnings and notes on the user's files (`user_files`), as gcc wrote them;
- an error or warning in another file (the core, a library) that gcc traces back to the user's code: through
  the `in expansion of macro` notes that follow it, the `required from here` of the template instantiation
  before it, or the `#include` line of the user's that brought the file in. It is reported on that line of
  the user's, naming the other file; its message is kept only when that file is part of the toolchain, the
  core or a library (public text, under PUBLIC_ROOTS or copied into the build folder), else it only says that
  a file outside the sketch has an error: gcc quotes names out of the file it complains about, and a host file
  must not show even that way (the sandbox hides them; this does not rely on it);
- every other error outside the user's files, summarised in one diagnostic without file or message text (a
  warning there is dropped: the user can do nothing about it).
Everything else (notes in other files, lines that are not diagnostics) is dropped. Messages are trimmed and at
most MAX_DIAGNOSTICS are returned.

The linker names no source lines worth showing (with LTO it blames whatever file it likes);
`linker_diagnostics` turns its messages into file-less diagnostics with the paths taken out.
"""

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from .boards import CORE_DIR

MAX_DIAGNOSTICS = 100
MAX_MESSAGE = 500
# Files whose content is public: gcc's message about them may be shown.
PUBLIC_ROOTS = (
    f"{CORE_DIR}/",
    "/usr/lib/avr/",
    "/usr/lib/gcc/avr/",
    "/usr/avr/",
    f"{PurePosixPath(__file__).parent / 'libraries'}/",
)


@dataclass(frozen=True)
class Diagnostic:
    file: str | None
    line: int | None
    column: int | None
    severity: str  # "error" | "warning" | "note"
    message: str

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "message": self.message,
        }


_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_LOCATED = re.compile(
    r"^(?P<file>[^:\n]+?):(?P<line>\d+):(?:(?P<column>\d+):)?\s(?:(?P<severity>fatal error|error|warning|note):\s?)?"
    r"(?P<message>.*)$"
)
_INCLUDED_FROM = re.compile(r"^(?:In file included|\s+) from (?P<file>[^:\n]+?):(?P<line>\d+)(?::\d+)?[:,]$")
_CONTEXT = re.compile(r"^(?P<file>[^:\n]+?): (?:In |At )[^\n]*:$")
_TOOL = re.compile(
    r"^(?P<tool>[\w.+-]+): (?P<severity>fatal error|internal compiler error|error|warning|note): (?P<message>.*)$"
)


@dataclass
class _Line:
    file: str
    line: int
    column: int | None
    severity: str | None  # None for `required from` lines
    message: str
    included_from: list[tuple[str, int]]  # innermost first


def parse_gcc_output(text: str, user_files: frozenset[str]) -> list[Diagnostic]:
    """Diagnostics on the user's files from a compiler's output (see the module's docstring)."""
    records = _records(_ANSI.sub("", text))
    diagnostics: list[Diagnostic] = []
    outside = 0
    instantiation_chain: list[_Line] = []  # `required from` lines since the last context line
    for position, record in enumerate(records):
        if record is None:  # a context line: a new chain starts
            instantiation_chain = []
            continue
        user_file = _user_file(record.file, user_files)
        if record.severity is None:
            instantiation_chain.append(record)
            continue
        severity = "error" if record.severity == "fatal error" else record.severity
        if user_file is not None:
            diagnostics.append(Diagnostic(user_file, record.line, record.column, severity, _trim(record.message)))
            if severity != "note":  # then where the template it is in was instantiated, as gcc says before it
                diagnostics += _required_from(instantiation_chain, user_files)
                instantiation_chain = []
            continue
        if severity == "note":
            continue
        origin = _origin_in_user_code(record, records[position + 1 :], instantiation_chain, user_files)
        if origin is None:
            if severity == "error":
                outside += 1
            continue
        file, line, column, how = origin
        if how == "include" and severity == "warning":
            continue  # a warning inside a library's header: nothing the user can change
        diagnostics.append(Diagnostic(file, line, column, severity, _message_from_outside(record)))
    if outside:
        diagnostics.append(
            Diagnostic(
                None,
                None,
                None,
                "error",
                f"{outside} error{'s' if outside > 1 else ''} in files outside the sketch (the Arduino core or a "
                "library), not traced back to a line of the sketch; often a macro or name the sketch defines "
                "clashes with theirs",
            )
        )
    return _deduplicated(diagnostics)[:MAX_DIAGNOSTICS]


def _records(text: str) -> list[_Line | None]:
    """The output's diagnostics, with None for each context line; lines that are neither are dropped."""
    records: list[_Line | None] = []
    included_from: list[tuple[str, int]] = []
    for raw in text.splitlines():
        line = raw.rstrip()
        included = _INCLUDED_FROM.match(line)
        if included:
            included_from.append((included.group("file"), int(included.group("line"))))
            continue
        if _CONTEXT.match(line):
            records.append(None)
            continue
        located = _LOCATED.match(line)
        if located is None:
            continue
        message = located.group("message")
        severity = located.group("severity")
        if severity is None and not message.lstrip().startswith(("required from", "required by")):
            continue  # not a diagnostic after all (`file:1:2: something`)
        records.append(
            _Line(
                file=located.group("file"),
                line=int(located.group("line")),
                column=int(located.group("column")) if located.group("column") else None,
                severity=severity,
                message=message,
                included_from=included_from,
            )
        )
        included_from = []
    return records


def _required_from(chain: list[_Line], user_files: frozenset[str]) -> list[Diagnostic]:
    notes = []
    for record in chain:
        file = _user_file(record.file, user_files)
        if file is not None:
            notes.append(Diagnostic(file, record.line, record.column, "note", _trim(record.message)))
    return notes


def _user_file(path: str, user_files: frozenset[str]) -> str | None:
    """The user's file a path gcc printed names, if it names one. The build compiles in the sketch's folder, so
    gcc names the user's files as they are named (`sketch.ino`, `./helper.h`); a compile given absolute paths
    makes that `/tmp/build/helper.h`. A relative path with folders (`libraries/Servo/src/Servo.h`, staged by the
    build) or a path into the toolchain is never the user's file, even with the same name."""
    if path in user_files:
        return path
    if path.startswith("./") and path[2:] in user_files:
        return path[2:]
    name = PurePosixPath(path).name
    if path.startswith("/") and name in user_files and not path.startswith(("/usr/", *PUBLIC_ROOTS)):
        return name
    return None


def _is_public(path: str) -> bool:
    """Whether gcc's messages about a file may be shown: the toolchain's, the core's and the libraries' files,
    and files in the build folder (relative paths), which holds only the request's files and copies of those."""
    if path.startswith("/"):
        return path.startswith(PUBLIC_ROOTS)
    return ".." not in PurePosixPath(path).parts


def _origin_in_user_code(
    record: _Line, following: list[_Line | None], chain: list[_Line], user_files: frozenset[str]
) -> tuple[str, int, int | None, str] | None:
    """(file, line, column, how) in the user's code that led to a diagnostic in another file, if gcc says."""
    for later in following:  # the notes gcc writes after it: `in expansion of macro`, `in definition of macro`
        if later is None or later.severity != "note" or later.included_from:
            break
        file = _user_file(later.file, user_files)
        if file is not None and "expansion of macro" in later.message:
            return file, later.line, later.column, "macro"
    for earlier in reversed(chain):  # the template instantiation that got here: `required from here`
        file = _user_file(earlier.file, user_files)
        if file is not None:
            return file, earlier.line, earlier.column, "template"
    for path, line in record.included_from:  # innermost first: the user's #include that brought the file in
        file = _user_file(path, user_files)
        if file is not None:
            return file, line, None, "include"
    return None


def _message_from_outside(record: _Line) -> str:
    name = PurePosixPath(record.file).name
    if _is_public(record.file):
        return _trim(f"{record.message} (in {name})")
    return f"{'an error' if record.severity != 'warning' else 'a warning'} in a file outside the sketch"


def _trim(message: str) -> str:
    message = message.replace("\u2018", "'").replace("\u2019", "'").strip()
    return message if len(message) <= MAX_MESSAGE else message[: MAX_MESSAGE - 3] + "..."


def _deduplicated(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    seen = set()
    unique = []
    for diagnostic in diagnostics:
        if diagnostic not in seen:
            seen.add(diagnostic)
            unique.append(diagnostic)
    return unique


# --- The linker --------------------------------------------------------------------------------------------------

_UNDEFINED = re.compile(r"undefined reference to [`'](?P<symbol>.+)'\s*$")
_MULTIPLE = re.compile(r"multiple definition of [`'](?P<symbol>.+)'\s*$")
_OVERFLOW = re.compile(r"region [`'](?P<region>\w+)' overflowed by (?P<bytes>\d+) bytes")
_WILL_NOT_FIT = re.compile(r"will not fit in region [`'](?P<region>\w+)'")
_PATH = re.compile(r"(?:/[^\s:'`\"]+)+")
_REGIONS = {"text": "flash (program memory)", "data": "RAM", "eeprom": "EEPROM"}
_ENTRY_POINTS = {"setup": "void setup()", "loop": "void loop()"}


def linker_diagnostics(text: str) -> list[Diagnostic]:
    """The linker's (and the LTO back end's) errors, without files: undefined references, symbols defined
    twice, memory regions overflowed, and anything else it reports as an error, paths reduced to file names."""
    diagnostics = []
    failed = False
    overflowed: dict[str, str | None] = {}  # region -> bytes over, when the linker says
    for raw in _ANSI.sub("", text).splitlines():
        line = raw.strip()
        if undefined := _UNDEFINED.search(line):
            symbol = _trim(undefined.group("symbol"))
            message = f"undefined reference to '{symbol}'"
            if symbol.removesuffix("()") in _ENTRY_POINTS:
                message += f": every sketch needs a {_ENTRY_POINTS[symbol.removesuffix('()')]} function"
            else:
                message += ": it is declared and used but never defined (or its library is not included)"
            diagnostics.append(Diagnostic(None, None, None, "error", message))
        elif multiple := _MULTIPLE.search(line):
            symbol = _trim(multiple.group("symbol"))
            diagnostics.append(Diagnostic(None, None, None, "error", f"multiple definition of '{symbol}'"))
        elif overflow := _OVERFLOW.search(line):
            overflowed[overflow.group("region")] = overflow.group("bytes")
        elif full := _WILL_NOT_FIT.search(line):
            overflowed.setdefault(full.group("region"), None)
        elif "exit status" in line or "first defined here" in line:
            failed = failed or "exit status" in line
        elif (tool := _TOOL.match(line)) and tool.group("severity") != "warning" and tool.group("severity") != "note":
            message = _PATH.sub(lambda m: PurePosixPath(m.group()).name, tool.group("message"))
            diagnostics.append(Diagnostic(None, None, None, "error", _trim(message)))
    for region, over in overflowed.items():
        message = f"the sketch is too big for the board's {_REGIONS.get(region, region)}"
        diagnostics.append(Diagnostic(None, None, None, "error", message + (f": over by {over} bytes" if over else "")))
    if failed and not diagnostics:
        diagnostics.append(Diagnostic(None, None, None, "error", "linking failed"))
    return _deduplicated(diagnostics)[:MAX_DIAGNOSTICS]

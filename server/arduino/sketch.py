"""A sketch as the Arduino IDE builds it: the request's files checked, the .ino tabs turned into one C++ file.

`preprocess` does what the IDE's builder does before compiling: the .ino tabs concatenated (the main tab first,
then the others alphabetically) after `#include <Arduino.h>`, with prototypes for the functions they define
(prototypes.py) and `#line` directives so that every diagnostic names the user's tab and line, also on lines
after the inserted prototypes. The request's other files (.h, .hpp, .c, .cpp, .S) are compiled alongside
unchanged.

Nothing in a request may name a file outside the build: file names are plain names with a known extension, and
`preprocess` refuses an `#include` (or `#include_next`, `#import`, `__has_include`) of an absolute path or of a
path leading out of its folder, a computed `#include`, `#pragma GCC dependency` and the assembler's
`.incbin`/`.include` (which read any file into the program or the assembly). The directives are found as gcc
finds them (cpp_lexer.py: continuation lines, comments between `#` and `include`, the `%:` digraph). The build
also runs in a sandbox that shows no host files; this refuses early, with the user's line, and without running
anything.
"""

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from .cpp_lexer import Kind, LineIndex, Token, directive_parts, tokenize
from .prototypes import Insertion, PrototypePlan, plan_prototypes

MAIN_TAB = "sketch.ino"
GENERATED = "sketch.ino.cpp"  # the .ino tabs as one C++ file, as the IDE names it
EXTENSIONS = (".ino", ".h", ".hpp", ".c", ".cpp", ".S")
COMPILED_EXTENSIONS = (".c", ".cpp", ".S")
MAX_SOURCE_BYTES = 1024 * 1024  # the sketch and all its files, UTF-8
MAX_FILES = 64
MAX_NAME_LENGTH = 100
FILE_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")


class SketchInvalid(ValueError):
    """The request cannot be built as sent. `errors`: `{"message", "field"}` each (`field` is "sketch" or
    "files.<name>"); errors found by `preprocess` also have the `file`, `line` and `column` they are about."""

    def __init__(self, errors: list[dict]):
        self.errors = errors
        super().__init__("; ".join(error["message"] for error in errors))

    def diagnostics(self) -> list[dict]:
        """The errors as build diagnostics (the shape diagnostics.Diagnostic.as_dict() has)."""
        return [
            {
                "file": error.get("file"),
                "line": error.get("line"),
                "column": error.get("column"),
                "severity": "error",
                "message": error["message"],
            }
            for error in self.errors
        ]


@dataclass(frozen=True)
class Preprocessed:
    sources: dict[str, str]  # file name in the build's sketch folder -> text
    compile: list[str]  # which of `sources` to compile
    user_files: frozenset[str]  # names diagnostics may show: the request's tabs and files
    user_sources: dict[str, str] = field(default_factory=dict)  # the request's files as sent, tabs included
    tabs: tuple[str, ...] = ()  # the .ino tabs in the order they were concatenated


def _field(name: str) -> str:
    return "sketch" if name == MAIN_TAB else f"files.{name}"


def validate_files(sketch: str, files: dict[str, str] | None) -> None:
    """Check names, types and sizes of a request's sketch and files; raise SketchInvalid listing every problem.

    Sizes are checked before anything reads the text, so a 16 MB source costs nothing."""
    files = {} if files is None else files
    if not isinstance(sketch, str):
        raise SketchInvalid([{"message": "the sketch must be text", "field": "sketch"}])
    if not isinstance(files, dict):
        raise SketchInvalid([{"message": "files must map file names to their text", "field": "files"}])
    if len(files) > MAX_FILES:
        raise SketchInvalid([{"message": f"at most {MAX_FILES} files besides the sketch", "field": "files"}])
    errors = []
    for name, text in files.items():
        problem = _name_problem(name) if isinstance(name, str) else "a file name must be text"
        if problem is None and not isinstance(text, str):
            problem = f"{name}: the file's content must be text"
        if problem is not None:
            errors.append({"message": problem, "field": f"files.{name}"})
    if errors:
        raise SketchInvalid(errors)
    texts = [sketch, *files.values()]
    if sum(map(len, texts)) > MAX_SOURCE_BYTES:  # characters: never more than bytes, and free to count
        raise SketchInvalid([_too_big(sketch)])
    size = 0
    for name, text in [(MAIN_TAB, sketch), *files.items()]:
        try:
            size += len(text.encode("utf-8"))
        except UnicodeEncodeError:
            errors.append({"message": f"{name}: not valid Unicode text", "field": _field(name)})
    if errors:
        raise SketchInvalid(errors)
    if size > MAX_SOURCE_BYTES:
        raise SketchInvalid([_too_big(sketch)])


def _too_big(sketch: str) -> dict:
    return {
        "message": f"the sketch and its files may be at most {MAX_SOURCE_BYTES // 1024} kB together",
        "field": "sketch" if len(sketch) > MAX_SOURCE_BYTES else "files",
    }


def _name_problem(name: str) -> str | None:
    shown = name[:MAX_NAME_LENGTH]
    if len(name) > MAX_NAME_LENGTH:
        return f"{shown}...: file names may be at most {MAX_NAME_LENGTH} characters"
    if not FILE_NAME.fullmatch(name):
        return (
            f"{shown!r}: file names may only contain letters, digits, '_', '.' and '-', "
            "and may not start with '.' or '-'"
        )
    if not name.endswith(EXTENSIONS):
        return f"{name}: unknown kind of file; allowed are {', '.join(EXTENSIONS)}"
    if name in (MAIN_TAB, GENERATED):
        return f"{name}: reserved for the sketch itself; choose another name"
    return None


# --- Preprocessing -----------------------------------------------------------------------------------------------


def preprocess(sketch: str, files: dict[str, str] | None = None) -> Preprocessed:
    """The build's sketch folder for a request: `sketch.ino.cpp` from the tabs, the other files as they are.

    Raises SketchInvalid for a request `validate_files` refuses or a file that reaches outside the build."""
    files = {} if files is None else files
    validate_files(sketch, files)
    user_sources = {MAIN_TAB: sketch, **files}
    tabs = (MAIN_TAB, *sorted((name for name in files if name.endswith(".ino")), key=lambda n: (n.lower(), n)))
    merged = _Concatenation({tab: user_sources[tab] for tab in tabs})
    tokens = tokenize(merged.text)
    errors = _host_access(tokens, lambda offset: (*merged.where(offset), merged.lines.column(offset)))
    for name, text in files.items():
        if not name.endswith(".ino"):
            lines = LineIndex(text)
            errors += _host_access(
                tokenize(text), lambda offset, n=name, i=lines: (n, i.line(offset), i.column(offset))
            )
            if name.endswith(".S"):
                errors += _assembler_file_directives(name, text, lines)
    if errors:
        raise SketchInvalid(errors)
    sources = {GENERATED: merged.with_prototypes(plan_prototypes(merged.text, tokens))}
    sources.update({name: text for name, text in files.items() if not name.endswith(".ino")})
    compile_names = [GENERATED, *sorted(name for name in files if name.endswith(COMPILED_EXTENSIONS))]
    return Preprocessed(
        sources=sources,
        compile=compile_names,
        user_files=frozenset(user_sources),
        user_sources=user_sources,
        tabs=tabs,
    )


class _Concatenation:
    """The tabs as one C++ file: `#include <Arduino.h>`, then each tab after a `#line 1` naming it."""

    def __init__(self, tabs: dict[str, str]):
        pieces = ["#include <Arduino.h>\n"]
        self._starts: list[int] = []  # offset of each tab's first character
        self._first_lines: list[int] = []  # line of the concatenation that is the tab's line 1
        self._tabs = list(tabs)
        offset, line = len(pieces[0]), 2
        for tab, original in tabs.items():
            directive = f'#line 1 "{tab}"\n'
            text = original.replace("\r\n", "\n")
            if not text.endswith("\n"):
                text += "\n"
            offset, line = offset + len(directive), line + 1
            self._starts.append(offset)
            self._first_lines.append(line)
            pieces += [directive, text]
            offset, line = offset + len(text), line + text.count("\n")
        self.text = "".join(pieces)
        self.lines = LineIndex(self.text)

    def where(self, offset: int) -> tuple[str, int]:
        """(tab, line in the tab) of an offset in the concatenation."""
        index = max(0, bisect_right(self._starts, offset) - 1)
        return self._tabs[index], self.lines.line(offset) - self._first_lines[index] + 1

    def with_prototypes(self, plan: PrototypePlan) -> str:
        """The text with the plan's prototypes inserted and its default arguments blanked."""
        merged = self.text
        edits = [(start, end, None) for start, end in plan.blanked]
        edits += [(insertion.offset, insertion.offset, insertion) for insertion in plan.insertions]
        edits.sort(key=lambda edit: (edit[0], edit[1]))
        out, position = [], 0
        for start, end, insertion in edits:
            out.append(merged[position:start])
            if insertion is None:  # a default argument moved into the prototype: blank, keeping lines and columns
                out.append(re.sub(r"[^\n\t]", " ", merged[start:end]))
            else:
                out.append(self._prototype_block(insertion))
            position = end
        out.append(merged[position:])
        return "".join(out)

    def _prototype_block(self, insertion: Insertion) -> str:
        merged, offset = self.text, insertion.offset
        before = merged[self.lines.line_start(offset) : offset] if offset < len(merged) else ""
        block = ["\n"] if before else []
        for prototype in insertion.prototypes:
            tab, line = self.where(prototype.definition)
            for group in prototype.conditions:
                block.extend(f"{directive}\n" for directive in group)
            block.append(f'#line {line} "{tab}"\n{prototype.text}\n')
            block.extend("#endif\n" for _ in prototype.conditions)
        if offset < len(merged):
            tab, line = self.where(offset)
            block.append(f'#line {line} "{tab}"\n')
            # What follows keeps its column: the text before it on its line, as blanks (tabs stay tabs, a
            # multi-byte character becomes as many spaces as gcc counts columns for it).
            block.append("".join(c if c == "\t" else " " * len(c.encode()) for c in before))
        return "".join(block)


# --- Refusing what reaches outside the build ---------------------------------------------------------------------

_INCLUDES = ("include", "include_next", "import")
_HAS_INCLUDE = re.compile(r'__has_include(?:_next)?\s*\(\s*("[^"]*"|<[^>]*>)\s*\)')
_ASSEMBLER_FILE_DIRECTIVE = re.compile(r"(?<![\w.])\.(incbin|include)\b", re.IGNORECASE)


def _host_access(tokens: list[Token], where: Callable[[int], tuple[str, int, int]]) -> list[dict]:
    """Errors for every line that would make the compiler or assembler read a file not in the build; `where`
    gives the (file, line, column) of a token's offset."""
    errors = []
    for token in tokens:
        problem = None
        if token.kind is Kind.DIRECTIVE:
            directive, rest = directive_parts(token.text)
            if directive in _INCLUDES:
                problem = _include_problem(rest)
                problem = problem and f"#{directive} {rest[:200]}: {problem}"
            elif directive == "pragma" and re.match(r"GCC\s+dependency\b", rest):
                problem = "#pragma GCC dependency reads a file outside the sketch; remove it"
            for probe in _HAS_INCLUDE.finditer(rest):  # tells whether a file exists: no host paths either
                problem = problem or _include_problem(probe.group(1))
                problem = problem and f"{probe.group()}: {problem}"
        elif token.kind is Kind.STRING and _ASSEMBLER_FILE_DIRECTIVE.search(token.text):
            problem = "the assembler's .incbin and .include read files outside the sketch; not allowed"
        if problem:
            errors.append(_located_error(problem, *where(token.start)))
    return errors


def _assembler_file_directives(name: str, text: str, lines: LineIndex) -> list[dict]:
    message = "reads a file outside the sketch; use #include"
    return [
        _located_error(
            f".{match.group(1).lower()} {message}", name, lines.line(match.start()), lines.column(match.start())
        )
        for match in _ASSEMBLER_FILE_DIRECTIVE.finditer(text)
    ]


def _located_error(message: str, file: str, line: int, column: int) -> dict:
    return {"message": message, "field": _field(file), "file": file, "line": line, "column": column}


def _include_problem(rest: str) -> str | None:
    """Why an #include's operand may not be compiled, or None when it names a header the usual way."""
    match = re.match(r'"([^"]*)"|<([^>]*)>', rest)
    if match is None:
        return 'an #include must name its file in "" or <>; computed includes are not supported'
    path = match.group(1) if match.group(1) is not None else match.group(2)
    if path.startswith(("/", "~")) or re.match(r"[A-Za-z]:", path):
        return "absolute paths are not allowed; include the sketch's own files by name, libraries as <Name.h>"
    if "\\" in path:
        return "use '/' in include paths"
    if ".." in path.split("/"):
        return "'..' is not allowed in include paths: only the sketch's own files and libraries can be included"
    return None

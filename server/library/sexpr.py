"""A small, fast S-expression reader for KiCad files (pure; no Django).

Values come back as plain Python: a list for `( ... )`, `str` for a quoted string
(escapes resolved), `int`/`float` for numbers and `Symbol` (a `str` subclass) for
bare words, so `(pin passive line)` reads as `[Symbol("pin"), Symbol("passive"),
Symbol("line")]` and `(name "~")` as `[Symbol("name"), "~"]`.

Speed matters (KiCad's symbol libraries are 100 MB): one regex splits the text
into tokens in C, then one loop builds the lists. Positions are only worked out
again, more slowly, to report an error.
"""

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["SExpressionError", "Symbol", "read", "read_all", "without_gc"]


class Symbol(str):
    """A bare word (not a quoted string), e.g. `pin`, `hide`, `passive`."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"Symbol({str.__repr__(self)})"


class SExpressionError(ValueError):
    """Malformed input; `line` (1-based) says where."""

    def __init__(self, message: str, line: int):
        super().__init__(f"line {line}: {message}")
        self.message, self.line = message, line


# Whole tokens: parentheses, a complete string (backslash escapes anything), a bare atom; a lone `"` is a string
# without its closing quote. Anything else is whitespace between tokens.
_TOKEN = re.compile(r'[()]|"[^"\\]*(?:\\.[^"\\]*)*"|[^\s()"]+|"', re.DOTALL)
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_INTEGER = re.compile(r"[-+]?\d+")
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r"}


def _unescape(match: re.Match) -> str:
    char = match.group(1)
    return _ESCAPES.get(char, char)


def _atom(lexeme: str) -> int | float | Symbol:
    if _NUMBER.fullmatch(lexeme):
        return int(lexeme) if _INTEGER.fullmatch(lexeme) else float(lexeme)
    return Symbol(lexeme)


@contextmanager
def without_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: building millions of small acyclic lists otherwise triggers
    collections that rescan the growing tree again and again (a third of the time for KiCad's libraries)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def read_all(text: str) -> list:
    """Every top-level expression in `text`, in order."""
    with without_gc():
        return _read_all(text)


def _read_all(text: str) -> list:
    atoms: dict[str, int | float | Symbol] = {}  # each distinct atom is parsed once
    stack: list[list] = []
    current: list = []
    for lexeme in _TOKEN.findall(text):
        if lexeme == "(":
            stack.append(current)
            current = []
        elif lexeme == ")":
            if not stack:
                _raise_located(text)
            done = current
            current = stack.pop()
            current.append(done)
        elif lexeme[0] == '"':
            if len(lexeme) == 1:
                _raise_located(text)
            body = lexeme[1:-1]
            current.append(_ESCAPE.sub(_unescape, body) if "\\" in body else body)
        else:
            value = atoms.get(lexeme)
            if value is None:
                value = atoms[lexeme] = _atom(lexeme)
            current.append(value)
    if stack:
        _raise_located(text)
    return current


def read(text: str) -> list | str | int | float:
    """The one expression in `text` (a KiCad file is one list)."""
    values = read_all(text)
    if len(values) != 1:
        raise SExpressionError(f"expected one expression, found {len(values)}", _line_of_second_expression(text))
    return values[0]


def _raise_located(text: str) -> None:
    """Walk the tokens again, with their positions, and raise for the first problem."""
    open_lines: list[int] = []
    for match in _TOKEN.finditer(text):
        lexeme = match.group()
        if lexeme == "(":
            open_lines.append(_line_at(text, match.start()))
        elif lexeme == ")":
            if not open_lines:
                raise SExpressionError("unexpected ')'", _line_at(text, match.start()))
            open_lines.pop()
        elif lexeme == '"':
            raise SExpressionError("string is not closed", _line_at(text, match.start()))
    if open_lines:
        raise SExpressionError(f"'(' opened here is not closed ({len(open_lines)} unclosed)", open_lines[0])
    raise AssertionError("no error found")  # pragma: no cover


def _line_at(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def _line_of_second_expression(text: str) -> int:
    depth, first_done = 0, False
    for match in _TOKEN.finditer(text):
        if depth == 0 and first_done:
            return _line_at(text, match.start())
        depth += {"(": 1, ")": -1}.get(match.group(), 0)
        first_done = depth == 0
    return _line_at(text, len(text))

"""A C/C++ lexer just deep enough to read sketches the way the preprocessor and the compiler will.

It splits text into identifiers, numbers, string and character literals (raw strings too), punctuators and
whole preprocessor directives, and drops comments; nothing else (no macro expansion, no keywords). Sketch
preprocessing (prototypes.py) and library discovery (libraries.py) read sketches through it, so a brace, a
quote or an `#include` inside a comment or a string never counts.

It follows gcc 5 in C++11 mode: no trigraphs, no digit separators (`1'000` is a number and a character
literal), `%:` is `#`; other digraphs are not read.

Every pattern is linear: an unterminated comment, string or raw string runs to the end of its line or of the
text instead of being retried at each later position, so a megabyte of `/*`, `"` or `{` lexes in well under a
second.
"""

import gc
import re
from bisect import bisect_right
from contextlib import contextmanager
from enum import Enum
from typing import NamedTuple


class Kind(Enum):
    IDENT = "ident"
    NUMBER = "number"
    STRING = "string"
    CHAR = "char"
    PUNCT = "punct"
    DIRECTIVE = "directive"  # a whole preprocessor line, continuation lines and comments included


class Token(NamedTuple):
    kind: Kind
    text: str
    start: int  # offset in the lexed text
    end: int


_STRING_BODY = r'[^"\\\n]*(?:\\(?:\r\n|[\s\S])[^"\\\n]*)*'
_CHAR_BODY = r"[^'\\\n]*(?:\\(?:\r\n|[\s\S])[^'\\\n]*)*"
_BLOCK_COMMENT = r"/\*[\s\S]*?(?:\*/|\Z)"
_LINE_COMMENT = r"//[^\n\\]*(?:\\(?:\r\n|[\s\S])[^\n\\]*)*"  # a backslash at the end continues it, as in gcc
_PREFIX = r"(?:u8|u|U|L)?"

_TOKEN = re.compile(
    rf"""
    (?P<punct>[{{}}()\[\];,=*&<>])
  | (?P<space>(?:[ \t\r\f\v]|\\\r?\n)+)
  | (?P<newline>\n)
  | (?P<comment>{_LINE_COMMENT}|{_BLOCK_COMMENT})
  | (?P<raw>{_PREFIX}R"(?P<delimiter>[^()\\\s"]{{0,16}})\()
  | (?P<string>{_PREFIX}"{_STRING_BODY}"?)
  | (?P<char>{_PREFIX}'{_CHAR_BODY}'?)
  | (?P<ident>[A-Za-z_$\u0080-\U0010ffff][A-Za-z0-9_$\u0080-\U0010ffff]*)
  | (?P<number>\.?[0-9](?:[eEpP][+-]|[A-Za-z0-9_.])*)
  | (?P<other>::|->|\.\.\.|[\s\S])
    """,
    re.VERBOSE,
)
# From `#` to the end of the logical line: continuation lines, and comments and literals that hide a newline.
_DIRECTIVE = re.compile(
    rf"""(?:\#|%:)(?:[^\n\\/"']+|\\(?:\r\n|[\s\S])?|{_BLOCK_COMMENT}|{_LINE_COMMENT}|"{_STRING_BODY}"?|'{_CHAR_BODY}'?|/)*"""
)
_KINDS = {
    "string": Kind.STRING,
    "char": Kind.CHAR,
    "ident": Kind.IDENT,
    "number": Kind.NUMBER,
    "punct": Kind.PUNCT,
    "other": Kind.PUNCT,
}


def tokenize(text: str) -> list[Token]:
    """The tokens of `text`, comments and whitespace dropped; linear in the length of `text`."""
    with _collector_paused():
        return _tokenize(text)


@contextmanager
def _collector_paused():
    """Tokens hold no reference cycles, yet a million of them make the cyclic garbage collector run a thousand
    times over the growing list: half the time of lexing a megabyte of `{`. The switch is process-wide; other
    threads only see collection postponed for the fraction of a second lexing takes."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    append = tokens.append
    position, length = 0, len(text)
    line_start = True  # only whitespace (or comments) since the last newline: a `#` here starts a directive
    while position < length:
        resume = length
        for match in _TOKEN.finditer(text, position):
            kind = match.lastgroup
            if kind == "space":
                continue
            if kind == "newline":
                line_start = True
            elif kind == "comment":
                line_start = line_start or "\n" in match.group()
            elif kind == "raw":  # ends where its delimiter says, which no pattern can find linearly
                start, delimiter = match.start(), match.group("delimiter")
                closing = text.find(f'){delimiter}"', match.end())
                resume = length if closing < 0 else closing + len(delimiter) + 2
                append(Token(Kind.STRING, text[start:resume], start, resume))
                line_start = False
                break
            elif line_start and kind == "other" and text.startswith(("#", "%:"), match.start()):
                start = match.start()
                resume = _DIRECTIVE.match(text, start).end()
                append(Token(Kind.DIRECTIVE, text[start:resume], start, resume))
                line_start = False
                break
            else:
                append(Token(_KINDS[kind], match.group(), match.start(), match.end()))
                line_start = False
        position = resume
    return tokens


_COMMENT_OR_LITERAL = re.compile(rf'{_BLOCK_COMMENT}|{_LINE_COMMENT}|"{_STRING_BODY}"?|\'{_CHAR_BODY}\'?')
_DIRECTIVE_NAME = re.compile(r"(?:#|%:)\s*([A-Za-z_]\w*)?\s*")


def directive_parts(directive: str) -> tuple[str, str]:
    """(name, rest) of a directive token: `#  ifdef X // c` -> ("ifdef", "X"); continuation lines joined and
    comments replaced by a space, literals kept."""
    logical = re.sub(r"\\\r?\n", "", directive)
    logical = _COMMENT_OR_LITERAL.sub(lambda m: " " if m.group().startswith("/") else m.group(), logical)
    match = _DIRECTIVE_NAME.match(logical)
    return (match.group(1) or ""), logical[match.end() :].strip()


class LineIndex:
    """Offsets in a text to 1-based (line, column) as gcc counts them (columns in bytes)."""

    def __init__(self, text: str):
        self._text = text
        self._starts = [0, *(match.end() for match in re.finditer("\n", text))]

    def line(self, offset: int) -> int:
        return bisect_right(self._starts, offset)

    def line_start(self, offset: int) -> int:
        return self._starts[self.line(offset) - 1]

    def column(self, offset: int) -> int:
        return len(self._text[self.line_start(offset) : offset].encode()) + 1

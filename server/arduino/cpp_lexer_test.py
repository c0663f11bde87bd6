"""The lexer reads what gcc reads: comments, literals and directives where gcc finds them."""

import time

import pytest

from arduino.cpp_lexer import Kind, LineIndex, directive_parts, tokenize


def kinds_and_texts(text: str) -> list[tuple[str, str]]:
    return [(token.kind.value, token.text) for token in tokenize(text)]


def test_comments_are_dropped_and_literals_kept_whole():
    text = 'a /* { */ b // }\nc "}\\"{" \'{\' u8"x" L\'y\' 0x1F 1.5e-3 a->b::c ...'
    assert kinds_and_texts(text) == [
        ("ident", "a"), ("ident", "b"), ("ident", "c"), ("string", '"}\\"{"'), ("char", "'{'"),
        ("string", 'u8"x"'), ("char", "L'y'"), ("number", "0x1F"), ("number", "1.5e-3"), ("ident", "a"),
        ("punct", "->"), ("ident", "b"), ("punct", "::"), ("ident", "c"), ("punct", "..."),
    ]  # fmt: skip


def test_raw_strings_end_at_their_own_delimiter():
    text = 'R"x(a )" still inside )x" after R"(plain)" LR"y(z)y"'
    assert kinds_and_texts(text) == [
        ("string", 'R"x(a )" still inside )x"'), ("ident", "after"), ("string", 'R"(plain)"'),
        ("string", 'LR"y(z)y"'),
    ]  # fmt: skip


def test_a_line_comment_ending_in_a_backslash_goes_on_to_the_next_line():
    assert kinds_and_texts("// comment \\\nstill comment\ncode") == [("ident", "code")]


def test_directives_are_whole_logical_lines_and_only_at_a_line_start():
    text = (
        "#define A(x) \\\n  (x) /* a\n comment */ + 1\n"
        "int a # b;\n"
        "  /* c */ # include <x.h>\n"
        "/* multi\nline */ #pragma once\n"
    )
    tokens = tokenize(text)
    directives = [t.text for t in tokens if t.kind is Kind.DIRECTIVE]
    assert directives == [
        "#define A(x) \\\n  (x) /* a\n comment */ + 1",
        "# include <x.h>",
        "#pragma once",
    ]
    assert ("punct", "#") in kinds_and_texts("int a # b;")


def test_directive_parts_join_continuations_and_drop_comments():
    assert directive_parts("#  ifdef X // why") == ("ifdef", "X")
    assert directive_parts("#inc\\\nlude </etc/passwd>") == ("include", "</etc/passwd>")
    assert directive_parts('#/**/include "a.h" /* x */') == ("include", '"a.h"')
    assert directive_parts('#define S "// not a comment"') == ("define", 'S "// not a comment"')
    assert directive_parts("#") == ("", "")


def test_unterminated_comments_and_literals_stop_where_gcc_stops_them():
    assert kinds_and_texts('"open\nnext') == [("string", '"open'), ("ident", "next")]
    assert kinds_and_texts("'x\nnext") == [("char", "'x"), ("ident", "next")]
    assert kinds_and_texts("a /* never closed\n b") == [("ident", "a")]
    assert kinds_and_texts('R"x(never closed') == [("string", 'R"x(never closed')]


def test_offsets_lines_and_byte_columns():
    text = 'ab\n"\u00e9" x = 1;\n'  # gcc counts columns in bytes: the \u00e9 is two
    tokens = tokenize(text)
    x = next(t for t in tokens if t.text == "x")
    lines = LineIndex(text)
    assert (x.start, lines.line(x.start), lines.column(x.start), lines.line_start(x.start)) == (7, 2, 6, 3)


@pytest.mark.parametrize("unit", ["{", "/*", '"', "'", "#\n", 'R"(', "//\\\n", "a<", "\\\n"])
def test_a_megabyte_of_any_one_construct_lexes_quickly(unit):
    text = unit * (1_000_000 // len(unit))
    started = time.perf_counter()
    tokenize(text)
    assert time.perf_counter() - started < 5  # measured: under 1 s on the development machine

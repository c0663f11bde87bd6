"""The S-expression reader: values, escapes, nesting, errors with line numbers, and all of KiCad's libraries."""

import time
from pathlib import Path

import pytest

from library.sexpr import SExpressionError, Symbol, read, read_all

KICAD_SYMBOLS = Path("/usr/share/kicad/symbols")


def test_lists_symbols_strings_and_numbers():
    value = read('(pin passive line (at 0 3.81 270) (length 1.27) (name "~"))')
    assert value == ["pin", "passive", "line", ["at", 0, 3.81, 270], ["length", 1.27], ["name", "~"]]
    assert all(isinstance(word, Symbol) for word in value[:3])
    assert type(value[5][1]) is str  # a quoted string is not a Symbol
    assert repr(value[0]) == "Symbol('pin')"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0", 0),
        ("-12", -12),
        ("+7", 7),
        ("1.27", 1.27),
        ("-0.635", -0.635),
        (".5", 0.5),
        ("3.", 3.0),
        ("1e-3", 0.001),
        ("2.5E+2", 250.0),
    ],
)
def test_numbers(text, expected):
    value = read(text)
    assert value == expected and type(value) is type(expected)


@pytest.mark.parametrize("text", ["1.2.3", "-", "1e", "2N3904", "74LS00", "+5V", "0x10"])
def test_things_that_only_look_like_numbers_are_symbols(text):
    value = read(text)
    assert isinstance(value, Symbol) and value == text


def test_string_escapes():
    assert read(r'"say \"hi\""') == 'say "hi"'
    assert read(r'"back\\slash"') == "back\\slash"
    assert read(r'"two\nlines\ttab"') == "two\nlines\ttab"
    assert read(r'"\q"') == "q"  # an unknown escape keeps the character
    assert read('""') == ""
    assert read('"(not a list)"') == "(not a list)"
    assert read('"multi\nline"') == "multi\nline"
    assert read(r'"ends in a backslash\\"') == "ends in a backslash\\"


def test_nesting_and_whitespace():
    assert read("(a (b (c (d))) () e)") == ["a", ["b", ["c", ["d"]]], [], "e"]
    assert read("\n\t ( x\r\n y )  \n") == ["x", "y"]
    assert read_all("(a) b (c)") == [["a"], "b", ["c"]]
    assert read_all("  ") == []


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ('(a\n(b "open\n)', "string is not closed", 2),
        ("(a)\n(b))\n(c)", "unexpected ')'", 2),
        ("(ok)\n(kicad\n  (symbol (x)\n", "'(' opened here is not closed (2 unclosed)", 2),
        ('(a "x\\")', "string is not closed", 1),
    ],
)
def test_errors_say_the_line(text, message, line):
    with pytest.raises(SExpressionError) as error:
        read_all(text)
    assert error.value.message == message and error.value.line == line
    assert str(error.value) == f"line {line}: {message}"


def test_read_wants_exactly_one_expression():
    with pytest.raises(SExpressionError, match=r"line 3: expected one expression, found 2"):
        read("(a\n)\n(b)")
    with pytest.raises(SExpressionError, match="found 0"):
        read("\n")


def test_reads_a_real_kicad_library():
    text = (KICAD_SYMBOLS / "Device.kicad_sym").read_text(encoding="utf-8")
    started = time.perf_counter()
    root = read(text)
    seconds = time.perf_counter() - started
    assert root[0] == "kicad_symbol_lib" and root[1] == ["version", 20211014]
    symbols = [node for node in root if isinstance(node, list) and node[0] == "symbol"]
    assert len(symbols) == text.count("\n  (symbol ") == 571

    def count_pins(node) -> int:
        return (node[0] == "pin") + sum(count_pins(child) for child in node if isinstance(child, list) and child)

    assert count_pins(root) == text.count("(pin ")
    assert seconds < 5, f"reading Device.kicad_sym (2 MB) took {seconds:.1f} s"
    # Every library is read by kicad_symbols_test, with a time limit.

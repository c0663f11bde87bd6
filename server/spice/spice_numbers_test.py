"""SPICE numbers, checked against the values ngspice 39 itself gives the same tokens."""

import pytest

from sandbox.process import ProcessLimits, run_process
from spice.spice_numbers import parse_spice_number

NGSPICE = "/usr/bin/ngspice"

VALUES = {
    "1f": 1e-15,
    "1p": 1e-12,
    "100n": 1e-7,
    "10u": 1e-5,
    "1m": 1e-3,
    "1M": 1e-3,  # milli, as in every SPICE
    "4.7k": 4700.0,
    "1meg": 1e6,
    "1MEG": 1e6,
    "2.2Meg": 2.2e6,
    "1g": 1e9,
    "1t": 1e12,
    "1mil": 25.4e-6,
    "1milli": 25.4e-6,  # ngspice reads the 'mil' and ignores the rest
    "10uF": 1e-5,  # units after the scale are ignored ...
    "5V": 5.0,
    "1MEGohm": 1e6,
    "1Ms": 1e-3,
    "1F": 1e-15,  # ... so one farad written 1F is one femto
    "1a": 1.0,  # ngspice 39 has no atto
    "1e-3": 1e-3,
    "2.5E+3": 2500.0,
    "1e-3k": 1.0,
    ".5": 0.5,
    "5.": 5.0,
    "-1.5k": -1500.0,
    "+2": 2.0,
    "0": 0.0,
}


@pytest.mark.parametrize(("token", "value"), VALUES.items())
def test_parses_suffixes_units_and_exponents(token, value):
    assert parse_spice_number(token) == pytest.approx(value, rel=1e-15)


def test_scaled_values_are_the_nearest_float():
    assert parse_spice_number("10u") == 1e-5
    assert parse_spice_number("0.1u") == 1e-7
    assert parse_spice_number("3.3meg") == 3.3e6


@pytest.mark.parametrize("token", ["", "abc", "k1", "{tstop}", "'2*t'", "1k5", "1.2.3", "--1", "1 k", "inf", "nan"])
def test_refuses_what_is_not_a_plain_number(token):
    with pytest.raises(ValueError, match="not a SPICE number"):
        parse_spice_number(token)


def test_refuses_numbers_too_large_for_a_float():
    with pytest.raises(ValueError, match="out of range"):
        parse_spice_number("1e308meg")


def test_agrees_with_ngspice(tmp_path):
    """Each token drives a 1 ohm load from a DC source; ngspice's operating point is the token's value."""
    tokens = list(VALUES)
    cards = "".join(f"v{i} n{i} 0 dc {token}\nr{i} n{i} 0 1\n" for i, token in enumerate(tokens))
    (tmp_path / "numbers.cir").write_text(f"spice numbers\n{cards}.op\n.end\n")
    result = run_process(
        [NGSPICE, "-b", "-n", "-r", "numbers.raw", "numbers.cir"],
        cwd=tmp_path,
        env={"HOME": str(tmp_path), "SPICE_ASCIIRAWFILE": "1"},
        limits=ProcessLimits(wall_seconds=30),
    )
    assert result.ok, result.stderr.decode(errors="replace")
    voltages = _operating_point(tmp_path / "numbers.raw")
    for i, token in enumerate(tokens):
        assert voltages[f"v(n{i})"] == pytest.approx(parse_spice_number(token), rel=1e-12), token


def _operating_point(raw_file):
    """Name -> value of the single point in an ASCII raw file."""
    header, values = raw_file.read_text().split("Values:\n", 1)
    names = [line.split("\t")[2] for line in header.split("Variables:\n", 1)[1].splitlines()]
    return dict(zip(names, (float(word) for word in values.split()[1:]), strict=True))

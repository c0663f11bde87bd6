"""SPICE numbers as ngspice reads them: `10u`, `1meg`, `2.5E+3`, `10uF`, `5V`.

A number is a decimal mantissa with an optional exponent, then optional
letters. The first letters pick a scale factor (case-insensitive): `meg` 1e6,
`mil` 25.4e-6 (a thousandth of an inch), else one of `t g k m u n p f`. Any
other letters are units and ignored, so `10uF` is 10e-6 and `5V` is 5; as in
every SPICE, `1F` is one femto, not one farad, and `1M` is one milli.
Checked against ngspice 39: `1mil`, `1milli` both give 25.4e-6; `1a` gives 1
(no atto); `1MEGohm` gives 1e6.
"""

import math
import re
from decimal import Decimal

_NUMBER = re.compile(r"([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)([a-z]*)", re.IGNORECASE | re.ASCII)

_POWER_OF_TEN = {"t": 12, "g": 9, "k": 3, "m": -3, "u": -6, "n": -9, "p": -12, "f": -15}


def parse_spice_number(token: str) -> float:
    """The value of a SPICE number such as `10u` or `1meg`; ValueError if `token` is not one."""
    match = _NUMBER.fullmatch(token.strip(" \t"))
    if match is None:
        raise ValueError(f"not a SPICE number: {token!r}")
    mantissa, letters = Decimal(match[1]), match[2].lower()
    if letters.startswith("meg"):
        value = mantissa.scaleb(6)
    elif letters.startswith("mil"):
        value = mantissa * Decimal("25.4e-6")
    elif letters:
        value = mantissa.scaleb(_POWER_OF_TEN.get(letters[0], 0))
    else:
        value = mantissa
    result = float(value)  # Decimal first, so `10u` is exactly the float 1e-05
    if not math.isfinite(result):
        raise ValueError(f"SPICE number out of range: {token!r}")
    return result

"""The placement transform: the worked examples of docs/formats/schematic.md, and its algebra."""

import re
from pathlib import Path

import pytest

from schematic.format import Component
from schematic.geometry import pin_positions, placement_matrix, to_sheet
from schematic.sample_symbols import DUAL_OPAMP, NPN, RESISTOR

DOC = Path(__file__).resolve().parents[2] / "docs" / "formats" / "schematic.md"


def test_resistor_pin_1_lands_above_the_centre():
    assert to_sheet((0, 150), (1000, 1000)) == (1000, 850)


@pytest.mark.parametrize(
    ("rotation", "mirror", "pin_1", "pin_2"),
    [
        (0, "none", (1000, 850), (1000, 1150)),
        (90, "none", (850, 1000), (1150, 1000)),  # counter-clockwise on screen: the top pin goes left
        (180, "none", (1000, 1150), (1000, 850)),
        (270, "none", (1150, 1000), (850, 1000)),
        (0, "x", (1000, 1150), (1000, 850)),  # upside down
        (0, "y", (1000, 850), (1000, 1150)),  # left-right: a vertical resistor does not change
    ],
)
def test_resistor_placements(rotation, mirror, pin_1, pin_2):
    component = Component("c1", "Device:R", (1000, 1000), "R1", rotation=rotation, mirror=mirror)
    assert pin_positions(component, RESISTOR) == {"1": pin_1, "2": pin_2}


def test_mirror_comes_before_rotation():
    # the collector (100, 200): mirrored about the horizontal axis, then turned a quarter counter-clockwise
    assert to_sheet((100, 200), (1000, 1000), 90, "x") == (1200, 900)
    turned_then_mirrored = (1000 + 200, 1000 + 100)  # what rotating first would give
    assert to_sheet((100, 200), (1000, 1000), 90, "x") != turned_then_mirrored


def _doc_examples():
    """Rows of the worked-examples table in the format documentation."""
    rows = re.findall(r"^\| (R pin 1|Q pin C) \((-?\d+), (-?\d+)\) \| (none|x|y) \|(.*)\|$", DOC.read_text(), re.M)
    assert len(rows) == 6, "the worked-examples table in docs/formats/schematic.md changed shape"
    for _name, x, y, mirror, cells in rows:
        for rotation, cell in zip((0, 90, 180, 270), cells.split("|"), strict=True):
            sheet_x, sheet_y = re.fullmatch(r"\s*\((\d+), (\d+)\)\s*", cell).groups()
            yield (int(x), int(y)), mirror, rotation, (int(sheet_x), int(sheet_y))


@pytest.mark.parametrize(("point", "mirror", "rotation", "expected"), list(_doc_examples()))
def test_documented_examples(point, mirror, rotation, expected):
    assert to_sheet(point, (1000, 1000), rotation, mirror) == expected


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
@pytest.mark.parametrize("mirror", ["none", "x", "y"])
def test_transform_is_a_symmetry_of_the_grid(rotation, mirror):
    a, b, c, d = placement_matrix(rotation, mirror)
    assert abs(a * d - b * c) == 1  # no scaling: pins stay on the 50-mil grid
    assert {abs(a), abs(b)} == {0, 1}


def test_mirror_identities():
    """R(θ)·M(x) = M(x)·R(-θ), and mirroring both ways is a half turn."""
    point = (100, 200)
    for rotation in (0, 90, 180, 270):
        x, y = to_sheet(point, (0, 0), rotation, "x")
        u, v = to_sheet(point, (0, 0), (360 - rotation) % 360, "none")
        assert (x, y) == (u, -v)
    x, y = to_sheet(point, (0, 0), 180, "none")
    assert (x, y) == to_sheet((-point[0], -point[1]), (0, 0), 0, "none")


def test_units_show_their_own_pins_and_the_common_ones():
    unit_b = Component("c1", DUAL_OPAMP.symbol_id, (0, 0), "U1", unit=2)
    assert set(pin_positions(unit_b, DUAL_OPAMP)) == {"5", "6", "7"}
    unit_c = Component("c2", DUAL_OPAMP.symbol_id, (0, 0), "U1", unit=3)
    assert pin_positions(unit_c, DUAL_OPAMP) == {"8": (-100, -300), "4": (-100, 300)}


def test_npn_pins():
    component = Component("q", NPN.symbol_id, (500, 500), "Q1")
    assert pin_positions(component, NPN) == {"1": (300, 500), "2": (600, 300), "3": (600, 700)}

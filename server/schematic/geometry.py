"""Where a placed symbol's pins land on the sheet.

Symbols are drawn in their own frame, y growing UPWARDS (KiCad's symbol editor); the sheet's y grows DOWNWARDS.
A symbol point (x, y) placed with `position`, `rotation` and `mirror` lands at

    sheet = position + R(rotation) · M(mirror) · (x, -y)

where M("x") flips about the horizontal axis (y -> -y), M("y") about the vertical axis (x -> -x), and
R(θ) = [[cos θ, sin θ], [-sin θ, cos θ]] turns counter-clockwise as seen on the sheet (y down). Example: Device:R
pin 1 at (0, 150) placed at (1000, 1000) with rotation 0 lands at (1000, 850), above the centre; with rotation 90
it lands at (850, 1000), to the left. docs/formats/schematic.md has more worked examples.
"""

from collections.abc import Mapping

from .format import Component, Point
from .symbol_info import SymbolInfo, SymbolPin

Matrix = tuple[int, int, int, int]  # (a, b, c, d): (u, v) -> (a·u + b·v, c·u + d·v)

_ROTATIONS: Mapping[int, Matrix] = {0: (1, 0, 0, 1), 90: (0, 1, -1, 0), 180: (-1, 0, 0, -1), 270: (0, -1, 1, 0)}
_MIRRORS: Mapping[str, Matrix] = {"none": (1, 0, 0, 1), "x": (1, 0, 0, -1), "y": (-1, 0, 0, 1)}
_FLIP_Y: Matrix = (1, 0, 0, -1)  # symbol frame (y up) to sheet frame (y down)


def _product(first: Matrix, second: Matrix) -> Matrix:
    """first · second."""
    a, b, c, d = first
    e, f, g, h = second
    return (a * e + b * g, a * f + b * h, c * e + d * g, c * f + d * h)


def placement_matrix(rotation: int, mirror: str) -> Matrix:
    """R(rotation) · M(mirror) · flip-y: the linear part of the symbol-to-sheet transform."""
    return _MATRICES[rotation, mirror]


_MATRICES: Mapping[tuple[int, str], Matrix] = {
    (rotation, mirror): _product(_product(_ROTATIONS[rotation], _MIRRORS[mirror]), _FLIP_Y)
    for rotation in _ROTATIONS
    for mirror in _MIRRORS
}


def to_sheet(point: Point, position: Point, rotation: int = 0, mirror: str = "none") -> Point:
    """A symbol-frame point (y up) on the sheet (y down), for a symbol placed at `position`."""
    a, b, c, d = _MATRICES[rotation, mirror]
    x, y = point
    return (position[0] + a * x + b * y, position[1] + c * x + d * y)


def unit_pins(component: Component, symbol: SymbolInfo) -> list[SymbolPin]:
    """The pins of the component's unit: its own and those common to every unit (unit 0)."""
    return [pin for pin in symbol.pins if pin.unit in (0, component.unit)]


def pin_positions(component: Component, symbol: SymbolInfo) -> dict[str, Point]:
    """{pin number: sheet position} for the pins of the component's unit."""
    a, b, c, d = _MATRICES[component.rotation, component.mirror]
    px, py = component.position
    return {
        pin.number: (px + a * pin.x + b * pin.y, py + c * pin.x + d * pin.y) for pin in unit_pins(component, symbol)
    }

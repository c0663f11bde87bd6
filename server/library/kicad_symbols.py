"""KiCad 6 symbol libraries (`.kicad_sym`) as dataclasses (pure; no Django).

Units: every coordinate is converted from KiCad's millimetres to mils
(1 mil = 0.0254 mm). Pin positions and lengths are integers (KiCad puts pins on
a 50-mil grid); graphics are floats rounded to 0.01 mil.

Frame: the symbol's own frame as KiCad's symbol editor has it, origin at the
symbol's anchor and **y growing upwards** (a pin at y=150 is above one at
y=-150). The sheet, where a placed symbol lands, has y growing downwards; the
schematic core flips y when it places a symbol (see schematic/symbol_info.py).

Angles are degrees counter-clockwise in that y-up frame. A pin's `orientation`
is the direction from its connection point (`x`, `y`, where wires attach)
towards the body: 0 = the pin sticks out to the left of the body (it points
right), 90 = it sits below the body (points up), 180 = right side, 270 = top.

Units and body styles follow KiCad: a sub-symbol `NAME_<unit>_<style>` holds the
graphics and pins of one unit (unit 0: common to all units) in one body style
(0: both styles, 1: normal, 2: De Morgan). A symbol that `extends` another takes
its parent's body, pins and flags and overrides the parent's properties with its own.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from .sexpr import Symbol, read, without_gc

MM_PER_MIL = 0.0254

__all__ = [
    "Arc",
    "Bezier",
    "Circle",
    "KicadLibrary",
    "KicadLibraryError",
    "KicadSymbol",
    "Pin",
    "PinAlternate",
    "Polyline",
    "PropertyText",
    "Rectangle",
    "Text",
    "parse_library",
    "read_library",
]


class KicadLibraryError(ValueError):
    """The text is not a KiCad symbol library."""


def grid_mils(mm: float) -> int:
    """Millimetres to whole mils (pins, lengths)."""
    return round(mm / MM_PER_MIL)


def mils(mm: float) -> float:
    """Millimetres to mils, rounded to 0.01 mil (graphics)."""
    return round(mm / MM_PER_MIL, 2)


Point = tuple[float, float]


@dataclass(frozen=True)
class PinAlternate:
    """An alternate function of a pin (KiCad's `alternate`): its own name and types."""

    name: str
    electrical_type: str
    graphic_style: str


@dataclass(frozen=True)
class Pin:
    number: str  # "1", "A1"; unique within a unit and body style
    name: str  # "~" when unnamed
    electrical_type: str  # input output bidirectional tri_state passive free unspecified power_in power_out
    #                       open_collector open_emitter no_connect
    graphic_style: str  # line inverted clock inverted_clock input_low clock_low output_low edge_clock_high non_logic
    x: int  # the connection point, mils
    y: int
    orientation: int  # degrees: 0 points right (the body is to the right of x, y), 90 up, 180 left, 270 down
    length: int  # mils
    unit: int = 0  # 0: on every unit
    body_style: int = 0  # 0: in both body styles, 1: normal, 2: De Morgan
    hidden: bool = False
    alternates: tuple[PinAlternate, ...] = ()


@dataclass(frozen=True)
class Polyline:
    kind: ClassVar[str] = "polyline"
    points: tuple[Point, ...]
    stroke_width: float = 0.0  # mils; 0 means the default line width
    fill: str = "none"  # none, outline (the stroke colour), background (the body colour)
    unit: int = 0
    body_style: int = 0


@dataclass(frozen=True)
class Bezier:
    kind: ClassVar[str] = "bezier"
    points: tuple[Point, ...]  # start, control 1, control 2, end
    stroke_width: float = 0.0
    fill: str = "none"
    unit: int = 0
    body_style: int = 0


@dataclass(frozen=True)
class Rectangle:
    kind: ClassVar[str] = "rectangle"
    start: Point
    end: Point
    stroke_width: float = 0.0
    fill: str = "none"
    unit: int = 0
    body_style: int = 0


@dataclass(frozen=True)
class Circle:
    kind: ClassVar[str] = "circle"
    center: Point
    radius: float
    stroke_width: float = 0.0
    fill: str = "none"
    unit: int = 0
    body_style: int = 0


@dataclass(frozen=True)
class Arc:
    """A circular arc through three points, drawn from start via mid to end."""

    kind: ClassVar[str] = "arc"
    start: Point
    mid: Point
    end: Point
    stroke_width: float = 0.0
    fill: str = "none"
    unit: int = 0
    body_style: int = 0


@dataclass(frozen=True)
class Text:
    kind: ClassVar[str] = "text"
    text: str
    x: float
    y: float
    angle: float = 0.0  # degrees (KiCad 6 stores tenths of a degree for symbol text; converted)
    size: float = 50.0  # font height, mils
    hidden: bool = False
    bold: bool = False
    italic: bool = False
    justify: tuple[str, ...] = ()  # e.g. ("left",), ("right", "bottom"); empty: centred
    unit: int = 0
    body_style: int = 0


Graphic = Polyline | Bezier | Rectangle | Circle | Arc | Text


@dataclass(frozen=True)
class PropertyText:
    """Where a property (Reference, Value...) is drawn, in the symbol's frame."""

    x: float
    y: float
    angle: float = 0.0  # degrees
    size: float = 50.0
    hidden: bool = False
    justify: tuple[str, ...] = ()


@dataclass
class KicadSymbol:
    name: str
    properties: dict[str, str]  # Reference, Value, Footprint, Datasheet, ki_keywords, ki_description, Spice_* ...
    property_texts: dict[str, PropertyText] = field(default_factory=dict)
    extends: str | None = None  # the parent's name for a derived symbol (already resolved: body and pins copied)
    is_power: bool = False
    pin_names_hidden: bool = False
    pin_names_offset: float = 20.0  # mils; 0 puts pin names outside the body, next to the pin numbers
    pin_numbers_hidden: bool = False
    in_bom: bool = True
    on_board: bool = True
    unit_count: int = 1
    body_style_count: int = 1  # 2 when the symbol has a De Morgan style
    graphics: tuple[Graphic, ...] = ()
    pins: tuple[Pin, ...] = ()

    @property
    def reference(self) -> str:
        return self.properties.get("Reference", "")

    @property
    def value(self) -> str:
        return self.properties.get("Value", "")

    @property
    def description(self) -> str:
        return self.properties.get("ki_description", "")

    @property
    def keywords(self) -> str:
        return self.properties.get("ki_keywords", "")

    def unit_pins(self, unit: int, body_style: int = 1) -> list[Pin]:
        """The pins drawn on `unit` in `body_style`, the common ones (unit 0, style 0) included."""
        return [p for p in self.pins if p.unit in (0, unit) and p.body_style in (0, body_style)]

    def electrical_pins(self) -> list[Pin]:
        """Every pin of every unit once: De Morgan duplicates (style 2) left out."""
        return [p for p in self.pins if p.body_style in (0, 1)]


@dataclass
class KicadLibrary:
    version: int
    symbols: dict[str, KicadSymbol]  # in file order
    warnings: list[str] = field(default_factory=list)  # e.g. a derived symbol whose parent is missing


def read_library(path: str | Path) -> KicadLibrary:
    """Parse the `.kicad_sym` file at `path`."""
    return parse_library(Path(path).read_text(encoding="utf-8"))


def parse_library(text: str) -> KicadLibrary:
    """Parse the text of a `.kicad_sym` file; derived symbols come back resolved."""
    with without_gc():
        return _parse_library(text)


def _parse_library(text: str) -> KicadLibrary:
    root = read(text)
    if not isinstance(root, list) or not root or root[0] != "kicad_symbol_lib":
        raise KicadLibraryError("not a KiCad symbol library (expected '(kicad_symbol_lib ...)')")
    version = 0
    symbols: dict[str, KicadSymbol] = {}
    for node in root[1:]:
        if not isinstance(node, list) or not node:
            continue
        if node[0] == "version":
            version = int(node[1])
        elif node[0] == "symbol":
            try:
                symbol = _parse_symbol(node)
            except (KeyError, IndexError, TypeError, ValueError) as exc:
                name = node[1] if len(node) > 1 else "?"
                raise KicadLibraryError(f"symbol {name!r} is malformed: {type(exc).__name__} {exc}") from exc
            symbols[symbol.name] = symbol
    library = KicadLibrary(version=version, symbols=symbols)
    _resolve_extends(library)
    return library


# --- parsing ------------------------------------------------------------------------------------------------------


def _heads(node: list) -> dict[str, list]:
    """The first child list of each head word, e.g. {"at": [at, x, y, a], "length": [length, 2.54]}."""
    found: dict[str, list] = {}
    for child in node:
        if isinstance(child, list) and child and isinstance(child[0], Symbol):
            found.setdefault(child[0], child)
    return found


def _has_flag(node: list, flag: str) -> bool:
    """A bare `flag` word among the children, or KiCad 7's `(flag yes)`."""
    for child in node:
        if child == flag and isinstance(child, Symbol):
            return True
        if isinstance(child, list) and len(child) >= 2 and child[0] == flag:
            return child[1] == "yes"
    return False


def _yes(node: list | None, default: bool) -> bool:
    return default if node is None or len(node) < 2 else node[1] == "yes"


def _point(node: list) -> Point:
    return (mils(node[1]), mils(node[2]))


def _parse_symbol(node: list) -> KicadSymbol:
    name = str(node[1])
    symbol = KicadSymbol(name=name, properties={})
    units: set[int] = set()
    body_styles: set[int] = set()
    graphics: list[Graphic] = []
    pins: list[Pin] = []
    for child in node[2:]:
        if not isinstance(child, list) or not child:
            continue
        head = child[0]
        if head == "property":
            _parse_property(child, symbol)
        elif head == "extends":
            symbol.extends = str(child[1])
        elif head == "power":
            symbol.is_power = True
        elif head == "pin_names":
            symbol.pin_names_hidden = _has_flag(child, "hide")
            offset = _heads(child).get("offset")
            if offset is not None:
                symbol.pin_names_offset = mils(offset[1])
        elif head == "pin_numbers":
            symbol.pin_numbers_hidden = _has_flag(child, "hide")
        elif head == "in_bom":
            symbol.in_bom = _yes(child, True)
        elif head == "on_board":
            symbol.on_board = _yes(child, True)
        elif head == "symbol":
            unit, style = _unit_and_style(str(child[1]))
            units.add(unit)
            body_styles.add(style)
            _parse_body(child, unit, style, graphics, pins)
    symbol.unit_count = max(units | {1})
    symbol.body_style_count = 2 if 2 in body_styles else 1
    symbol.graphics = tuple(graphics)
    symbol.pins = tuple(pins)
    return symbol


def _unit_and_style(sub_symbol_name: str) -> tuple[int, int]:
    """`LM358_2_1` -> (2, 1). The prefix is the (root) symbol's name, which may itself contain `_`."""
    _, unit, style = sub_symbol_name.rsplit("_", 2)
    return int(unit), int(style)


def _parse_property(node: list, symbol: KicadSymbol) -> None:
    name, value = str(node[1]), node[2]
    symbol.properties[name] = value if isinstance(value, str) else str(value)
    heads = _heads(node[3:])
    at = heads.get("at")
    if at is None:
        return
    text = _effects(heads.get("effects"))
    symbol.property_texts[name] = PropertyText(
        x=mils(at[1]),
        y=mils(at[2]),
        angle=float(at[3]) if len(at) > 3 else 0.0,
        size=text["size"],
        hidden=text["hidden"],
        justify=text["justify"],
    )


def _effects(node: list | None) -> dict:
    """Font size (mils), hidden, bold, italic and justification of an `(effects ...)`."""
    result = {"size": 50.0, "hidden": False, "bold": False, "italic": False, "justify": ()}
    if node is None:
        return result
    result["hidden"] = _has_flag(node, "hide")
    heads = _heads(node)
    font = heads.get("font")
    if font is not None:
        size = _heads(font).get("size")
        if size is not None:
            result["size"] = mils(size[2] if len(size) > 2 else size[1])
        result["bold"] = _has_flag(font, "bold")
        result["italic"] = _has_flag(font, "italic")
    justify = heads.get("justify")
    if justify is not None:
        result["justify"] = tuple(str(word) for word in justify[1:] if isinstance(word, str))
    return result


def _stroke_and_fill(heads: dict[str, list]) -> tuple[float, str]:
    width = 0.0
    stroke = heads.get("stroke")
    if stroke is not None:
        width_node = _heads(stroke).get("width")
        if width_node is not None:
            width = mils(width_node[1])
    fill = "none"
    fill_node = heads.get("fill")
    if fill_node is not None:
        fill_type = _heads(fill_node).get("type")
        if fill_type is not None:
            fill = str(fill_type[1])
    return width, fill


def _points(heads: dict[str, list]) -> tuple[Point, ...]:
    pts = heads.get("pts")
    if pts is None:
        return ()
    return tuple(_point(xy) for xy in pts[1:] if isinstance(xy, list) and xy and xy[0] == "xy")


def _parse_body(node: list, unit: int, style: int, graphics: list[Graphic], pins: list[Pin]) -> None:
    for child in node[2:]:
        if not isinstance(child, list) or not child:
            continue
        head = child[0]
        if head == "pin":
            pins.append(_parse_pin(child, unit, style))
            continue
        heads = _heads(child)
        if head == "text":
            graphics.append(_parse_text(child, heads, unit, style))
            continue
        width, fill = _stroke_and_fill(heads)
        common = {"stroke_width": width, "fill": fill, "unit": unit, "body_style": style}
        if head == "polyline":
            graphics.append(Polyline(points=_points(heads), **common))
        elif head == "bezier":
            graphics.append(Bezier(points=_points(heads), **common))
        elif head == "rectangle":
            graphics.append(Rectangle(start=_point(heads["start"]), end=_point(heads["end"]), **common))
        elif head == "circle":
            graphics.append(Circle(center=_point(heads["center"]), radius=mils(heads["radius"][1]), **common))
        elif head == "arc":
            graphics.append(_parse_arc(heads, common))


def _parse_arc(heads: dict[str, list], common: dict) -> Arc:
    if "mid" not in heads:  # KiCad 6 always writes the mid point; pre-release files wrote a centre and angles
        raise KicadLibraryError("an arc without a mid point (a file older than KiCad 6?)")
    return Arc(start=_point(heads["start"]), mid=_point(heads["mid"]), end=_point(heads["end"]), **common)


def _parse_text(node: list, heads: dict[str, list], unit: int, style: int) -> Text:
    at = heads["at"]
    effects = _effects(heads.get("effects"))
    return Text(
        text=str(node[1]),
        x=mils(at[1]),
        y=mils(at[2]),
        # Symbol text is the one place KiCad 6 writes tenths of a degree (fields and pins use degrees).
        angle=float(at[3]) / 10 if len(at) > 3 else 0.0,
        size=effects["size"],
        hidden=effects["hidden"],
        bold=effects["bold"],
        italic=effects["italic"],
        justify=effects["justify"],
        unit=unit,
        body_style=style,
    )


def _parse_pin(node: list, unit: int, style: int) -> Pin:
    heads = _heads(node)
    at = heads["at"]
    length = heads.get("length")
    name = heads.get("name")
    number = heads.get("number")
    alternates = tuple(
        PinAlternate(name=str(alt[1]), electrical_type=str(alt[2]), graphic_style=str(alt[3]))
        for alt in node
        if isinstance(alt, list) and len(alt) >= 4 and alt[0] == "alternate"
    )
    return Pin(
        number=str(number[1]) if number is not None else "",
        name=str(name[1]) if name is not None else "~",
        electrical_type=str(node[1]),
        graphic_style=str(node[2]),
        x=grid_mils(at[1]),
        y=grid_mils(at[2]),
        orientation=round(at[3]) % 360 if len(at) > 3 else 0,
        length=grid_mils(length[1]) if length is not None else 0,
        unit=unit,
        body_style=style,
        hidden=_has_flag(node, "hide"),
        alternates=alternates,
    )


# --- derived symbols ----------------------------------------------------------------------------------------------


def _resolve_extends(library: KicadLibrary) -> None:
    """Give each derived symbol its root's body, pins and flags; its own properties win over the parent's."""
    resolved: set[str] = set()

    def resolve(symbol: KicadSymbol, chain: tuple[str, ...]) -> None:
        if symbol.extends is None or symbol.name in resolved:
            return
        parent = library.symbols.get(symbol.extends)
        if parent is None or parent.name in chain:
            problem = "is missing" if parent is None else "makes a cycle"
            library.warnings.append(f"{symbol.name}: its parent {symbol.extends!r} {problem}; imported without a body")
            resolved.add(symbol.name)
            return
        resolve(parent, (*chain, symbol.name))
        symbol.properties = {**parent.properties, **symbol.properties}
        symbol.property_texts = {**parent.property_texts, **symbol.property_texts}
        symbol.is_power = symbol.is_power or parent.is_power
        symbol.pin_names_hidden = parent.pin_names_hidden
        symbol.pin_names_offset = parent.pin_names_offset
        symbol.pin_numbers_hidden = parent.pin_numbers_hidden
        symbol.unit_count = parent.unit_count
        symbol.body_style_count = parent.body_style_count
        symbol.graphics = parent.graphics
        symbol.pins = parent.pins
        resolved.add(symbol.name)

    for symbol in library.symbols.values():
        resolve(symbol, ())

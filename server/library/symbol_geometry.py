"""The JSON the editor draws a symbol from (stored as Component.geometry; pure).

Shape (mils, y up, angles in degrees; see kicad_symbols for the conventions):

    {"unit_count": 2, "body_styles": 1,
     "pin_names": {"visible": true, "offset": 20.0}, "pin_numbers": {"visible": true},
     "fields": {"Reference": {"x", "y", "angle", "size", "visible", "justify"}, "Value": {...}},
     "bounds": {"x0", "y0", "x1", "y1"},
     "units": [{"unit": 0, "graphics": [...], "pins": [...]}, {"unit": 1, ...}]}

Unit 0 holds what every unit shows. Each graphic and pin has a `body_style`
(0: both, 1: normal, 2: De Morgan). Graphics: {"kind": "polyline"|"bezier",
"points": [[x, y], ...]}, {"kind": "rectangle", "start", "end"}, {"kind": "circle",
"center", "radius"}, {"kind": "arc", "start", "mid", "end"} (each with "stroke_width",
0 = default, and "fill": none|outline|background), {"kind": "text", "text", "x", "y",
"angle", "size", "visible", "bold", "italic", "justify"}. Pins: {"number", "name",
"electrical_type", "graphic_style", "x", "y" (the connection point), "orientation",
"length", "hidden", "body_style", "alternates"?: [{"name", "electrical_type", "graphic_style"}]}.
"""

from .kicad_symbols import Arc, Bezier, Circle, KicadSymbol, Pin, Polyline, PropertyText, Rectangle, Text

# Fields drawn next to a placed symbol even when KiCad hides them by default.
_ALWAYS_PLACED_FIELDS = ("Reference", "Value")


def geometry_json(symbol: KicadSymbol) -> dict:
    """The editor's drawing of `symbol`."""
    units: dict[int, dict] = {}

    def unit_entry(unit: int) -> dict:
        return units.setdefault(unit, {"unit": unit, "graphics": [], "pins": []})

    for graphic in symbol.graphics:
        unit_entry(graphic.unit)["graphics"].append(graphic_json(graphic))
    for pin in symbol.pins:
        unit_entry(pin.unit)["pins"].append(pin_json(pin))
    return {
        "unit_count": symbol.unit_count,
        "body_styles": symbol.body_style_count,
        "pin_names": {"visible": not symbol.pin_names_hidden, "offset": symbol.pin_names_offset},
        "pin_numbers": {"visible": not symbol.pin_numbers_hidden},
        "fields": {
            name: _field_json(text)
            for name, text in symbol.property_texts.items()
            if name in _ALWAYS_PLACED_FIELDS or not (text.hidden or name.startswith("ki_"))
        },
        "bounds": bounds(symbol),
        "units": [units[unit] for unit in sorted(units)],
    }


def _xy(point: tuple[float, float]) -> list[float]:
    return [point[0], point[1]]


def graphic_json(graphic) -> dict:
    common = {"kind": graphic.kind, "body_style": graphic.body_style}
    if isinstance(graphic, Text):
        return {
            **common,
            "text": graphic.text,
            "x": graphic.x,
            "y": graphic.y,
            "angle": graphic.angle,
            "size": graphic.size,
            "visible": not graphic.hidden,
            "bold": graphic.bold,
            "italic": graphic.italic,
            "justify": list(graphic.justify),
        }
    common |= {"stroke_width": graphic.stroke_width, "fill": graphic.fill}
    if isinstance(graphic, Polyline | Bezier):
        return {**common, "points": [_xy(p) for p in graphic.points]}
    if isinstance(graphic, Rectangle):
        return {**common, "start": _xy(graphic.start), "end": _xy(graphic.end)}
    if isinstance(graphic, Circle):
        return {**common, "center": _xy(graphic.center), "radius": graphic.radius}
    if isinstance(graphic, Arc):
        return {**common, "start": _xy(graphic.start), "mid": _xy(graphic.mid), "end": _xy(graphic.end)}
    raise TypeError(f"not a symbol graphic: {graphic!r}")


def pin_json(pin: Pin) -> dict:
    data = {
        "number": pin.number,
        "name": pin.name,
        "electrical_type": pin.electrical_type,
        "graphic_style": pin.graphic_style,
        "x": pin.x,
        "y": pin.y,
        "orientation": pin.orientation,
        "length": pin.length,
        "hidden": pin.hidden,
        "body_style": pin.body_style,
    }
    if pin.alternates:
        data["alternates"] = [
            {"name": a.name, "electrical_type": a.electrical_type, "graphic_style": a.graphic_style}
            for a in pin.alternates
        ]
    return data


def _field_json(text: PropertyText) -> dict:
    return {
        "x": text.x,
        "y": text.y,
        "angle": text.angle,
        "size": text.size,
        "visible": not text.hidden,
        "justify": list(text.justify),
    }


# A pin's body end is its connection point moved `length` this way.
_PIN_DIRECTIONS = {0: (1, 0), 90: (0, 1), 180: (-1, 0), 270: (0, -1)}


def bounds(symbol: KicadSymbol) -> dict[str, float]:
    """The box around the body and pins (not the text), mils; all zeros for an empty symbol."""
    xs: list[float] = []
    ys: list[float] = []
    for graphic in symbol.graphics:
        if isinstance(graphic, Polyline | Bezier):
            points = graphic.points
        elif isinstance(graphic, Rectangle):
            points = (graphic.start, graphic.end)
        elif isinstance(graphic, Circle):
            (cx, cy), r = graphic.center, graphic.radius
            points = ((cx - r, cy - r), (cx + r, cy + r))
        elif isinstance(graphic, Arc):
            points = (graphic.start, graphic.mid, graphic.end)  # close enough for a palette preview
        else:
            continue
        xs += [p[0] for p in points]
        ys += [p[1] for p in points]
    for pin in symbol.pins:
        dx, dy = _PIN_DIRECTIONS.get(pin.orientation, (0, 0))
        xs += [pin.x, pin.x + dx * pin.length]
        ys += [pin.y, pin.y + dy * pin.length]
    if not xs:
        return {"x0": 0.0, "y0": 0.0, "x1": 0.0, "y1": 0.0}
    return {"x0": float(min(xs)), "y0": float(min(ys)), "x1": float(max(xs)), "y1": float(max(ys))}


def pins_of(geometry: dict) -> list[dict]:
    """Every pin once, with its unit: De Morgan (body style 2) duplicates left out."""
    return [
        {**pin, "unit": unit["unit"]}
        for unit in geometry.get("units", ())
        for pin in unit["pins"]
        if pin["body_style"] in (0, 1)
    ]

"""Parsing KiCad's own symbol libraries (Debian's kicad-symbols 6.0.10) into dataclasses, in mils."""

import time
from functools import cache
from pathlib import Path

import pytest

from library.kicad_symbols import (
    Arc,
    Circle,
    KicadLibrary,
    KicadLibraryError,
    Pin,
    Polyline,
    Rectangle,
    Text,
    parse_library,
    read_library,
)
from library.sexpr import SExpressionError
from library.symbol_geometry import geometry_json, pins_of

KICAD_SYMBOLS = Path("/usr/share/kicad/symbols")


@cache
def library(name: str) -> KicadLibrary:
    return read_library(KICAD_SYMBOLS / f"{name}.kicad_sym")


def pin_table(pins) -> list[tuple]:
    return [(p.number, p.name, p.electrical_type, p.x, p.y, p.orientation, p.length) for p in pins]


def test_device_r_two_passive_pins_in_mils():
    r = library("Device").symbols["R"]
    assert r.reference == "R" and r.value == "R"
    assert r.keywords == "R res resistor" and r.description == "Resistor"
    assert r.properties["ki_fp_filters"] == "R_*" and r.properties["Datasheet"] == "~"
    assert pin_table(r.pins) == [("1", "~", "passive", 0, 150, 270, 50), ("2", "~", "passive", 0, -150, 90, 50)]
    assert all(p.unit == 1 and p.body_style == 1 and not p.hidden and p.graphic_style == "line" for p in r.pins)
    assert r.graphics == (Rectangle(start=(-40.0, -100.0), end=(40.0, 100.0), stroke_width=10.0, body_style=1),)
    assert r.pin_numbers_hidden and not r.pin_names_hidden and r.pin_names_offset == 0
    assert not r.is_power and r.unit_count == 1 and r.body_style_count == 1 and r.extends is None
    assert r.property_texts["Reference"].x == 80 and r.property_texts["Reference"].angle == 90
    assert r.property_texts["Footprint"].hidden and not r.property_texts["Value"].hidden


def test_device_c():
    c = library("Device").symbols["C"]
    assert c.reference == "C" and "capacitor" in c.keywords.split()
    assert pin_table(c.pins) == [("1", "~", "passive", 0, 150, 270, 110), ("2", "~", "passive", 0, -150, 90, 110)]
    plates = [g for g in c.graphics if isinstance(g, Polyline)]
    assert len(plates) == 2 and all(len(g.points) == 2 for g in plates)
    assert {g.points for g in plates} == {((-80.0, -30.0), (80.0, -30.0)), ((-80.0, 30.0), (80.0, 30.0))}


def test_2n3904_pins_from_the_file():
    q = library("Transistor_BJT").symbols["2N3904"]
    assert q.reference == "Q" and q.value == "2N3904" and q.pin_names_hidden
    assert pin_table(q.pins) == [
        ("1", "E", "passive", 100, -200, 90, 100),
        ("2", "B", "passive", -200, 0, 0, 225),  # 5.715 mm
        ("3", "C", "passive", 100, 200, 270, 100),
    ]
    assert Circle(center=(50.0, 0.0), radius=111.0, stroke_width=10.0, body_style=1) in q.graphics
    arrow = next(g for g in q.graphics if isinstance(g, Polyline) and g.fill == "outline")
    assert arrow.points[0] == (50.0, -70.0)


def test_lm741_one_unit_eight_pins():
    u = library("Amplifier_Operational").symbols["LM741"]
    assert u.unit_count == 1 and u.reference == "U" and u.pin_names_offset == 5.0
    pins = {p.number: p for p in u.pins}
    assert sorted(pins) == [str(n) for n in range(1, 9)]
    assert (pins["2"].name, pins["2"].x, pins["2"].y, pins["2"].electrical_type) == ("-", -300, -100, "input")
    assert (pins["3"].name, pins["3"].x, pins["3"].y) == ("+", -300, 100)
    assert (pins["6"].x, pins["6"].y, pins["6"].orientation, pins["6"].electrical_type) == (300, 0, 180, "output")
    assert (pins["7"].name, pins["7"].electrical_type, pins["7"].y) == ("V+", "power_in", 300)
    assert pins["8"].hidden and pins["8"].electrical_type == "no_connect"
    assert not any(p.hidden for n, p in pins.items() if n != "8")


def test_derived_symbol_inherits_body_and_pins_keeps_its_properties():
    bjt = library("Transistor_BJT").symbols
    bc140, parent = bjt["BC140"], bjt["2N2219"]
    assert bc140.extends == "2N2219"
    assert bc140.pins == parent.pins and len(bc140.pins) == 3
    assert bc140.graphics == parent.graphics and bc140.graphics
    assert bc140.value == "BC140" and bc140.properties["Footprint"] == "Package_TO_SOT_THT:TO-39-3"
    assert bc140.description.startswith("1A Ic, 40V Vce") and bc140.description != parent.description
    assert bc140.pin_names_hidden == parent.pin_names_hidden


def test_derived_multi_unit_lm358_keeps_per_unit_pins():
    lm358 = library("Amplifier_Operational").symbols["LM358"]
    assert lm358.extends == "LM2904" and lm358.value == "LM358"
    assert lm358.unit_count == 3
    by_unit = {unit: [(p.number, p.name) for p in lm358.pins if p.unit == unit] for unit in (1, 2, 3)}
    assert by_unit == {
        1: [("1", "~"), ("2", "-"), ("3", "+")],
        2: [("5", "+"), ("6", "-"), ("7", "~")],
        3: [("4", "V-"), ("8", "V+")],
    }
    assert [p.number for p in lm358.unit_pins(2)] == ["5", "6", "7"]
    graphics_units = {g.unit for g in lm358.graphics}
    assert graphics_units <= {0, 1, 2, 3} and graphics_units


def test_power_gnd_is_power_with_one_hidden_power_in_pin():
    gnd = library("power").symbols["GND"]
    assert gnd.is_power and gnd.reference == "#PWR" and gnd.value == "GND"
    assert gnd.description == 'Power symbol creates a global label with name "GND" , ground'
    (pin,) = gnd.pins
    assert pin == Pin(
        number="1",
        name="GND",
        electrical_type="power_in",
        graphic_style="line",
        x=0,
        y=0,
        orientation=270,
        length=0,
        unit=1,
        body_style=1,
        hidden=True,
    )
    assert not library("Device").symbols["R"].is_power


def test_74ls00_de_morgan_styles():
    nand = library("74xx").symbols["74LS00"]
    assert nand.unit_count == 5 and nand.body_style_count == 2
    normal = [(p.number, p.graphic_style) for p in nand.unit_pins(1, body_style=1)]
    de_morgan = [(p.number, p.graphic_style) for p in nand.unit_pins(1, body_style=2)]
    assert normal == [("1", "line"), ("2", "line"), ("3", "inverted")]
    assert de_morgan == [("1", "inverted"), ("2", "inverted"), ("3", "line")]
    power = [(p.number, p.name, p.body_style) for p in nand.pins if p.unit == 5]
    assert power == [("14", "VCC", 0), ("7", "GND", 0)]
    # Electrical pins: every pin once (the De Morgan copies are drawings of the same pins).
    assert sorted(p.number for p in nand.electrical_pins()) == sorted(str(n) for n in range(1, 15))
    assert {g.body_style for g in nand.graphics} == {1, 2}


def test_arc_text_and_circle_graphics():
    ammeter = library("Device").symbols["Ammeter_AC"]
    arcs = [g for g in ammeter.graphics if isinstance(g, Arc)]
    assert arcs[0] == Arc(start=(-40.0, -60.0), mid=(-20.0, -74.88), end=(0.0, -60.0), body_style=1)
    (text,) = [g for g in ammeter.graphics if isinstance(g, Text)]
    assert (text.text, text.x, text.y, text.angle, text.size, text.unit, text.body_style) == ("A", 0, 25, 0, 100, 0, 0)
    assert any(isinstance(g, Circle) and g.radius == 100 and g.stroke_width == 10 for g in ammeter.graphics)
    decoder = next(g for g in library("74xx").symbols["74LS181"].graphics if isinstance(g, Text) and g.text == "Decod")
    assert decoder.angle == 90  # KiCad 6 writes symbol text angles in tenths of a degree (900)


def test_escapes_bezier_and_kicad7_flags_in_a_small_library():
    text = """(kicad_symbol_lib (version 20220914) (generator test)
      (symbol "X" (power) (pin_names (offset 0) (hide yes)) (pin_numbers (hide yes))
        (property "Reference" "#X" (at 0 1.27 0) (effects (font (size 1.27 1.27)) (hide yes)))
        (property "ki_description" "say \\"hi\\"" (at 0 0 0))
        (symbol "X_1_1"
          (bezier (pts (xy 0 0) (xy 1.27 2.54) (xy 2.54 2.54) (xy 3.81 0)) (stroke (width 0.1524)) (fill (type none)))
          (pin input line (at -2.54 0 0) (length 2.54) (hide yes) (name "IN") (number "1")
            (alternate "ALT" output clock))
        )
      )
      (symbol "Y" (extends "X") (property "Value" "Y" (at 0 0 0)))
      (symbol "Z" (extends "Nowhere") (property "Value" "Z" (at 0 0 0)))
    )"""
    parsed = parse_library(text)
    x = parsed.symbols["X"]
    assert x.is_power and x.pin_names_hidden and x.pin_numbers_hidden
    assert x.description == 'say "hi"' and x.property_texts["Reference"].hidden
    assert x.graphics[0].kind == "bezier" and x.graphics[0].points[1] == (50.0, 100.0)
    assert x.graphics[0].stroke_width == 6.0
    (pin,) = x.pins
    assert pin.hidden and pin.alternates[0].name == "ALT" and pin.alternates[0].graphic_style == "clock"
    assert parsed.symbols["Y"].pins == x.pins and parsed.symbols["Y"].is_power
    assert parsed.symbols["Y"].reference == "#X"  # inherited property
    assert parsed.symbols["Z"].pins == ()
    assert parsed.warnings == ["Z: its parent 'Nowhere' is missing; imported without a body"]


def test_not_a_symbol_library():
    with pytest.raises(KicadLibraryError, match="not a KiCad symbol library"):
        parse_library("(kicad_pcb (version 1))")
    with pytest.raises(KicadLibraryError, match="symbol 'Bad' is malformed: KeyError"):
        parse_library('(kicad_symbol_lib (symbol "Bad" (symbol "Bad_1_1" (pin input line (length 2.54)))))')
    with pytest.raises(KicadLibraryError, match="without a mid point"):
        parse_library('(kicad_symbol_lib (symbol "A" (symbol "A_1_1" (arc (start 0 0) (end 1 1)))))')
    with pytest.raises(SExpressionError, match="line 2"):
        parse_library('(kicad_symbol_lib\n  (symbol "A")))')


def test_geometry_json():
    geometry = geometry_json(library("Amplifier_Operational").symbols["LM358"])
    assert geometry["unit_count"] == 3 and geometry["body_styles"] == 1
    assert geometry["pin_names"] == {"visible": True, "offset": 5.0} and geometry["pin_numbers"] == {"visible": True}
    assert set(geometry["fields"]) == {"Reference", "Value"}
    assert [unit["unit"] for unit in geometry["units"]] == [1, 2, 3]
    first = geometry["units"][0]
    assert first["graphics"][0] == {
        "kind": "polyline",
        "body_style": 1,
        "stroke_width": 10.0,
        "fill": "background",
        "points": [[-200.0, 200.0], [200.0, 0.0], [-200.0, -200.0], [-200.0, 200.0]],
    }
    assert first["pins"][0] == {
        "number": "1",
        "name": "~",
        "electrical_type": "output",
        "graphic_style": "line",
        "x": 300,
        "y": 0,
        "orientation": 180,
        "length": 100,
        "hidden": False,
        "body_style": 1,
    }
    assert geometry["bounds"] == {"x0": -300.0, "y0": -300.0, "x1": 300.0, "y1": 300.0}
    assert [(p["unit"], p["number"]) for p in pins_of(geometry)][-2:] == [(3, "4"), (3, "8")]
    gnd = geometry_json(library("power").symbols["GND"])
    assert gnd["fields"]["Reference"]["visible"] is False and gnd["fields"]["Value"]["y"] == -150.0


def test_every_kicad_library_parses_quickly():
    paths = sorted(KICAD_SYMBOLS.glob("*.kicad_sym"))
    started = time.perf_counter()
    libraries = [read_library(path) for path in paths]
    seconds = time.perf_counter() - started
    assert len(libraries) == 209
    assert sum(len(lib.symbols) for lib in libraries) == 17569
    assert [w for lib in libraries for w in lib.warnings] == []
    assert seconds < 60, f"parsing all KiCad symbol libraries took {seconds:.1f} s"
    pins = [pin for lib in libraries for symbol in lib.symbols.values() for pin in symbol.pins]
    off_grid = [p for p in pins if p.x % 50 or p.y % 50]
    assert len(off_grid) < len(pins) / 100  # pins sit on the 50-mil grid, nearly all of them

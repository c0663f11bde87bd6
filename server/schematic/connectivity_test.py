"""Nets from geometry: KiCad's connection rules, net names, junction dots."""

import pytest

from schematic.connectivity import build_connectivity, natural_key
from schematic.format import parse_schematic
from schematic.sample_symbols import SAMPLE_SYMBOLS
from schematic.sketch import Sketch


def resistor_with_pin_1_at(sketch: Sketch, reference: str, x: int, y: int) -> str:
    """A vertical Device:R whose pin 1 (the top one) is at (x, y); pin 2 is 300 mils below."""
    return sketch.part("Device:R", reference, "1k", (x, y + 150))


def nets_of(sketch: Sketch) -> set[frozenset[tuple[str, str]]]:
    connectivity = build_connectivity(sketch.schematic(), SAMPLE_SYMBOLS)
    return {frozenset((pin.reference, pin.number) for pin in net.pins) for net in connectivity.nets if net.pins}


def same_net(sketch: Sketch, *pins: tuple[str, str]) -> bool:
    return any(set(pins) <= net for net in nets_of(sketch))


def test_wire_joins_the_pins_at_its_ends():
    sketch = Sketch(SAMPLE_SYMBOLS)
    resistor_with_pin_1_at(sketch, "R1", 0, 0)
    resistor_with_pin_1_at(sketch, "R2", 1000, 0)
    sketch.wire((0, 0), (500, 0), (1000, 0))
    assert nets_of(sketch) == {
        frozenset({("R1", "1"), ("R2", "1")}),
        frozenset({("R1", "2")}),
        frozenset({("R2", "2")}),
    }


def test_t_connection_without_a_dot_connects_and_wants_a_dot():
    sketch = Sketch(SAMPLE_SYMBOLS)
    for reference, x, y in (("R1", 0, 0), ("R2", 1000, 0), ("R3", 500, 500)):
        resistor_with_pin_1_at(sketch, reference, x, y)
    sketch.wire((0, 0), (1000, 0))
    sketch.wire((500, 0), (500, 500))  # ends inside the first wire
    assert same_net(sketch, ("R1", "1"), ("R2", "1"), ("R3", "1"))
    assert build_connectivity(sketch.schematic(), SAMPLE_SYMBOLS).junction_dots == ((500, 0),)


def crossing(with_junction: bool) -> Sketch:
    sketch = Sketch(SAMPLE_SYMBOLS)
    resistor_with_pin_1_at(sketch, "R1", 0, 0)
    resistor_with_pin_1_at(sketch, "R2", 500, 500)
    sketch.wire((0, 0), (1000, 0))
    sketch.wire((500, -500), (500, 500))
    if with_junction:
        sketch.junction((500, 0))
    return sketch


def test_wires_that_cross_do_not_connect():
    sketch = crossing(with_junction=False)
    assert not same_net(sketch, ("R1", "1"), ("R2", "1"))
    assert build_connectivity(sketch.schematic(), SAMPLE_SYMBOLS).junction_dots == ()


def test_a_junction_joins_crossing_wires():
    sketch = crossing(with_junction=True)
    assert same_net(sketch, ("R1", "1"), ("R2", "1"))
    assert build_connectivity(sketch.schematic(), SAMPLE_SYMBOLS).junction_dots == ((500, 0),)


def test_a_label_at_a_crossing_joins_the_wires_too():
    sketch = crossing(with_junction=False)
    sketch.label("x", (500, 0))
    assert same_net(sketch, ("R1", "1"), ("R2", "1"))


@pytest.mark.parametrize(
    ("pin_1", "connected"),
    [
        ((300, 150), True),  # inside the segment (0, 0)-(600, 300): on the line 2y = x
        ((600, 300), True),  # its end
        ((300, 151), False),  # one mil off the line
        ((800, 400), False),  # on the line, past the end
        ((-200, -100), False),  # on the line, before the start
    ],
)
def test_diagonal_wires(pin_1, connected):
    sketch = Sketch(SAMPLE_SYMBOLS)
    resistor_with_pin_1_at(sketch, "R1", 0, 0)
    resistor_with_pin_1_at(sketch, "R2", *pin_1)
    sketch.wire((0, 0), (600, 300))
    assert same_net(sketch, ("R1", "1"), ("R2", "1")) is connected


def test_45_degree_wire_and_a_t_on_it():
    sketch = Sketch(SAMPLE_SYMBOLS)
    resistor_with_pin_1_at(sketch, "R1", 0, 0)
    resistor_with_pin_1_at(sketch, "R2", 1000, 250)
    sketch.wire((0, 0), (500, 500))
    sketch.wire((250, 250), (1000, 250))  # starts inside the diagonal
    assert same_net(sketch, ("R1", "1"), ("R2", "1"))
    assert build_connectivity(sketch.schematic(), SAMPLE_SYMBOLS).junction_dots == ((250, 250),)


def test_a_pin_inside_a_wire_connects():
    sketch = Sketch(SAMPLE_SYMBOLS)
    resistor_with_pin_1_at(sketch, "R1", 0, 0)
    resistor_with_pin_1_at(sketch, "R2", 400, 0)  # pin 1 in the middle of the wire
    sketch.wire((0, 0), (1000, 0))
    assert same_net(sketch, ("R1", "1"), ("R2", "1"))


def test_a_vertex_inside_another_wire_connects():
    sketch = Sketch(SAMPLE_SYMBOLS)
    resistor_with_pin_1_at(sketch, "R1", 0, 0)
    resistor_with_pin_1_at(sketch, "R2", 700, 700)
    sketch.wire((0, 0), (1000, 0))
    sketch.wire((500, -300), (500, 0), (700, 0), (700, 700))  # corners inside the first wire
    assert same_net(sketch, ("R1", "1"), ("R2", "1"))


def test_overlapping_wires_connect():
    sketch = Sketch(SAMPLE_SYMBOLS)
    resistor_with_pin_1_at(sketch, "R1", 0, 0)
    resistor_with_pin_1_at(sketch, "R2", 1500, 0)
    sketch.wire((0, 0), (1000, 0))
    sketch.wire((1500, 0), (500, 0))
    assert same_net(sketch, ("R1", "1"), ("R2", "1"))


def test_pins_that_touch_connect():
    sketch = Sketch(SAMPLE_SYMBOLS)
    resistor_with_pin_1_at(sketch, "R1", 0, 0)
    resistor_with_pin_1_at(sketch, "R2", 0, 300)  # its pin 1 is R1's pin 2
    assert same_net(sketch, ("R1", "2"), ("R2", "1"))


def test_labels_with_the_same_text_join():
    sketch = Sketch(SAMPLE_SYMBOLS)
    resistor_with_pin_1_at(sketch, "R1", 0, 0)
    resistor_with_pin_1_at(sketch, "R2", 5000, 0)
    sketch.wire((0, 0), (0, -200))
    sketch.label("mid", (0, -100), kind="global")
    sketch.label("mid", (5000, 0))  # on the pin itself
    sketch.label("other", (5000, 300))
    connectivity = build_connectivity(sketch.schematic(), SAMPLE_SYMBOLS)
    net = connectivity.net_of(sketch.components[0]["id"], "1")
    assert net.name == "mid"
    assert {(pin.reference, pin.number) for pin in net.pins} == {("R1", "1"), ("R2", "1")}
    assert net.label_names == ("mid",)
    assert connectivity.net_of(sketch.components[1]["id"], "2").name == "other"


def test_power_symbols_with_the_same_name_join():
    sketch = Sketch(SAMPLE_SYMBOLS)
    resistor_with_pin_1_at(sketch, "R1", 0, 0)
    resistor_with_pin_1_at(sketch, "R2", 5000, 0)
    sketch.ground((0, 300))
    sketch.ground((5000, 300))
    sketch.power("+5V", (0, 0))
    connectivity = build_connectivity(sketch.schematic(), SAMPLE_SYMBOLS)
    ground = connectivity.net_of(sketch.components[0]["id"], "2")
    assert ground.name == "GND"
    assert ground.is_ground
    assert {(pin.reference, pin.number) for pin in ground.part_pins} == {("R1", "2"), ("R2", "2")}
    assert connectivity.net_of(sketch.components[0]["id"], "1").name == "+5V"
    assert not connectivity.net_of(sketch.components[0]["id"], "1").is_ground


def test_a_label_named_gnd_or_0_is_ground():
    sketch = Sketch(SAMPLE_SYMBOLS)
    resistor_with_pin_1_at(sketch, "R1", 0, 0)
    sketch.label("0", (0, 0))
    sketch.label("gnd", (0, 300))
    connectivity = build_connectivity(sketch.schematic(), SAMPLE_SYMBOLS)
    assert all(net.is_ground for net in connectivity.nets)


def test_labels_and_power_symbols_do_not_join():
    sketch = Sketch(SAMPLE_SYMBOLS)
    resistor_with_pin_1_at(sketch, "R1", 0, 0)
    sketch.power("VCC", (0, 0))
    sketch.label("VCC", (0, 300))
    connectivity = build_connectivity(sketch.schematic(), SAMPLE_SYMBOLS)
    assert not same_net(sketch, ("R1", "1"), ("R1", "2"))
    assert [net.name for net in connectivity.nets] == ["VCC", "VCC"]  # ERC warns about this


def test_net_name_priority():
    sketch = Sketch(SAMPLE_SYMBOLS)
    r10 = resistor_with_pin_1_at(sketch, "R10", 0, 0)
    r2 = resistor_with_pin_1_at(sketch, "R2", 1000, 0)
    r3 = resistor_with_pin_1_at(sketch, "R3", 2000, 0)
    # R10 pin 1: a power symbol and a local label -> the label
    sketch.power("VCC", (0, 0))
    sketch.label("out", (0, 0))
    # R2 pin 1: local "a" and global "z" -> the global label
    sketch.label("a", (1000, 0))
    sketch.label("z", (1000, 0), kind="global")
    # R3 pin 1: only a power symbol -> its name
    sketch.power("+12V", (2000, 0))
    connectivity = build_connectivity(sketch.schematic(), SAMPLE_SYMBOLS)
    assert connectivity.net_of(r10, "1").name == "out"
    assert connectivity.net_of(r2, "1").name == "z"
    assert connectivity.net_of(r3, "1").name == "+12V"
    # the rest are numbered by their smallest pin, in natural order: R2 before R3 before R10
    assert connectivity.net_of(r2, "2").name == "N$1"
    assert connectivity.net_of(r3, "2").name == "N$2"
    assert connectivity.net_of(r10, "2").name == "N$3"
    assert [net.name for net in connectivity.nets] == ["+12V", "out", "z", "N$1", "N$2", "N$3"]


def test_natural_order():
    assert sorted(["R10", "R2", "C1", "R1", "R02"], key=natural_key) == ["C1", "R1", "R02", "R2", "R10"]


def test_hidden_power_pins_join_the_net_of_their_name():
    sketch = Sketch(SAMPLE_SYMBOLS)
    gate = sketch.part("74xx:74LS00_1", "U1", "74LS00", (0, 0))
    resistor_with_pin_1_at(sketch, "R1", 2000, 0)
    sketch.power("VCC", (2000, 0))
    connectivity = build_connectivity(sketch.schematic(), SAMPLE_SYMBOLS)
    assert connectivity.net_of(gate, "14").name == "VCC"
    assert same_net(sketch, ("U1", "14"), ("R1", "1"))
    assert connectivity.net_of(gate, "7").name == "GND"


def test_flag_symbols_name_no_net():
    sketch = Sketch(SAMPLE_SYMBOLS)
    resistor_with_pin_1_at(sketch, "R1", 0, 0)
    sketch.part("power:PWR_FLAG", "#FLG01", "PWR_FLAG", (0, 0))
    connectivity = build_connectivity(sketch.schematic(), SAMPLE_SYMBOLS)
    assert connectivity.net_of(sketch.components[0]["id"], "1").name == "N$1"


def test_unconnected_pins_and_no_connect_flags():
    sketch = Sketch(SAMPLE_SYMBOLS)
    r1 = resistor_with_pin_1_at(sketch, "R1", 0, 0)
    r2 = resistor_with_pin_1_at(sketch, "R2", 1000, 0)
    sketch.wire((0, 0), (1000, 0))
    sketch.no_connect((0, 300))
    sketch.wire((1000, 300), (1000, 600))  # a wire to nowhere still counts as a connection
    connectivity = build_connectivity(sketch.schematic(), SAMPLE_SYMBOLS)
    assert [(pin.reference, pin.number) for pin in connectivity.unconnected_pins] == [("R1", "2")]
    assert connectivity.no_connect_pins == {(r1, "2")}
    flag = sketch.no_connects[0]["id"]
    assert connectivity.nets[connectivity.no_connect_nets[flag]] == connectivity.net_of(r1, "2")
    assert connectivity.net_of(r2, "2").wires == (sketch.wires[1]["id"],)


def test_junction_dots():
    sketch = Sketch(SAMPLE_SYMBOLS)
    sketch.wire((0, 0), (1000, 0), (1000, 1000))  # a corner: no dot
    sketch.wire((0, 2000), (500, 2000))
    sketch.wire((500, 2000), (1000, 2000))
    sketch.wire((500, 2000), (500, 2500))  # three wire ends meet: a dot
    sketch.wire((0, 3000), (400, 3000))
    resistor_with_pin_1_at(sketch, "R1", 400, 3000)  # a wire end on a pin: no dot
    sketch.wire((400, 3000), (400, 2800))  # another wire end there: a dot
    connectivity = build_connectivity(sketch.schematic(), SAMPLE_SYMBOLS)
    assert connectivity.junction_dots == ((400, 3000), (500, 2000))


def test_unknown_symbols_have_no_pins():
    data = Sketch(SAMPLE_SYMBOLS).document()
    data["components"] = [{"id": "c1", "symbol": "Nowhere:X", "position": [0, 0], "reference": "X1"}]
    assert build_connectivity(parse_schematic(data), SAMPLE_SYMBOLS).nets == ()


def test_maps_cover_every_item():
    sketch = crossing(with_junction=False)
    sketch.label("a", (0, 0))
    connectivity = build_connectivity(sketch.schematic(), SAMPLE_SYMBOLS)
    assert set(connectivity.wire_nets) == {wire["id"] for wire in sketch.wires}
    assert set(connectivity.label_nets) == {label["id"] for label in sketch.labels}
    assert len(connectivity.pin_nets) == 4
    assert connectivity.nets_named("a") == [connectivity.label_nets[sketch.labels[0]["id"]]]
    assert connectivity.nets_named("nothing") == []

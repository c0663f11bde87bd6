"""Connectivity does not depend on where, how or in which order a schematic is drawn (hypothesis).

Random schematics of sample parts and wires (horizontal, vertical and diagonal, ending on pins, on other wires or
anywhere) keep the same nets, net names and junction dots when the whole drawing is moved, turned or mirrored,
when a wire is split at a vertex, and when the lists are shuffled.
"""

import copy
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from schematic.connectivity import build_connectivity
from schematic.format import parse_schematic
from schematic.geometry import to_sheet
from schematic.sample_symbols import SAMPLE_SYMBOLS

PLACEABLE = ["Device:R", "Device:C", "Simulation_SPICE:VDC", "power:GND", "power:VCC", "Device:Q_NPN_BCE",
             "Simulation_SPICE:OPAMP", "74xx:74LS00_1"]  # fmt: skip
GRID = 50
grid = st.integers(-20, 20).map(lambda n: n * GRID)


@st.composite
def schematics(draw) -> dict:
    components, points = [], []
    for number in range(draw(st.integers(1, 7))):
        symbol = draw(st.sampled_from(PLACEABLE))
        position = (draw(grid), draw(grid))
        rotation, mirror = draw(st.sampled_from([0, 90, 180, 270])), draw(st.sampled_from(["none", "x", "y"]))
        reference = f"#PWR{number}" if SAMPLE_SYMBOLS[symbol].is_power else f"P{number}"
        value = draw(st.sampled_from(["GND", "VCC"])) if SAMPLE_SYMBOLS[symbol].is_power else "1"
        components.append({"id": f"c{number}", "symbol": symbol, "position": list(position), "rotation": rotation,
                           "mirror": mirror, "reference": reference, "value": value})  # fmt: skip
        points += [to_sheet((pin.x, pin.y), position, rotation, mirror) for pin in SAMPLE_SYMBOLS[symbol].pins]

    def anywhere():
        """A pin, a point on an earlier wire (a vertex or a segment's middle), or a random grid point."""
        choices = [st.tuples(grid, grid)]
        if points:
            choices.append(st.sampled_from(points))
        return draw(st.one_of(choices))

    wires = []
    for number in range(draw(st.integers(0, 7))):
        polyline = [anywhere()]
        for _ in range(draw(st.integers(1, 3))):
            point = anywhere()
            if point != polyline[-1]:
                polyline.append(point)
        if len(polyline) < 2:
            continue
        wires.append({"id": f"w{number}", "points": [list(point) for point in polyline]})
        points += polyline
        points += [((x0 + x1) // 2, (y0 + y1) // 2) for (x0, y0), (x1, y1) in pairwise(polyline)
                   if (x0 + x1) % 2 == 0 and (y0 + y1) % 2 == 0]  # fmt: skip
    labels = [
        {"id": f"l{number}", "position": list(anywhere()), "text": draw(st.sampled_from(["a", "b"])),
         "kind": draw(st.sampled_from(["local", "global"]))}
        for number in range(draw(st.integers(0, 3)))
    ]  # fmt: skip
    junctions = [{"id": f"j{number}", "position": list(anywhere())} for number in range(draw(st.integers(0, 3)))]
    return {"format": "ohmcloud-schematic", "version": 1, "components": components, "wires": wires,
            "labels": labels, "junctions": junctions}  # fmt: skip


def summary(data: dict) -> tuple[set, list]:
    """The nets with pins, as (name, pins), and the junction dots."""
    connectivity = build_connectivity(parse_schematic(data), SAMPLE_SYMBOLS)
    nets = {(net.name, frozenset((pin.reference, pin.number) for pin in net.pins)) for net in connectivity.nets
            if net.pins}  # fmt: skip
    return nets, sorted(connectivity.junction_dots)


def moved(data: dict, point_map, placement_map) -> dict:
    """The schematic with every point mapped, and every component's placement."""
    result = copy.deepcopy(data)
    for component in result["components"]:
        component["position"] = list(point_map(tuple(component["position"])))
        component["rotation"], component["mirror"] = placement_map(component["rotation"], component["mirror"])
    for wire in result["wires"]:
        wire["points"] = [list(point_map(tuple(point))) for point in wire["points"]]
    for item in (*result["labels"], *result["junctions"]):
        item["position"] = list(point_map(tuple(item["position"])))
    return result


@settings(max_examples=300)
@given(schematics(), st.integers(-40, 40), st.integers(-40, 40))
def test_translation(data, dx, dy):
    nets, dots = summary(data)
    shifted = moved(data, lambda p: (p[0] + dx * GRID, p[1] + dy * GRID), lambda rotation, mirror: (rotation, mirror))
    assert summary(shifted) == (nets, sorted((x + dx * GRID, y + dy * GRID) for x, y in dots))


@settings(max_examples=300)
@given(schematics(), st.sampled_from([90, 180, 270]), grid, grid)
def test_rotation_about_a_point(data, angle, cx, cy):
    def turn(point):
        return to_sheet((point[0] - cx, -(point[1] - cy)), (cx, cy), angle)  # the same R as the placement

    nets, dots = summary(data)
    turned = moved(data, turn, lambda rotation, mirror: ((rotation + angle) % 360, mirror))
    assert summary(turned) == (nets, sorted(turn(dot) for dot in dots))


@settings(max_examples=300)
@given(schematics(), st.sampled_from(["x", "y"]), grid)
def test_mirroring(data, axis, at):
    # mirroring the sheet about a vertical line (axis "y") turns a part's (θ, M) into (-θ, F·M); F·F is no mirror,
    # and F_y·M_x is a half turn
    def flip(point):
        return (2 * at - point[0], point[1]) if axis == "y" else (point[0], 2 * at - point[1])

    def placement(rotation, mirror):
        if mirror == "none":
            return (-rotation) % 360, axis
        if mirror == axis:
            return (-rotation) % 360, "none"
        return (180 - rotation) % 360, "none"

    nets, dots = summary(data)
    assert summary(moved(data, flip, placement)) == (nets, sorted(flip(dot) for dot in dots))


@settings(max_examples=300)
@given(schematics(), st.data())
def test_splitting_a_wire_at_a_vertex(data, draw):
    long_wires = [index for index, wire in enumerate(data["wires"]) if len(wire["points"]) >= 3]
    if not long_wires:
        return
    index = draw.draw(st.sampled_from(long_wires))
    wire = data["wires"][index]
    at = draw.draw(st.integers(1, len(wire["points"]) - 2))
    split = copy.deepcopy(data)
    split["wires"][index] = {"id": wire["id"], "points": wire["points"][: at + 1]}
    split["wires"].append({"id": "split", "points": wire["points"][at:]})
    assert summary(split) == summary(data)


@settings(max_examples=300)
@given(schematics(), st.randoms(use_true_random=False))
def test_order_of_the_lists(data, random):
    shuffled = copy.deepcopy(data)
    for key in ("components", "wires", "labels", "junctions"):
        random.shuffle(shuffled[key])
    for wire in shuffled["wires"]:
        if random.random() < 0.5:
            wire["points"].reverse()
    assert summary(shuffled) == summary(data)

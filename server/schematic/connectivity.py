"""Nets from geometry: which pins, wires and labels are connected (KiCad's rules, single sheet).

- A wire connects all its vertices (a polyline is one conductor).
- Every item's connection point joins every wire segment it lies on, at a segment's end or inside it, whatever
  the segment's slope (exact integer arithmetic): wire vertices (so a wire ending on another wire is a
  T-connection), pins, labels, junctions and no-connect flags. Two wires that merely cross, with nothing at the
  crossing, stay apart; a junction there joins them.
- Items at the same point are connected (pins that touch, a pin on a wire end).
- Labels with the same text are one net (local and global alike on a single sheet).
- Power symbols with the same name are one net: a power symbol's name is its value. Flag symbols, power symbols
  whose pins are all power outputs (KiCad's PWR_FLAG), name no net. A hidden power-input pin of an ordinary
  symbol joins the net named after the pin (KiCad's implicit power pins, as on 74xx logic).

Net names: the smallest label text (global labels before local ones), else the smallest power name, else
`N$<n>`, numbered in the order of each net's smallest pin (natural order of reference, then pin number).

The cost is O(n log n) in the number of items: points are found by a dict, and the points that lie on segments by
one sweep along each line that carries segments (see `_attach_to_segments`).
"""

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from .format import Label, Point, Schematic
from .geometry import placement_matrix, unit_pins
from .symbol_info import SymbolInfo

GROUND_NAMES = frozenset({"GND", "0"})  # compared upper-cased: ngspice also takes `gnd` for node 0


@dataclass(frozen=True, slots=True)
class PinRef:
    component_id: str
    reference: str
    number: str
    name: str
    position: Point
    power: bool  # a pin of a power or flag symbol (not a part of the circuit)


@dataclass(frozen=True, slots=True)
class Net:
    name: str  # not necessarily unique: a label and an unrelated power symbol may use one name (ERC warns)
    pins: tuple[PinRef, ...]  # in natural order of reference, then pin number
    wires: tuple[str, ...]  # wire ids, sorted
    labels: tuple[str, ...]  # label ids, sorted
    label_names: tuple[str, ...]  # distinct label texts, sorted
    power_names: tuple[str, ...]  # distinct power names, sorted
    is_ground: bool  # one of its names is GND or 0: SPICE node 0

    @property
    def named(self) -> bool:
        """The name comes from a label or a power symbol (not `N$<n>`)."""
        return bool(self.label_names or self.power_names)

    @property
    def part_pins(self) -> tuple[PinRef, ...]:
        return tuple(pin for pin in self.pins if not pin.power)


@dataclass(frozen=True, slots=True)
class Connectivity:
    nets: tuple[Net, ...]  # named nets by name, then N$1, N$2 ...
    pin_nets: Mapping[tuple[str, str], int]  # (component id, pin number) -> index in `nets`, for every placed pin
    wire_nets: Mapping[str, int]
    label_nets: Mapping[str, int]
    no_connect_nets: Mapping[str, int]
    unconnected_pins: tuple[PinRef, ...]  # part pins touching nothing: no other pin, wire, label or power net
    no_connect_pins: frozenset[tuple[str, str]]  # (component id, pin number) of pins carrying a no-connect flag
    junction_dots: tuple[Point, ...]  # where a junction dot belongs (3+ wire ends/pins meet, or a T), sorted
    _by_name: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)

    def net_of(self, component_id: str, pin: str) -> Net:
        return self.nets[self.pin_nets[component_id, pin]]

    def nets_named(self, name: str) -> list[int]:
        """Indices of the nets called `name` (usually one; none if there is no such net)."""
        if not self._by_name:
            for index, net in enumerate(self.nets):
                self._by_name.setdefault(net.name, []).append(index)
        return self._by_name.get(name, [])


@lru_cache(maxsize=1 << 16)
def natural_key(text: str) -> tuple:
    """Sort key putting R2 before R10."""
    return tuple((0, int(part), part) if part.isdigit() else (1, 0, part) for part in _DIGITS.findall(text))


_DIGITS = re.compile(r"\d+|\D+")


def is_ground_name(name: str) -> bool:
    return name.upper() in GROUND_NAMES


def power_name(component_value: str, symbol: SymbolInfo) -> str | None:
    """The net a power symbol names (its value, else the library's default), or None for a flag symbol."""
    if symbol.pins and all(pin.electrical_type == "power_out" for pin in symbol.pins):
        return None
    name = component_value.strip() or symbol.properties.get("Value", "").strip()
    return name or symbol.symbol_id.split(":", 1)[-1]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: list[int] = []

    def add(self) -> int:
        self.parent.append(len(self.parent))
        return len(self.parent) - 1

    def find(self, item: int) -> int:
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def build_connectivity(schematic: Schematic, symbols: Mapping[str, SymbolInfo]) -> Connectivity:
    """The nets of `schematic`; components whose symbol is unknown contribute no pins (ERC reports them)."""
    builder = _Builder()
    builder.add_pins(schematic, symbols)
    builder.add_wires(schematic)
    label_points = [builder.point(label.position) for label in schematic.labels]
    for junction in schematic.junctions:
        builder.point(junction.position)
    no_connect_points = [builder.point(flag.position) for flag in schematic.no_connects]
    interior = _attach_to_segments(builder.points, builder.lines, builder.sets)
    builder.join_by_name(schematic, label_points)
    nets = _Nets(builder, schematic, label_points)
    flagged_points = set(no_connect_points)
    return Connectivity(
        nets=tuple(nets.nets),
        pin_nets=nets.pin_nets,
        wire_nets={
            wire.id: nets.of_point(index) for wire, index in zip(schematic.wires, builder.wire_roots, strict=True)
        },
        label_nets={
            label.id: nets.of_point(index) for label, index in zip(schematic.labels, label_points, strict=True)
        },
        no_connect_nets={
            flag.id: nets.net_of_root[nets.roots[index]]
            for flag, index in zip(schematic.no_connects, no_connect_points, strict=True)
            if nets.roots[index] in nets.net_of_root
        },
        unconnected_pins=tuple(nets.unconnected),
        no_connect_pins=frozenset(
            (pin.component_id, pin.number) for pin, index in builder.pins if index in flagged_points
        ),
        junction_dots=tuple(_junction_dots(builder.points, builder.segment_ends, interior, builder.pins_at)),
    )


Segment = tuple[int, int, int]  # (start, end, wire root point) along the line, start < end


class _Builder:
    """The points of the schematic in a union-find, and what sits at them."""

    def __init__(self) -> None:
        self.points: dict[Point, int] = {}
        self.sets = _UnionFind()
        self.pins: list[tuple[PinRef, int]] = []
        self.pins_at: Counter[int] = Counter()
        self.power_groups: dict[str, list[int]] = defaultdict(list)
        self.wire_roots: list[int] = []
        self.lines: dict[tuple[int, int], dict[int, list[Segment]]] = defaultdict(lambda: defaultdict(list))
        self.segment_ends: Counter[int] = Counter()

    def point(self, position: Point) -> int:
        index = self.points.get(position)
        if index is None:
            index = self.points[position] = self.sets.add()
        return index

    def add_pins(self, schematic: Schematic, symbols: Mapping[str, SymbolInfo]) -> None:
        """Pins, and the power names they carry."""
        pins_of_unit: dict[tuple[str, int], list] = {}
        for component in schematic.components:
            symbol = symbols.get(component.symbol)
            if symbol is None:
                continue
            names = power_name(component.value, symbol) if symbol.is_power else None
            a, b, c, d = placement_matrix(component.rotation, component.mirror)
            x, y = component.position
            key = (component.symbol, component.unit)
            if key not in pins_of_unit:
                pins_of_unit[key] = unit_pins(component, symbol)
            for pin in pins_of_unit[key]:
                position = (x + a * pin.x + b * pin.y, y + c * pin.x + d * pin.y)  # geometry.to_sheet, inlined
                index = self.point(position)
                reference = PinRef(component.id, component.reference, pin.number, pin.name, position, symbol.is_power)
                self.pins.append((reference, index))
                self.pins_at[index] += 1
                if names is not None:
                    self.power_groups[names].append(index)
                elif not symbol.is_power and pin.hidden and pin.electrical_type == "power_in" and pin.name != "~":
                    self.power_groups[pin.name].append(index)

    def add_wires(self, schematic: Schematic) -> None:
        """Wires: their vertices joined, their segments filed by the line they lie on."""
        for wire in schematic.wires:
            vertices = [self.point(vertex) for vertex in wire.points]
            root = vertices[0]
            self.wire_roots.append(root)
            for vertex in vertices[1:]:
                self.sets.union(root, vertex)
            for number, ((x0, y0), (x1, y1)) in enumerate(pairwise(wire.points)):
                if y0 == y1:
                    if x0 == x1:
                        continue
                    a, b = 1, 0
                else:
                    a, b = (0, 1) if x0 == x1 else _direction(x1 - x0, y1 - y0)
                s0, s1 = a * x0 + b * y0, a * x1 + b * y1
                self.lines[a, b][a * y0 - b * x0].append((s0, s1, root) if s0 < s1 else (s1, s0, root))
                self.segment_ends[vertices[number]] += 1
                self.segment_ends[vertices[number + 1]] += 1

    def join_by_name(self, schematic: Schematic, label_points: list[int]) -> None:
        """Labels join by text, power symbols by name."""
        label_groups: dict[str, list[int]] = defaultdict(list)
        for label, index in zip(schematic.labels, label_points, strict=True):
            label_groups[label.text].append(index)
        for group in (*label_groups.values(), *self.power_groups.values()):
            for index in group[1:]:
                self.sets.union(group[0], index)


def _direction(dx: int, dy: int) -> tuple[int, int]:
    """The segment's direction, reduced and pointing right (or down when vertical): one key per slope."""
    divisor = math.gcd(dx, dy)
    dx, dy = dx // divisor, dy // divisor
    return (dx, dy) if dx > 0 or (dx == 0 and dy > 0) else (-dx, -dy)


def _attach_to_segments(
    points: dict[Point, int], lines: dict[tuple[int, int], dict[int, list[tuple[int, int, int]]]], sets: _UnionFind
) -> Counter[int]:
    """Join every point to the wire segments it lies on; count, per point, the segments it lies strictly inside.

    A segment with direction (a, b) lies on the line a·y - b·x = c and spans the interval [s0, s1] of
    s = a·x + b·y. Each point is looked up on the lines of each direction (a dict lookup per direction: horizontal,
    vertical and the few diagonal slopes the format allows), then each line is swept once along s. Segments that
    contain a point are all joined, so the sweep keeps active segments in groups known to be joined and merges the
    groups at each point: the work stays O(n log n) even when many segments overlap.
    """
    queries: dict[tuple[int, int, int], list[tuple[int, int]]] = defaultdict(list)
    for (a, b), by_offset in lines.items():
        for (x, y), index in points.items():
            offset = a * y - b * x
            if offset in by_offset:
                queries[a, b, offset].append((a * x + b * y, index))
    interior: Counter[int] = Counter()
    for (a, b, offset), found in queries.items():
        segments = lines[a, b][offset]
        events: list[tuple[int, int, int]] = []  # (s, kind, item): starts, then points, then ends at equal s
        ends: Counter[int] = Counter()
        for number, (start, end, _root) in enumerate(segments):
            events.append((start, 0, number))
            events.append((end, 2, number))
            ends[start] += 1
            ends[end] += 1
        events.extend((s, 1, index) for s, index in found)
        events.sort()
        groups: dict[int, set[int]] = {}  # group id -> active segments, all joined already
        group_of: dict[int, int] = {}
        active = 0
        for s, kind, item in events:
            if kind == 0:
                groups[item] = {item}
                group_of[item] = item
                active += 1
            elif kind == 2:
                group = group_of.pop(item)
                members = groups[group]
                members.discard(item)
                if not members:
                    del groups[group]
                active -= 1
            elif groups:
                inside = active - ends[s]
                if inside:
                    interior[item] += inside
                for members in groups.values():
                    sets.union(item, segments[next(iter(members))][2])
                if len(groups) > 1:
                    _merge_groups(groups, group_of)
    return interior


def _merge_groups(groups: dict[int, set[int]], group_of: dict[int, int]) -> None:
    """Merge all groups into the largest, moving the members of the others (small into large: O(n log n))."""
    largest = max(groups, key=lambda group: len(groups[group]))
    kept = groups[largest]
    for group in list(groups):
        if group != largest:
            for member in groups.pop(group):
                kept.add(member)
                group_of[member] = largest


def _junction_dots(
    points: dict[Point, int], segment_ends: Counter[int], interior: Counter[int], pins_at: Counter[int]
) -> list[Point]:
    """Points where three or more wire ends and pins meet; a segment passing through counts twice (a T)."""
    dots = []
    for position, index in points.items():
        ends, inside = segment_ends[index], interior[index]
        if (ends or inside) and ends + 2 * inside + pins_at[index] >= 3:
            dots.append(position)
    return sorted(dots)


class _Nets:
    """The union-find's sets as named, ordered nets."""

    def __init__(self, builder: _Builder, schematic: Schematic, label_points: list[int]):
        find = builder.sets.find
        self.roots = roots = [find(index) for index in range(len(builder.sets.parent))]
        pins = builder.pins
        # Pins in natural order of reference, then pin number; ranked first, so the sort compares small integers
        references = sorted({pin.reference for pin, _ in pins}, key=natural_key)
        numbers = sorted({pin.number for pin, _ in pins}, key=natural_key)
        reference_rank = {text: rank for rank, text in enumerate(references)}
        number_rank = {text: rank for rank, text in enumerate(numbers)}

        def pin_key(pin: PinRef) -> tuple[int, int, str]:
            return (reference_rank[pin.reference], number_rank[pin.number], pin.component_id)

        pins_of: dict[int, list[PinRef]] = defaultdict(list)
        for pin, index in sorted(pins, key=lambda item: pin_key(item[0])):  # sorted once: each net's pins in order
            pins_of[roots[index]].append(pin)
        wires_of: dict[int, list[str]] = defaultdict(list)
        for wire, index in zip(schematic.wires, builder.wire_roots, strict=True):
            wires_of[roots[index]].append(wire.id)
        labels_of: dict[int, list[Label]] = defaultdict(list)
        for label, index in zip(schematic.labels, label_points, strict=True):
            labels_of[roots[index]].append(label)
        power_of: dict[int, list[str]] = defaultdict(list)
        for name, group in builder.power_groups.items():
            power_of[roots[group[0]]].append(name)

        named, automatic = [], []
        no_items: list = []
        for root in {**pins_of, **wires_of, **labels_of, **power_of}:
            pin_list = pins_of.get(root, no_items)
            labels = labels_of.get(root, no_items)
            power_names = sorted(power_of.get(root, no_items))
            if labels:
                label_names = sorted({label.text for label in labels})
                global_names = sorted({label.text for label in labels if label.kind == "global"})
                name = (global_names or label_names)[0]
            else:
                label_names = no_items
                name = power_names[0] if power_names else None
            if pin_list:  # orders the automatic names, and nets sharing a name, whatever the input order
                order: tuple = (0, *pin_key(pin_list[0]))
            else:
                order = (1, min(wires_of.get(root, ()), default=""), min((label.id for label in labels), default=""))
            fields = (root, pin_list, labels, label_names, power_names)
            if name is None:
                automatic.append((order, None, fields))
            else:
                named.append(((natural_key(name), name, order), name, fields))
        named.sort(key=lambda item: item[0])
        automatic.sort(key=lambda item: item[0])
        self.nets: list[Net] = []
        self.net_of_root: dict[int, int] = {}
        for number, (_, name, (root, pin_list, labels, label_names, power_names)) in enumerate([*named, *automatic]):
            self.net_of_root[root] = number
            self.nets.append(
                Net(
                    name=name if name is not None else f"N${number + 1 - len(named)}",
                    pins=tuple(pin_list),
                    wires=tuple(sorted(wires_of.get(root, ()))),
                    labels=tuple(sorted(label.id for label in labels)),
                    label_names=tuple(label_names),
                    power_names=tuple(power_names),
                    is_ground=any(is_ground_name(text) for text in (*label_names, *power_names)),
                )
            )

        self.pin_nets: dict[tuple[str, str], int] = {}
        self.unconnected: list[PinRef] = []
        for pin, index in pins:
            net_index = self.pin_nets[pin.component_id, pin.number] = self.net_of_root[roots[index]]
            net = self.nets[net_index]
            if not pin.power and len(net.pins) == 1 and not (net.wires or net.labels or net.power_names):
                self.unconnected.append(pin)

    def of_point(self, index: int) -> int:
        """The net at a point that holds a pin, a wire or a label."""
        return self.net_of_root[self.roots[index]]

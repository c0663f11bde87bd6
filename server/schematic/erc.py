"""Electrical rules check, for simulation: what would stop ngspice, or surprise the person who drew the schematic.

Runs on the connectivity graph and the SPICE elements, never on the SPICE text. Errors mean the schematic cannot
be simulated as drawn; warnings point at likely mistakes. The rules, in the order their findings come:

- the element findings (unknown symbol, no SPICE model, bad or missing unit, unannotated or duplicate reference);
- missing-value, missing-model: R, C, L and sources need a value; models and subcircuits must be in the library;
- bad-value: a value or parameter ending in a backslash (ngspice would join the next line to it);
- no-ground: no net is named GND or 0 (a ground symbol, or a label);
- pin-unconnected: a pin of a simulated part touches nothing (a no-connect flag on the pin says it is meant to);
- single-connection, dangling (warnings): a net reaches one part pin, or none;
- no-connect-misplaced (warning): a no-connect flag on anything but one lone pin;
- voltage-loop: voltage sources and inductors forming a loop (their currents are undetermined);
- current-source-cutset: a node where only current sources meet (Kirchhoff's current law cannot hold);
- no-dc-path: a node with no DC path to ground (only capacitors or current sources lead to it);
- power-name-clash, multiple-net-names (warnings): one net with several names, or a power name used by a label on
  another net (labels and power symbols do not join).
"""

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence

from .connectivity import Connectivity, Net, build_connectivity, is_ground_name, natural_key
from .elements import Element, SpiceElements, spice_elements
from .findings import Finding, error, warning
from .format import Schematic
from .symbol_info import SymbolInfo

VALUE_KINDS = frozenset("RCLVIEFGHB")  # elements that need a value (or source specification)
MODEL_KINDS = frozenset("DQMJZSWX")  # elements that need a model or subcircuit name
VOLTAGE_KINDS = frozenset("VLEH")  # branches fixing a voltage at DC (an inductor is a short): loops are errors
CURRENT_KINDS = frozenset("IGF")  # branches fixing a current: a node of only these breaks KCL
GROUND = -1  # the node number of all ground nets together (they are all SPICE node 0)


def run_erc(
    schematic: Schematic,
    symbols: Mapping[str, SymbolInfo],
    connectivity: Connectivity | None = None,
    elements: SpiceElements | None = None,
    *,
    models: Collection[str] | None = None,
) -> list[Finding]:
    """Every finding, in rule order. `models`: the model library's names (None: do not check models exist)."""
    connectivity = connectivity or build_connectivity(schematic, symbols)
    elements = elements or spice_elements(schematic, symbols, connectivity)
    library = None if models is None else {name.lower() for name in models}
    findings = list(elements.findings)
    findings += _values_and_models(elements.elements, library)
    grounded = any(net.is_ground for net in connectivity.nets)
    if not grounded:
        findings.append(
            error("no-ground", "the schematic has no ground: add a GND symbol (SPICE node 0) and connect it")
        )
    findings += _unconnected_pins(elements.elements, connectivity)
    findings += _sparse_nets(connectivity)
    findings += _no_connect_flags(schematic, connectivity)
    node = _node_numbers(connectivity)
    findings += _voltage_loops(elements.elements, node)
    cutsets, cutset_findings = _current_source_cutsets(elements.elements, connectivity, node)
    findings += cutset_findings
    if grounded:
        findings += _no_dc_path(elements.elements, connectivity, node, cutsets)
    findings += _names(schematic, connectivity)
    return findings


def _where(element: Element, pin: str | None = None) -> dict[str, str | None]:
    return {"component": element.component_id, "reference": element.reference, "pin": pin}


# --- Values and models --------------------------------------------------------------------------------------------


def _values_and_models(elements: Sequence[Element], library: set[str] | None) -> list[Finding]:
    findings = []
    for element in elements:
        mapping = element.mapping
        if element.kind in VALUE_KINDS and not mapping.model_from_value and not element.value:
            findings.append(
                error(
                    "missing-value",
                    f"{element.reference} has no value: give it one (such as {_EXAMPLE_VALUES.get(element.kind, '1')})",
                    **_where(element),
                )
            )
        texts = [element.value, *(element.properties.get(name, "") for name in mapping.parameters)]
        if any(text.rstrip().endswith("\\") for text in texts):  # ngspice would join the next line to this one
            findings.append(
                error("bad-value", f"{element.reference}: a value may not end in a backslash", **_where(element))
            )
        if mapping.model_from_value:
            name = element.value
            if not name:
                findings.append(
                    error(
                        "missing-model",
                        f"{element.reference} needs a model: write the model's name as its value",
                        **_where(element),
                    )
                )
                continue
        elif mapping.model:
            name = mapping.model
        else:
            if element.kind in MODEL_KINDS:
                findings.append(
                    error(
                        "missing-model",
                        f"{element.reference}: the SPICE mapping of {element.symbol.symbol_id} names no model",
                        **_where(element),
                    )
                )
            continue
        if library is not None and name.lower() not in library:
            findings.append(
                error(
                    "missing-model",
                    f"{element.reference}: the model {name} is not in the model library",
                    **_where(element),
                )
            )
    return findings


_EXAMPLE_VALUES = {"R": "1k", "C": "100n", "L": "10u", "V": "dc 5", "I": "dc 1m"}


# --- Pins and nets ------------------------------------------------------------------------------------------------


def _unconnected_pins(elements: Sequence[Element], connectivity: Connectivity) -> list[Finding]:
    lone = {(pin.component_id, pin.number) for pin in connectivity.unconnected_pins}
    findings = []
    for element in elements:
        for pin in element.pins:
            instances = [(component, pin.number) for component in pin.components]
            if not instances or not all(instance in lone for instance in instances):
                continue
            if any(instance in connectivity.no_connect_pins for instance in instances):
                continue
            findings.append(
                error(
                    "pin-unconnected",
                    f"{element.reference} pin {pin.number} is not connected: wire it, or put a"
                    " no-connect flag on it if it is meant to be open",
                    component=pin.components[0],
                    reference=element.reference,
                    pin=pin.number,
                )
            )
    return findings


def _sparse_nets(connectivity: Connectivity) -> list[Finding]:
    lone = {(pin.component_id, pin.number) for pin in connectivity.unconnected_pins}
    findings = []
    for net in connectivity.nets:
        pins = net.part_pins
        if len(pins) == 1:
            pin = pins[0]
            if (pin.component_id, pin.number) in lone or (pin.component_id, pin.number) in connectivity.no_connect_pins:
                continue  # pin-unconnected says it, or the flag says it is meant to be
            findings.append(
                warning(
                    "single-connection",
                    f"net {net.name} reaches only {pin.reference} pin {pin.number}",
                    net=net.name,
                    component=pin.component_id,
                    reference=pin.reference,
                    pin=pin.number,
                )
            )
        elif not pins:
            what = _first_item(net)
            findings.append(warning("dangling", f"net {net.name} connects no part pins", net=net.name, **what))
    return findings


def _first_item(net: Net) -> dict[str, str]:
    pins = net.part_pins or net.pins
    if pins:
        return {"component": pins[0].component_id, "reference": pins[0].reference}
    if net.wires:
        return {"wire": net.wires[0]}
    return {"label": net.labels[0]} if net.labels else {}


def _no_connect_flags(schematic: Schematic, connectivity: Connectivity) -> list[Finding]:
    findings = []
    for flag in schematic.no_connects:
        index = connectivity.no_connect_nets.get(flag.id)
        net = connectivity.nets[index] if index is not None else None
        if net is not None and len(net.pins) == 1 and not net.wires and not net.labels:
            continue
        message = (
            "a no-connect flag sits on nothing it could mark: put it on the end of an unused pin"
            if net is None or not net.pins
            else f"a no-connect flag sits on net {net.name}, which is connected: remove the flag or the connection"
        )
        findings.append(
            warning("no-connect-misplaced", message, net=net.name if net else None, **(_first_item(net) if net else {}))
        )
    return findings


# --- Topology -----------------------------------------------------------------------------------------------------


def _node_numbers(connectivity: Connectivity) -> list[int]:
    """Net index -> SPICE node: every ground net is the one node GROUND."""
    return [GROUND if net.is_ground else index for index, net in enumerate(connectivity.nets)]


class _Forest:
    """Union-find over node numbers, remembering the joining edges to name the members of a loop."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}
        self.edges: dict[int, list[tuple[int, Element]]] = defaultdict(list)

    def find(self, node: int) -> int:
        parent = self.parent
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def join(self, a: int, b: int, element: Element | None = None) -> bool:
        """False if a and b were already joined."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return False
        self.parent[root_a] = root_b
        if element is not None:
            self.edges[a].append((b, element))
            self.edges[b].append((a, element))
        return True

    def path(self, start: int, goal: int) -> list[Element]:
        """The elements on the tree path from start to goal."""
        previous: dict[int, tuple[int, Element] | None] = {start: None}
        queue = [start]
        for node in queue:
            if node == goal:
                break
            for neighbour, element in self.edges[node]:
                if neighbour not in previous:
                    previous[neighbour] = (node, element)
                    queue.append(neighbour)
        found = []
        step = previous.get(goal)
        while step is not None:
            node, element = step
            found.append(element)
            step = previous[node]
        return found


_LOOPS_NAMED = 20  # loops whose members are named (finding them costs a walk through the tree)


def _voltage_loops(elements: Sequence[Element], node: list[int]) -> list[Finding]:
    forest = _Forest()
    findings = []
    for element in elements:
        if element.kind not in VOLTAGE_KINDS or len(element.nets) < 2 or None in element.nets[:2]:
            continue
        a, b = (node[net] for net in element.nets[:2])  # type: ignore[index]
        if forest.join(a, b, element):
            continue
        if a == b:
            what = "is shorted by its own wiring"
        elif len(findings) < _LOOPS_NAMED:
            names = sorted({other.reference for other in forest.path(a, b)}, key=natural_key)
            what = f"forms a loop with {_listed(names)}"
        else:
            what = "forms a loop with other voltage sources or inductors"
        findings.append(
            error(
                "voltage-loop",
                f"{element.reference} {what}: a loop of voltage sources and inductors has no"
                " defined current; add a small series resistance",
                **_where(element),
            )
        )
    return findings


def _current_pins(element: Element) -> tuple[int | None, ...]:
    """The nets where the element's current flows (a controlled source's sensing pins carry none)."""
    return element.nets[:2] if element.kind in "EG" else element.nets


def _current_source_cutsets(
    elements: Sequence[Element], connectivity: Connectivity, node: list[int]
) -> tuple[set[int], list[Finding]]:
    only_sources: dict[int, bool] = {}
    sources: dict[int, list[str]] = defaultdict(list)
    for element in elements:
        for net in _current_pins(element):
            if net is not None and node[net] != GROUND:
                only_sources[net] = only_sources.get(net, True) and element.kind in CURRENT_KINDS
                sources[net].append(element.reference)
    cutsets = {net for net, only in only_sources.items() if only}
    findings = []
    for net in sorted(cutsets):
        name = connectivity.nets[net].name
        findings.append(
            error(
                "current-source-cutset",
                f"only current sources ({_listed(sources[net])}) meet at net {name}: their"
                " currents cannot add up to zero; add a path, such as a resistor, from the net to ground",
                net=name,
            )
        )
    return cutsets, findings


def _dc_joins(element: Element) -> tuple[int | None, ...]:
    """The nets the element joins at DC (capacitors and current sources join none)."""
    nets = element.nets
    if element.kind == "C" or element.kind in CURRENT_KINDS or element.kind == "K":
        return ()
    if element.kind in "EH":
        return nets[:2]
    if element.kind == "M":  # the gate is insulated
        return nets[:1] + nets[2:]
    return nets


def _no_dc_path(
    elements: Sequence[Element], connectivity: Connectivity, node: list[int], cutsets: set[int]
) -> list[Finding]:
    forest = _Forest()
    used: set[int] = set()
    for element in elements:
        used.update(net for net in element.nets if net is not None)
        joined = [node[net] for net in _dc_joins(element) if net is not None]
        for other in joined[1:]:
            forest.join(joined[0], other)
    ground = forest.find(GROUND)
    findings = []
    for net in sorted(used):
        if node[net] == GROUND or net in cutsets or forest.find(node[net]) == ground:
            continue
        name = connectivity.nets[net].name
        findings.append(
            error(
                "no-dc-path",
                f"net {name} has no DC path to ground (only capacitors or current sources lead to"
                " it): add a resistor to ground, such as 1G",
                net=name,
            )
        )
    return findings


# --- Names --------------------------------------------------------------------------------------------------------


def _names(schematic: Schematic, connectivity: Connectivity) -> list[Finding]:
    findings = []
    power_nets: dict[str, int] = {}
    for index, net in enumerate(connectivity.nets):
        for name in net.power_names:
            power_nets.setdefault(name, index)
        powers = net.power_names
        if len(powers) > 1 and not all(is_ground_name(name) for name in powers):
            findings.append(
                warning(
                    "power-name-clash",
                    f"power symbols {_listed(list(powers))} are connected together; the net is called {net.name}",
                    net=net.name,
                    **_first_item(net),
                )
            )
        names = set(net.label_names) | set(powers)
        if net.label_names and len(names) > 1 and not all(is_ground_name(name) for name in names):
            findings.append(
                warning(
                    "multiple-net-names",
                    f"the net has several names ({_listed(sorted(names))}); it is called {net.name}",
                    net=net.name,
                    **_first_item(net),
                )
            )
    for label in schematic.labels:
        index = connectivity.label_nets[label.id]
        other = power_nets.get(label.text)
        if other is not None and other != index:
            findings.append(
                warning(
                    "power-name-clash",
                    f"label {label.text} is not on the power net {label.text}: labels do not"
                    " join power symbols; use the power symbol instead",
                    label=label.id,
                    net=connectivity.nets[index].name,
                )
            )
    return findings


def _listed(names: Sequence[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    shown = list(names[:5])
    rest = len(names) - len(shown)
    return ", ".join(shown[:-1]) + (f", {shown[-1]} and {rest} more" if rest else f" and {shown[-1]}")

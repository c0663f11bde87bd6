"""The schematic's parts as SPICE elements: which components form one element, its name, and the net of each pin.

Components with one reference and one symbol but different units (the two halves of a dual op-amp and its supply
unit) form one element. Power symbols, flags and parts whose reference starts with `#` are not elements. The
problems found on the way (unknown symbols, parts without a SPICE model, duplicate references, units not placed)
are findings, which ERC reports first.
"""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from .connectivity import Connectivity, natural_key
from .findings import Finding, error
from .format import Component, Schematic
from .symbol_info import SpiceMapping, SymbolInfo


@dataclass(frozen=True, slots=True)
class ElementPin:
    number: str  # the symbol's pin number, in the mapping's pin order
    net: int | None  # index in Connectivity.nets; None when the unit holding the pin is not placed
    components: tuple[str, ...]  # ids of the placed units that show this pin (two or more for a pin on every unit)


@dataclass(frozen=True, slots=True)
class Element:
    name: str  # the SPICE element name: the reference, with the element letter put in front if it lacks it
    reference: str
    kind: str  # the element letter, upper case: "R", "V", "X" ...
    symbol: SymbolInfo
    mapping: SpiceMapping
    components: tuple[Component, ...]  # the placed units, by unit number
    value: str  # the component's value, else the mapping's default, else ""
    pins: tuple[ElementPin, ...]  # in SPICE node order
    properties: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}), hash=False)
    nets: tuple[int | None, ...] = ()  # the pins' nets, in SPICE node order

    @property
    def component_id(self) -> str:
        """The id to highlight: the first placed unit's."""
        return self.components[0].id


@dataclass(frozen=True, slots=True)
class SpiceElements:
    elements: tuple[Element, ...]  # in natural order of element name
    findings: tuple[Finding, ...]

    def by_reference(self, reference: str) -> Element | None:
        """The element with this reference (or SPICE name), matched exactly, else ignoring case."""
        for exact in (True, False):
            for element in self.elements:
                names = (element.reference, element.name)
                if (reference in names) if exact else reference.lower() in (name.lower() for name in names):
                    return element
        return None


def element_name(reference: str, prefix: str) -> str:
    """R1 stays R1 for an R; an X instance referenced U1 becomes XU1."""
    return reference if reference.upper().startswith(prefix.upper()) else prefix.upper() + reference


def spice_elements(
    schematic: Schematic, symbols: Mapping[str, SymbolInfo], connectivity: Connectivity
) -> SpiceElements:
    """Group the components into SPICE elements and find the net of each of their pins."""
    findings: list[Finding] = []
    groups: dict[str, list[tuple[Component, SymbolInfo]]] = defaultdict(list)
    for component in schematic.components:
        symbol = symbols.get(component.symbol)
        where = {"component": component.id, "reference": component.reference}
        if symbol is None:
            findings.append(
                error(
                    "unknown-symbol",
                    f"{component.reference}: the symbol {component.symbol} is not in the library",
                    **where,
                )
            )
            continue
        if symbol.is_power or component.reference.startswith("#"):
            continue
        if component.unit > symbol.unit_count:
            findings.append(
                error(
                    "bad-unit",
                    f"{component.reference}: {component.symbol} has {symbol.unit_count} unit(s), not"
                    f" unit {component.unit}",
                    **where,
                )
            )
            continue
        if symbol.spice is None:
            findings.append(
                error(
                    "not-simulatable",
                    f"{component.reference} ({component.symbol}) cannot be simulated: its symbol"
                    " has no SPICE model; remove it or choose a simulation symbol",
                    **where,
                )
            )
            continue
        if "?" in component.reference:
            findings.append(
                error("unannotated", f"{component.reference} has no number yet: annotate the schematic", **where)
            )
            continue
        groups[element_name(component.reference, symbol.spice.prefix).lower()].append((component, symbol))

    lone = {connectivity.pin_nets[pin.component_id, pin.number] for pin in connectivity.unconnected_pins}
    elements = []
    for members in groups.values():
        members.sort(key=lambda member: (member[0].unit, member[0].id))
        first = members[0][0]
        units: dict[int, Component] = {}
        clash = False
        for component, _symbol in members:
            if component.symbol != first.symbol or component.unit in units:
                clash = True
            else:
                units[component.unit] = component
        if clash:
            names = sorted({component.reference for component, _ in members})
            shown = names[0] if len(names) == 1 else " and ".join(names)
            for component, _symbol in members:
                findings.append(
                    error(
                        "duplicate-reference",
                        f"{shown}: {len(members)} parts share this SPICE name; give each part its own reference",
                        component=component.id,
                        reference=component.reference,
                    )
                )
        placed = tuple(units[unit] for unit in sorted(units))
        elements.append(_element(members[0][1], placed, connectivity, lone, findings))
    elements.sort(key=lambda element: (natural_key(element.name), element.name))
    return SpiceElements(tuple(elements), tuple(findings))


def _element(
    symbol: SymbolInfo,
    placed: tuple[Component, ...],
    connectivity: Connectivity,
    lone: set[int],
    findings: list[Finding],
) -> Element:
    mapping = symbol.spice
    assert mapping is not None
    first = placed[0]  # the lowest unit
    reference = first.reference
    pins = []
    missing_units: set[int] = set()
    for number in mapping.pin_order:
        instances = [
            (component.id, connectivity.pin_nets[component.id, number])
            for component in placed
            if (component.id, number) in connectivity.pin_nets
        ]
        if not instances:
            units = {pin.unit for pin in symbol.pins if pin.number == number}
            if units:
                missing_units |= units
            else:
                findings.append(
                    error(
                        "bad-mapping",
                        f"{reference}: the SPICE model of {symbol.symbol_id} uses pin {number},"
                        " which the symbol does not have",
                        component=first.id,
                        reference=reference,
                    )
                )
            pins.append(ElementPin(number, None, ()))
            continue
        if len(instances) == 1:  # the usual case: the pin is on one unit
            pins.append(ElementPin(number, instances[0][1], (instances[0][0],)))
            continue
        connected = sorted({net for _, net in instances if net not in lone})
        if len(connected) > 1:
            shown = " and ".join(connectivity.nets[net].name for net in connected)
            findings.append(
                error(
                    "different-unit-nets",
                    f"{reference} pin {number} is on several units, connected to {shown}: connect it to one net",
                    component=first.id,
                    reference=reference,
                    pin=number,
                )
            )
        pins.append(ElementPin(number, connected[0] if connected else instances[0][1], tuple(i for i, _ in instances)))
    for unit in sorted(missing_units):
        findings.append(
            error(
                "missing-unit",
                f"{reference}: unit {unit} of {symbol.symbol_id} is not placed, and its pins are"
                " part of the SPICE model: place it",
                component=first.id,
                reference=reference,
            )
        )
    properties = {**symbol.properties, **first.properties} if first.properties else symbol.properties
    return Element(
        name=element_name(reference, mapping.prefix),
        reference=reference,
        kind=mapping.prefix.upper(),
        symbol=symbol,
        mapping=mapping,
        components=placed,
        value=first.value.strip() or (mapping.default_value or ""),
        pins=tuple(pins),
        properties=MappingProxyType(properties),
        nets=tuple(pin.net for pin in pins),
    )

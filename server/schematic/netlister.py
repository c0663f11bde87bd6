"""Schematic -> SPICE netlist: connectivity, then ERC, then the text (KiCad's eeschema order; each step testable).

The text is a title line, one `.include` per model-library file the parts use, one element line per part (in
natural order of element name), the analysis cards, and `.end`. It is always checked by the netlist sanitizer
before it is returned, so text with no error findings can go straight to `spice.run_netlist`.

SPICE node names: every ground net (GND, 0) is node 0; other nets keep their names made SPICE-safe (characters
other than A-Z, a-z, 0-9 and _ become _: "+5V" is "_5V", "N$3" is "N_3"). SPICE ignores case, so names that
then collide, ignoring case, get a suffix (_2, _3 ...): nets named by labels and power symbols choose first.
"""

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from spice.netlist_sanitizer import NetlistRejected, sanitize_netlist

from .analyses import AnalysisInvalid, analysis_cards
from .connectivity import Connectivity, build_connectivity, is_ground_name
from .elements import Element, spice_elements
from .erc import VALUE_KINDS, run_erc
from .findings import Finding, error, has_errors
from .format import Schematic
from .symbol_info import SymbolInfo

DEFAULT_TITLE = "OhmCloud schematic"
MAX_TITLE = 200


@dataclass(frozen=True)
class NetlistResult:
    text: str  # the netlist; it passes spice.netlist_sanitizer.sanitize_netlist with the same model names
    includes: tuple[str, ...]  # model-library names the netlist .include's, lower case, once each, sorted
    findings: tuple[Finding, ...]  # ERC, analysis and sanitizer findings; any error: do not simulate
    nodes: Mapping[str, str] = field(default_factory=dict)  # net name -> SPICE node ("GND" -> "0", "+5V" -> "_5V")
    elements: Mapping[str, str] = field(default_factory=dict)  # component id -> SPICE element name

    @property
    def ok(self) -> bool:
        """No error findings: the netlist is the schematic, and may be simulated."""
        return not has_errors(self.findings)


def netlist(
    schematic: Schematic,
    symbols: Mapping[str, SymbolInfo],
    analyses: Sequence[dict[str, Any]] | None = (),
    title: str | None = None,
    *,
    models: Collection[str] = (),
) -> NetlistResult:
    """The SPICE netlist of `schematic`, with ERC findings. `models`: names in the model library (file stems)."""
    connectivity = build_connectivity(schematic, symbols)
    elements = spice_elements(schematic, symbols, connectivity)
    findings = run_erc(schematic, symbols, connectivity, elements, models=models)
    nodes = spice_node_names(connectivity)
    library = {name.lower() for name in models}

    def node(name: str) -> str:
        if is_ground_name(name):
            return "0"
        found = connectivity.nets_named(name)
        if not found:
            raise AnalysisInvalid(f"no net is named {name!r}: name the net with a label")
        if len(found) > 1:
            raise AnalysisInvalid(f"{len(found)} nets are named {name!r}: give them different names")
        return nodes[found[0]]

    def source(reference: str, kinds: str) -> str:
        element = elements.by_reference(reference)
        if element is None:
            raise AnalysisInvalid(f"no part is referenced {reference!r}")
        if element.kind not in kinds:
            wanted = " or ".join({"V": "a voltage source", "I": "a current source"}[kind] for kind in kinds)
            raise AnalysisInvalid(f"{reference} is not {wanted}")
        return element.name

    cards, analysis_findings = analysis_cards(list(analyses) if analyses is not None else None, node, source)
    findings += analysis_findings

    lines = [_title_line(title if title is not None else schematic.title_block.title)]
    includes: dict[str, None] = {}
    element_lines = []
    for element in elements.elements:
        line, model = _element_line(element, nodes)
        element_lines.append(line)
        if model is not None and model.lower() in library:
            includes[model.lower()] = None
    lines += [f".include {name}" for name in sorted(includes)]
    lines += element_lines
    lines += cards
    if cards:
        lines += _current_saves(elements.elements)
    lines.append(".end")
    text = "".join(f"{line}\n" for line in lines)
    try:
        sanitize_netlist(text, model_library=models)
    except NetlistRejected as rejected:
        findings += [error("netlist-rejected", problem.message) for problem in rejected.problems]
    named = {}
    for index, net in enumerate(connectivity.nets):
        named.setdefault(net.name, nodes[index])
    return NetlistResult(
        text=text,
        includes=tuple(sorted(includes)),
        findings=tuple(findings),
        nodes=named,
        elements={component.id: element.name for element in elements.elements for component in element.components},
    )


def spice_node_names(connectivity: Connectivity) -> list[str]:
    """Net index -> SPICE node name (see the module docstring)."""
    taken = {"0", "gnd"}
    suffixes: dict[str, int] = {}
    names = []
    for net in connectivity.nets:  # named nets come first
        if net.is_ground:
            names.append("0")
            continue
        base = _UNSAFE.sub("_", net.name) or "N"
        name = base
        while name.lower() in taken:
            suffixes[base.lower()] = suffixes.get(base.lower(), 1) + 1
            name = f"{base}_{suffixes[base.lower()]}"
        taken.add(name.lower())
        names.append(name)
    return names


_UNSAFE = re.compile(r"[^A-Za-z0-9_]", re.ASCII)


# The device currents ngspice can record per element letter (its instance parameters). Without them only
# voltage sources' branch currents are saved, and the editor's probe could not plot a resistor's current.
_CURRENTS = {"R": ("i",), "C": ("i",), "L": ("i",), "D": ("id",), "Q": ("ic", "ib", "ie"), "M": ("id", "ig", "is")}
_SAVES_PER_LINE = 8


def _current_saves(elements: Sequence[Element]) -> list[str]:
    """`.save all` (every default vector) plus the currents of the top-level parts, a few per line."""
    vectors = [f"@{e.name.lower()}[{current}]" for e in elements for current in _CURRENTS.get(e.kind, ())]
    if not vectors:
        return []
    chunks = [vectors[i : i + _SAVES_PER_LINE] for i in range(0, len(vectors), _SAVES_PER_LINE)]
    return [" ".join([".save all", *chunks[0]]), *(" ".join(["+", *chunk]) for chunk in chunks[1:])]


def _title_line(title: str) -> str:
    """Line 1 is the title; ngspice still acts on a few things there, so it never starts with * or ."""
    title = " ".join(title.split())[:MAX_TITLE] or DEFAULT_TITLE
    return f"Schematic {title}" if title.startswith(("*", ".")) else title


def _element_line(element: Element, nodes: list[str]) -> tuple[str, str | None]:
    """The element's line (a comment when it cannot be written), and the model it needs from the library."""
    mapping = element.mapping
    if any(net is None for net in element.nets):
        return f"* {element.name}: not every unit is placed", None
    words = [element.name, *(nodes[net] for net in element.nets)]  # type: ignore[index]
    model = None
    if mapping.model_from_value:
        model = element.value
    elif mapping.model:
        model = mapping.model
    if model is not None:
        if not model or any(character.isspace() for character in model):
            return f"* {element.name}: no model", None
        words.append(model)
    elif element.value:
        words.append(element.value)
    elif element.kind in VALUE_KINDS:
        return f"* {element.name}: no value", None
    for name in mapping.parameters:
        value = element.properties.get(name, "").strip()
        if value:
            words.append(f"{name}={value}")
    if words[-1].endswith("\\"):  # ERC's bad-value: ngspice would join the next line to this one
        return f"* {element.name}: a value ends in a backslash", None
    return " ".join(words), model

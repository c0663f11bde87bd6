"""Schematic services: a drawn schematic (request JSON) to a checked SPICE netlist.

The only place the pure schematic core meets the database (symbols from the
component library) and the settings (the model library).
"""

from django.conf import settings

from library.symbol_info import symbols_for
from spice.model_library import model_library

from .format import parse_schematic
from .netlister import NetlistResult, netlist


def netlist_schematic(data: dict, analyses: list[dict] | None = None) -> NetlistResult:
    """Connectivity, ERC and the netlist of `data` (SchematicInvalid if it is not a v1 schematic)."""
    schematic = parse_schematic(data)
    symbols = symbols_for({component.symbol for component in schematic.components})
    return netlist(schematic, symbols, analyses, models=model_library(settings.SPICE_MODEL_DIR).keys())


def spice_names(result: NetlistResult) -> dict[str, dict[str, str]]:
    """The names the netlist gave: `nodes` (net name -> SPICE node, ground "0") and `elements` (component id ->
    element name). Clients need them to find a net's or a part's vectors in the results (`v(<node>)`, `i(<element>)`).
    """
    return {"nodes": dict(result.nodes), "elements": dict(result.elements)}


def schematic_errors(invalid, prefix: str = "schematic") -> list[dict]:
    """API errors for a SchematicInvalid: one per problem, `field` as a JSON path into the request."""
    errors = [
        {"message": error.message, "field": f"{prefix}.{error.path}" if error.path else prefix}
        for error in invalid.errors
    ]
    if invalid.more:
        errors.append({"message": f"... and {invalid.more} more problems.", "field": prefix})
    return errors

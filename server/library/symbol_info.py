"""Stored components as the schematic core sees them (schematic.symbol_info.SymbolInfo)."""

from collections.abc import Iterable
from dataclasses import fields

from schematic.symbol_info import SpiceMapping, SymbolInfo, SymbolPin

from .models import Component
from .symbol_geometry import pins_of

_SPICE_FIELDS = {f.name for f in fields(SpiceMapping)}
_COLUMNS = ("symbol_id", "reference", "is_power", "unit_count", "properties", "geometry", "spice")


def spice_mapping(data: dict | None) -> SpiceMapping | None:
    """A SpiceMapping back from its stored JSON (lists become tuples; unknown keys are ignored)."""
    if data is None:
        return None
    values = {key: value for key, value in data.items() if key in _SPICE_FIELDS}
    for key in ("pin_order", "parameters"):
        if key in values:
            values[key] = tuple(values[key])
    return SpiceMapping(**values)


def symbol_info(component: Component) -> SymbolInfo:
    """`component` for the netlister and ERC: its pins (every unit, De Morgan duplicates left out) and mapping."""
    pins = tuple(
        SymbolPin(
            number=pin["number"],
            name=pin["name"],
            electrical_type=pin["electrical_type"],
            x=pin["x"],
            y=pin["y"],
            unit=pin["unit"],
            hidden=pin["hidden"],
        )
        for pin in pins_of(component.geometry)
    )
    return SymbolInfo(
        symbol_id=component.symbol_id,
        reference_prefix=component.reference,
        pins=pins,
        spice=spice_mapping(component.spice),
        is_power=component.is_power,
        unit_count=component.unit_count,
        properties=dict(component.properties),
    )


def symbols_for(symbol_ids: Iterable[str]) -> dict[str, SymbolInfo]:
    """The SymbolInfo of each known symbol id, in one query; unknown ids are simply absent."""
    wanted = set(symbol_ids)
    if not wanted:
        return {}
    components = Component.objects.filter(symbol_id__in=wanted).only(*_COLUMNS)
    return {component.symbol_id: symbol_info(component) for component in components}

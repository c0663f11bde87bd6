"""Stored components become the schematic core's SymbolInfo."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from library.models import Component
from library.symbol_info import spice_mapping, symbol_info, symbols_for
from schematic.symbol_info import SpiceMapping, SymbolInfo, SymbolPin

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("default_library")]


def test_resistor():
    info = symbol_info(Component.objects.get(symbol_id="Device:R"))
    assert isinstance(info, SymbolInfo)
    assert (info.symbol_id, info.reference_prefix, info.is_power, info.unit_count) == ("Device:R", "R", False, 1)
    assert info.pins == (
        SymbolPin(number="1", name="~", electrical_type="passive", x=0, y=150, unit=1),
        SymbolPin(number="2", name="~", electrical_type="passive", x=0, y=-150, unit=1),
    )
    assert isinstance(info.spice, SpiceMapping) and info.spice.prefix == "R"
    assert isinstance(info.spice.pin_order, tuple) and isinstance(info.spice.parameters, tuple)
    assert info.properties["Value"] == "R" and info.properties["ki_description"] == "Resistor"


def test_power_symbol_and_multi_unit_parts():
    infos = symbols_for(["power:GND", "Amplifier_Operational:LM358", "74xx:74LS00", "Nowhere:Nothing"])
    assert set(infos) == {"power:GND", "Amplifier_Operational:LM358", "74xx:74LS00"}
    gnd = infos["power:GND"]
    assert gnd.is_power and gnd.reference_prefix == "#PWR"
    assert gnd.pins == (SymbolPin(number="1", name="GND", electrical_type="power_in", x=0, y=0, unit=1, hidden=True),)
    lm358 = infos["Amplifier_Operational:LM358"]
    assert lm358.unit_count == 3
    assert [(p.unit, p.number) for p in lm358.pins] == [(1, "1"), (1, "2"), (1, "3"), (2, "5"), (2, "6"), (2, "7"),
                                                        (3, "4"), (3, "8")]  # fmt: skip
    nand = infos["74xx:74LS00"]
    assert sorted(int(p.number) for p in nand.pins) == list(range(1, 15))  # no De Morgan duplicates


def test_symbols_for_is_one_query():
    with CaptureQueriesContext(connection) as queries:
        infos = symbols_for(["Device:R", "Device:C", "Transistor_BJT:2N3904", "Device:R"])
    assert len(queries) == 1 and len(infos) == 3
    assert [p.name for p in infos["Transistor_BJT:2N3904"].pins] == ["E", "B", "C"]
    assert symbols_for([]) == {}


def test_spice_mapping_from_json():
    assert spice_mapping(None) is None
    mapping = spice_mapping(
        {"prefix": "Q", "pin_order": ["3", "2", "1"], "model": "2n3904", "parameters": [], "future_key": 1}
    )
    assert mapping == SpiceMapping(prefix="Q", pin_order=("3", "2", "1"), model="2n3904")

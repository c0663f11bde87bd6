"""The golden-nets fixture of the browser's connectivity spec is current, covers every golden schematic, and hands
the browser the same pins the library API does."""

import json

import pytest

from library.importer import import_libraries
from library.selectors import component_detail
from library.symbol_info import symbols_for
from schematic import golden_test
from schematic.examples import EXAMPLES, SYMBOLS
from schematic.golden_nets import FIXTURE, LIBRARIES, REGENERATE, golden_cases, symbol_pins


@pytest.fixture(scope="module")
def library(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        import_libraries(list(LIBRARIES))
        return symbols_for(SYMBOLS)


@pytest.fixture(scope="module")
def cases(library):
    return {case["name"]: case for case in golden_cases(library)}


pytestmark = pytest.mark.django_db


def test_committed_fixture_is_current(cases):
    """Compared as data, so the file may be formatted by hand or by a tool without failing this test."""
    committed = json.loads(FIXTURE.read_text()) if FIXTURE.exists() else {"cases": []}
    committed_cases = {case["name"]: case for case in committed["cases"]}
    assert list(committed_cases) == list(cases), f"cases added or removed: run {REGENERATE}"
    stale = [name for name, case in cases.items() if committed_cases[name] != case]
    assert not stale, f"{FIXTURE.name} is stale for {stale}: run {REGENERATE}"


def test_every_golden_schematic_is_a_case(cases):
    golden = [name.removeprefix("test_") for name in vars(golden_test) if name.startswith("test_")]
    assert golden and [f"golden/{name}" for name in golden] == [name for name in cases if name.startswith("golden/")]
    assert [f"examples/{example.slug}" for example in EXAMPLES] == [n for n in cases if n.startswith("examples/")]


def test_connectivity_cases_include_the_geometry_heavy_ones(cases):
    names = {name.removeprefix("connectivity/") for name in cases if name.startswith("connectivity/")}
    assert {
        "t_connection_without_a_dot_connects_and_wants_a_dot",
        "wires_that_cross_do_not_connect",
        "a_junction_joins_crossing_wires",
        "a_label_at_a_crossing_joins_the_wires_too",
        "labels_with_the_same_text_join",
        "power_symbols_with_the_same_name_join",
        "hidden_power_pins_join_the_net_of_their_name",
        "diagonal_wires-1",
        "diagonal_wires-5",
    } <= names


def test_cases_hold_real_nets(cases):
    golden = cases["golden/inverting_amplifier_with_lm741"]
    nets = {net["name"]: net for net in golden["nets"]}
    assert nets["GND"]["is_ground"] and "U1:3" in nets["GND"]["pins"]
    assert nets["minus"]["pins"] == ["R1:2", "R2:1", "U1:2"]
    assert set(golden["symbols"]) == {"Amplifier_Operational:LM741", "Device:R", "Simulation_SPICE:VDC", "power:GND"}
    crossing = cases["connectivity/a_junction_joins_crossing_wires"]
    assert crossing["junction_dots"] == [[500, 0]]


def test_symbol_pins_are_what_the_editor_reads_from_the_api(library):
    """The editor's `symbolPinsOf` (web/apps/eda/src/editor/library.ts) reads `geometry`'s pins of body style 0
    or 1 (the API's `pins`), `is_power` and `value`: the fixture's symbols must be the same."""
    fields = ("number", "name", "electrical_type", "x", "y", "unit", "hidden")
    for symbol_id, symbol in library.items():
        detail = component_detail(symbol_id)
        assert symbol_pins(symbol) == {
            "pins": [{field: pin[field] for field in fields} for pin in detail["pins"]],
            "is_power": detail["is_power"],
            "default_value": detail["value"],
        }, symbol_id

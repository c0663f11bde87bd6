"""spice_mapping_for on the real KiCad 6 symbols; node orders checked against pin names and in ngspice."""

import re
from functools import cache
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest

from library.spice_mapping import (
    LIBRARY_MODELS,
    SUBCIRCUIT_PINS,
    element_pin_orders,
    spice_mapping_for,
    spice_source_spec,
)
from schematic.symbol_info import SpiceMapping, SymbolPin
from spice.model_library import model_library
from spice.runner import run_netlist

KICAD_SYMBOLS = Path("/usr/share/kicad/symbols")
MODELS_DIR = Path(__file__).resolve().parent / "models"

# --- A tiny reader for .kicad_sym files: a symbol's own properties and pins, following `extends` -------------------

_PIN = re.compile(
    r"\(pin (\w+) \w+ \(at (-?[\d.]+) (-?[\d.]+)(?: -?[\d.]+)?\) \(length [\d.]+\)( hide)?\s*"
    r'\(name "([^"]*)"[^\n]*\n\s*\(number "([^"]*)"'
)


@cache
def _library_blocks(library: str) -> dict[str, str]:
    text = (KICAD_SYMBOLS / f"{library}.kicad_sym").read_text()
    starts = [match.start() for match in re.finditer(r'^  \(symbol "', text, re.MULTILINE)] + [len(text)]
    blocks = (text[start:end] for start, end in pairwise(starts))
    return {re.match(r'  \(symbol "([^"]+)"', block)[1]: block for block in blocks}


def kicad_symbol(library: str, name: str) -> tuple[dict[str, str], list[SymbolPin]]:
    """(properties, pins) of `library:name` as KiCad 6 stores them; a derived symbol has its parent's pins."""
    block = _library_blocks(library)[name]
    properties = dict(re.findall(r'\(property "([^"]+)" "([^"]*)"', block))
    parent = re.match(r'  \(symbol "[^"]+" \(extends "([^"]+)"\)', block)
    if parent:
        parent_properties, pins = kicad_symbol(library, parent[1])
        return {**parent_properties, **properties}, pins
    pins, unit = [], 0
    for match in re.finditer(rf'\(symbol "{re.escape(name)}_(\d+)_\d+"|{_PIN.pattern}', block):
        if match[1] is not None:
            unit = int(match[1])
            continue
        kind, x, y, hidden, pin_name, number = match.groups()[1:]
        mils = [round(float(value) / 0.0254) for value in (x, y)]
        pins.append(SymbolPin(number, pin_name, kind, *mils, unit=unit, hidden=bool(hidden)))
    return properties, pins


def mapping_of(library: str, name: str, **overrides: str) -> SpiceMapping | None:
    properties, pins = kicad_symbol(library, name)
    return spice_mapping_for(library, name, {**properties, **overrides}, pins)


def pin_names(library: str, name: str, order: tuple[str, ...]) -> tuple[str, ...]:
    names = {}
    for pin in kicad_symbol(library, name)[1]:
        names.setdefault(pin.number, pin.name)
    return tuple(names[number] for number in order)


def test_the_reader_sees_kicad_pins_units_and_inheritance():
    properties, pins = kicad_symbol("Transistor_BJT", "BC547")
    assert [(pin.number, pin.name) for pin in pins] == [("1", "C"), ("2", "B"), ("3", "E")]
    properties, pins = kicad_symbol("Amplifier_Operational", "LM358")  # extends LM2904
    assert properties["Value"] == "LM358"
    assert {(pin.unit, pin.number, pin.name) for pin in pins} >= {(1, "3", "+"), (2, "5", "+"), (3, "8", "V+")}


# --- Device -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "prefix", "value"),
    [
        ("R", "R", "1k"), ("R_Small", "R", "1k"), ("R_US", "R", "1k"), ("R_Small_US", "R", "1k"),
        ("C", "C", "100n"), ("C_Small", "C", "100n"), ("C_Polarized", "C", "100n"), ("C_Polarized_Small", "C", "100n"),
        ("L", "L", "10u"), ("L_Small", "L", "10u"), ("L_Ferrite", "L", "10u"),
    ],
)  # fmt: skip
def test_passives_keep_the_pin_numbers(name, prefix, value):
    assert mapping_of("Device", name) == SpiceMapping(prefix, ("1", "2"), default_value=value)


@pytest.mark.parametrize(
    ("name", "model"),
    [
        ("D", "1n4148"), ("D_Small", "1n4148"), ("D_Filled", "1n4148"),
        ("D_Schottky", "1n5819"), ("D_Schottky_Small", "1n5819"),
        ("D_Zener", "1n4733a"), ("D_Zener_Small", "1n4733a"),
        ("LED", "led_red"), ("LED_Small", "led_red"), ("LED_Filled", "led_red"),
    ],
)  # fmt: skip
def test_diodes_take_their_model_from_the_value_anode_first(name, model):
    mapping = mapping_of("Device", name)
    assert mapping == SpiceMapping("D", ("2", "1"), default_value=model, model_from_value=True)  # KiCad: 1 = K, 2 = A
    assert pin_names("Device", name, mapping.pin_order) == ("A", "K")


BJT_VARIANTS = ["BCE", "BEC", "CBE", "CEB", "EBC", "ECB", "BCEC", "ECBC"]


@pytest.mark.parametrize("kind", ["NPN", "PNP"])
@pytest.mark.parametrize("variant", BJT_VARIANTS)
def test_device_bjts_order_collector_base_emitter_by_pin_name(kind, variant):
    name = f"Q_{kind}_{variant}"
    mapping = mapping_of("Device", name)
    assert mapping.prefix == "Q"
    assert pin_names("Device", name, mapping.pin_order) == ("C", "B", "E")
    assert (mapping.default_value, mapping.model_from_value) == ("2n3904" if kind == "NPN" else "2n3906", True)


def test_bjt_pin_numbers_differ_between_variants_but_not_the_node_order():
    assert mapping_of("Device", "Q_NPN_BCE").pin_order == ("2", "1", "3")
    assert mapping_of("Device", "Q_NPN_EBC").pin_order == ("3", "2", "1")
    assert mapping_of("Device", "Q_NPN_CBE").pin_order == ("1", "2", "3")
    assert mapping_of("Device", "Q_NPN_BCEC").pin_order == ("2", "1", "3")  # the tab (4) is the same collector


@pytest.mark.parametrize("kind", ["NMOS", "PMOS"])
@pytest.mark.parametrize("variant", ["DGS", "DSG", "GDS", "GSD", "SDG", "SGD", "GDSD", "SDGD"])
def test_device_mosfets_are_three_pin_subcircuits_drain_gate_source(kind, variant):
    name = f"Q_{kind}_{variant}"
    mapping = mapping_of("Device", name)
    assert mapping.prefix == "X"  # the body is tied to the source inside our MOSFET subcircuits
    assert pin_names("Device", name, mapping.pin_order) == ("D", "G", "S")
    assert (mapping.default_value, mapping.model_from_value) == ("2n7000" if kind == "NMOS" else None, True)


@pytest.mark.parametrize(("name", "voltage"), [("Battery", "dc 9"), ("Battery_Cell", "dc 1.5")])
def test_batteries_are_voltage_sources_plus_first(name, voltage):
    assert mapping_of("Device", name) == SpiceMapping("V", ("1", "2"), default_value=voltage)


@pytest.mark.parametrize(
    "name",
    ["Crystal", "Fuse", "Transformer_1P_1S", "L_Coupled", "R_Potentiometer", "Q_NPN_Darlington_BCE",
     "Q_NPN_BEC_BRT", "Q_Photo_NPN", "Q_NJFET_DGS", "D_Dual_CommonCathode_AKA", "LED_RGB", "D_TVS", "Ammeter_AC"],
)  # fmt: skip
def test_unsupported_device_symbols_are_not_simulated(name):
    assert mapping_of("Device", name) is None


# --- Parts with their own models -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("library", "name", "model", "names"),
    [
        ("Transistor_BJT", "2N3904", "2n3904", ("C", "B", "E")),
        ("Transistor_BJT", "2N3906", "2n3906", ("C", "B", "E")),
        ("Transistor_BJT", "PN2222A", "2n2222", ("C", "B", "E")),
        ("Transistor_BJT", "BC547", "bc547", ("C", "B", "E")),
        ("Transistor_BJT", "BC557", "bc557", ("C", "B", "E")),
        ("Transistor_FET", "2N7000", "2n7000", ("D", "G", "S")),
        ("Transistor_FET", "IRF540N", "irf540n", ("D", "G", "S")),
        ("Diode", "1N4148", "1n4148", ("A", "K")),
        ("Diode", "1N4007", "1n4007", ("A", "K")),
        ("Diode", "1N5819", "1n5819", ("A", "K")),
    ],
)
def test_parts_use_their_model_in_pin_name_order(library, name, model, names):
    mapping = mapping_of(library, name)
    assert (mapping.model, mapping.model_from_value) == (model, False)
    assert pin_names(library, name, mapping.pin_order) == names


def test_2n3904_maps_emitter_base_collector_pins_to_collector_base_emitter_nodes():
    assert mapping_of("Transistor_BJT", "2N3904") == SpiceMapping("Q", ("3", "2", "1"), model="2n3904")


def test_gain_groups_share_the_part_model():
    _, pins = kicad_symbol("Transistor_BJT", "BC547")
    for name in ("BC547A", "BC547B", "BC547C"):
        assert spice_mapping_for("Transistor_BJT", name, {"Value": name}, pins).model == "bc547"


def test_a_diode_family_symbol_maps_only_a_part_we_have():
    assert mapping_of("Diode", "1N47xxA") is None  # the Value still names the family
    assert mapping_of("Diode", "1N47xxA", Value="1N4733A") == SpiceMapping("D", ("2", "1"), model="1n4733a")
    assert mapping_of("Diode", "1N47xxA", Value="1N4742A") is None  # a 12 V part: no model
    assert mapping_of("Diode", "1N47xxA", Value="1N4148") is None  # not of this family


@pytest.mark.parametrize(
    ("library", "name"),
    [("Transistor_BJT", "BC337"), ("Transistor_FET", "BS170"), ("Diode", "1N4001"), ("Amplifier_Operational", "NE5532"),
     ("Amplifier_Operational", "TL081"), ("Timer", "ICM7555xP"), ("Timer", "NE556"), ("Connector", "Conn_01x02_Male"),
     ("MCU_Microchip_ATmega", "ATmega328P-A")],
)  # fmt: skip
def test_parts_without_a_model_are_not_simulated(library, name):
    assert mapping_of(library, name) is None


# --- Op-amps and the 555 ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "model"), [("LM741", "lm741"), ("TL071", "tl071")])
def test_single_opamps_map_plus_minus_supplies_output(name, model):
    mapping = mapping_of("Amplifier_Operational", name)
    assert mapping == SpiceMapping("X", ("3", "2", "7", "4", "6"), model=model)  # the offset-null pins stay out
    assert element_pin_orders(mapping) == (mapping.pin_order,)


def test_a_dual_opamp_is_one_instance_per_unit_on_the_shared_supply_pins():
    mapping = mapping_of("Amplifier_Operational", "LM358")
    assert (mapping.prefix, mapping.model, mapping.model_from_value) == ("X", "lm358", False)
    assert element_pin_orders(mapping) == (("3", "2", "8", "4", "1"), ("5", "6", "8", "4", "7"))


def test_a_quad_opamp_has_four_instances():
    mapping = mapping_of("Amplifier_Operational", "TL074")
    assert mapping.model == "tl071"
    orders = element_pin_orders(mapping)
    assert [pin_names("Amplifier_Operational", "TL074", order)[:4] for order in orders] == [("+", "-", "V+", "V-")] * 4
    assert [order[4] for order in orders] == ["1", "7", "8", "14"]


@pytest.mark.parametrize("name", ["NE555P", "NE555D", "SE555P", "LM555xN", "LM555xMM"])
def test_ne555_pins_follow_the_dip8_pinout_by_name(name):
    mapping = mapping_of("Timer", name)
    assert (mapping.prefix, mapping.model) == ("X", "ne555")
    assert pin_names("Timer", name, mapping.pin_order) == ("GND", "TR", "Q", "R", "CV", "THR", "DIS", "VCC")
    if name.endswith(("P", "D", "N")):
        assert mapping.pin_order == ("1", "2", "3", "4", "5", "6", "7", "8")


# --- Simulation_SPICE and pspice ----------------------------------------------------------------------------------


def test_spice_source_specs_are_converted_to_ngspice_syntax():
    assert spice_source_spec("dc(1)") == "dc 1"
    assert spice_source_spec("DC( 5 ) AC(1 90)") == "dc 5 ac 1 90"
    assert spice_source_spec("sin(0 1 1k)") == "sin(0 1 1k)"
    assert spice_source_spec("pulse(0 1 2n 2n 2n 50n 100n)") == "pulse(0 1 2n 2n 2n 50n 100n)"


@pytest.mark.parametrize(
    ("name", "mapping"),
    [
        ("VDC", SpiceMapping("V", ("1", "2"), default_value="dc 1")),
        ("VSIN", SpiceMapping("V", ("1", "2"), default_value="sin(0 1 1k)")),
        ("VPULSE", SpiceMapping("V", ("1", "2"), default_value="pulse(0 1 2n 2n 2n 50n 100n)")),
        ("IDC", SpiceMapping("I", ("1", "2"), default_value="dc 1")),
        ("DIODE", SpiceMapping("D", ("1", "2"), default_value="1n4148", model_from_value=True)),
        ("OPAMP", SpiceMapping("X", ("1", "2", "4", "5", "3"), default_value="opamp", model_from_value=True)),
    ],
)
def test_simulation_spice_symbols_use_their_spice_fields(name, mapping):
    assert mapping_of("Simulation_SPICE", name) == mapping


SIMULATION_SOURCES = [name for name in _library_blocks("Simulation_SPICE") if name[0] in "VI"]


@pytest.mark.parametrize("name", SIMULATION_SOURCES)
def test_every_simulation_spice_source_spec_runs_in_ngspice(name):
    mapping = mapping_of("Simulation_SPICE", name)
    netlist = f"{name}\n{mapping.prefix}1 a 0 {mapping.default_value}\nr1 a 0 1k\n.tran 1n 1u\n.end\n"
    run = run_netlist(netlist)
    assert run.succeeded, (run.failure, run.diagnostics)
    assert run.diagnostics == []


def test_spice_fields_can_disable_a_symbol_or_reorder_its_nodes():
    assert mapping_of("Simulation_SPICE", "VDC", Spice_Netlist_Enabled="N") is None
    reordered = mapping_of("Simulation_SPICE", "VDC", Spice_Node_Sequence="2 1")
    assert reordered.pin_order == ("2", "1")
    assert mapping_of("Simulation_SPICE", "VDC", Spice_Node_Sequence="1 3") is None  # no pin 3
    custom = mapping_of("Device", "D", Spice_Primitive="D", Spice_Model="1N5819")
    assert custom == SpiceMapping("D", ("2", "1"), model="1n5819")


@pytest.mark.parametrize(
    ("name", "mapping"),
    [
        ("R", SpiceMapping("R", ("1", "2"), default_value="1k")),
        ("CAP", SpiceMapping("C", ("1", "2"), default_value="100n")),
        ("C", SpiceMapping("C", ("1", "2"), default_value="100n")),
        ("INDUCTOR", SpiceMapping("L", ("1", "2"), default_value="10u")),
        ("DIODE", SpiceMapping("D", ("2", "1"), default_value="1n4148", model_from_value=True)),  # pspice: 1 = K
        ("QNPN", SpiceMapping("Q", ("1", "2", "3", "4"), default_value="2n3904", model_from_value=True)),
        ("QPNP", SpiceMapping("Q", ("1", "2", "3", "4"), default_value="2n3906", model_from_value=True)),
        ("MNMOS", SpiceMapping("M", ("1", "2", "3", "4"), model_from_value=True)),
        ("VSOURCE", SpiceMapping("V", ("1", "2"), default_value="dc 0")),
        ("ESOURCE", SpiceMapping("E", ("1", "2", "3", "4"), default_value="1")),
        ("OPAMP", SpiceMapping("X", ("1", "2", "4", "5", "3"), default_value="opamp", model_from_value=True)),
        ("0", None),  # the ground symbol
    ],
)
def test_pspice_symbols(name, mapping):
    assert mapping_of("pspice", name) == mapping


@pytest.mark.parametrize("name", ["GND", "GNDA", "+5V", "VCC", "PWR_FLAG", "Earth"])
def test_power_symbols_are_nets_not_devices(name):
    assert mapping_of("power", name) is None


# --- Every model named exists, and the mappings really simulate ----------------------------------------------------

NAMED_MODELS = [
    ("Device", "D"), ("Device", "D_Schottky"), ("Device", "D_Zener"), ("Device", "LED"), ("Device", "Q_NPN_BCE"),
    ("Device", "Q_PNP_BCE"), ("Device", "Q_NMOS_GDS"), ("Transistor_BJT", "2N3904"), ("Transistor_BJT", "2N3906"),
    ("Transistor_BJT", "PN2222A"), ("Transistor_BJT", "BC547"), ("Transistor_BJT", "BC557"),
    ("Transistor_FET", "2N7000"), ("Transistor_FET", "IRF540N"), ("Diode", "1N4148"), ("Diode", "1N4007"),
    ("Diode", "1N5819"), ("Amplifier_Operational", "LM741"), ("Amplifier_Operational", "LM358"),
    ("Amplifier_Operational", "LM2904"), ("Amplifier_Operational", "TL071"), ("Amplifier_Operational", "TL072"),
    ("Amplifier_Operational", "TL074"), ("Timer", "NE555P"), ("Simulation_SPICE", "OPAMP"),
    ("Simulation_SPICE", "DIODE"), ("pspice", "DIODE"), ("pspice", "QNPN"),
]  # fmt: skip


@pytest.mark.parametrize(("library", "name"), NAMED_MODELS)
def test_every_model_a_mapping_names_is_in_the_model_library(library, name):
    mapping = mapping_of(library, name)
    model = mapping.default_value if mapping.model_from_value else mapping.model
    assert model in LIBRARY_MODELS
    assert model in model_library(MODELS_DIR)


def test_the_list_of_library_models_is_the_models_folder():
    assert set(model_library(MODELS_DIR)) == LIBRARY_MODELS


def test_subcircuit_pin_counts_match_the_model_files():
    for model in LIBRARY_MODELS:
        lines = (MODELS_DIR / f"{model}.lib").read_text().splitlines()
        subckt = next((line.split()[2:] for line in lines if line.lower().startswith(".subckt")), None)
        nodes = subckt[: subckt.index("params:")] if subckt and "params:" in subckt else subckt
        assert SUBCIRCUIT_PINS.get(model) == (len(nodes) if nodes else None), model


def netlist_line(reference: str, mapping: SpiceMapping, nets: dict[str, str], value: str = "") -> list[str]:
    """Element lines for a placed symbol as docs/formats/schematic.md says: `nets` maps pin numbers to nets."""
    value = value or mapping.default_value or ""
    model = value.lower() if mapping.model_from_value else mapping.model
    lines = []
    element = reference if reference.upper().startswith(mapping.prefix) else mapping.prefix + reference
    for index, order in enumerate(element_pin_orders(mapping)):
        name = element if index == 0 else f"{element}_{index + 1}"
        lines.append(" ".join([name, *(nets[number] for number in order), model or value]))
    return lines


def nets_by_pin_name(library: str, name: str, nets: dict[str, str]) -> dict[str, str]:
    return {pin.number: nets[pin.name] for pin in kicad_symbol(library, name)[1] if pin.name in nets}


@pytest.mark.parametrize(
    ("library", "name"),
    [("Device", "Q_NPN_BCE"), ("Device", "Q_NPN_EBC"), ("Transistor_BJT", "2N3904"), ("Transistor_BJT", "BC547")],
)
def test_a_mapped_npn_amplifies_in_ngspice(library, name):
    mapping = mapping_of(library, name)
    nets = nets_by_pin_name(library, name, {"C": "c", "B": "b", "E": "0"})
    element = netlist_line("Q1", mapping, nets)  # Device:Q_NPN_* without a Value is a 2N3904
    netlist = "\n".join(
        [
            "common emitter",
            f".include {mapping.model or mapping.default_value}",
            "vc c 0 dc 5",
            "ib 0 b dc 20u",
            *element,
            ".op",
            ".end",
            "",
        ]
    )
    run = run_netlist(netlist, model_library=model_library(MODELS_DIR))
    assert run.succeeded, run.diagnostics
    collector = -run.plots[0].vector("i(vc)").real[0]
    assert collector > 50 * 20e-6  # gain only comes out with C, B and E in the right places


def test_a_mapped_dual_opamp_runs_both_units_in_ngspice():
    mapping = mapping_of("Amplifier_Operational", "LM358")
    nets = {"3": "in", "2": "out_a", "1": "out_a", "5": "0", "6": "inv_b", "7": "out_b", "8": "vcc", "4": "vee"}
    netlist = "\n".join(
        [
            "follower and inverter", ".include lm358", "vp vcc 0 dc 15", "vn vee 0 dc -15", "vin in 0 dc 1",
            "r1 out_a inv_b 10k", "r2 inv_b out_b 20k", *netlist_line("U1", mapping, nets), ".op", ".end", "",
        ]
    )  # fmt: skip
    run = run_netlist(netlist, model_library=model_library(MODELS_DIR))
    assert run.succeeded, run.diagnostics
    op = {vector.name: vector.real[0] for vector in run.plots[0].vectors}
    assert op["v(out_a)"] == pytest.approx(1, abs=1e-3)
    assert op["v(out_b)"] == pytest.approx(-2, abs=1e-3)


def test_a_mapped_555_oscillates_in_ngspice():
    mapping = mapping_of("Timer", "NE555P")
    names = {"GND": "0", "TR": "thr", "Q": "out", "R": "vcc", "CV": "cont", "THR": "thr", "DIS": "dis", "VCC": "vcc"}
    netlist = "\n".join(
        [
            "astable", ".include ne555", "vcc vcc 0 dc 5", "ra vcc dis 1k", "rb dis thr 10k", "c1 thr 0 10n",
            *netlist_line("U1", mapping, nets_by_pin_name("Timer", "NE555P", names)), ".tran 0.1u 1m 0 0.1u",
            ".end", "",
        ]
    )  # fmt: skip
    run = run_netlist(netlist, model_library=model_library(MODELS_DIR))
    assert run.succeeded, run.diagnostics
    out = run.plots[0].vector("v(out)").real
    assert np.count_nonzero((out[1:] > 2.5) & (out[:-1] <= 2.5)) >= 5  # 6.9 kHz: about 6 cycles in 1 ms

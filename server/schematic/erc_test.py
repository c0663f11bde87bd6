"""Each ERC rule on a schematic that breaks it and on one that does not."""

from schematic.connectivity import build_connectivity
from schematic.erc import run_erc
from schematic.findings import Finding
from schematic.sample_symbols import SAMPLE_SYMBOLS
from schematic.sketch import Sketch
from schematic.symbol_info import SpiceMapping, SymbolInfo, SymbolPin


def erc(sketch: Sketch, symbols=SAMPLE_SYMBOLS, models=None) -> list[Finding]:
    schematic = sketch.schematic()
    return run_erc(schematic, symbols, build_connectivity(schematic, symbols), models=models)


def codes(findings: list[Finding]) -> set[str]:
    return {finding.code for finding in findings}


def with_code(findings: list[Finding], code: str) -> list[Finding]:
    return [finding for finding in findings if finding.code == code]


def divider(*, grounded: bool = True) -> Sketch:
    """V1 (5 V) into R1, R2 to ground; the middle net is labelled "out"."""
    sketch = Sketch(SAMPLE_SYMBOLS)
    v1 = sketch.part("Simulation_SPICE:VDC", "V1", "dc 5", (0, 300))  # pins at (0, 100) and (0, 500)
    r1 = sketch.part("Device:R", "R1", "1k", (500, 0), rotation=90)  # pins at (350, 0) and (650, 0)
    r2 = sketch.part("Device:R", "R2", "3k", (800, 300))  # pins at (800, 150) and (800, 450)
    sketch.wire(sketch.pin(v1, "1"), (0, 0), sketch.pin(r1, "1"))
    sketch.wire(sketch.pin(r1, "2"), (800, 0), sketch.pin(r2, "1"))
    sketch.label("out", (800, 0))
    if grounded:
        sketch.ground(sketch.pin(v1, "2"))
        sketch.ground(sketch.pin(r2, "2"))
    return sketch


def part(sketch: Sketch, reference: str) -> str:
    return next(component["id"] for component in sketch.components if component["reference"] == reference)


def test_a_sound_schematic_has_no_findings():
    assert erc(divider()) == []


def test_no_ground():
    findings = erc(divider(grounded=False))
    assert "no-ground" in codes(findings)
    assert with_code(findings, "no-ground")[0].severity == "error"
    assert "no-dc-path" not in codes(findings)  # no ground, no point in saying it twice


def test_unconnected_pin_and_its_no_connect_flag():
    sketch = divider()
    sketch.part("Device:R", "R3", "1k", (3000, 3000))
    findings = erc(sketch)
    unconnected = with_code(findings, "pin-unconnected")
    assert [(finding.reference, finding.pin) for finding in unconnected] == [("R3", "1"), ("R3", "2")]
    assert unconnected[0].component == part(sketch, "R3")
    assert unconnected[0].severity == "error"
    sketch.no_connect(sketch.pin(part(sketch, "R3"), "1"))
    sketch.no_connect(sketch.pin(part(sketch, "R3"), "2"))
    assert "pin-unconnected" not in codes(erc(sketch))


def test_a_net_with_a_single_connection():
    sketch = divider()
    r3 = sketch.part("Device:R", "R3", "1k", (1500, 300))
    sketch.wire((800, 0), (1500, 0), sketch.pin(r3, "1"))
    sketch.wire(sketch.pin(r3, "2"), (1500, 800))  # to nowhere
    findings = erc(sketch)
    single = with_code(findings, "single-connection")
    assert [(finding.severity, finding.reference, finding.pin) for finding in single] == [("warning", "R3", "2")]
    assert "pin-unconnected" not in codes(findings)  # it has a wire


def test_a_net_reaching_no_pins():
    sketch = divider()
    sketch.wire((3000, 0), (3500, 0))
    findings = with_code(erc(sketch), "dangling")
    assert [(finding.severity, finding.wire) for finding in findings] == [("warning", sketch.wires[-1]["id"])]


def test_misplaced_no_connect_flag():
    sketch = divider()
    sketch.no_connect((800, 0))  # on the connected "out" net
    assert [finding.net for finding in with_code(erc(sketch), "no-connect-misplaced")] == ["out"]


def test_loop_of_voltage_sources():
    sketch = divider()
    v2 = sketch.part("Simulation_SPICE:VDC", "V2", "dc 3", (-500, 300))  # across V1
    sketch.wire(sketch.pin(v2, "1"), (-500, 0), (0, 0))
    sketch.ground(sketch.pin(v2, "2"))
    loops = with_code(erc(sketch), "voltage-loop")
    assert [(finding.reference, finding.severity) for finding in loops] == [("V2", "error")]
    assert "V1" in loops[0].message


def test_loop_of_a_source_and_an_inductor_and_its_fix():
    sketch = divider()
    l1 = sketch.part("Device:L", "L1", "10u", (-500, 300))  # across V1: a short at DC
    sketch.wire(sketch.pin(l1, "1"), (-500, 0), (0, 0))
    sketch.ground(sketch.pin(l1, "2"))
    assert [finding.reference for finding in with_code(erc(sketch), "voltage-loop")] == ["V1"]  # V1 closes it

    series = divider()  # an inductor in series with the source is fine
    series.components[1]["symbol"] = "Device:L"
    series.components[1]["reference"] = "L1"
    assert "voltage-loop" not in codes(erc(series))


def test_source_shorted_by_its_wiring():
    sketch = divider()
    sketch.wire((0, 0), (-300, 0), (-300, 500), (0, 500))
    assert "shorted" in with_code(erc(sketch), "voltage-loop")[0].message


def current_sources(in_series: bool) -> Sketch:
    sketch = divider()
    i1 = sketch.part("Simulation_SPICE:IDC", "I1", "dc 1m", (2000, 300))  # pins (2000, 100), (2000, 500)
    sketch.ground(sketch.pin(i1, "2"))
    if in_series:
        i2 = sketch.part("Simulation_SPICE:IDC", "I2", "dc 2m", (2000, -300))  # pins (2000, -500), (2000, -100)
        sketch.wire(sketch.pin(i1, "1"), sketch.pin(i2, "2"))
        sketch.wire(sketch.pin(i2, "1"), (2000, -700), (800, -700), (800, 0))
    else:
        sketch.wire(sketch.pin(i1, "1"), (2000, 0), (800, 0))
    return sketch


def test_current_sources_in_series():
    findings = erc(current_sources(in_series=True))
    cutsets = with_code(findings, "current-source-cutset")
    assert len(cutsets) == 1
    assert "I1 and I2" in cutsets[0].message
    assert cutsets[0].net.startswith("N$")
    assert "no-dc-path" not in codes(findings)  # the cut-set says it


def test_a_current_source_into_a_resistor():
    assert erc(current_sources(in_series=False)) == []


def capacitor_in_series(with_bleeder: bool) -> Sketch:
    sketch = divider()
    c1 = sketch.part("Device:C", "C1", "1u", (1500, 0), rotation=90)  # pins (1350, 0), (1650, 0)
    c2 = sketch.part("Device:C", "C2", "1u", (1800, 300))  # pins (1800, 150), (1800, 450)
    sketch.wire((800, 0), sketch.pin(c1, "1"))
    sketch.wire(sketch.pin(c1, "2"), (1800, 0), sketch.pin(c2, "1"))
    sketch.label("floating", (1800, 0))
    sketch.ground(sketch.pin(c2, "2"))
    if with_bleeder:
        r3 = sketch.part("Device:R", "R3", "1meg", (2200, 300))
        sketch.wire((1800, 0), (2200, 0), sketch.pin(r3, "1"))
        sketch.ground(sketch.pin(r3, "2"))
    return sketch


def test_node_without_a_dc_path_to_ground():
    findings = with_code(erc(capacitor_in_series(with_bleeder=False)), "no-dc-path")
    assert [(finding.severity, finding.net) for finding in findings] == [("error", "floating")]
    assert erc(capacitor_in_series(with_bleeder=True)) == []


def test_a_mosfet_gate_has_no_dc_path():
    sketch = divider()
    m1 = sketch.part("Device:Q_NMOS_DGS", "Q1", "", (2000, 300), w="10u", l="1u")  # D (2100,100) G (1800,300)
    c1 = sketch.part("Device:C", "C1", "1n", (1500, 300), rotation=90)  # pins (1350, 300), (1650, 300)
    sketch.wire((800, 0), (1350, 0), sketch.pin(c1, "1"))
    sketch.wire(sketch.pin(c1, "2"), sketch.pin(m1, "2"))
    sketch.wire(sketch.pin(m1, "1"), (2100, 0), (1350, 0))
    sketch.ground(sketch.pin(m1, "3"))
    assert [finding.net for finding in with_code(erc(sketch), "no-dc-path")] == ["N$1"]


def test_missing_value():
    sketch = divider()
    sketch.components[1]["value"] = ""
    findings = with_code(erc(sketch), "missing-value")
    assert [(finding.reference, finding.component) for finding in findings] == [("R1", sketch.components[1]["id"])]
    sketch.components[0]["value"] = ""  # a source falls back on its mapping's default ("dc 1")
    assert [finding.reference for finding in with_code(erc(sketch), "missing-value")] == ["R1"]


def diode(value: str) -> Sketch:
    sketch = divider()
    d1 = sketch.part("Device:D", "D1", value, (800, -300), rotation=90)  # K (800, -150) A (800, -450)
    sketch.wire(sketch.pin(d1, "1"), (800, 0))
    sketch.ground(sketch.pin(d1, "2"))
    return sketch


def test_missing_model():
    assert "needs a model" in with_code(erc(diode("")), "missing-model")[0].message
    assert "not in the model library" in with_code(erc(diode("1N4148"), models=["2n3904"]), "missing-model")[0].message
    assert erc(diode("1N4148"), models=["1n4148"]) == []
    assert erc(diode("1N4148")) == []  # models=None: the library is not consulted


def test_a_model_named_by_the_mapping_must_be_in_the_library():
    sketch = divider()
    q1 = sketch.part("Device:Q_NPN_BCE", "Q1", "", (1500, 300))  # B (1300, 300), C (1600, 100), E (1600, 500)
    sketch.wire((800, 0), (1300, 0), sketch.pin(q1, "1"))
    sketch.wire(sketch.pin(q1, "2"), (1600, 0), (1300, 0))
    sketch.ground(sketch.pin(q1, "3"))
    assert [finding.reference for finding in with_code(erc(sketch, models=[]), "missing-model")] == ["Q1"]
    assert erc(sketch, models=["2N3904"]) == []  # names match ignoring case


def test_duplicate_references():
    sketch = divider()
    sketch.components[2]["reference"] = "R1"
    duplicates = with_code(erc(sketch), "duplicate-reference")
    assert {finding.component for finding in duplicates} == {sketch.components[1]["id"], sketch.components[2]["id"]}
    assert all(finding.severity == "error" for finding in duplicates)


def test_spice_names_collide_ignoring_case_and_after_the_prefix():
    sketch = divider()
    sketch.components[2]["reference"] = "r1"
    assert len(with_code(erc(sketch), "duplicate-reference")) == 2
    opamps = Sketch(SAMPLE_SYMBOLS)
    opamps.part("Simulation_SPICE:OPAMP", "U1", "LM741", (0, 0))
    opamps.part("Simulation_SPICE:OPAMP", "XU1", "LM741", (2000, 0))  # U1 becomes XU1 too
    assert len(with_code(erc(opamps), "duplicate-reference")) == 2


def test_units_of_one_part_share_a_reference():
    sketch = Sketch(SAMPLE_SYMBOLS)
    for unit in (1, 2, 3):
        sketch.part("Amplifier_Operational:LM358", "U1", "LM358", (unit * 1000, 0), unit=unit)
    assert "duplicate-reference" not in codes(erc(sketch))
    sketch.components.pop()  # unit C, the supply pins, is not placed
    missing = with_code(erc(sketch), "missing-unit")
    assert ["unit 3" in finding.message for finding in missing] == [True]
    sketch.part("Amplifier_Operational:LM358", "U1", "LM358", (5000, 0), unit=2)  # unit B twice
    assert len(with_code(erc(sketch), "duplicate-reference")) == 3


def test_a_pin_on_every_unit_must_meet_one_net():
    common = SymbolInfo(
        symbol_id="Test:DUAL",
        reference_prefix="U",
        pins=(
            SymbolPin("1", "A", "passive", 0, 100, unit=1),
            SymbolPin("2", "B", "passive", 0, 100, unit=2),
            SymbolPin("3", "COM", "passive", 0, -100),
        ),
        spice=SpiceMapping(prefix="X", pin_order=("1", "2", "3"), model_from_value=True),
        unit_count=2,
    )
    symbols = {**SAMPLE_SYMBOLS, "Test:DUAL": common}
    sketch = Sketch(symbols)
    sketch.part("Test:DUAL", "U1", "dual", (0, 0), unit=1)
    sketch.part("Test:DUAL", "U1", "dual", (1000, 0), unit=2)
    sketch.label("a", (0, -100))  # pin 1 (y up in the symbol, down on the sheet)
    sketch.label("b", (1000, -100))  # pin 2
    sketch.label("x", (0, 100))  # pin 3 on unit 1
    assert "different-unit-nets" not in codes(erc(sketch, symbols))  # connected on one unit, open on the other
    sketch.label("y", (1000, 100))  # pin 3 on unit 2
    assert [finding.pin for finding in with_code(erc(sketch, symbols), "different-unit-nets")] == ["3"]


def test_power_name_clash():
    sketch = divider()
    sketch.power("VCC", (0, 0))
    sketch.power("+5V", (0, 0))
    clash = with_code(erc(sketch), "power-name-clash")
    assert [(finding.severity, finding.net) for finding in clash] == [("warning", "+5V")]


def test_label_using_a_power_name_elsewhere():
    sketch = divider()
    sketch.power("VCC", (0, 0))
    sketch.label("VCC", (800, 0))  # on "out", not on the VCC net
    clash = with_code(erc(sketch), "power-name-clash")
    assert [finding.label for finding in clash] == [sketch.labels[-1]["id"]]
    fine = divider()
    fine.power("VCC", (0, 0))
    fine.label("VCC", (0, 0))  # names the power net it sits on
    assert erc(fine) == []


def test_several_labels_on_one_net():
    sketch = divider()
    sketch.label("middle", (800, 50))
    findings = with_code(erc(sketch), "multiple-net-names")
    assert [(finding.severity, finding.net) for finding in findings] == [("warning", "middle")]


def test_parts_without_a_spice_model_cannot_be_simulated():
    sketch = divider()
    sketch.part("Connector:Conn_01x02", "J1", "Conn", (3000, 0))
    findings = with_code(erc(sketch), "not-simulatable")
    assert [(finding.reference, finding.severity) for finding in findings] == [("J1", "error")]
    assert "cannot be simulated" in findings[0].message


def test_unknown_symbol_bad_unit_and_unannotated_part():
    sketch = divider()
    sketch.part("Nowhere:Thing", "X1", "", (3000, 0))
    sketch.part("Device:R", "R5", "1k", (4000, 0), unit=2)
    sketch.part("Device:R", "R?", "1k", (5000, 0))
    found = {finding.code: finding.reference for finding in erc(sketch)}
    assert found["unknown-symbol"] == "X1"
    assert found["bad-unit"] == "R5"
    assert found["unannotated"] == "R?"


def test_power_symbols_and_flags_are_not_parts():
    sketch = divider()
    sketch.part("power:PWR_FLAG", "#FLG01", "PWR_FLAG", (0, 0))
    assert erc(sketch) == []


def test_findings_serialize_without_empty_fields():
    finding = with_code(erc(divider(grounded=False)), "no-ground")[0]
    assert finding.as_dict() == {"severity": "error", "code": "no-ground", "message": finding.message}


def test_a_value_ending_in_a_backslash():
    sketch = divider()
    sketch.components[1]["value"] = "1k \\\\"
    assert [finding.reference for finding in with_code(erc(sketch), "bad-value")] == ["R1"]

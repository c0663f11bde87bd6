"""Schematic -> SPICE text: the golden divider, node names, models, analyses, and ngspice really running it."""

import json
import re
from pathlib import Path

import pytest

from schematic.format import parse_schematic
from schematic.netlister import netlist, spice_node_names
from schematic.sample_symbols import SAMPLE_SYMBOLS
from schematic.sketch import Sketch
from spice.netlist_sanitizer import sanitize_netlist
from spice.runner import run_netlist

DOC = Path(__file__).resolve().parents[2] / "docs" / "formats" / "schematic.md"


def divider() -> Sketch:
    """V1 (5 V) into R1 then R2 (3k) to ground; nets "in" and "out"."""
    sketch = Sketch(SAMPLE_SYMBOLS, title="divider")
    v1 = sketch.part("Simulation_SPICE:VDC", "V1", "dc 5", (0, 300))
    r1 = sketch.part("Device:R", "R1", "1k", (500, 0), rotation=90)
    r2 = sketch.part("Device:R", "R2", "3k", (800, 300))
    sketch.wire(sketch.pin(v1, "1"), (0, 0), sketch.pin(r1, "1"))
    sketch.wire(sketch.pin(r1, "2"), (800, 0), sketch.pin(r2, "1"))
    sketch.label("in", (0, 0))
    sketch.label("out", (800, 0))
    sketch.ground(sketch.pin(v1, "2"))
    sketch.ground(sketch.pin(r2, "2"))
    return sketch


def rc() -> Sketch:
    """A 1k/1u low-pass (tau = 1 ms) driven by a step with an AC magnitude of 1."""
    sketch = Sketch(SAMPLE_SYMBOLS, title="rc low-pass")
    v1 = sketch.part("Simulation_SPICE:VDC", "V1", "pulse(0 1 0 1n 1n 1 2) ac 1", (0, 300))
    r1 = sketch.part("Device:R", "R1", "1k", (500, 0), rotation=90)
    c1 = sketch.part("Device:C", "C1", "1u", (800, 300))
    sketch.wire(sketch.pin(v1, "1"), (0, 0), sketch.pin(r1, "1"))
    sketch.wire(sketch.pin(r1, "2"), (800, 0), sketch.pin(c1, "1"))
    sketch.label("out", (800, 0))
    sketch.ground(sketch.pin(v1, "2"))
    sketch.ground(sketch.pin(c1, "2"))
    return sketch


def test_divider_golden_text():
    analyses = [{"type": "op"}, {"type": "dc", "source": "V1", "start": 0, "stop": 10, "step": 0.5}]
    result = netlist(divider().schematic(), SAMPLE_SYMBOLS, analyses)
    assert result.text.splitlines(keepends=True) == [
        "divider\n",
        "R1 in out 1k\n",
        "R2 out 0 3k\n",
        "V1 in 0 dc 5\n",
        ".op\n",
        ".dc V1 0 10 0.5\n",
        ".save all @r1[i] @r2[i]\n",  # device currents too, for the editor's probe
        ".end\n",
    ]
    assert result.ok
    assert result.findings == ()
    assert result.includes == ()
    assert result.nodes == {"GND": "0", "in": "in", "out": "out"}
    assert sorted(result.elements.values()) == ["R1", "R2", "V1"]
    assert sanitize_netlist(result.text).text == result.text


def test_divider_simulates():
    result = netlist(divider().schematic(), SAMPLE_SYMBOLS, [{"type": "op"}])
    run = run_netlist(result.text)
    assert run.succeeded, (run.failure, run.diagnostics)
    op = next(plot for plot in run.plots if plot.kind == "op")
    assert op.vector("v(out)").real[0] == pytest.approx(3.75, rel=1e-9)
    # The resistors' currents are recorded beside the default vectors: 5 V over 4 kOhm.
    assert op.vector("i(@r1[i])").real[0] == pytest.approx(1.25e-3, rel=1e-9)
    assert op.vector("i(v1)").real[0] == pytest.approx(-1.25e-3, rel=1e-9)


def test_many_device_currents_are_saved_on_continuation_lines():
    sketch = Sketch(SAMPLE_SYMBOLS)
    parts = [sketch.part("Device:R", f"R{n}", "1k", (n * 400, 0)) for n in range(1, 11)]
    for part in parts:
        sketch.ground(sketch.pin(part, "2"))
    sketch.label("a", sketch.pin(parts[0], "1"))
    result = netlist(sketch.schematic(), SAMPLE_SYMBOLS, [{"type": "op"}])
    saves = result.text.split(".op\n")[1].splitlines()[:-1]
    assert saves[0].startswith(".save all @r1[i] ") and saves[1].startswith("+ ")
    assert " ".join(saves).count("[i]") == 10
    assert sanitize_netlist(result.text).text == result.text


def test_no_analyses_no_saves():
    assert ".save" not in netlist(divider().schematic(), SAMPLE_SYMBOLS, []).text


def test_rc_transient_and_ac():
    analyses = [
        {"type": "tran", "step": "10u", "stop": "5m"},
        {"type": "ac", "sweep": "dec", "points": 10, "fstart": 1, "fstop": "1meg"},
    ]
    result = netlist(rc().schematic(), SAMPLE_SYMBOLS, analyses)
    assert result.ok, result.findings
    assert result.text.splitlines() == [
        "rc low-pass",
        "C1 out 0 1u",
        "R1 N_1 out 1k",
        "V1 N_1 0 pulse(0 1 0 1n 1n 1 2) ac 1",
        ".tran 10u 5m",
        ".ac dec 10 1 1meg",
        ".save all @c1[i] @r1[i]",
        ".end",
    ]
    sanitize_netlist(result.text)
    run = run_netlist(result.text)
    assert run.succeeded, (run.failure, run.diagnostics)
    tran = next(plot for plot in run.plots if plot.kind == "tran")
    time, out = tran.vector("time").real, tran.vector("v(out)").real
    at_tau = min(range(len(time)), key=lambda index: abs(time[index] - 1e-3))
    assert out[at_tau] == pytest.approx(1 - 1 / 2.718281828, abs=0.01)
    ac = next(plot for plot in run.plots if plot.kind == "ac")
    frequency, gain = ac.vector("frequency").real, abs(ac.vector("v(out)").real + 1j * ac.vector("v(out)").imag)
    corner = min(range(len(frequency)), key=lambda index: abs(frequency[index] - 159.15))
    assert gain[corner] == pytest.approx(0.7071, abs=0.03)


def test_the_documented_example_netlists_cleanly():
    example = re.search(r"```json\n(.*?)```", DOC.read_text(), re.S)[1]
    result = netlist(parse_schematic(json.loads(example)), SAMPLE_SYMBOLS, [{"type": "op"}])
    assert result.ok
    assert result.findings == ()
    assert result.text.splitlines() == [
        "Ohm's law",
        "R1 supply 0 1k",
        "V1 supply 0 dc 5",
        ".op",
        ".save all @r1[i]",
        ".end",
    ]


def test_node_names_are_spice_safe_and_distinct():
    sketch = Sketch(SAMPLE_SYMBOLS)
    labels = ["+5V", "OUT", "Out", "a+", "a-", "N_1", "gnd!"]
    for number, text in enumerate(labels):
        component = sketch.part("Device:R", f"R{number + 1}", "1k", (number * 1000, 150))
        sketch.label(text, sketch.pin(component, "1"))
        sketch.ground(sketch.pin(component, "2"))
    sketch.part("Device:R", "R9", "1k", (9000, 150))  # two automatic nets, N$1 and N$2
    result = netlist(sketch.schematic(), SAMPLE_SYMBOLS, [])
    assert result.nodes == {
        "+5V": "_5V", "GND": "0", "N_1": "N_1", "OUT": "OUT", "Out": "Out_2", "a+": "a_", "a-": "a__2",
        "gnd!": "gnd_", "N$1": "N_1_2", "N$2": "N_2",
    }  # fmt: skip
    assert len({node.lower() for node in result.nodes.values()}) == len(result.nodes)


def test_subcircuit_part_gets_the_x_prefix_and_its_include():
    sketch = Sketch(SAMPLE_SYMBOLS)
    u1 = sketch.part("Simulation_SPICE:OPAMP", "U1", "LM741", (1000, 1000))
    for pin, name in (("1", "inp"), ("2", "inn"), ("3", "out"), ("4", "vcc"), ("5", "vee")):
        sketch.label(name, sketch.pin(u1, pin))
    result = netlist(sketch.schematic(), SAMPLE_SYMBOLS, [], models=["lm741", "2n3904"])
    assert "XU1 inp inn vcc vee out LM741" in result.text.splitlines()
    assert result.includes == ("lm741",)
    assert result.text.splitlines()[1] == ".include lm741"
    assert result.elements == {u1: "XU1"}
    sanitize_netlist(result.text, model_library=["lm741"])


def test_models_and_parameters():
    sketch = Sketch(SAMPLE_SYMBOLS)
    q1 = sketch.part("Device:Q_NPN_BCE", "Q1", "", (0, 0))
    m1 = sketch.part("Device:Q_NMOS_DGS", "Q2", "", (2000, 0), w="10u", l="1u")
    d1 = sketch.part("Device:D", "D1", "1N4148", (4000, 0))
    for component, pins in ((q1, "123"), (m1, "123"), (d1, "12")):
        for pin in pins:
            sketch.label(f"{component}_{pin}", sketch.pin(component, pin))
    result = netlist(sketch.schematic(), SAMPLE_SYMBOLS, [], models=["2n3904", "nmos_basic", "1n4148"])
    lines = result.text.splitlines()
    assert f"D1 {d1}_2 {d1}_1 1N4148" in lines  # anode, cathode
    assert f"Q1 {q1}_2 {q1}_1 {q1}_3 2n3904" in lines  # collector, base, emitter
    assert f"MQ2 {m1}_1 {m1}_2 {m1}_3 {m1}_3 nmos_basic w=10u l=1u" in lines  # body tied to source
    assert result.includes == ("1n4148", "2n3904", "nmos_basic")  # sorted
    assert lines[1:4] == [".include 1n4148", ".include 2n3904", ".include nmos_basic"]


def test_diode_model_from_the_library_simulates(tmp_path):
    (tmp_path / "1n4148.lib").write_text(".model 1N4148 D(Is=2.52n Rs=0.568 N=1.752)\n")
    sketch = divider()
    d1 = sketch.part("Device:D", "D1", "1N4148", (800, -300), rotation=90)  # cathode on "out", anode to ground
    sketch.wire(sketch.pin(d1, "1"), (800, 0))
    sketch.ground(sketch.pin(d1, "2"))
    sketch.components[0]["value"] = "dc -5"  # forward-biases the diode
    result = netlist(sketch.schematic(), SAMPLE_SYMBOLS, [{"type": "op"}], models=["1n4148"])
    assert result.ok, result.findings
    run = run_netlist(result.text, model_library={"1n4148": tmp_path / "1n4148.lib"})
    assert run.succeeded, (run.failure, run.diagnostics)
    out = next(plot for plot in run.plots if plot.kind == "op").vector("v(out)").real[0]
    assert -0.8 < out < -0.5  # one diode drop below ground


def test_parts_that_cannot_be_written_become_comments():
    sketch = divider()
    sketch.components[1]["value"] = ""
    sketch.part("Amplifier_Operational:LM358", "U2", "LM358", (5000, 0), unit=1)
    result = netlist(sketch.schematic(), SAMPLE_SYMBOLS, [{"type": "op"}])
    assert not result.ok
    assert "* R1: no value" in result.text.splitlines()
    assert "* XU2: not every unit is placed" in result.text.splitlines()
    sanitize_netlist(result.text)  # still safe to show


def test_a_value_ending_in_a_backslash_is_not_written():
    sketch = divider()
    sketch.components[0]["value"] = "dc 5 \\\\"
    result = netlist(sketch.schematic(), SAMPLE_SYMBOLS, [{"type": "op"}])
    assert "* V1: a value ends in a backslash" in result.text.splitlines()
    assert [finding.code for finding in result.findings] == ["bad-value"]
    assert sanitize_netlist(result.text).text == result.text


def test_sanitizer_findings_are_errors():
    sketch = divider()
    sketch.components[0]["value"] = "dc 5 ic.file=/etc/passwd"
    result = netlist(sketch.schematic(), SAMPLE_SYMBOLS, [])
    rejected = [finding for finding in result.findings if finding.code == "netlist-rejected"]
    assert rejected and "ic.file" in rejected[0].message
    assert not result.ok


@pytest.mark.parametrize(
    ("title", "line"),
    [
        (None, "divider"),
        ("", "OhmCloud schematic"),
        ("  two\twords ", "two words"),
        ("*ng_script", "Schematic *ng_script"),
        (".include /etc/passwd", "Schematic .include /etc/passwd"),
        ("x" * 300, "x" * 200),
    ],
)
def test_title_line(title, line):
    result = netlist(divider().schematic(), SAMPLE_SYMBOLS, [], title=title)
    assert result.text.splitlines()[0] == line
    sanitize_netlist(result.text)


@pytest.mark.parametrize(
    ("analysis", "card"),
    [
        ({"type": "op"}, ".op"),
        ({"type": "dc", "source": "V1", "start": 0, "stop": "5", "step": "100m"}, ".dc V1 0 5 100m"),
        ({"type": "dc", "source": "V1", "start": 0, "stop": 5, "step": 1, "source2": "I1", "start2": "0",
          "stop2": "1m", "step2": "0.5m"}, ".dc V1 0 5 1 I1 0 1m 0.5m"),
        ({"type": "dc", "source": "v1", "start": 5, "stop": 0, "step": -1}, ".dc V1 5 0 -1"),
        ({"type": "tran", "step": 1e-6, "stop": 0.001}, ".tran 1e-06 0.001"),
        ({"type": "tran", "step": "1u", "stop": "1m", "max_step": "2u"}, ".tran 1u 1m 0 2u"),
        ({"type": "tran", "step": "1u", "stop": "1m", "start": "0.5m", "uic": True}, ".tran 1u 1m 0.5m uic"),
        ({"type": "ac", "sweep": "oct", "points": 5, "fstart": "10", "fstop": "10k"}, ".ac oct 5 10 10k"),
        ({"type": "ac", "sweep": "lin", "points": 101.0, "fstart": 0, "fstop": 1000}, ".ac lin 101 0 1000"),
        ({"type": "tf", "output": "v(out)", "source": "V1"}, ".tf v(out) V1"),
        ({"type": "tf", "output": "V( out , in )", "source": "V1"}, ".tf v(out,in) V1"),
        ({"type": "tf", "output": "i(V1)", "source": "V1"}, ".tf i(V1) V1"),
        ({"type": "noise", "output": "v(out)", "source": "V1", "sweep": "dec", "points": 10, "fstart": 1,
          "fstop": "1meg"}, ".noise v(out) V1 dec 10 1 1meg"),
        ({"type": "noise", "output": "v(out)", "reference": "in", "source": "V1", "sweep": "dec", "points": 10,
          "fstart": 1, "fstop": "1meg"}, ".noise v(out,in) V1 dec 10 1 1meg"),
        ({"type": "pz", "input_nodes": ["in", "0"], "output_nodes": ["out", "GND"]}, ".pz in 0 out 0 vol pz"),
        ({"type": "pz", "input_nodes": ["in", "0"], "output_nodes": ["out", "0"], "kind": "cur", "find": "poles"},
         ".pz in 0 out 0 cur pol"),
    ],
)  # fmt: skip
def test_analysis_cards(analysis, card):
    sketch = divider()
    i1 = sketch.part("Simulation_SPICE:IDC", "I1", "dc 1m", (2000, 300))
    sketch.wire(sketch.pin(i1, "1"), (2000, 0), (800, 0))
    sketch.ground(sketch.pin(i1, "2"))
    result = netlist(sketch.schematic(), SAMPLE_SYMBOLS, [analysis])
    assert result.ok, result.findings
    assert card in result.text.splitlines()
    sanitize_netlist(result.text)


@pytest.mark.parametrize(
    ("analysis", "field", "message"),
    [
        ("op", "analyses[0]", "must be an object"),
        ({"type": "sens"}, "analyses[0].type", "must be one of op, dc, tran, ac, tf, noise, pz"),
        ({"type": "op", "when": "now"}, "analyses[0].when", "is not a field of a op analysis"),
        ({"type": "tran", "step": "1u"}, "analyses[0].stop", "is required"),
        ({"type": "tran", "step": "1x u", "stop": "1m"}, "analyses[0].step", "is not a SPICE number"),
        ({"type": "tran", "step": True, "stop": "1m"}, "analyses[0].step", "must be a number"),
        ({"type": "tran", "step": 0, "stop": "1m"}, "analyses[0].step", "must be more than 0"),
        ({"type": "tran", "step": "1u", "stop": "1m", "start": "2m"}, "analyses[0].start", "before the stop time"),
        ({"type": "tran", "step": "1u", "stop": "1m", "uic": "yes"}, "analyses[0].uic", "true or false"),
        ({"type": "dc", "source": "V9", "start": 0, "stop": 1, "step": 0.1}, "analyses[0].source", "no part"),
        ({"type": "dc", "source": "R1", "start": 0, "stop": 1, "step": 0.1}, "analyses[0].source", "is not a"),
        ({"type": "dc", "source": "V1", "start": 0, "stop": 1, "step": 0}, "analyses[0].step", "not 0"),
        ({"type": "dc", "source": "V1", "start": 0, "stop": 1, "step": -0.1}, "analyses[0].step", "away from"),
        ({"type": "dc", "source": "V1", "start": 0, "stop": 1, "step": 0.1, "source2": "V1"}, "analyses[0].start2",
         "second sweep"),
        ({"type": "ac", "sweep": "log", "points": 10, "fstart": 1, "fstop": 10}, "analyses[0].sweep", "dec, oct"),
        ({"type": "ac", "sweep": "dec", "points": 1.5, "fstart": 1, "fstop": 10}, "analyses[0].points", "whole"),
        ({"type": "ac", "sweep": "dec", "points": 10, "fstart": 0, "fstop": 10}, "analyses[0].fstart", "more than"),
        ({"type": "ac", "sweep": "dec", "points": 10, "fstart": 100, "fstop": 10}, "analyses[0].fstop", "at least"),
        ({"type": "tf", "output": "out", "source": "V1"}, "analyses[0].output", "such as v(out)"),
        ({"type": "tf", "output": "v(nowhere)", "source": "V1"}, "analyses[0].output", "no net is named"),
        ({"type": "tf", "output": "i(R1)", "source": "V1"}, "analyses[0].output", "is not a voltage source"),
        ({"type": "noise", "output": "i(V1)", "source": "V1", "sweep": "dec", "points": 1, "fstart": 1,
          "fstop": 10}, "analyses[0].output", "must be a voltage"),
        ({"type": "pz", "input_nodes": ["in"], "output_nodes": ["out", "0"]}, "analyses[0].input_nodes", "two net"),
        ({"type": "pz", "input_nodes": ["in", 0], "output_nodes": ["out", "0"]}, "analyses[0].input_nodes[1]",
         "name of a net"),
    ],
)  # fmt: skip
def test_analysis_errors_name_the_field(analysis, field, message):
    result = netlist(divider().schematic(), SAMPLE_SYMBOLS, [{"type": "op"}, analysis][1:])
    problems = [finding for finding in result.findings if finding.code == "bad-analysis"]
    assert [finding.field for finding in problems] == [field]
    assert message in problems[0].message
    assert problems[0].message.startswith(field)
    assert not result.ok


def test_analyses_list_itself():
    assert netlist(divider().schematic(), SAMPLE_SYMBOLS, [{"type": "op"}] * 17).findings[0].field == "analyses"
    assert netlist(divider().schematic(), SAMPLE_SYMBOLS, None).ok


def test_a_name_shared_by_two_nets_is_ambiguous():
    sketch = divider()
    r3 = sketch.part("Device:R", "R3", "1k", (3000, 150))
    sketch.power("VCC", sketch.pin(r3, "1"))
    sketch.ground(sketch.pin(r3, "2"))
    sketch.label("VCC", (800, 0))  # names "out" VCC too (it sorts before "out"); ERC warns
    result = netlist(sketch.schematic(), SAMPLE_SYMBOLS, [{"type": "tf", "output": "v(VCC)", "source": "V1"}])
    assert "2 nets are named 'VCC'" in next(f.message for f in result.findings if f.code == "bad-analysis")
    assert spice_node_names.__doc__

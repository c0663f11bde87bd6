"""The `arduino-run` kind without the job queue: its pure pieces, and run_program on the real harness."""

import time

import pytest

from jobs.kinds import JobContext

from .avr_sim import SimulationCancelled, run_hex
from .build import build_sketch
from .build_test import BLINK
from .run_job import MAX_PIN_CHANGES, api_message, harness_options, pin_traces, run_program


@pytest.fixture(scope="module")
def blink_hex(tmp_path_factory):
    result = build_sketch("uno", BLINK, {}, tmp_path_factory.mktemp("arduino-cache"))
    assert result.ok, result.diagnostics
    return result.hex


def context(run: dict, cancelled=lambda: False) -> JobContext:
    return JobContext(job_id="test", input=run, time_limit=30, is_cancelled=cancelled)


def test_pin_traces_group_changes_by_pin_in_numeric_order():
    changes = [[1.5, 13, 1], [2.0, 9, 1], [3.0, 13, 0], [4.0, 10, 1]]
    assert pin_traces(changes, None) == {"9": [[2.0, 1]], "10": [[4.0, 1]], "13": [[1.5, 1], [3.0, 0]]}
    assert pin_traces(changes, [13, 2]) == {"2": [], "9": [[2.0, 1]], "10": [[4.0, 1]], "13": [[1.5, 1], [3.0, 0]]}


def test_pin_traces_put_pins_of_parts_after_the_digital_pins():
    changes = [[1.5, 13, 1], [0, "led1.A", None], [1.5, "led1.A", 1], [0, "btn1.1.l", 1]]
    traces = pin_traces(changes, [13, "led1.A", "btn1.1.l"])
    assert list(traces) == ["13", "btn1.1.l", "led1.A"]
    assert traces["led1.A"] == [[0, None], [1.5, 1]]


def test_harness_options_map_the_api_inputs_and_set_the_limits():
    run = {"seconds": 2, "pins": [13], "inputs": {"serial": "hi", "digital": {"2": 1}, "analog": {"A0": 1.5}}}
    assert harness_options(run) == {
        "serialInput": "hi",
        "digitalInputs": {"2": 1},
        "adc": {"A0": 1.5},
        "pins": [13],
        "maxPinChanges": MAX_PIN_CHANGES,
        "maxSerialBytes": 65536,
        "maxWallMs": 3000,
    }
    assert "pins" not in harness_options({"seconds": 1, "pins": None, "inputs": {}})


def test_harness_options_with_a_circuit_send_it_and_the_part_inputs_instead_of_pin_levels():
    circuit = {"components": [{"id": "uno1", "kind": "uno"}], "wires": []}
    parts = [{"t_ms": 5, "part": "btn1", "pressed": True}]
    run = {"seconds": 1, "pins": [13, "uno1.D2"], "inputs": {"parts": parts}, "circuit": circuit, "mcu": "uno1"}
    options = harness_options(run)
    assert (options["circuit"], options["mcu"], options["partInputs"], options["pins"]) == (
        circuit, "uno1", parts, [13, "uno1.D2"]
    )  # fmt: skip
    assert "digitalInputs" not in options and "adc" not in options


def test_harness_field_names_become_the_apis():
    assert api_message("digitalInputs.99: Arduino Uno has no pin 99") == "inputs.digital.99: Arduino Uno has no pin 99"
    assert api_message("adc.A9: no such input") == "inputs.analog.A9: no such input"
    assert api_message("hex: line 1: checksum mismatch") == "hex: line 1: checksum mismatch"
    assert api_message('partInputs[2].control: r1 (resistor) has no controls, not "x"') == (
        'inputs.parts.2.control: r1 (resistor) has no controls, not "x"'
    )
    assert api_message("circuit.wires[4][1]: no component") == "circuit.wires.4.1: no component"
    assert api_message("simulation failed: a[1]: b") == "simulation failed: a[1]: b"


def test_run_program_keeps_serial_traces_and_timing(blink_hex):
    outcome = run_program(context({"hex": blink_hex, "board": "uno", "seconds": 1.5, "pins": [13], "inputs": {}}))
    assert outcome.succeeded and outcome.diagnostics == []
    document = outcome.result
    assert [[pin, value] for _, pin, value in document["pinChanges"]] == [[13, 1], [13, 0]]
    assert document["pinChanges"][1][0] - document["pinChanges"][0][0] == pytest.approx(1e6, rel=0.002)
    assert document["simulatedMs"] >= 1500 and 0 < document["wallMs"] < 5000 and document["serial"] == ""
    assert outcome.timings["simulation"] == pytest.approx(document["wallMs"] / 1000, abs=0.001)


def test_a_cancelled_run_stops_at_once(blink_hex):
    started = time.monotonic()
    with pytest.raises(SimulationCancelled):
        run_hex(blink_hex, "uno", 10_000, should_cancel=lambda: time.monotonic() - started > 0.2)
    assert time.monotonic() - started < 1.5  # 10 simulated seconds take ~2 s of wall time
    outcome = run_program(context({"hex": blink_hex, "board": "uno", "seconds": 10, "pins": None, "inputs": {}},
                                  cancelled=lambda: True))  # fmt: skip
    assert not outcome.succeeded and "cancelled" in outcome.diagnostics[0]["message"]


def test_run_program_in_a_circuit_keeps_net_traces_warnings_and_parts(blink_hex):
    circuit = {
        "components": [{"id": "uno1", "kind": "uno"}, {"id": "r1", "kind": "resistor"}, {"id": "led1", "kind": "led"}],
        "wires": [["uno1.D13", "r1.1"], ["r1.2", "led1.A"], ["led1.C", "uno1.GND"]],
    }
    run = {"hex": blink_hex, "board": "uno", "seconds": 0.05, "pins": [13, "led1.A"], "inputs": {},
           "circuit": circuit, "mcu": "uno1"}  # fmt: skip
    outcome = run_program(context(run))
    assert outcome.succeeded, outcome.diagnostics
    document = outcome.result
    assert [[pin, value] for _, pin, value in document["pinChanges"]] == [
        [13, 1], ["led1.A", None], ["led1.A", 0], ["led1.A", 1]
    ]  # fmt: skip
    assert document["pinChangesTotal"] == 4 and document["pinChangesCapped"] is False
    assert document["circuitWarnings"] == []  # D13 floats only at start-up, until pinMode
    assert document["parts"]["led1"] == {"type": "led", "brightness": 1}

"""Headless runs end to end: sketches built by the real toolchain through the API, run by a real worker in the
real avr-sim harness (Node, sandboxed), read back as JSON and as VCD."""

import time
from itertools import pairwise

import pytest
from rest_framework.test import APIClient

from sandbox.process_tree import command_name, descendants

from .build_api_test import build
from .build_test import BLINK
from .vcd_test import read_vcd

pytestmark = [pytest.mark.django_db(transaction=True)]

ECHO = """
void setup() {
  Serial.begin(9600);
}

void loop() {
  if (Serial.available()) Serial.write(Serial.read());
}
"""

READ_INPUTS = """
void setup() {
  Serial.begin(9600);
  pinMode(2, INPUT);
  Serial.println(digitalRead(2));
  Serial.println(analogRead(A0));
}

void loop() {}
"""

BUSY = "void setup() { pinMode(9, OUTPUT); }\nvoid loop() { PINB = 2; }\n"  # toggles pin 9 as fast as it can

# Short runs for circuits: a loaded test machine simulates at well under real time, and a run stops a second of
# wall time after `seconds`.
BLINK_FAST = "void setup() { pinMode(13, OUTPUT); }\nvoid loop() { digitalWrite(13, !digitalRead(13)); delay(20); }\n"
LED_ON = "void setup() { pinMode(13, OUTPUT); digitalWrite(13, HIGH); }\nvoid loop() {}\n"
BUTTON = """
int last = -1;
void setup() { Serial.begin(115200); pinMode(2, INPUT_PULLUP); }
void loop() {
  int level = digitalRead(2);
  if (level != last) { Serial.println(level); last = level; }
}
"""
POT = "void setup() { Serial.begin(115200); }\nvoid loop() { Serial.println(analogRead(A0)); delay(20); }\n"


def led_circuit(with_cathode: bool = True) -> dict:
    """Uno D13 → 220 Ω → LED on a half breadboard, its cathode on the ground rail (or in a strip of its own)."""
    return {
        "components": [
            {"id": "uno1", "kind": "uno"},
            {"id": "bb", "kind": "breadboard", "props": {"size": "half"}},
            {"id": "r1", "kind": "resistor", "props": {"ohms": 220}},
            {"id": "led1", "kind": "led", "props": {"color": "red"}},
        ],
        "wires": [
            ["uno1.D13", "bb.a10"],
            ["r1.1", "bb.c10"],
            ["r1.2", "bb.c15"],
            ["led1.A", "bb.e15"],
            ["led1.C", "bb.e16" if with_cathode else "bb.e20"],
            ["bb.a16", "bb.tn16"],
            ["bb.tn1", "uno1.GND"],
        ],
    }


BUTTON_CIRCUIT = {
    "components": [{"id": "uno1", "kind": "uno"}, {"id": "btn1", "kind": "push-button"}],
    "wires": [["uno1.D2", "btn1.1.l"], ["btn1.2.l", "uno1.GND"]],
}
POT_CIRCUIT = {
    "components": [{"id": "uno1", "kind": "uno"}, {"id": "pot1", "kind": "potentiometer"}],
    "wires": [["pot1.VCC", "uno1.5V"], ["pot1.GND", "uno1.GND"], ["pot1.SIG", "uno1.A0"]],
}


def built_hex(client, sketch: str, board: str = "uno") -> tuple[str, str]:
    submitted, body = build(client, {"board": board, "sketch": sketch})
    assert body["status"] == "succeeded", body
    return submitted["id"], body["hex"]


def run(client, body: dict, wait: float = 30) -> tuple[dict, dict]:
    response = client.post("/api/arduino/runs", body, format="json")
    assert response.status_code == 202, response.json()
    submitted = response.json()
    assert submitted["status"] == "queued" and submitted["url"] == f"/api/arduino/runs/{submitted['id']}"
    return submitted, client.get(f"{submitted['url']}?wait={wait}").json()


@pytest.mark.usefixtures("celery_worker")
def test_blink_by_build_id_toggles_pin_13_every_second_and_the_vcd_has_it(api_client_anonymous):
    build_id, _ = built_hex(api_client_anonymous, BLINK)
    submitted, body = run(api_client_anonymous, {"build": build_id, "seconds": 3, "pins": [13]})
    assert body["status"] == "succeeded", body
    assert (body["board"], body["build"], body["seconds"]) == ("uno", build_id, 3)
    result = body["result"]
    assert list(result["traces"]) == ["13"] and result["simulatedMs"] >= 3000 and not result["stoppedEarly"]
    trace = result["traces"]["13"]
    assert [value for _, value in trace] == [1, 0, 1]  # on at start, off at 1 s, on at 2 s
    for (t0, _), (t1, _) in pairwise(trace):
        assert t1 - t0 == pytest.approx(1_000_000, rel=0.002)
    assert result["pinChangesTotal"] == 3 and result["pinChangesCapped"] is False

    response = api_client_anonymous.get(f"{submitted['url']}/trace.vcd")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/x-vcd")
    assert f'filename="run-{submitted["id"]}.vcd"' in response["Content-Disposition"]
    vcd = read_vcd(response.content.decode("ascii"))
    assert vcd["values"] == {"D13": [(0, 0)] + [(round(t), value) for t, value in trace]}
    assert vcd["end"] == round(result["simulatedMs"] * 1000)


@pytest.mark.usefixtures("celery_worker")
def test_serial_input_reaches_an_echo_sketch(api_client_anonymous):
    build_id, _ = built_hex(api_client_anonymous, ECHO)
    _, body = run(api_client_anonymous, {"build": build_id, "seconds": 0.5, "inputs": {"serial": "hello\n"}})
    assert body["status"] == "succeeded", body
    assert body["result"]["serial"] == "hello\n"
    assert body["result"]["serialBaud"] == 9615 and body["result"]["serialInputPending"] == 0


@pytest.mark.usefixtures("celery_worker")
def test_a_raw_hex_runs_with_digital_and_analog_inputs(api_client_anonymous):
    _, hex_text = built_hex(api_client_anonymous, READ_INPUTS, board="nano")
    inputs = {"digital": {"2": 1}, "analog": {"A0": 2.5}}
    _, body = run(api_client_anonymous, {"hex": hex_text, "board": "nano", "seconds": 0.2, "inputs": inputs})
    assert body["status"] == "succeeded" and body["build"] is None and body["board"] == "nano", body
    level, reading = body["result"]["serial"].split()
    assert level == "1" and 511 <= int(reading) <= 512  # 2.5 V of 5 V on 10 bits


@pytest.mark.usefixtures("celery_worker")
def test_what_the_harness_refuses_fails_the_run_naming_the_field(api_client_anonymous):
    _, hex_text = built_hex(api_client_anonymous, ECHO)
    _, body = run(
        api_client_anonymous, {"hex": hex_text, "board": "uno", "seconds": 1, "inputs": {"digital": {"99": 1}}}
    )
    assert body["status"] == "failed" and body["result"] is None
    assert body["diagnostics"][0]["message"].startswith("inputs.digital.99:"), body["diagnostics"]
    _, body = run(api_client_anonymous, {"hex": ":10000000FF\n", "board": "uno", "seconds": 1})
    assert body["status"] == "failed" and body["diagnostics"][0]["message"].startswith("hex: line 1"), body
    assert api_client_anonymous.get(f"/api/arduino/runs/{body['id']}/trace.vcd").status_code == 409


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"hex": ":00000001FF\n", "board": "uno", "seconds": 10.5}, "seconds"),
        ({"hex": ":00000001FF\n", "board": "uno", "seconds": 0}, "seconds"),
        ({"hex": ":00000001FF\n", "board": "uno"}, "seconds"),
        ({"hex": ":00000001FF\n", "seconds": 1}, "board"),
        ({"hex": ":00000001FF\n", "board": "leonardo", "seconds": 1}, "board"),
        ({"seconds": 1}, "build"),
        ({"hex": ":00000001FF\n", "build": "x", "board": "uno", "seconds": 1}, "build"),
        ({"hex": ":00000001FF\n", "board": "uno", "seconds": 1, "circuit": {}}, "circuit.components"),
        ({"hex": ":00000001FF\n", "board": "uno", "seconds": 1, "inputs": {"analog": {"A0": 6}}}, "inputs.analog.A0"),
        ({"hex": ":00000001FF\n", "board": "uno", "seconds": 1, "inputs": {"digital": {"2": 2}}}, "inputs.digital.2"),
        ({"hex": ":00000001FF\n", "board": "uno", "seconds": 1, "inputs": {"keys": "x"}}, "inputs.keys"),
        ({"hex": ":00000001FF\n", "board": "uno", "seconds": 1, "pins": [-1]}, "pins.0"),
    ],
)
def test_bad_requests_are_400_with_the_field(api_client_anonymous, body, field):
    response = api_client_anonymous.post("/api/arduino/runs", body, format="json")
    assert response.status_code == 400
    assert field in [error.get("field") for error in response.json()["errors"]], response.json()


@pytest.mark.usefixtures("celery_worker")
def test_a_private_build_runs_only_for_its_owner(user_api, django_user_model):
    build_id, _ = built_hex(user_api, BLINK)
    stranger = APIClient()
    stranger.force_authenticate(django_user_model.objects.create_user(username="eve", password="x" * 12))
    for client in (stranger, APIClient()):
        response = client.post("/api/arduino/runs", {"build": build_id, "seconds": 1}, format="json")
        assert response.status_code == 404, response.json()
        in_a_circuit = {"build": build_id, "seconds": 1, "circuit": led_circuit(), "pins": ["led1.A"]}
        assert client.post("/api/arduino/runs", in_a_circuit, format="json").status_code == 404
    assert APIClient().post("/api/arduino/runs", {"build": "nope", "seconds": 1}, format="json").status_code == 404
    submitted, body = run(user_api, {"build": build_id, "seconds": 1, "pins": [13, 9]})
    assert body["status"] == "succeeded" and body["result"]["traces"]["9"] == [], body  # asked for, never moved
    assert stranger.get(submitted["url"]).status_code == 404  # and the run is the owner's alone
    assert APIClient().get(f"{submitted['url']}/trace.vcd").status_code == 404


@pytest.mark.usefixtures("celery_worker")
def test_a_build_without_a_program_is_409(api_client_anonymous):
    submitted, body = build(api_client_anonymous, {"board": "uno", "sketch": "void setup() { oops }\nvoid loop() {}\n"})
    assert body["status"] == "failed"
    response = api_client_anonymous.post("/api/arduino/runs", {"build": submitted["id"], "seconds": 1}, format="json")
    assert response.status_code == 409 and "failed" in response.json()["errors"][0]["message"]
    board_mismatch = {"build": built_hex(api_client_anonymous, BLINK)[0], "board": "mega2560", "seconds": 1}
    assert api_client_anonymous.post("/api/arduino/runs", board_mismatch, format="json").status_code == 409


def harnesses_under(pid: int) -> list[str]:
    return [name for name in (command_name(child) for child in descendants(pid)) if name in ("bwrap", "node")]


def test_a_running_run_can_be_cancelled(api_client_anonymous, celery_worker):
    _, hex_text = built_hex(api_client_anonymous, BUSY)
    response = api_client_anonymous.post(
        "/api/arduino/runs", {"hex": hex_text, "board": "uno", "seconds": 10}, format="json"
    )
    url = response.json()["url"]
    deadline = time.monotonic() + 10
    while "node" not in harnesses_under(celery_worker.pid) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert "node" in harnesses_under(celery_worker.pid)
    assert api_client_anonymous.get(url).json()["status"] == "running"
    cancelled = api_client_anonymous.delete(url)
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    deadline = time.monotonic() + 5
    while harnesses_under(celery_worker.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert harnesses_under(celery_worker.pid) == []  # the harness's whole process group is gone
    assert api_client_anonymous.delete(url).status_code == 409
    assert api_client_anonymous.get(f"{url}/trace.vcd").status_code == 409
    assert api_client_anonymous.get(url).json()["result"] is None


@pytest.mark.usefixtures("celery_worker")
def test_blink_in_a_circuit_traces_the_led_nets_and_shows_the_parts(api_client_anonymous):
    build_id, _ = built_hex(api_client_anonymous, BLINK_FAST)
    body = {"build": build_id, "seconds": 0.07, "circuit": led_circuit(), "pins": [13, "led1.A", "led1.C"]}
    submitted, body = run(api_client_anonymous, body)
    assert body["status"] == "succeeded" and body["mcu"] == "uno1", body
    result = body["result"]
    assert list(result["traces"]) == ["13", "led1.A", "led1.C"] and not result["stoppedEarly"], result["wallMs"]
    anode = result["traces"]["led1.A"]
    # Floating while D13 is an input after reset, LOW from pinMode(13, OUTPUT), then a toggle every 20 ms.
    assert [value for _, value in anode] == [None, 0, 1, 0, 1, 0]
    assert [t for t, _ in anode[2:]] == [t for t, _ in result["traces"]["13"]]  # the net follows the pin
    assert anode[3][0] - anode[2][0] == pytest.approx(20_000, rel=0.01)
    assert result["traces"]["led1.C"] == [[0, 0]]  # on the ground rail
    assert result["pinChangesTotal"] == 4 + 6 + 1
    assert result["circuitWarnings"] == []  # D13 floats only at start-up, until pinMode: no warning
    assert result["parts"]["led1"]["type"] == "led" and result["parts"]["uno1"]["type"] == "board"

    vcd = read_vcd(api_client_anonymous.get(f"{submitted['url']}/trace.vcd").content.decode("ascii"))
    assert vcd["values"]["led1.A"] == [(0, None)] + [(round(t), value) for t, value in anode[1:]]
    assert vcd["values"]["led1.C"] == [(0, 0)] and vcd["values"]["D13"][0] == (0, 0)


@pytest.mark.usefixtures("celery_worker")
def test_a_miswired_led_stays_dark(api_client_anonymous):
    _, hex_text = built_hex(api_client_anonymous, LED_ON)
    brightness = {}
    for wired in (True, False):
        request = {"hex": hex_text, "board": "uno", "seconds": 0.05, "circuit": led_circuit(wired), "pins": ["led1.C"]}
        _, body = run(api_client_anonymous, request)
        assert body["status"] == "succeeded", body
        brightness[wired] = body["result"]["parts"]["led1"]["brightness"]
        cathode = body["result"]["traces"]["led1.C"]
        assert cathode == ([[0, 0]] if wired else [[0, None]])  # a cathode in a strip of its own floats
    assert brightness == {True: 1, False: 0}


@pytest.mark.usefixtures("celery_worker")
def test_a_button_pressed_at_500_ms_changes_what_digital_read_sees(api_client_anonymous):
    build_id, _ = built_hex(api_client_anonymous, BUTTON)
    parts = [{"t_ms": 500, "part": "btn1", "pressed": True}]
    request = {"build": build_id, "seconds": 0.52, "circuit": BUTTON_CIRCUIT, "inputs": {"parts": parts},
               "pins": ["uno1.D2"]}  # fmt: skip
    _, body = run(api_client_anonymous, request)
    assert body["status"] == "succeeded", body
    assert body["result"]["serial"] == "1\r\n0\r\n"
    d2 = body["result"]["traces"]["uno1.D2"]
    assert [value for _, value in d2] == [None, 1, 0]  # floating at reset, the pull-up, pressed
    assert d2[2][0] == pytest.approx(500_000, abs=1)


@pytest.mark.usefixtures("celery_worker")
def test_a_potentiometer_position_is_what_analog_read_reads(api_client_anonymous):
    _, hex_text = built_hex(api_client_anonymous, POT)
    parts = [
        {"t_ms": 0, "part": "pot1", "control": "position", "value": 0.25},
        {"t_ms": 30, "part": "pot1", "control": "position", "value": 1},
    ]
    request = {"hex": hex_text, "board": "uno", "seconds": 0.08, "circuit": POT_CIRCUIT, "inputs": {"parts": parts}}
    _, body = run(api_client_anonymous, request)
    assert body["status"] == "succeeded", body
    readings = [int(line) for line in body["result"]["serial"].split()]
    assert len(readings) == 4 and all(250 <= reading <= 260 for reading in readings[:2])  # 1.25 V of 5 V
    assert readings[2:] == [1023, 1023]


@pytest.mark.usefixtures("celery_worker")
def test_a_circuit_avr_sim_refuses_fails_the_run_with_its_message(api_client_anonymous):
    _, hex_text = built_hex(api_client_anonymous, LED_ON)
    bad_pin = {**led_circuit(), "wires": [["uno1.D13", "led1.X"]]}
    bad_kind = {"components": [{"id": "uno1", "kind": "uno"}, {"id": "l1", "kind": "lamp"}], "wires": []}
    bad_control = {"t_ms": 0, "part": "r1", "control": "ohms", "value": 5}
    for request, message in [
        ({"circuit": bad_pin}, "circuit: wire: no pin led1.X"),
        ({"circuit": bad_kind}, 'circuit.components.1.kind: unknown kind "lamp"'),
        ({"circuit": led_circuit(), "inputs": {"parts": [bad_control]}},
         'inputs.parts.0.control: r1 (resistor) has no controls, not "ohms"'),
    ]:  # fmt: skip
        _, body = run(api_client_anonymous, {"hex": hex_text, "board": "uno", "seconds": 0.05, **request})
        assert body["status"] == "failed" and body["result"] is None, body
        assert body["diagnostics"] == [{"severity": "error", "message": message}]


HEX = {"hex": ":00000001FF\n", "board": "uno", "seconds": 1}
TWO_UNOS = {"components": [{"id": "a", "kind": "uno"}, {"id": "b", "kind": "uno"}], "wires": []}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"circuit": []}, "circuit"),
        ({"circuit": {"components": [{"id": f"r{i}", "kind": "resistor"} for i in range(501)]}}, "circuit.components"),
        ({"circuit": {**POT_CIRCUIT, "wires": [["uno1.D2", "pot1.SIG"]] * 5001}}, "circuit.wires"),
        ({"circuit": {"components": [{"id": "a b", "kind": "uno"}]}}, "circuit.components.0.id"),
        ({"circuit": {"components": [{"id": "a", "kind": "Uno!"}]}}, "circuit.components.0.kind"),
        ({"circuit": {"components": [{"id": "a", "kind": "uno"}] * 2}}, "circuit.components.1.id"),
        ({"circuit": {"components": [{"id": "a", "kind": "uno", "props": {"x": [1]}}]}},
         "circuit.components.0.props.x"),
        ({"circuit": {**POT_CIRCUIT, "wires": [["uno1.D2"]]}}, "circuit.wires.0"),
        ({"circuit": {**POT_CIRCUIT, "wires": [["uno1.D2", "pot9.SIG"]]}}, "circuit.wires.0.1"),
        ({"circuit": {**POT_CIRCUIT, "wires": [["uno1.D2", "pot1.S IG"]]}}, "circuit.wires.0.1"),
        ({"mcu": "uno1"}, "mcu"),
        ({"inputs": {"parts": []}}, "inputs.parts"),
        ({"pins": ["led1.A"]}, "pins.0"),
        ({"circuit": POT_CIRCUIT, "pins": [13, "led1.A"]}, "pins.1"),
        ({"circuit": POT_CIRCUIT, "inputs": {"digital": {"2": 1}}}, "inputs.digital"),
        ({"circuit": POT_CIRCUIT, "inputs": {"analog": {"A0": 1}}}, "inputs.analog"),
        ({"circuit": POT_CIRCUIT, "inputs": {"parts": {"t_ms": 1}}}, "inputs.parts"),
        ({"circuit": POT_CIRCUIT, "inputs": {"parts": [{"t_ms": 1001, "part": "pot1", "pressed": True}]}},
         "inputs.parts.0.t_ms"),
        ({"circuit": POT_CIRCUIT, "inputs": {"parts": [{"t_ms": 1, "part": "pot2", "pressed": True}]}},
         "inputs.parts.0.part"),
        ({"circuit": POT_CIRCUIT, "inputs": {"parts": [{"t_ms": 1, "part": "pot1", "pressed": "yes"}]}},
         "inputs.parts.0.pressed"),
        ({"circuit": POT_CIRCUIT, "inputs": {"parts": [{"t_ms": 1, "part": "pot1", "control": "position"}]}},
         "inputs.parts.0.value"),
        ({"circuit": POT_CIRCUIT, "inputs": {"parts": [{"t_ms": 1, "part": "pot1", "pressed": True, "value": 1}]}},
         "inputs.parts.0.value"),
        ({"circuit": {"components": [{"id": "n", "kind": "nano"}]}}, "circuit"),
        ({"circuit": TWO_UNOS}, "mcu"),
        ({"circuit": TWO_UNOS, "mcu": "c"}, "mcu"),
        ({"circuit": POT_CIRCUIT, "mcu": "pot1"}, "mcu"),
    ],
)  # fmt: skip
def test_bad_circuits_are_400_with_the_field(api_client_anonymous, body, field):
    response = api_client_anonymous.post("/api/arduino/runs", {**HEX, **body}, format="json")
    assert response.status_code == 400, response.json()
    assert field in [error.get("field") for error in response.json()["errors"]], response.json()

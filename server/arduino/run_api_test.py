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
        ({"hex": ":00000001FF\n", "board": "uno", "seconds": 1, "circuit": {}}, "circuit"),
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

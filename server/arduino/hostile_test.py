"""Hostile sketches are refused or fail cleanly within limits, leak nothing of the host, and the service builds
the next sketch fine (real toolchain, real sandbox, through the API)."""

import json
import time

import pytest

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("celery_worker")]

BLINK = "void setup() { pinMode(13, OUTPUT); }\nvoid loop() { digitalWrite(13, !digitalRead(13)); delay(500); }\n"
HOST_SECRETS = ("root:x:0:0", "/bin/bash", "OHM_", "SECRET_KEY", "/work/main", "/home/")


@pytest.fixture
def client(api_client_anonymous):
    return api_client_anonymous


def submit(client, body: dict):
    return client.post("/api/arduino/builds", json.dumps(body), content_type="application/json")


def finished(client, response) -> dict:
    assert response.status_code == 202, response.content
    return client.get(f"{response.json()['url']}?wait=30").json()


def assert_leaks_nothing(answer) -> None:
    text = json.dumps(answer)
    for secret in HOST_SECRETS:
        assert secret not in text, f"{secret!r} leaked: {text[:2000]}"


def assert_next_build_works(client) -> None:
    build = finished(client, submit(client, {"board": "uno", "sketch": BLINK}))
    assert build["status"] == "succeeded" and build["hex"].startswith(":"), build


@pytest.mark.parametrize(
    "include",
    ['#include "/etc/passwd"', "#include </etc/passwd>", '#include "../../../../etc/passwd"',
     '#include "/usr/share/arduino/hardware/arduino/avr/platform.txt"', "#include </proc/self/environ>"],
)  # fmt: skip
def test_includes_of_host_files_fail_and_leak_nothing(client, include):
    answer = finished(client, submit(client, {"board": "uno", "sketch": f"{include}\n{BLINK}"}))
    assert answer["status"] in ("failed", "succeeded") and not answer.get("hex")
    errors = [d for d in answer["diagnostics"] if d["severity"] == "error"]
    assert errors and errors[0]["line"] == 1 and errors[0]["file"] == "sketch.ino", answer["diagnostics"]
    assert_leaks_nothing(answer)
    assert_next_build_works(client)


def test_a_preprocessor_expansion_bomb_fails_within_the_limits(client):
    bomb = "".join(f"#define L{n + 1} L{n} L{n} L{n} L{n}\n" for n in range(40))
    sketch = f"#define L0 x\n{bomb}int y = sizeof(L40);\n{BLINK}"
    started = time.monotonic()
    answer = finished(client, submit(client, {"board": "uno", "sketch": sketch}))
    assert time.monotonic() - started < 60
    assert not answer.get("hex")
    assert len(json.dumps(answer)) < 200_000  # trimmed, not the expansion
    assert_leaks_nothing(answer)
    assert_next_build_works(client)


@pytest.mark.parametrize(
    "name", ["../evil.h", "a/b.h", "x;rm -rf ~.h", "$(reboot).cpp", "`id`.c", "evil.sh", ".hidden.h", "sketch.ino.cpp"]
)
def test_file_names_outside_the_rules_are_refused(client, name):
    response = submit(client, {"board": "uno", "sketch": BLINK, "files": {name: "int x;\n"}})
    assert response.status_code == 400
    assert any(error.get("field", "").startswith("files") for error in response.json()["errors"]), response.json()
    assert_next_build_works(client)


def test_sources_over_a_megabyte_are_refused_before_anything_runs(client):
    big = "// " + "x" * 1_100_000 + "\n" + BLINK
    response = submit(client, {"board": "uno", "sketch": big})
    assert response.status_code == 400
    sixteen = "// " + "x" * (16 * 1024 * 1024) + "\n"
    assert submit(client, {"board": "uno", "sketch": sixteen}).status_code == 413  # the API's body limit
    assert_next_build_works(client)

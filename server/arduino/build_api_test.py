"""The Arduino API end to end: a real worker, the real toolchain in the real sandbox."""

import time

import pytest
from rest_framework.test import APIClient

from sandbox.process_tree import command_name, descendants

from .build_test import BLINK, intel_hex_image

pytestmark = [pytest.mark.django_db(transaction=True)]


def build(client, body: dict, wait: float = 30) -> tuple[dict, dict]:
    response = client.post("/api/arduino/builds", body, format="json")
    assert response.status_code == 202, response.json()
    submitted = response.json()
    assert submitted["status"] == "queued" and submitted["url"] == f"/api/arduino/builds/{submitted['id']}"
    return submitted, client.get(f"{submitted['url']}?wait={wait}").json()


def test_boards_are_public_and_cached(api_client_anonymous):
    response = api_client_anonymous.get("/api/arduino/boards")
    assert response.status_code == 200
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    assert response.json() == [
        {"id": "uno", "name": "Arduino Uno", "mcu": "atmega328p", "f_cpu": 16000000, "flash_max": 32256,
         "ram_max": 2048},
        {"id": "nano", "name": "Arduino Nano (ATmega328P)", "mcu": "atmega328p", "f_cpu": 16000000,
         "flash_max": 30720, "ram_max": 2048},
        {"id": "mega2560", "name": "Arduino Mega 2560", "mcu": "atmega2560", "f_cpu": 16000000,
         "flash_max": 253952, "ram_max": 8192},
    ]  # fmt: skip


def test_libraries_are_public_with_versions_and_headers(api_client_anonymous):
    response = api_client_anonymous.get("/api/arduino/libraries")
    assert response.status_code == 200 and "public" in response["Cache-Control"]
    libraries = {library["name"]: library for library in response.json()}
    assert {"EEPROM", "SPI", "Wire", "SoftwareSerial", "Servo", "LiquidCrystal", "Stepper"} <= set(libraries)
    for name in ("Servo", "LiquidCrystal", "Stepper"):
        assert libraries[name]["bundled"] is True and f"{name}.h" in libraries[name]["headers"]
        assert libraries[name]["version"] and libraries[name]["sentence"]
    for name in ("EEPROM", "SPI", "Wire", "SoftwareSerial"):
        assert libraries[name]["bundled"] is False and f"{name}.h" in libraries[name]["headers"]


@pytest.mark.usefixtures("celery_worker")
def test_anonymous_blink_build_returns_a_hex(api_client_anonymous):
    _, body = build(api_client_anonymous, {"board": "uno", "sketch": BLINK})
    assert body["status"] == "succeeded", body
    image = intel_hex_image(body["hex"])
    assert len(image) == body["size"]["flash"] and body["size"]["flash_max"] == 32256
    assert body["diagnostics"] == [] and body["board"] == "uno"
    assert body["timings"]["compile"] > 0 and body["timings"]["total"] >= body["timings"]["link"]
    assert body["cache"]["core_hits"] + body["cache"]["core_misses"] == 1


@pytest.mark.usefixtures("celery_worker")
def test_a_compile_error_fails_the_build_with_its_file_and_line(api_client_anonymous):
    files = {"helpers.ino": "int twice(int x) {\n  return 2 * x\n}\n"}
    _, body = build(api_client_anonymous, {"board": "nano", "sketch": BLINK, "files": files})
    assert body["status"] == "failed"
    assert body["hex"] is None and body["size"] is None
    errors = [d for d in body["diagnostics"] if d["severity"] == "error"]
    assert errors and errors[0]["file"] == "helpers.ino" and errors[0]["line"] in (2, 3), body["diagnostics"]
    assert set(errors[0]) == {"file", "line", "column", "severity", "message"}


@pytest.mark.usefixtures("celery_worker")
def test_a_too_big_program_fails_with_its_size(api_client_anonymous):
    sketch = (
        "const uint8_t a[20000] PROGMEM = {1};\nconst uint8_t b[20000] PROGMEM = {2};\nvoid setup() {}\n"
        "void loop() { static uint16_t i; i++;\n"
        "  PORTB = pgm_read_byte(&a[i % sizeof a]) + pgm_read_byte(&b[i % sizeof b]); }\n"
    )  # fmt: skip
    _, body = build(api_client_anonymous, {"board": "uno", "sketch": sketch})
    assert body["status"] == "failed" and body["hex"] is None
    assert body["size"]["flash"] > body["size"]["flash_max"] == 32256
    assert "bytes more than the maximum of 32256" in body["diagnostics"][-1]["message"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"board": "leonardo", "sketch": BLINK}, "board"),
        ({"sketch": BLINK}, "board"),
        ({"board": "uno"}, "sketch"),
        ({"board": "uno", "sketch": BLINK, "extra": 1}, "extra"),
        ({"board": "uno", "sketch": BLINK, "files": {"bad name.h": "x"}}, "files.bad name.h"),
        ({"board": "uno", "sketch": BLINK, "files": {"../up.h": "x"}}, "files.../up.h"),
        ({"board": "uno", "sketch": BLINK, "files": {"notes.txt": "x"}}, "files.notes.txt"),
        ({"board": "uno", "sketch": BLINK, "files": ["a.h"]}, "files"),
    ],
)
def test_bad_requests_are_400_with_the_field(api_client_anonymous, body, field):
    response = api_client_anonymous.post("/api/arduino/builds", body, format="json")
    assert response.status_code == 400
    assert field in [error.get("field") for error in response.json()["errors"]], response.json()


def test_over_a_megabyte_is_400(api_client_anonymous):
    big = {"big.h": "// " + "x" * (1024 * 1024) + "\n"}
    response = api_client_anonymous.post("/api/arduino/builds", {"board": "uno", "sketch": BLINK, "files": big},
                                         format="json")  # fmt: skip
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["field"] == "files" and "1024 kB" in error["message"], error


def compilers_under(pid: int) -> list[str]:
    names = (command_name(child) for child in descendants(pid))
    return [name for name in names if name in ("bwrap", "avr-g++", "avr-gcc", "cc1plus", "cc1")]


def test_a_running_build_can_be_cancelled_and_the_next_one_builds(api_client_anonymous, celery_worker):
    # A header that includes itself twice per level: 2^24 includes keep the compiler busy for minutes.
    slow = {"slow.h": '#if __INCLUDE_LEVEL__ < 24\n#include "slow.h"\n#include "slow.h"\n#endif\n'}
    response = api_client_anonymous.post(
        "/api/arduino/builds", {"board": "uno", "sketch": '#include "slow.h"\n' + BLINK, "files": slow}, format="json"
    )
    url = response.json()["url"]
    running = api_client_anonymous.get(f"{url}?wait=1").json()
    assert running["status"] == "running", running
    assert "cc1plus" in compilers_under(celery_worker.pid)
    cancelled = api_client_anonymous.delete(url)
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    deadline = time.monotonic() + 5
    while compilers_under(celery_worker.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert compilers_under(celery_worker.pid) == []  # the compiler's whole process group is gone
    assert api_client_anonymous.delete(url).status_code == 409
    _, body = build(api_client_anonymous, {"board": "uno", "sketch": BLINK})
    assert body["status"] == "succeeded"


@pytest.mark.usefixtures("celery_worker")
def test_owned_builds_are_private(user_api, django_user_model):
    submitted, body = build(user_api, {"board": "uno", "sketch": BLINK})
    assert body["status"] == "succeeded"
    stranger = APIClient()
    stranger.force_authenticate(django_user_model.objects.create_user(username="eve", password="x" * 12))
    assert stranger.get(submitted["url"]).status_code == 404
    assert APIClient().get(submitted["url"]).status_code == 404
    assert APIClient().get("/api/arduino/builds/not-a-uuid").status_code == 404


def test_a_simulation_id_is_not_a_build(api_client_anonymous, user):
    from jobs.models import Job

    job = Job.objects.create(kind="spice", input={"netlist": "x"}, expires_at="2100-01-01T00:00:00Z")
    assert api_client_anonymous.get(f"/api/arduino/builds/{job.pk}").status_code == 404


def test_anonymous_submissions_are_rate_limited(api_client_anonymous):
    # Throttling comes before validation, so refused requests count (and queue no builds).
    statuses = [
        api_client_anonymous.post("/api/arduino/builds", {"board": "none", "sketch": ""}, format="json").status_code
        for _ in range(31)
    ]
    assert statuses[:30] == [400] * 30 and statuses[30] == 429

"""The health endpoint runs real checks: database, broker, result store, ngspice, avr-gcc."""

import re

import pytest
from rest_framework.test import APIClient

from ohmcloud import health

pytestmark = pytest.mark.django_db


def test_health_is_ok_with_real_versions():
    response = APIClient().get("/api/health/")
    body = response.json()
    assert response.status_code == 200, body
    assert body["status"] == "ok"
    checks = body["checks"]
    assert checks["db"] == "ok"
    assert checks["broker"].startswith("ok")
    assert checks["result_store"].startswith("ok")
    assert re.fullmatch(r"\d+(\.\d+)*\S*", checks["ngspice"]), checks["ngspice"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", checks["avr_gcc"]), checks["avr_gcc"]


def test_a_failing_check_degrades_to_503(monkeypatch):
    # A broker nobody listens on (port 1 is never open here): a real failure, not a mock.
    monkeypatch.setitem(health.CHECKS, "broker", lambda: health.check_broker("redis://127.0.0.1:1/0"))
    response = APIClient().get("/api/health/")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["broker"].startswith("error:")
    assert body["checks"]["db"] == "ok"


def test_missing_tool_is_reported(monkeypatch):
    monkeypatch.setitem(health._VERSION_PATTERNS, "ngspice", (["no-such-ngspice", "--version"], re.compile(rb"x")))
    healthy, checks = health.run_checks()
    assert not healthy
    assert checks["ngspice"].startswith("error: /usr/bin/no-such-ngspice not runnable")

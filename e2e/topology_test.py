"""The production topology: nginx in front of two gunicorns; jobs on celery + Redis + MariaDB."""

import http.cookiejar
import json
import re
import secrets
import time
import urllib.request
from pathlib import Path


class ApiSession:
    """A cookie-keeping JSON client that behaves like the web apps (CSRF header included)."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        self.token: str | None = None

    def call(
        self,
        method: str,
        path: str,
        body: dict | None = None,
        headers: dict | None = None,
    ):
        csrf = next((c.value for c in self.cookies if c.name == "csrftoken"), "")
        request = urllib.request.Request(
            self.base_url + path,
            method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={
                "Content-Type": "application/json",
                "X-CSRFToken": csrf,
                **({"Authorization": f"Token {self.token}"} if self.token else {}),
                **(headers or {}),
            },
        )
        try:
            with self.opener.open(request, timeout=40) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def json(self, method: str, path: str, body: dict | None = None):
        status, _, content = self.call(method, path, body)
        return status, json.loads(content) if content else None


def test_trial_job_runs_through_nginx_on_redis_and_mariadb(topology_url):
    api = ApiSession(topology_url)
    api.call("GET", "/api/auth/me")  # sets the csrftoken cookie
    username = f"ops-{secrets.token_hex(4)}"
    status, user = api.json(
        "POST",
        "/api/auth/register",
        {"username": username, "password": "a long enough passphrase"},
    )
    assert status == 201, user
    status, body = api.json(
        "POST",
        "/api/auth/tokens",
        {"username": username, "password": "a long enough passphrase"},
    )
    assert status == 201, body
    token_client = ApiSession(topology_url)
    token_client.token = body["token"]
    status, job = token_client.json(
        "POST",
        "/api/jobs",
        {"kind": "sleep", "input": {"seconds": 0.3, "message": "via nginx"}},
    )
    assert status == 202, job
    status, done = token_client.json("GET", f"{job['url']}?wait=30")
    assert status == 200
    assert done["status"] == "succeeded", done
    assert done["result"] == {"message": "via nginx", "slept": 0.3}


def test_health_reports_the_real_services(topology_url):
    status, body = ApiSession(topology_url).json("GET", "/api/health/")
    assert status == 200, body
    assert "redis" in body["checks"]["broker"].lower()
    assert body["checks"]["db"] == "ok"
    assert body["checks"]["result_store"] == "ok (mongodb)"


def test_the_release_step_imported_the_component_library(topology_url):
    status, body = ApiSession(topology_url).json("GET", "/api/library/components?search=2n3904")
    assert status == 200, body
    assert body["results"][0]["symbol_id"] == "Transistor_BJT:2N3904"


def test_requests_are_balanced_over_both_django_instances(topology):
    api = ApiSession(topology["url"])
    marker = secrets.token_hex(6)
    for i in range(12):
        api.call("GET", f"/api/health/?probe={marker}-{i}")

    def hits() -> list[int]:
        logs = [Path(topology["work"], f"gunicorn-{port}.log") for port in topology["web_ports"]]
        return [log.read_text().count(f"probe={marker}") for log in logs]

    deadline = time.monotonic() + 10  # gunicorn writes its access line just after the response
    while sum(hits()) < 12 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert sum(hits()) == 12
    assert all(h > 0 for h in hits()), f"one instance got no traffic: {hits()}"


def test_static_apps_and_headers_from_nginx(topology_url):
    api = ApiSession(topology_url)
    status, headers, html = api.call("GET", "/eda/some/deep/link")
    assert status == 200
    assert b"<title>OhmCloud EDA</title>" in html
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert "nginx/" not in headers.get("Server", "")
    asset = re.search(rb'src="(/eda/assets/[^"]+\.js)"', html).group(1).decode()
    status, headers, _ = api.call("GET", asset, headers={"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "immutable" in headers["Cache-Control"]


def test_oversized_bodies_are_stopped_at_the_proxy(topology_url):
    big = {"username": "x", "password": "y" * (5 * 1024 * 1024)}
    status, _, _ = ApiSession(topology_url).call("POST", "/api/auth/login", big)
    assert status == 413

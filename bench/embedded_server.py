"""Start the embedded server (gunicorn + celery worker, SQLite, filesystem broker) for a benchmark."""

import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

SERVER = Path(__file__).resolve().parent.parent / "server"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(url: str, body: dict | None = None, token: str | None = None, raw: bool = False):
    """GET (or POST `body` as JSON); the decoded JSON, or the raw bytes."""
    headers = {"Content-Type": "application/json", **({"Authorization": f"Token {token}"} if token else {})}
    data = None if body is None else json.dumps(body).encode()
    with urllib.request.urlopen(urllib.request.Request(url, data=data, headers=headers), timeout=120) as response:
        content = response.read()
    return content if raw else json.loads(content)


@contextlib.contextmanager
def embedded_server(worker_concurrency: int = 2, libraries: tuple[str, ...] = ()):
    """Yield (base_url, api_token) of a fresh server with its own data folder, holding the KiCad symbol
    `libraries` named (none by default: most benchmarks need no symbols)."""
    var = Path(tempfile.mkdtemp(prefix="ohm-bench-"))
    password = secrets.token_urlsafe(16)
    env = {**os.environ, "OHM_VAR_DIR": str(var), "DJANGO_SUPERUSER_PASSWORD": password}
    for key in ("DATABASE_URL", "CELERY_BROKER_URL", "CACHE_URL", "RESULT_STORE_URL"):
        env.pop(key, None)
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v", "0"], cwd=SERVER, env=env, check=True)
    if libraries:
        subprocess.run([*manage, "import_symbols", "-v", "0", *libraries], cwd=SERVER, env=env, check=True)
    subprocess.run(
        [*manage, "createsuperuser", "--noinput", "--username", "bench", "--email", "bench@example.org"],
        cwd=SERVER, env=env, check=True, capture_output=True,
    )  # fmt: skip
    port = free_port()
    log = (var / "server.log").open("w")  # kept for a look when a benchmark fails
    server = subprocess.Popen(
        [sys.executable, "-m", "ohmcloud.serve", "--port", str(port), "--worker-concurrency", str(worker_concurrency)],
        cwd=SERVER, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                call(f"{base}/api/health/")
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        token = call(f"{base}/api/auth/tokens", {"username": "bench", "password": password})["token"]
        yield base, token
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()
        print(f"(server log: {var / 'server.log'})", file=sys.stderr)

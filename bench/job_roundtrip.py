"""How much does the job pipeline add on top of the program it runs?

Starts the embedded server (python -m ohmcloud.serve: gunicorn + celery worker,
SQLite, filesystem broker) on a free port with a throw-away data folder, then
compares, in the same run:
  raw:  spawning `/bin/sleep 0` directly (subprocess), the engine floor;
  job:  POST /api/jobs {"kind": "sleep", "input": {"seconds": 0}} + GET ?wait=30
        until it succeeded (HTTP -> broker -> worker -> process -> DB -> HTTP).
Prints medians, p95 and the ratio job/raw. Usage: .venv/bin/python bench/job_roundtrip.py [N]
"""

import json
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SERVER = REPO / "server"
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(url: str, body: dict | None = None, token: str | None = None) -> dict:
    headers = {"Content-Type": "application/json", **({"Authorization": f"Token {token}"} if token else {})}
    data = None if body is None else json.dumps(body).encode()
    with urllib.request.urlopen(urllib.request.Request(url, data=data, headers=headers), timeout=60) as response:
        return json.loads(response.read())


def percentile(values: list[float], q: float) -> float:
    return sorted(values)[min(len(values) - 1, int(q * len(values)))]


def main(n: int) -> None:
    var = Path(tempfile.mkdtemp(prefix="ohm-bench-"))
    env = {**os.environ, "OHM_VAR_DIR": str(var), "DJANGO_SUPERUSER_PASSWORD": secrets.token_urlsafe(16)}
    for key in ("DATABASE_URL", "CELERY_BROKER_URL", "CACHE_URL"):
        env.pop(key, None)
    manage = [PYTHON, "manage.py"]
    subprocess.run([*manage, "migrate", "-v", "0"], cwd=SERVER, env=env, check=True)
    subprocess.run(
        [*manage, "createsuperuser", "--noinput", "--username", "bench", "--email", "b@example.org"],
        cwd=SERVER,
        env=env,
        check=True,
        capture_output=True,
    )
    port = free_port()
    server = subprocess.Popen(
        [PYTHON, "-m", "ohmcloud.serve", "--port", str(port)],
        cwd=SERVER,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
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
        token = call(f"{base}/api/auth/tokens", {"username": "bench", "password": env["DJANGO_SUPERUSER_PASSWORD"]})[
            "token"
        ]

        raw = []
        for _ in range(n):
            started = time.perf_counter()
            subprocess.run(["/bin/sleep", "0"], check=True)
            raw.append(time.perf_counter() - started)

        job_times = []
        for i in range(n + 2):
            started = time.perf_counter()
            job = call(f"{base}/api/jobs", {"kind": "sleep", "input": {"seconds": 0}}, token)
            done = call(f"{base}{job['url']}?wait=30", token=token)
            assert done["status"] == "succeeded", done
            if i >= 2:  # the first jobs warm up the worker's connections
                job_times.append(time.perf_counter() - started)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    raw_med, job_med = statistics.median(raw), statistics.median(job_times)
    print(f"runs: {n}")
    print(f"raw /bin/sleep 0     median {raw_med * 1000:8.2f} ms   p95 {percentile(raw, 0.95) * 1000:8.2f} ms")
    print(f"job via API + worker median {job_med * 1000:8.2f} ms   p95 {percentile(job_times, 0.95) * 1000:8.2f} ms")
    print(f"ratio job/raw (median): {job_med / raw_med:.1f}x; pipeline overhead {1000 * (job_med - raw_med):.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)

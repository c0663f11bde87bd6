"""Fixtures that start the whole app the way users and operators do.

- `embedded_url`: `./run` itself (bootstrap, migrations, gunicorn + celery worker
  on SQLite and the filesystem broker) on a free port with a fresh data folder.
- `topology_url`: the production topology without Docker: Debian's nginx with
  deploy/nginx's config in front of two gunicorn instances and a celery worker,
  on the machine's MariaDB (a fresh database) and Redis, OHM_ENV=production.
The browser is Debian's /usr/bin/chromium; Playwright never downloads one.
"""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SERVER = REPO / "server"
PYTHON = REPO / ".venv" / "bin" / "python"
sys.path[:0] = [str(REPO / "deploy"), str(SERVER)]

from jobs.mongo_wire_server import start_mongo_wire_server  # noqa: E402
from ohmcloud.serve import web_command, worker_command  # noqa: E402
from render_nginx import nginx_command, render_local_config  # noqa: E402

CHROMIUM_ARGS = [
    "--no-sandbox",  # the tests run as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",  # this machine has no internet: don't try
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """The smallest screen the apps are made for (1280 x 800), and a clipboard the page may use."""
    return {**browser_context_args, "viewport": {"width": 1280, "height": 800}}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_http(url: str, procs: list[subprocess.Popen], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        for proc in procs:
            if proc.poll() is not None:
                raise RuntimeError(f"{proc.args} exited with {proc.returncode} before {url} answered")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except Exception as exc:
            last_error = exc
        time.sleep(0.25)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s: {last_error}")


def stop(procs: list[subprocess.Popen], sig=signal.SIGTERM) -> None:
    for proc in procs:
        if proc.poll() is None:
            os.killpg(proc.pid, sig)
    for proc in procs:
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def start(argv, *, env, log: Path, cwd=SERVER) -> subprocess.Popen:
    with log.open("w") as out:
        return subprocess.Popen(
            [str(a) for a in argv],
            cwd=cwd,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


@pytest.fixture(scope="session")
def embedded_server(tmp_path_factory):
    """`./run` on a free port with its own data folder; yields (url, process)."""
    var = tmp_path_factory.mktemp("embedded-var")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "CELERY_", "CACHE_URL"))}
    env.update(PORT=str(port), OHM_VAR_DIR=str(var))
    proc = start([REPO / "run"], env=env, log=var / "run.log", cwd=REPO)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{url}/api/health/", [proc])
        yield url, proc, var
    finally:
        stop([proc], signal.SIGINT)


@pytest.fixture(scope="session")
def embedded_url(embedded_server):
    return embedded_server[0]


def _fresh_services(database: str, redis_dbs: list[int]) -> None:
    """Start MariaDB/Redis if down; a new empty database and empty Redis databases."""
    subprocess.run(["scripts/start-services.sh"], cwd=REPO, check=True)
    for number in redis_dbs:
        subprocess.run(["redis-cli", "-h", "127.0.0.1", "-n", str(number), "flushdb"], check=True, capture_output=True)
    sql = f"DROP DATABASE IF EXISTS {database}; CREATE DATABASE {database} CHARACTER SET utf8mb4;"
    subprocess.run(
        ["mariadb", "--protocol=tcp", "-h", "127.0.0.1", "-u", "root", "-e", sql],
        check=True,
    )


@pytest.fixture(scope="session")
def topology(tmp_path_factory):
    """nginx -> 2 x gunicorn + celery worker on MariaDB + Redis + a MongoDB wire server, production settings."""
    work = tmp_path_factory.mktemp("topology")
    database = "ohmcloud_e2e"
    _fresh_services(database, redis_dbs=[11, 12])
    (work / "mongo").mkdir()
    mongo, mongo_port = start_mongo_wire_server(work / "mongo")
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "CELERY_", "CACHE_URL"))},
        "OHM_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"mysql://root@127.0.0.1:3306/{database}",
        "CELERY_BROKER_URL": "redis://127.0.0.1:6379/11",
        "CACHE_URL": "rediscache://127.0.0.1:6379/12",
        "RESULT_STORE_URL": f"mongodb://127.0.0.1:{mongo_port}/ohmcloud_e2e",
        "STATIC_ROOT": str(work / "static"),
        "OHM_VAR_DIR": str(work / "var"),
        "NUM_PROXIES": "1",
        # Plain http on loopback in this test; real deployments keep the Secure defaults.
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
    }
    # The release step every django container runs first: migrate, import symbols, collectstatic.
    subprocess.run([PYTHON, REPO / "deploy" / "app" / "migrate_locked.py"], cwd=SERVER, env=env, check=True)
    web_ports = [free_port(), free_port()]
    procs = [
        start(web_command(f"127.0.0.1:{port}", threads=4), env=env, log=work / f"gunicorn-{port}.log")
        for port in web_ports
    ]
    procs.append(start(worker_command(f"e2e-{os.getpid()}@%h"), env=env, log=work / "celery.log"))
    nginx_port = free_port()
    config = render_local_config(
        work / "nginx",
        listen=f"127.0.0.1:{nginx_port}",
        django_servers=[f"127.0.0.1:{p}" for p in web_ports],
        eda_root=REPO / "web" / "apps" / "eda" / "dist",
        arduino_root=REPO / "web" / "apps" / "arduino" / "dist",
        static_root=work / "static",
    )
    procs.append(start(nginx_command(config), env=env, log=work / "nginx.log"))
    url = f"http://127.0.0.1:{nginx_port}"
    try:
        wait_for_http(f"{url}/api/health/", procs)
        yield {"url": url, "work": work, "web_ports": web_ports}
    finally:
        stop([*procs, mongo])


@pytest.fixture(scope="session")
def topology_url(topology):
    return topology["url"]


@pytest.fixture(params=["embedded", "nginx"])
def base_url_of(request):
    """The app's address in each deployment mode (parametrizes a test over both)."""
    return request.getfixturevalue("embedded_url" if request.param == "embedded" else "topology_url")

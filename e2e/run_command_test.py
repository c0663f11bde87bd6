"""./run itself: serves everything, stops every child on Ctrl-C, refuses politely without root."""

import os
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_run_serves_every_entry_point(embedded_url):
    for path, fragment in [
        ("/", b"OhmCloud"),
        ("/eda/", b"<title>OhmCloud EDA</title>"),
        ("/arduino/", b"<title>OhmCloud Arduino</title>"),
        ("/api/docs/", b"swagger-ui"),
        ("/api/schema/", b"openapi: 3"),
    ]:
        with urllib.request.urlopen(embedded_url + path, timeout=10) as response:
            assert response.status == 200, path
            assert fragment in response.read(), path


def test_run_prints_the_url(embedded_server):
    url, _, var = embedded_server
    assert f"OhmCloud is running at {url}/" in (var / "run.log").read_text()


def test_ctrl_c_stops_every_child(tmp_path, embedded_server):
    # A second ./run of its own, so the shared one keeps serving the other tests.
    from conftest import free_port, start, wait_for_http
    from sandbox.process_tree import descendants, is_running

    port = free_port()
    env = {**os.environ, "PORT": str(port), "OHM_VAR_DIR": str(tmp_path)}
    proc = start([REPO / "run"], env=env, log=tmp_path / "run.log", cwd=REPO)
    wait_for_http(f"http://127.0.0.1:{port}/api/health/", [proc])
    family = descendants(proc.pid)
    assert len(family) >= 4  # gunicorn master + workers, celery + pool children
    os.killpg(proc.pid, signal.SIGINT)  # what the terminal sends on Ctrl-C
    assert proc.wait(timeout=30) == 0
    deadline = time.monotonic() + 10
    while any(is_running(p) for p in family) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [p for p in family if is_running(p)]


# As root, drop to nobody; an ordinary user already is what the test needs.
AS_UNPRIVILEGED = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"] if os.geteuid() == 0 else []


def test_missing_package_without_root_prints_the_install_command():
    # A copy of dpkg's real database with ngspice's entry removed, read by the
    # real bootstrap as an unprivileged user (nobody when the tests run as root).
    tmp_path = Path(tempfile.mkdtemp(prefix="ohm-dpkg-"))  # pytest's tmp dirs are private to root
    tmp_path.chmod(0o755)
    admindir = tmp_path / "dpkg"
    admindir.mkdir()
    stanzas = Path("/var/lib/dpkg/status").read_text().split("\n\n")
    (admindir / "status").write_text("\n\n".join(s for s in stanzas if not s.startswith("Package: ngspice\n")))
    for name in ("updates", "info", "triggers"):
        (admindir / name).mkdir()
    try:
        result = subprocess.run(
            [*AS_UNPRIVILEGED, str(REPO / "run")],
            env={
                "PATH": os.environ["PATH"],
                "HOME": str(tmp_path),
                "OHM_DPKG_ADMINDIR": str(admindir),
            },
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        shutil.rmtree(tmp_path)
    assert result.returncode != 0
    assert "sudo apt-get install -y ngspice\n" in result.stderr, result.stderr
    assert "missing: ngspice" in result.stderr

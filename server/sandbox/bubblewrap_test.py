"""What a confined program can and cannot reach, checked with real programs in real bubblewrap."""

import tempfile
from pathlib import Path

from sandbox.bubblewrap import confine, sandbox_mode
from sandbox.process import run_process


def test_the_sandbox_is_in_use():
    # ./test installs bubblewrap; if it cannot create a sandbox here, simulations would run
    # with rlimits only, and that must not pass unnoticed.
    assert sandbox_mode() == "bwrap"


def run_confined(tmp_path: Path, script: str):
    return run_process(confine(["/bin/sh", "-c", script], tmp_path), cwd=tmp_path)


def test_runs_as_nobody_in_the_work_dir(tmp_path):
    result = run_confined(tmp_path, "id -u; pwd; echo made > out.txt")
    assert result.stdout.decode().split() == ["65534", "/work"]
    assert (tmp_path / "out.txt").read_text() == "made\n"


def test_host_files_are_invisible(tmp_path):
    secret = Path(tempfile.mkdtemp()) / "host-secret"
    secret.write_text("x")
    result = run_confined(tmp_path, f"cat /etc/passwd; ls /root /home; cat {secret}; ls /tmp | wc -l")
    err = result.stderr.decode()
    assert "/etc/passwd: No such file" in err
    assert "/root" in err and "/home" in err
    assert "host-secret: No such file" in err
    assert result.stdout.decode().split() == ["0"]  # an empty private /tmp


def test_usr_is_read_only(tmp_path):
    result = run_confined(tmp_path, "touch /usr/bin/evil")
    assert result.returncode != 0
    assert "Read-only file system" in result.stderr.decode() or "Permission denied" in result.stderr.decode()


def test_no_network(tmp_path):
    # Redis listens on the host's loopback; inside the sandbox there is no route to it.
    script = "exec 3<>/dev/tcp/127.0.0.1/6379 && echo connected || echo refused"
    result = run_process(confine(["/bin/bash", "-c", script], tmp_path), cwd=tmp_path)
    assert result.stdout.decode().strip() == "refused"


def test_environment_is_cleared(tmp_path, monkeypatch):
    monkeypatch.setenv("OHM_HOST_SECRET", "leak")
    result = run_process(confine(["/usr/bin/env"], tmp_path), cwd=tmp_path, env={"OHM_HOST_SECRET": "leak"})
    assert b"leak" not in result.stdout
    assert b"HOME=/work" in result.stdout

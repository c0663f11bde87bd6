"""The process runner against real programs (sh, sleep, head, python)."""

import signal
import sys
import time

import pytest

from sandbox.process import ProcessLimits, run_process
from sandbox.process_tree import is_running


def test_captures_output_and_exit_status():
    result = run_process(["/bin/sh", "-c", "echo out; echo err >&2; exit 3"])
    assert result.stdout == b"out\n"
    assert result.stderr == b"err\n"
    assert result.returncode == 3
    assert not result.ok
    assert result.failure_reason() == "/bin/sh exited with status 3"


def test_arguments_are_never_interpreted_by_a_shell():
    result = run_process(["/bin/echo", "$(id); rm -rf /"])
    assert result.stdout == b"$(id); rm -rf /\n"
    assert result.ok


def test_wall_clock_timeout_kills_the_whole_process_group():
    # The shell starts a grandchild sleeper and prints its pid; both must die.
    started = time.monotonic()
    result = run_process(["/bin/sh", "-c", "sleep 60 & echo $!; wait"], limits=ProcessLimits(wall_seconds=0.5))
    assert result.timed_out
    assert result.returncode is None
    assert time.monotonic() - started < 5
    grandchild = int(result.stdout.split()[0])
    time.sleep(0.1)
    assert not is_running(grandchild)
    assert "time limit" in result.failure_reason()


def test_output_is_capped():
    result = run_process(["/usr/bin/head", "-c", "1000000", "/dev/zero"], limits=ProcessLimits(output_bytes=1000))
    assert result.output_truncated
    assert len(result.stdout) == 1000
    assert "too much output" in result.failure_reason()


def test_cancellation_stops_the_process():
    calls = []

    def should_cancel() -> bool:
        calls.append(1)
        return len(calls) > 2

    result = run_process(["/bin/sleep", "30"], should_cancel=should_cancel, poll_seconds=0.05)
    assert result.cancelled
    assert result.wall_seconds < 5


def test_memory_limit_is_enforced():
    code = "x = bytearray(512 * 1024 * 1024)"
    result = run_process([sys.executable, "-c", code], limits=ProcessLimits(memory_bytes=256 * 1024 * 1024))
    assert result.returncode != 0
    assert b"MemoryError" in result.stderr


def test_cpu_time_limit_is_enforced():
    result = run_process([sys.executable, "-c", "while True: pass"], limits=ProcessLimits(cpu_seconds=1))
    assert result.signal in (signal.SIGXCPU, signal.SIGKILL)
    assert result.wall_seconds < 5


def test_file_size_limit_is_enforced(tmp_path):
    result = run_process(
        ["/usr/bin/head", "-c", "2M", "/dev/zero"], limits=ProcessLimits(file_bytes=1024 * 1024), cwd=tmp_path
    )
    assert result.ok  # to a pipe: no file, no limit
    write = "open('out', 'wb').write(bytes(2 * 1024 * 1024))"
    result = run_process([sys.executable, "-c", write], limits=ProcessLimits(file_bytes=1024 * 1024), cwd=tmp_path)
    assert result.signal == signal.SIGXFSZ or b"File too large" in result.stderr
    assert (tmp_path / "out").stat().st_size <= 1024 * 1024


def test_a_missing_program_raises_as_if_started_directly():
    with pytest.raises(FileNotFoundError):
        run_process(["no-such-program-here", "--version"])


def test_crash_by_signal_is_reported():
    result = run_process(["/bin/sh", "-c", "kill -SEGV $$"])
    assert result.signal == 11
    assert result.failure_reason() == "/bin/sh crashed (SIGSEGV)"


def test_stdin_is_passed():
    result = run_process(["/bin/cat"], stdin=b"hello")
    assert result.stdout == b"hello"

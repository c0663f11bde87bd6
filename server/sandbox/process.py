"""The one place that starts external programs.

`run_process` runs an argument list (never a shell) in its own process group
with resource limits, a wall-clock deadline, an output cap and an optional
cancellation check; whatever happens, the whole group is killed before it
returns, so no child outlives its call.
"""

import contextlib
import errno
import os
import selectors
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

MiB = 1024 * 1024


@dataclass(frozen=True)
class ProcessLimits:
    """Upper bounds for one external process (and its children)."""

    wall_seconds: float = 30.0
    cpu_seconds: int = 30
    memory_bytes: int = 1024 * MiB  # address space
    output_bytes: int = 4 * MiB  # stdout + stderr kept; more is cut and the process killed
    file_bytes: int = 256 * MiB  # largest file the process may write
    max_processes: int | None = None  # RLIMIT_NPROC counts the whole user: off unless asked


@dataclass(frozen=True)
class ProcessResult:
    argv: tuple[str, ...]
    returncode: int | None  # None when killed by us before it exited
    stdout: bytes
    stderr: bytes
    wall_seconds: float
    timed_out: bool = False
    cancelled: bool = False
    output_truncated: bool = False

    @property
    def signal(self) -> int | None:
        """The signal that ended the process, if one did."""
        return -self.returncode if self.returncode is not None and self.returncode < 0 else None

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not (self.timed_out or self.cancelled or self.output_truncated)

    def failure_reason(self) -> str | None:
        """A one-line explanation of why the process did not succeed, or None."""
        if self.timed_out:
            return f"{self.argv[0]} exceeded its time limit ({self.wall_seconds:.1f} s) and was stopped"
        if self.cancelled:
            return f"{self.argv[0]} was cancelled"
        if self.output_truncated:
            return f"{self.argv[0]} produced too much output and was stopped"
        if self.signal is not None:
            return f"{self.argv[0]} crashed ({signal.Signals(self.signal).name})"
        if self.returncode:
            return f"{self.argv[0]} exited with status {self.returncode}"
        return None


PRLIMIT = "/usr/bin/prlimit"  # util-linux: on every Debian system


def _with_limits(argv: Sequence[str], limits: ProcessLimits) -> list[str]:
    """`argv` under prlimit, which sets the limits and execs it. Setting them from Python (preexec_fn) would
    make subprocess fork the whole worker instead of vfork-ing: ~10 ms more per start in a busy worker."""
    rlimits = [
        f"--cpu={limits.cpu_seconds}:{limits.cpu_seconds + 1}",
        f"--as={limits.memory_bytes}",
        f"--fsize={limits.file_bytes}",
        "--core=0",
    ]
    if limits.max_processes is not None:
        rlimits.append(f"--nproc={limits.max_processes}")
    return [PRLIMIT, *rlimits, "--", *argv]


def _kill_group(pgid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)


def _start(
    argv: tuple[str, ...], limits: ProcessLimits, cwd: Path | str | None, env: Mapping[str, str] | None
) -> subprocess.Popen:
    """`argv` started under `limits` in a process group of its own, stdin/stdout/stderr piped."""
    env = dict(env) if env is not None else {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    if shutil.which(argv[0], path=env.get("PATH", os.defpath)) is None:
        # As if started directly: under prlimit a missing program would only show as an exit status.
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), argv[0])
    return subprocess.Popen(  # noqa: S603 (argument list, no shell)
        _with_limits(argv, limits),
        cwd=cwd,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # own process group: killpg reaches every descendant
        close_fds=True,
    )


def run_process(
    argv: Sequence[str],
    *,
    limits: ProcessLimits = ProcessLimits(),
    cwd: Path | str | None = None,
    env: Mapping[str, str] | None = None,
    stdin: bytes = b"",
    should_cancel: Callable[[], bool] | None = None,
    poll_seconds: float = 0.1,
) -> ProcessResult:
    """Run `argv` without a shell under `limits`; see the module docstring."""
    argv = tuple(str(a) for a in argv)
    started = time.monotonic()
    deadline = started + limits.wall_seconds
    proc = _start(argv, limits, cwd, env)
    pgid = proc.pid
    out_fd, err_fd = proc.stdout.fileno(), proc.stderr.fileno()
    chunks: dict[int, list[bytes]] = {out_fd: [], err_fd: []}
    kept = 0
    timed_out = cancelled = truncated = False
    try:
        if stdin:
            with contextlib.suppress(BrokenPipeError):
                proc.stdin.write(stdin)
        proc.stdin.close()
        with selectors.DefaultSelector() as selector:
            selector.register(proc.stdout, selectors.EVENT_READ)
            selector.register(proc.stderr, selectors.EVENT_READ)
            while selector.get_map():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    timed_out = True
                    break
                if should_cancel is not None and should_cancel():
                    cancelled = True
                    break
                for key, _ in selector.select(timeout=min(poll_seconds, remaining)):
                    data = os.read(key.fd, 65536)
                    if not data:
                        selector.unregister(key.fileobj)
                        continue
                    take = data[: max(0, limits.output_bytes - kept)]
                    chunks[key.fd].append(take)
                    kept += len(take)
                    if len(take) < len(data):
                        truncated = True
                if truncated:
                    break
        if not (timed_out or cancelled or truncated):
            try:
                proc.wait(timeout=max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                timed_out = True
    finally:
        _kill_group(pgid)
        returncode = proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    killed_by_us = timed_out or cancelled or truncated
    return ProcessResult(
        argv=argv,
        returncode=None if killed_by_us else returncode,
        stdout=b"".join(chunks[out_fd]),
        stderr=b"".join(chunks[err_fd]),
        wall_seconds=time.monotonic() - started,
        timed_out=timed_out,
        cancelled=cancelled,
        output_truncated=truncated,
    )

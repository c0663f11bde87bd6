"""Confine a command with bubblewrap: a fresh mount namespace that shows only /usr
(read-only) and the job's work directory, no network, no other processes, an
unprivileged user, and nothing of /home, /root, /etc or the host's /tmp.

`OHM_SANDBOX` chooses: `auto` (default: bubblewrap when it works here, else
rlimits only), `bwrap` (required: fail if it does not work), `none`.
"""

import os
import subprocess
from collections.abc import Sequence
from functools import cache
from pathlib import Path

BWRAP = "/usr/bin/bwrap"
INSIDE_WORKDIR = "/work"
NOBODY = "65534"


class SandboxUnavailable(RuntimeError):
    pass


def confine(argv: Sequence[str], workdir: Path, readonly: Sequence[str] = ("/usr",)) -> list[str]:
    """The bubblewrap command line that runs `argv` inside the sandbox, in `workdir` (seen as /work)."""
    mounts = []
    for path in readonly:
        mounts += ["--ro-bind", path, path]
    return [
        BWRAP,
        *mounts,
        # Debian's merged /usr: the classic top-level paths are links into it.
        "--symlink", "usr/bin", "/bin",
        "--symlink", "usr/lib", "/lib",
        "--symlink", "usr/lib64", "/lib64",
        "--proc", "/proc",
        "--dev", "/dev",
        "--tmpfs", "/tmp",  # noqa: S108 (a private, empty tmpfs inside the sandbox)
        "--bind", str(workdir), INSIDE_WORKDIR,
        "--chdir", INSIDE_WORKDIR,
        "--unshare-all",  # network, IPC, PID, UTS, cgroup namespaces
        "--unshare-user", "--uid", NOBODY, "--gid", NOBODY,
        "--die-with-parent",
        # No --new-session: run_process already starts bwrap in a session of its own (no terminal to
        # hijack), and keeping everything in that one process group lets killpg reach the sandboxed
        # program at once instead of through the PID namespace's teardown.
        "--clearenv",
        "--setenv", "PATH", "/usr/bin",
        "--setenv", "HOME", INSIDE_WORKDIR,
        "--setenv", "LANG", "C.UTF-8",
        "--",
        *argv,
    ]  # fmt: skip


@cache
def _bubblewrap_works() -> bool:
    if not os.access(BWRAP, os.X_OK):
        return False
    probe = subprocess.run(  # noqa: S603 (fixed argument list)
        confine(["/usr/bin/true"], Path("/")), capture_output=True, timeout=10, check=False
    )
    return probe.returncode == 0


def sandbox_mode() -> str:
    """'bwrap' or 'none', according to OHM_SANDBOX and what this machine allows."""
    wanted = os.environ.get("OHM_SANDBOX", "auto")
    if wanted == "none":
        return "none"
    if _bubblewrap_works():
        return "bwrap"
    if wanted == "bwrap":
        raise SandboxUnavailable(f"OHM_SANDBOX=bwrap but {BWRAP} cannot create a sandbox here")
    return "none"


def sandboxed(argv: Sequence[str], workdir: Path) -> list[str]:
    """`argv` confined by bubblewrap when the sandbox mode says so, else unchanged."""
    return confine(argv, workdir) if sandbox_mode() == "bwrap" else list(argv)


def exit_signal(returncode: int | None) -> int | None:
    """The signal that ended a program, from its exit status: bubblewrap reports a child
    killed by signal N as status 128 + N (and a direct child has status -N)."""
    if returncode is None:
        return None
    if returncode < 0:
        return -returncode
    if 128 < returncode < 128 + 65:
        return returncode - 128
    return None

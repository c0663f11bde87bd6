"""Looking at processes through /proc: who a process started, and whether a process still runs.

Used to prove that no child outlives its job (tests of the runner and of ./run).
"""

from pathlib import Path


def children(pid: int) -> set[int]:
    """The direct children of `pid` (every thread's)."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found.update(map(int, (task / "children").read_text().split()))
        except FileNotFoundError:  # the thread or the process is gone
            continue
    return found


def descendants(pid: int) -> set[int]:
    """Children, grandchildren and so on of `pid`."""
    found: set[int] = set()
    for child in children(pid):
        found |= {child} | descendants(child)
    return found


def command_name(pid: int) -> str:
    """The process's name (`/proc/PID/comm`), or "" if it is gone."""
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except FileNotFoundError:
        return ""


def is_running(pid: int) -> bool:
    """True while `pid` runs; a killed zombie waiting for its reaper counts as gone."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"

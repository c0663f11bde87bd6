"""Run a checked netlist through ngspice, sandboxed, and read back its vectors.

`run_netlist(text)` is the whole engine: callable from a test, the Celery job, a
management command or the benchmark alike. ngspice runs without a shell, in a
fresh temporary directory, inside bubblewrap when available, under CPU, memory,
file-size, output and wall-clock limits; its whole process group is killed
before this returns.
"""

import shutil
import signal
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sandbox.bubblewrap import exit_signal, sandboxed
from sandbox.process import MiB, ProcessLimits, ProcessResult, run_process

from .netlist_sanitizer import SanitizedNetlist, sanitize_netlist
from .ngspice_log import diagnostics_from_log
from .raw_reader import Plot, RawFileError, read_raw

NGSPICE = "/usr/bin/ngspice"
MAX_LOG_BYTES = 1 * MiB


@dataclass(frozen=True)
class SimulationLimits:
    wall_seconds: float = 60.0
    cpu_seconds: int = 60
    memory_bytes: int = 2048 * MiB
    raw_file_bytes: int = 512 * MiB


@dataclass(frozen=True)
class SimulationRun:
    plots: list[Plot]
    diagnostics: list[dict]
    timings: dict[str, float] = field(default_factory=dict)
    failure: str | None = None  # why the simulation did not succeed, for people

    @property
    def succeeded(self) -> bool:
        return self.failure is None


def run_netlist(
    netlist: str | SanitizedNetlist,
    limits: SimulationLimits = SimulationLimits(),
    *,
    model_library: Mapping[str, Path] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> SimulationRun:
    """Simulate `netlist` (checked here if given as text; NetlistRejected if unsafe)."""
    model_library = model_library or {}
    checked = (
        netlist
        if isinstance(netlist, SanitizedNetlist)
        else sanitize_netlist(netlist, model_library=model_library.keys())
    )
    with tempfile.TemporaryDirectory(prefix="ohm-spice-") as directory:
        workdir = Path(directory)
        (workdir / "netlist.cir").write_text(checked.text)
        for name in checked.includes:  # ngspice opens `.include name` relative to the netlist
            shutil.copyfile(model_library[name.lower()], workdir / name)
        started = time.monotonic()
        process = run_process(
            # -n: no init files (.spiceinit, history) from anywhere
            sandboxed([NGSPICE, "-b", "-n", "-r", "out.raw", "-o", "out.log", "netlist.cir"], workdir),
            cwd=workdir,
            env={"PATH": "/usr/bin:/bin", "HOME": str(workdir), "LANG": "C.UTF-8"},
            limits=ProcessLimits(
                wall_seconds=limits.wall_seconds,
                cpu_seconds=limits.cpu_seconds,
                memory_bytes=limits.memory_bytes,
                file_bytes=limits.raw_file_bytes,
                output_bytes=MAX_LOG_BYTES,
            ),
            should_cancel=should_cancel,
        )
        timings = {"ngspice": round(time.monotonic() - started, 4)}
        log = _read_capped(workdir / "out.log") + process.stdout.decode(errors="replace")
        diagnostics = diagnostics_from_log(log + "\n" + process.stderr.decode(errors="replace"), checked.text)
        failure = _process_failure(process, limits)
        if failure:
            return SimulationRun([], diagnostics, timings, failure)
        raw_path = workdir / "out.raw"
        if not raw_path.exists() or raw_path.stat().st_size == 0:
            if not checked.analyses:
                warning = {"severity": "warning", "message": "The netlist has no analysis card (.op, .tran, .ac ...)."}
                return SimulationRun([], [*diagnostics, warning], timings)
            return SimulationRun([], diagnostics, timings, "ngspice produced no results.")
        parse_started = time.monotonic()
        try:
            plots = read_raw(raw_path.read_bytes())
        except RawFileError as exc:
            return SimulationRun([], diagnostics, timings, f"Could not read ngspice's results: {exc}")
        timings["parse"] = round(time.monotonic() - parse_started, 4)
        return SimulationRun(plots, diagnostics, timings)


def _read_capped(path: Path) -> str:
    try:
        with path.open("rb") as f:
            return f.read(MAX_LOG_BYTES).decode(errors="replace")
    except FileNotFoundError:
        return ""


def _process_failure(process: ProcessResult, limits: SimulationLimits) -> str | None:
    if process.cancelled:
        return "The simulation was cancelled."
    if process.timed_out:
        return f"ngspice exceeded the time limit of {limits.wall_seconds:g} s and was stopped."
    if process.output_truncated:
        return "ngspice printed too much output and was stopped."
    number = exit_signal(process.returncode)
    if number == signal.SIGXCPU:
        return f"ngspice used more than {limits.cpu_seconds} s of CPU time and was stopped."
    if number == signal.SIGXFSZ:
        return f"The results exceeded {limits.raw_file_bytes // MiB} MB and ngspice was stopped."
    if number is not None:
        return f"ngspice crashed ({signal.Signals(number).name}) while simulating this netlist."
    if process.returncode:
        return "ngspice stopped with errors (see the diagnostics)."
    return None

"""Run a HEX in the AVR simulator of the web apps (web/packages/avr-sim, avr8js) under Node: sandboxed, time
and memory limited, for the behaviour tests of builds and, later, headless runs.

The harness is one self-contained file (`dist/cli.js`, its dependencies bundled): it is copied into a fresh
work directory, so the sandbox shows Node (/usr) and that directory only. Protocol: web/packages/avr-sim/README.md.
"""

import json
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from django.conf import settings

from sandbox.bubblewrap import sandboxed
from sandbox.process import MiB, ProcessLimits, run_process

NODE = "/usr/bin/node"
SIMULATED_MS_MAX = 10_000


class SimulationFailed(RuntimeError):
    pass


class SimulationCancelled(SimulationFailed):
    """`should_cancel` said stop: the harness's process group was killed."""


def harness_path() -> Path:
    return Path(settings.WEB_DIR) / "packages" / "avr-sim" / "dist" / "cli.js"


def run_hex(
    hex_text: str,
    board: str = "uno",
    ms: float = 1000,
    *,
    wall_seconds: float = 60,
    should_cancel: Callable[[], bool] | None = None,
    **options,
) -> dict:
    """Simulate `hex_text` on `board` for `ms` simulated milliseconds; the harness's answer (see its README).
    `options`: serialInput, adc, lcd, maxPinChanges ... passed through. `should_cancel` is polled while the
    harness runs (a job's cancellation): true kills it and raises SimulationCancelled."""
    if not 0 < ms <= SIMULATED_MS_MAX:
        raise ValueError(f"ms must be in (0, {SIMULATED_MS_MAX}]")
    harness = harness_path()
    if not harness.exists():
        raise SimulationFailed(f"{harness} is missing: build the web workspace (npm run build in web/)")
    request = json.dumps({"hex": hex_text, "board": board, "ms": ms, **options}).encode()
    with tempfile.TemporaryDirectory(prefix="ohm-avrsim-") as directory:
        workdir = Path(directory)
        shutil.copyfile(harness, workdir / "cli.js")
        process = run_process(
            sandboxed([NODE, "cli.js"], workdir),
            cwd=workdir,
            stdin=request,
            should_cancel=should_cancel,
            limits=ProcessLimits(
                wall_seconds=wall_seconds,
                cpu_seconds=int(wall_seconds) + 1,
                memory_bytes=4096 * MiB,  # V8 reserves a large address space up front
                output_bytes=64 * MiB,
            ),
        )
    if process.cancelled:
        raise SimulationCancelled("the simulation was cancelled")
    try:
        answer = json.loads(process.stdout or b"{}")
    except json.JSONDecodeError as exc:
        raise SimulationFailed(f"the harness did not answer JSON: {process.stderr[-2000:]!r}") from exc
    if not process.ok or "error" in answer:
        raise SimulationFailed(answer.get("error") or process.failure_reason() or process.stderr[-2000:].decode())
    return answer

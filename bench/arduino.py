"""Arduino builds through OhmCloud against the bare avr-gcc command lines, measured in the same run.

bare: the IDE's commands for the same preprocessed Blink, run directly (no sandbox, no job): compile the sketch,
      link it with core.a, make the HEX; "cold" also compiles the core (in parallel, one compile per CPU) and
      archives it first, as a first build in the IDE does.
API:  POST /api/arduino/builds + GET ?wait=30 on the embedded server (one worker process), end to end; "cold"
      with an emptied build cache, so the core archive is built again.
Interleaved: bare, API, bare, API ... so both see the same machine state.

    .venv/bin/python bench/arduino.py [N]
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from embedded_server import call, embedded_server

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "server"))

from arduino.boards import BOARDS  # the package (server/ first on the path), not this script
from arduino.sketch import preprocess
from arduino.toolchain import (
    CORE_SOURCES,
    LANGUAGES,
    archive_command,
    compile_command,
    hex_command,
    link_command,
)

BLINK = (Path(__file__).resolve().parent.parent / "server" / "arduino" / "testdata" / "blink.ino").read_text()
BOARD = BOARDS["uno"]


def run(argv: list[str], cwd: Path) -> None:
    subprocess.run(argv, cwd=cwd, check=True, capture_output=True)


def bare_core(workdir: Path) -> None:
    sources = sorted(p for p in CORE_SOURCES.iterdir() if p.suffix in LANGUAGES)
    with ThreadPoolExecutor(os.cpu_count() or 1) as pool:
        list(pool.map(lambda s: run(compile_command(BOARD, str(s), f"{s.name}.o", []), workdir), sources))
    run(archive_command("core.a", [f"{s.name}.o" for s in sources]), workdir)


def bare_build(workdir: Path, cold: bool) -> float:
    """Seconds for the bare command lines (the preprocessed sketch is in `workdir` already)."""
    started = time.perf_counter()
    if cold:
        bare_core(workdir)
    run(compile_command(BOARD, "sketch.ino.cpp", "sketch.ino.cpp.o", [], warnings="all"), workdir)
    run(link_command(BOARD, ["sketch.ino.cpp.o"], "core.a", "sketch.elf"), workdir)
    run(hex_command("sketch.elf", "sketch.hex"), workdir)
    return time.perf_counter() - started


def api_build(base: str, token: str) -> tuple[float, dict]:
    started = time.perf_counter()
    job = call(f"{base}/api/arduino/builds", {"board": "uno", "sketch": BLINK}, token)
    body = call(f"{base}{job['url']}?wait=30", token=token)
    assert body["status"] == "succeeded", body
    return time.perf_counter() - started, body


def summary(label: str, bare: list[float], api: list[float]) -> None:
    b, a = statistics.median(bare), statistics.median(api)
    print(f"{label}, {len(bare)} runs interleaved: bare median {b * 1000:.0f} ms, API median {a * 1000:.0f} ms, "
          f"ratio {a / b:.2f}x")  # fmt: skip


def main(n: int) -> None:
    cache_dir = Path(tempfile.mkdtemp(prefix="ohm-bench-arduino-cache-"))
    os.environ["ARDUINO_CACHE_DIR"] = str(cache_dir)  # the server's build cache, emptied for the cold runs
    sketch_cpp = preprocess(BLINK, {}).sources["sketch.ino.cpp"]
    with tempfile.TemporaryDirectory() as directory, embedded_server(worker_concurrency=1) as (base, token):
        workdir = Path(directory)
        (workdir / "sketch.ino.cpp").write_text(sketch_cpp)
        bare_cold, api_cold, cold_stages, stages = [], [], [], []
        for _ in range(max(3, n // 5)):
            shutil.rmtree(cache_dir, ignore_errors=True)
            bare_cold.append(bare_build(workdir, cold=True))
            seconds, body = api_build(base, token)
            assert body["cache"]["core_misses"] == 1, body["cache"]
            api_cold.append(seconds)
            cold_stages.append(body["timings"])
        bare_warm, api_warm = [], []
        for _ in range(3):  # warm-up
            api_build(base, token)
        for _ in range(n):
            bare_warm.append(bare_build(workdir, cold=False))
            seconds, body = api_build(base, token)
            api_warm.append(seconds)
            stages.append(body["timings"])
    shutil.rmtree(cache_dir, ignore_errors=True)
    summary("cold (core archive built)", bare_cold, api_cold)
    summary("warm (core archive cached)", bare_warm, api_warm)
    for label, timings in (("cold", cold_stages), ("warm", stages)):
        per_stage = {key: statistics.median(t[key] for t in timings) * 1000 for key in timings[0]}
        print(f"API {label} stages, median ms: " + ", ".join(f"{key} {ms:.1f}" for key, ms in per_stage.items()))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)

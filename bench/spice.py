"""SPICE through OhmCloud against bare ngspice, measured in the same run.

(a) latency: one small transient, API (submit + GET ?wait) vs `ngspice -b -r`, interleaved;
(b) throughput: two API clients on a two-process worker vs two parallel bare ngspice loops;
(a') the same for a 100-stage ladder (ngspice ~0.1 s), where the fixed overhead matters less;
(c) size: a 500-stage RC ladder (.tran, 10k points): bytes and time of GET ?points=2000 vs the raw file,
    for all 503 vectors and for the one probe a user plots (?vector=v(n500)).

    .venv/bin/python bench/spice.py [N]
"""

import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from embedded_server import call, embedded_server

SMALL = """rc step
v1 in 0 pulse(0 1 0 1n 1n 1 2)
r1 in out 1k
c1 out 0 1u
.tran 10u 5m
.end
"""


def rc_ladder(stages: int, tran: str) -> str:
    """An RC ladder driven by a step; `tran` is the .tran card's arguments."""
    cells = "\n".join(f"r{i} n{i} n{i + 1} 10\nc{i} n{i + 1} 0 1n" for i in range(stages))
    return f"{stages}-stage rc ladder\nv1 n0 0 pulse(0 1 0 1n 1n 1 2)\n{cells}\n.tran {tran}\n.end\n"


MEDIUM = rc_ladder(100, "1n 20u")
LADDER = rc_ladder(500, "1n 10u")


def bare_ngspice(netlist: str, workdir: Path) -> float:
    (workdir / "in.cir").write_text(netlist)
    started = time.perf_counter()
    subprocess.run(["ngspice", "-b", "-r", "out.raw", "-o", "out.log", "in.cir"], cwd=workdir, check=True,
                   capture_output=True)  # fmt: skip
    return time.perf_counter() - started


def through_api(base: str, token: str, netlist: str, query: str = "") -> tuple[float, dict]:
    started = time.perf_counter()
    job = call(f"{base}/api/simulations", {"netlist": netlist}, token)
    body = call(f"{base}{job['url']}?wait=30{query}", token=token)
    assert body["status"] == "succeeded", body
    return time.perf_counter() - started, body


def latency(base: str, token: str, n: int, netlist: str, label: str) -> None:
    with tempfile.TemporaryDirectory() as directory:
        bare, api = [], []
        for _ in range(3):  # warm-up
            through_api(base, token, netlist, "&points=2")
        for _ in range(n):
            bare.append(bare_ngspice(netlist, Path(directory)))
            api.append(through_api(base, token, netlist, "&points=2")[0])
    b, a = statistics.median(bare), statistics.median(api)
    print(f"{label}, {n} runs interleaved: bare ngspice median {b * 1000:.1f} ms, "
          f"API median {a * 1000:.1f} ms, ratio {a / b:.2f}x (goal <= 1.5x)")  # fmt: skip


def throughput(base: str, token: str, n: int) -> None:
    def bare_loop(_):
        with tempfile.TemporaryDirectory() as directory:
            for _ in range(n):
                bare_ngspice(SMALL, Path(directory))

    def api_loop(_):
        for _ in range(n):
            through_api(base, token, SMALL)

    rates = {}
    for name, loop in (("bare", bare_loop), ("api", api_loop)):
        started = time.perf_counter()
        with ThreadPoolExecutor(2) as pool:
            list(pool.map(loop, range(2)))
        rates[name] = 2 * n / (time.perf_counter() - started)
    print(f"(b) throughput, 2 x {n} runs: bare {rates['bare']:.1f}/s, API {rates['api']:.1f}/s, "
          f"{100 * rates['api'] / rates['bare']:.0f}% of bare (goal >= 70%)")  # fmt: skip


def ladder_size(base: str, token: str) -> None:
    with tempfile.TemporaryDirectory() as directory:
        bare_time = bare_ngspice(LADDER, Path(directory))
        raw_bytes = (Path(directory) / "out.raw").stat().st_size
    job = call(f"{base}/api/simulations", {"netlist": LADDER}, token)
    call(f"{base}{job['url']}?wait=30", token=token, raw=True)
    started = time.perf_counter()
    decimated = call(f"{base}{job['url']}?points=2000", token=token, raw=True)
    fetch_time = time.perf_counter() - started
    started = time.perf_counter()
    full = call(f"{base}{job['url']}", token=token, raw=True)
    full_time = time.perf_counter() - started
    started = time.perf_counter()
    probe = call(f"{base}{job['url']}?points=2000&vector=v(n500)", token=token, raw=True)
    probe_time = time.perf_counter() - started
    print(f"(c) 500-stage ladder, 10k points: raw file {raw_bytes / 1e6:.1f} MB (bare ngspice {bare_time:.2f} s); "
          f"?points=2000&vector=v(n500) -> {len(probe) / 1e6:.3f} MB in {probe_time * 1000:.0f} ms (goal <= 1 MB); "
          f"?points=2000, all 503 vectors -> {len(decimated) / 1e6:.2f} MB in {fetch_time * 1000:.0f} ms; "
          f"full JSON {len(full) / 1e6:.1f} MB in {full_time * 1000:.0f} ms")  # fmt: skip


def main(n: int) -> None:
    with embedded_server(worker_concurrency=2) as (base, token):
        latency(base, token, n, SMALL, "(a) small transient")
        latency(base, token, max(5, n // 3), MEDIUM, "(a') 100-stage ladder")
        throughput(base, token, n)
        ladder_size(base, token)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)

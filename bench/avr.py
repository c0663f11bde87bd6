"""The AVR simulator's speed: simulated MHz in headless Chromium against Node on the same HEX, and how well
the app's paced mode holds real time.

1. Unthrottled, two sketches in web/packages/avr-sim/bench/sketches/, built with the build service
   (`arduino.build.build_sketch`: the real avr-gcc and Arduino core) for the Uno:
   - busy-loop: 32-bit arithmetic in a tight loop toggling D13, on a bare `AvrSimulation`;
   - lcd-servo: LiquidCrystal printing a counter and a Servo sweep, the Uno in a `CircuitSimulation` with
     an LCD 1602 and a servo (every pin change resolves the circuit and feeds the parts, as in the app).
   web/packages/avr-sim/bench/vite.config.ts bundles `scenarios.ts` once, into a temp dir: `node.js`
   runs it under Node, `worker.js` in a Web Worker of Debian's Chromium (headless; Playwright never
   downloads one), the page served from the same temp dir. Each run is a fresh Node process or a fresh
   worker (both start cold), alternately Node, Chromium, Node, ...; MHz = CPU cycles / wall µs of the run
   loop, median (and best) of --runs. "Per CPU" divides by the CPU time the simulating thread got instead
   (/proc: Node's main thread, Chromium's "DedicatedWorker" thread), which other processes on a busy
   machine do not eat into. Both engines must end in the same state (cycles, LCD text, servo angle, pin
   toggles): the simulation is deterministic.
2. Paced: the real app at /arduino/ on the embedded server (bench/embedded_server.py), built from the
   working tree into a temp dir (or --web-dir's apps/arduino/dist, e.g. a saved build). Press Run
   (`data-testid="run"`) on the default Blink sketch, wait for "Running", then read
   `data-testid="sim-speed"` ("<s> s simulated, <p> % of real time") at the start and the end of
   --paced-seconds of wall time: simulated / wall from those readouts, the same from the worker's own
   update messages (exact simulated ms, page clock), the reported % every second, the worker thread's
   CPU use, and the wall time lost in gaps between ticks longer than the app lets one tick catch up.

The numbers move with the machine's load (printed); compare runs made in the same sitting.

    .venv/bin/python bench/avr.py [--seconds 10] [--runs 3] [--paced-seconds 10] [--web-dir DIR] [--unthrottled-only]
"""

import argparse
import http.server
import itertools
import json
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from playwright.sync_api import Page, expect, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "server"))

import embedded_server
from arduino.build import build_sketch

REPO = Path(__file__).resolve().parent.parent
WEB = REPO / "web"
BENCH_PACKAGE = WEB / "packages" / "avr-sim" / "bench"
SKETCHES = {name: BENCH_PACKAGE / "sketches" / f"{name}.ino" for name in ("busy-loop", "lcd-servo")}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
REAL_TIME_MHZ = 16.0
GOAL_MHZ = 2 * REAL_TIME_MHZ
PACED_TOLERANCE = 0.05
MAX_CATCH_UP_MS = 250  # the app's cap on the wall time a paced run makes up after a late tick


def build_hex(sketch: Path, cache_dir: Path) -> str:
    result = build_sketch("uno", sketch.read_text(), {}, cache_dir)
    assert result.ok and result.hex, f"{sketch.name}: {result.diagnostics}"
    return result.hex


def vite_build(config: Path, out_dir: Path, cwd: Path) -> None:
    subprocess.run(
        ["npx", "vite", "build", "--config", str(config), "--outDir", str(out_dir), "--emptyOutDir", "--logLevel",
         "error"], cwd=cwd, check=True,
    )  # fmt: skip


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextmanager
def static_server(directory: Path):
    """Serve `directory` on a free port (a module worker needs an http origin); yield the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def run_node(bundle: Path, request: dict) -> dict:
    done = subprocess.run(
        ["node", str(bundle / "node.js")], input=json.dumps(request), capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


# The worker stays alive after answering, so that its thread's CPU time can be read.
RUN_IN_WORKER = """async (request) => {
  const worker = new Worker("/worker.js", { type: "module" });
  window.__benchWorker = worker;
  return await new Promise((resolve, reject) => {
    worker.onmessage = (event) => event.data.error ? reject(new Error(event.data.error)) : resolve(event.data);
    worker.onerror = (event) => reject(new Error(event.message));
    worker.postMessage(request);
  });
}"""


def process_tree(tag: str) -> list[int]:
    """The pids of the Chromium launched with `tag` among its arguments, and of all its descendants."""
    parents: dict[int, int] = {}
    roots = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            if tag in Path(f"/proc/{entry}/cmdline").read_bytes().decode(errors="replace"):
                roots.append(int(entry))
        except OSError:
            continue
        parents[int(entry)] = int(stat[stat.rindex(")") + 2 :].split()[1])
    tree = set(roots)
    while grown := {pid for pid, parent in parents.items() if parent in tree} - tree:
        tree |= grown
    return sorted(tree)


def worker_thread_cpu(tag: str) -> dict[int, float]:
    """CPU seconds (user + system) of every Web Worker thread ("DedicatedWorker thread") of that Chromium."""
    seconds = {}
    for pid in process_tree(tag):
        try:
            tids = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for tid in tids:
            try:
                if not Path(f"/proc/{pid}/task/{tid}/comm").read_text().startswith("DedicatedWorker"):
                    continue
                stat = Path(f"/proc/{pid}/task/{tid}/stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            seconds[int(tid)] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return seconds


def unthrottled(hexes: dict[str, str], seconds: float, runs: int) -> dict[str, dict[str, list[dict]]]:
    """{scenario: {"node": [result...], "chromium": [result...]}}, runs alternating between the engines."""
    results: dict[str, dict[str, list[dict]]] = {name: {"node": [], "chromium": []} for name in hexes}
    with tempfile.TemporaryDirectory(prefix="ohm-bench-avr-") as directory:
        bundle = Path(directory)
        vite_build(BENCH_PACKAGE / "vite.config.ts", bundle, BENCH_PACKAGE.parent)
        (bundle / "index.html").write_text("<!doctype html><title>avr-sim bench</title>\n")
        with static_server(bundle) as base, sync_playwright() as playwright:
            tag = f"--ohm-bench-avr={secrets.token_hex(8)}"  # finds this Chromium's processes in /proc
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=[*CHROMIUM_ARGS, tag])
            print(f"Chromium {browser.version} (headless)")
            page = browser.new_page()
            page.goto(f"{base}/index.html")
            for name, hex_text in hexes.items():
                request = {"scenario": name, "hex": hex_text, "simulatedMs": seconds * 1000}
                for _ in range(runs):
                    results[name]["node"].append(run_node(bundle, request))
                    page.evaluate("window.__benchWorker?.terminate()")
                    before = worker_thread_cpu(tag)
                    result = page.evaluate(RUN_IN_WORKER, request)
                    new_threads = [cpu for tid, cpu in worker_thread_cpu(tag).items() if tid not in before]
                    assert len(new_threads) == 1, f"expected one new worker thread, found {len(new_threads)}"
                    result["threadCpuMs"] = new_threads[0] * 1000
                    results[name]["chromium"].append(result)
            browser.close()
    return results


def check_outcomes(name: str, runs: dict[str, list[dict]]) -> None:
    """Every run of a scenario, in either engine, ends in the same state, and that state shows the work done."""
    states = [(run["cycles"], json.dumps(run["outcome"], sort_keys=True)) for engine in runs.values() for run in engine]
    assert len(set(states)) == 1, f"{name}: runs differ: {states}"
    outcome = runs["node"][0]["outcome"]
    if name == "busy-loop":
        assert outcome["pin13Toggles"] > 0, outcome
    else:
        lines = outcome["lcdLines"]
        assert lines[0] == "OhmCloud bench" and lines[1].isdigit() and int(lines[1]) > 0, outcome
        assert outcome["servoPulseUs"] is not None and 0 <= outcome["servoAngle"] <= 180, outcome
        assert outcome["warnings"] == [] and outcome["lcdBusyViolations"] == 0, outcome


# Every update message of the app's simulation worker, with the page's clock: wraps window.Worker in a
# subclass that only adds a listener (the app's own onmessage is untouched).
WORKER_TAP = """
window.__simUpdates = [];
window.Worker = class extends window.Worker {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", (event) => {
      if (event.data && event.data.type === "update")
        window.__simUpdates.push({ wall: performance.now(), simulatedMs: event.data.simulatedMs });
    });
  }
};
"""
READOUT = re.compile(r"([\d.]+) s simulated(?:, (\d+) % of real time)?")


def readout(page: Page) -> tuple[float, float, float | None, dict | None]:
    """(wall clock s, simulated s and reported %, from the readout; the worker's last update)."""
    text, last = page.evaluate(
        """() => [document.querySelector('[data-testid="sim-speed"]')?.textContent ?? "",
                  window.__simUpdates[window.__simUpdates.length - 1] ?? null]"""
    )
    match = READOUT.search(text)
    assert match, f"sim-speed readout not understood: {text!r}"
    percent = float(match.group(2)) if match.group(2) else None
    return time.monotonic(), float(match.group(1)), percent, last


def paced(web_dir: Path, wall_seconds: float) -> dict:
    os.environ["OHM_WEB_DIR"] = str(web_dir)
    with embedded_server.embedded_server(worker_concurrency=1) as (base, _token), sync_playwright() as playwright:
        tag = f"--ohm-bench-avr={secrets.token_hex(8)}"
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=[*CHROMIUM_ARGS, tag])
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.add_init_script(WORKER_TAP)
        page.goto(f"{base}/arduino/")
        expect(page.locator(".cm-content")).to_contain_text("digitalWrite(LED_BUILTIN, HIGH);")
        page.get_by_test_id("run").click()
        # The first build compiles the Arduino core: allow for it.
        expect(page.get_by_test_id("run-status")).to_have_text("Running", timeout=120_000)
        page.wait_for_function("window.__simUpdates.length > 0")
        page.wait_for_timeout(1000)  # past the first second: the speed readout's window is full
        cpu_before = worker_thread_cpu(tag)
        samples = [readout(page)]
        while (left := wall_seconds - (time.monotonic() - samples[0][0])) > 0:
            time.sleep(min(1.0, left))
            samples.append(readout(page))
        cpu_after = worker_thread_cpu(tag)
        updates = page.evaluate("window.__simUpdates")
        browser.close()
    assert not errors, errors
    (t0, sim0, _, last0), (t1, sim1, _, last1) = samples[0], samples[-1]
    assert last0 and last1
    percents = [sample[2] for sample in samples[1:] if sample[2] is not None]
    window = [u for u in updates if last0["wall"] <= u["wall"] <= last1["wall"]]
    gaps = [b["wall"] - a["wall"] for a, b in itertools.pairwise(window)]
    # A paced run makes up at most MAX_CATCH_UP_MS of wall time (the app's sim/circuit-session.ts), however late
    # a tick comes: beyond that the time is lost for good. This is how much of the wall time that was.
    lost_ms = sum(max(0.0, gap - MAX_CATCH_UP_MS) for gap in gaps)
    return {
        "wall_s": t1 - t0,
        "readout_sim_s": (sim0, sim1),
        "readout_ratio": (sim1 - sim0) / (t1 - t0),
        "reported_percent": percents,
        "exact_wall_s": (last1["wall"] - last0["wall"]) / 1000,
        "exact_ratio": (last1["simulatedMs"] - last0["simulatedMs"]) / (last1["wall"] - last0["wall"]),
        # How much of one core the simulation worker used to keep (or try to keep) real time.
        "worker_cpu_share": sum(cpu - cpu_before.get(tid, 0) for tid, cpu in cpu_after.items()) / (t1 - t0),
        "updates": len(window),
        "update_gap_ms": (statistics.median(gaps), max(gaps)) if gaps else (0, 0),
        "lost_share": lost_ms / (last1["wall"] - last0["wall"]),
    }


def build_app(out_web: Path) -> None:
    """The Arduino app of the working tree, built into `out_web`/apps/arduino/dist (not the shared dist)."""
    app = WEB / "apps" / "arduino"
    vite_build(app / "vite.config.ts", out_web / "apps" / "arduino" / "dist", app)


def load_average() -> str:
    """The machine's 1/5/15-minute load: other processes take CPU time from the benchmark's wall clock."""
    return " / ".join(f"{load:.2f}" for load in os.getloadavg())


def verdict(met: bool) -> str:
    return "met" if met else "**missed**"


def mhz(runs: list[dict], clock: str) -> tuple[float, float]:
    """Median and best MHz by wall clock ("wallMs") or by the simulating thread's CPU time ("threadCpuMs")."""
    values = [run["cycles"] / (run[clock] * 1000) for run in runs]
    return statistics.median(values), max(values)


def report_unthrottled(results: dict[str, dict[str, list[dict]]], seconds: float, runs: int) -> None:
    print(f"\nUnthrottled, {seconds:g} s simulated per run, median of {runs}, alternating Node and Chromium;")
    print("MHz = simulated cycles per wall-clock µs (CPU: per µs of CPU time the simulating thread got)\n")
    print("| sketch | Node MHz (best) | Chromium MHz (best) | Chromium / Node | Node MHz per CPU | "
          "Chromium MHz per CPU | goal ≥ 32 MHz in Chromium |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    for name, by_engine in results.items():
        check_outcomes(name, by_engine)
        (node, node_best), (chromium, chromium_best) = (mhz(by_engine[e], "wallMs") for e in ("node", "chromium"))
        node_cpu, chromium_cpu = (mhz(by_engine[e], "threadCpuMs")[0] for e in ("node", "chromium"))
        print(f"| {name} | {node:.1f} ({node_best:.1f}) | {chromium:.1f} ({chromium_best:.1f}) | "
              f"{chromium / node:.2f} | {node_cpu:.1f} | {chromium_cpu:.1f} | "
              f"{chromium / REAL_TIME_MHZ:.2f}x real time: {verdict(chromium >= GOAL_MHZ)} |")  # fmt: skip
    for name, by_engine in results.items():
        for engine, engine_runs in by_engine.items():
            listed = ", ".join(
                f"{run['mhz']:.1f} ({run['cycles'] / (run['threadCpuMs'] * 1000):.1f})" for run in engine_runs
            )
            print(f"  {name} {engine} runs, MHz (per CPU): {listed}")
        first = by_engine["node"][0]
        print(f"  {name}: {first['cycles']:,} cycles, the same end state in every run: {json.dumps(first['outcome'])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10, help="simulated seconds per unthrottled run")
    parser.add_argument("--runs", type=int, default=3, help="runs per scenario and engine (median)")
    parser.add_argument("--paced-seconds", type=float, default=10, help="wall seconds of paced Blink")
    parser.add_argument("--web-dir", type=Path, help="serve this web/ dir's arduino build instead of building one")
    parser.add_argument("--unthrottled-only", action="store_true", help="leave out the paced run in the app")
    args = parser.parse_args()

    cache_dir = Path(tempfile.mkdtemp(prefix="ohm-bench-avr-cache-"))
    try:
        hexes = {name: build_hex(path, cache_dir) for name, path in SKETCHES.items()}
    finally:
        shutil.rmtree(cache_dir, ignore_errors=True)
    node_version = subprocess.run(["node", "--version"], capture_output=True, text=True, check=True).stdout.strip()
    print(f"{os.cpu_count()} CPUs, Node {node_version}; load average before: {load_average()}")
    results = unthrottled(hexes, args.seconds, args.runs)
    print(f"load average after the unthrottled runs: {load_average()}")

    report_unthrottled(results, args.seconds, args.runs)
    if args.unthrottled_only:
        return
    with tempfile.TemporaryDirectory(prefix="ohm-bench-avr-web-") as directory:
        web_dir = args.web_dir.resolve() if args.web_dir else Path(directory)
        if not args.web_dir:
            build_app(web_dir)
        print(f"load average before the paced run: {load_average()}")
        p = paced(web_dir, args.paced_seconds)
        print(f"load average after: {load_average()}")
    ok = abs(p["readout_ratio"] - 1) <= PACED_TOLERANCE and abs(p["exact_ratio"] - 1) <= PACED_TOLERANCE
    percents = p["reported_percent"]
    print(f"\nPaced Blink in the app, {p['wall_s']:.2f} s wall:")
    rounding = 0.1 / p["wall_s"] * 100  # the readout shows tenths of a second
    print(f"  readout {p['readout_sim_s'][0]:.1f} s -> {p['readout_sim_s'][1]:.1f} s simulated: "
          f"{p['readout_ratio'] * 100:.1f} % of real time (± {rounding:.1f} % from its rounding)")  # fmt: skip
    print(f"  worker updates: {p['exact_ratio'] * 100:.2f} % over {p['exact_wall_s']:.2f} s, {p['updates']} updates, "
          f"gap median {p['update_gap_ms'][0]:.1f} ms, max {p['update_gap_ms'][1]:.1f} ms; "
          f"{p['lost_share'] * 100:.1f} % of the wall time lost in gaps over {MAX_CATCH_UP_MS} ms")  # fmt: skip
    print(f"  the simulation worker's thread used {p['worker_cpu_share'] * 100:.0f} % of one core")
    if percents:
        print(f"  reported % each second: {', '.join(f'{x:.0f}' for x in percents)} "
              f"(min {min(percents):.0f}, max {max(percents):.0f})")  # fmt: skip
    print(f"  goal 100 % ± 5 %: {verdict(ok)}")


if __name__ == "__main__":
    main()

"""How much does the job pipeline add on top of the program it runs?

Compares, in the same run, spawning `/bin/sleep 0` directly (the floor) with a
`sleep` job through the embedded server: POST /api/jobs + GET ?wait=30 (HTTP ->
broker -> worker -> process -> DB -> HTTP). Prints medians, p95 and the ratio.

    .venv/bin/python bench/job_roundtrip.py [N]
"""

import statistics
import subprocess
import sys
import time

from embedded_server import call, embedded_server


def percentile(values: list[float], q: float) -> float:
    return sorted(values)[min(len(values) - 1, int(q * len(values)))]


def main(n: int) -> None:
    with embedded_server() as (base, token):
        raw, job_times = [], []
        for i in range(n + 2):
            started = time.perf_counter()
            subprocess.run(["/bin/sleep", "0"], check=True)
            raw.append(time.perf_counter() - started)
            started = time.perf_counter()
            job = call(f"{base}/api/jobs", {"kind": "sleep", "input": {"seconds": 0}}, token)
            done = call(f"{base}{job['url']}?wait=30", token=token)
            assert done["status"] == "succeeded", done
            if i >= 2:  # the first jobs warm up the worker's connections
                job_times.append(time.perf_counter() - started)
    raw_med, job_med = statistics.median(raw), statistics.median(job_times)
    print(f"runs: {n}")
    print(f"raw /bin/sleep 0     median {raw_med * 1000:8.2f} ms   p95 {percentile(raw, 0.95) * 1000:8.2f} ms")
    print(f"job via API + worker median {job_med * 1000:8.2f} ms   p95 {percentile(job_times, 0.95) * 1000:8.2f} ms")
    print(f"ratio job/raw (median): {job_med / raw_med:.1f}x; pipeline overhead {1000 * (job_med - raw_med):.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)

"""Component search over the FULL KiCad import: latency of GET /api/library/components?search=.

Imports all of Debian's kicad-symbols into a throw-away SQLite database (about 20 s),
then times one-word searches through the API (Django test client, so HTTP parsing is
left out) with the answer cache bypassed (each query string is new) and again
cached. Also reports the import times (cold, and warm = nothing changed).

    .venv/bin/python bench/library_search.py
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "server"))
os.environ["OHM_VAR_DIR"] = tempfile.mkdtemp(prefix="ohm-bench-library-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ohmcloud.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from library.models import Component  # noqa: E402

WORDS = ["resistor", "res", "capacitor", "2n3904", "1n4148", "lm741", "ne555", "gnd", "ground", "led", "opamp",
         "mosfet", "diode", "74hc00", "regulator", "connector", "switch", "timer", "bjt", "zener", "c", "usb",
         "sensor", "crystal", "relay"]  # fmt: skip


def main() -> None:
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("import_symbols", "--all", verbosity=0)
    cold = time.perf_counter() - started
    started = time.perf_counter()
    call_command("import_symbols", "--all", verbosity=0)
    warm = time.perf_counter() - started
    print(f"import --all: {Component.objects.count()} components, cold {cold:.1f} s, warm (unchanged) {warm:.2f} s")

    client = Client(HTTP_HOST="127.0.0.1")
    client.get("/api/library/components?search=warmup")  # builds the per-process search index
    fresh, cached = [], []
    for round_number in range(3):
        for word in WORDS:
            url = f"/api/library/components?search={word}&page_size={20 + round_number}"  # a new URL: not cached
            started = time.perf_counter()
            assert client.get(url).status_code == 200
            fresh.append(time.perf_counter() - started)
            started = time.perf_counter()
            client.get(url)
            cached.append(time.perf_counter() - started)
    p95 = sorted(fresh)[int(0.95 * len(fresh))]
    print(f"search over the full import, {len(fresh)} queries: uncached p50 {statistics.median(fresh) * 1000:.1f} ms "
          f"(p95 {p95 * 1000:.1f} ms), cached p50 {statistics.median(cached) * 1000:.1f} ms")  # fmt: skip


if __name__ == "__main__":
    main()

"""The schematic editor in a real browser with a 1,000-part schematic: load time, frame times, initial JS size.

Starts the embedded server (bench/embedded_server.py) with the symbol libraries the schematic uses, opens
/eda/ in headless Chromium (Debian's /usr/bin/chromium; Playwright never downloads one) with the schematic
in localStorage under the autosave key, as a returning user would find it, and measures:

- load: navigation start -> all 1,000 `component-*` groups in the DOM drawn with their library symbols
  (no `[data-role=loading-symbol]` left), read as `performance.now()` in the first animation frame that
  sees it (so it includes fetching the app, its symbols and React's first renders, not the final paint);
- pan (middle-button drag), hover (pointer moves over the parts, no button) and wheel zoom, driven by
  Playwright's real input events (one at a time, each sent when the last was taken), once with the whole
  schematic in view (the view a loaded document opens with) and once zoomed in to about a screenful:
  - frame interval: the time between consecutive requestAnimationFrame timestamps recorded in the page,
    median and p95 over the frames that had input to show (an event arrived during that interval or the
    one before); the display runs at 60 Hz, so no interval is shorter than 16.7 ms;
  - main thread per event: Chromium's main-thread task time (CDP Performance.getMetrics TaskDuration)
    over the gesture divided by the input events handled: handlers, React, style, layout, paint recording;
    in brackets the parts of it spent in script and in style + layout (the rest is mostly paint);
- the gzip size (levels 6 and 9) of the EDA app's initial JS: the scripts and modulepreloads that
  web/apps/eda/dist/index.html references (build first: `cd web && npm run build`).

Each viewport gets --repeat fresh browser sessions (default 3): intervals are pooled over them, per-event
costs are their medians. The numbers move with the machine's load; compare builds in the same sitting
(--web-dir serves another checkout's web/ build, e.g. one exported with `git archive`).

    .venv/bin/python bench/editor.py [--sizes 1280x800,1920x1080] [--repeat 3] [--web-dir DIR]
"""

import argparse
import gzip
import json
import os
import re
import statistics
import sys
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "server"))


import embedded_server
from schematic.format import parse_schematic

REPO = Path(__file__).resolve().parent.parent
AUTOSAVE_KEY = "ohmcloud.eda.autosave"  # web/apps/eda/src/editor/documents.ts
LIBRARIES = ("Device", "power", "Simulation_SPICE")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]

ROWS = 20
PASSIVES_PER_ROW = 47  # + one source and two ground symbols: 50 parts a row
PITCH = 400  # mils between the passives of a chain
ROW_PITCH = 1000
LABEL_EVERY = 4  # a net label on every 4th wire of a chain
PASSIVES = (("Device:R", "R", "1k"), ("Device:C", "C", "100n"), ("Device:L", "L", "1m"))


def sheet_point(position: tuple[int, int], rotation: int, pin: tuple[int, int]) -> tuple[int, int]:
    """Where a symbol point lands (docs/formats/schematic.md, "Placing a symbol"; no mirror)."""
    x, y = pin[0], -pin[1]
    turns = {0: (1, 0), 90: (0, 1), 180: (-1, 0), 270: (0, -1)}
    cos, sin = turns[rotation]
    return position[0] + cos * x + sin * y, position[1] - sin * x + cos * y


def symbol_pins(base: str, symbol: str) -> dict[str, tuple[int, int]]:
    """`{pin number: (x, y)}` of a library symbol, from the server's library API."""
    detail = embedded_server.call(f"{base}/api/library/components/{symbol}")
    return {pin["number"]: (pin["x"], pin["y"]) for unit in detail["geometry"]["units"] for pin in unit["pins"]}


def chains_schematic(pins: dict[str, dict[str, tuple[int, int]]]) -> dict:
    """ROWS chains of 50 parts: a VDC source, 47 R, C and L in series (turned 90°), ground at both ends."""
    components: list[dict] = []
    wires: list[dict] = []
    labels: list[dict] = []
    counts: dict[str, int] = {}

    def add(symbol: str, prefix: str, value: str, position: tuple[int, int], rotation: int = 0) -> dict:
        counts[prefix] = counts.get(prefix, 0) + 1
        number = str(counts[prefix]).zfill(2 if prefix.startswith("#") else 1)
        component = {
            "id": f"c{len(components)}",
            "symbol": symbol,
            "position": list(position),
            "rotation": rotation,
            "reference": f"{prefix}{number}",
            "value": value,
        }
        components.append(component)
        return component

    def pin_at(component: dict, number: str) -> tuple[int, int]:
        position = (component["position"][0], component["position"][1])
        return sheet_point(position, component["rotation"], pins[component["symbol"]][number])

    def wire(*points: tuple[int, int]) -> None:
        wires.append({"id": f"w{len(wires)}", "points": [list(point) for point in points]})

    for row in range(ROWS):
        x0, y = 1000, 1500 + row * ROW_PITCH
        top_pin = pins["Simulation_SPICE:VDC"]["1"]
        source = add("Simulation_SPICE:VDC", "V", "dc 5", (x0, y + top_pin[1]))
        bottom = pin_at(source, "2")
        wire(bottom, (bottom[0], bottom[1] + 100))
        add("power:GND", "#PWR", "GND", (bottom[0], bottom[1] + 100))
        end = pin_at(source, "1")
        for k in range(PASSIVES_PER_ROW):
            symbol, prefix, value = PASSIVES[(row + k) % len(PASSIVES)]
            part = add(symbol, prefix, value, (x0 + PITCH * (k + 1), y), rotation=90)
            left, right = pin_at(part, "1"), pin_at(part, "2")
            if end[1] != left[1]:
                wire(end, (end[0], left[1]), left)
            else:
                wire(end, left)
            if k % LABEL_EVERY == 0:
                labels.append({"id": f"l{len(labels)}", "position": list(left), "text": f"n{row}_{k}", "kind": "local"})
            end = right
        wire(end, (end[0] + 100, end[1]), (end[0] + 100, end[1] + 200))
        add("power:GND", "#PWR", "GND", (end[0] + 100, end[1] + 200))
    return {
        "format": "ohmcloud-schematic",
        "version": 1,
        "sheet": {"size": "A1", "orientation": "landscape"},
        "title_block": {"title": "1,000 parts", "date": "2026-11-28", "revision": "1", "company": "", "comments": []},
        "components": components,
        "wires": wires,
        "junctions": [],
        "labels": labels,
        "no_connects": [],
    }


def initial_js(dist: Path) -> list[Path]:
    """The scripts and modulepreloads of the built index.html."""
    html = (dist / "index.html").read_text()
    tags = re.findall(r"<script[^>]*\bsrc=\"([^\"]+)\"|<link[^>]*rel=\"modulepreload\"[^>]*href=\"([^\"]+)\"", html)
    paths = [src or href for src, href in tags]
    return [dist / path.removeprefix("/eda/") for path in paths]


def gzip_sizes(files: list[Path]) -> dict[int, int]:
    return {
        level: sum(len(gzip.compress(f.read_bytes(), compresslevel=level, mtime=0)) for f in files) for level in (6, 9)
    }


# In the page: a rAF loop recording frame timestamps, and the times input events arrive.
FRAME_RECORDER = """
window.__benchStart = () => {
  const record = { stamps: [], events: [], stop: false };
  const note = () => record.events.push(performance.now());
  for (const type of ["pointermove", "wheel"]) window.addEventListener(type, note, { capture: true, passive: true });
  const tick = (time) => {
    if (record.stop) return;
    record.stamps.push(time);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  window.__benchRecord = record;
  window.__benchNote = note;
};
window.__benchStop = () => new Promise((resolve) => {
  const record = window.__benchRecord;
  for (const type of ["pointermove", "wheel"]) window.removeEventListener(type, window.__benchNote, { capture: true });
  setTimeout(() => {
    record.stop = true;
    resolve({ stamps: record.stamps, events: record.events });
  }, 100);
});
"""

LOADED = """() => {
  const parts = document.querySelectorAll('svg [data-testid^="component-"]').length;
  return parts >= %d && document.querySelector('[data-role="loading-symbol"]') === null && performance.now();
}"""


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def input_intervals(stamps: list[float], events: list[float]) -> list[float]:
    """The intervals between frames that had input to show: an event arrived in it or in the one before.

    (React renders a pointer move in a task of its own, so its work can delay the frame after the one the
    event arrived in.) Frames with nothing to do are left out: they would only add 16.7 ms intervals.
    """
    kept = []
    for i in range(2, len(stamps)):
        if any(stamps[i - 2] <= t < stamps[i] for t in events):
            kept.append(stamps[i] - stamps[i - 1])
    return kept


def gesture(page: Page, cdp, run) -> dict:
    def metrics() -> dict[str, float]:
        return {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}

    page.evaluate("window.__benchStart()")
    before = metrics()
    run()
    record = page.evaluate("window.__benchStop()")
    after = metrics()
    events = max(1, len(record["events"]))

    def per_event(*names: str) -> float:
        return sum(after[name] - before[name] for name in names) * 1000 / events

    return {
        "intervals": input_intervals(record["stamps"], record["events"]),
        "events": len(record["events"]),
        # Includes the recorder's own (tiny) rAF callbacks.
        "task": per_event("TaskDuration"),
        "script": per_event("ScriptDuration"),
        "layout": per_event("LayoutDuration", "RecalcStyleDuration"),
    }


def combined(runs: list[dict]) -> dict:
    """One gesture over several runs: intervals pooled, per-event costs and event counts as medians."""
    intervals = [interval for run in runs for interval in run["intervals"]]
    median = {key: statistics.median(run[key] for run in runs) for key in ("events", "task", "script", "layout")}
    return {
        **median,
        "frames": len(intervals),
        "interval_median": statistics.median(intervals),
        "interval_p95": percentile(intervals, 0.95),
    }


def measure_view(page: Page, cdp, box: dict, parts: list[dict]) -> dict[str, dict]:
    """Pan, hover and zoom in the current view."""
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    results = {}

    def pan() -> None:
        page.mouse.move(cx, cy)
        page.mouse.down(button="middle")
        for i in range(240):  # a slow circle-ish drag, 3 px a move
            dx = 3 if (i // 60) % 2 == 0 else -3
            page.mouse.move(cx + dx * (i % 60), cy + (i // 60) * 3)
        page.mouse.up(button="middle")

    def hover() -> None:
        # Back and forth over the parts on screen: the hovered part changes many times.
        points = [
            p
            for p in parts
            if box["x"] < p["x"] < box["x"] + box["width"] and box["y"] < p["y"] < box["y"] + box["height"]
        ]
        points = points[:: max(1, len(points) // 60)][:60]
        for _ in range(2):
            for point in points:
                page.mouse.move(point["x"], point["y"], steps=2)

    def zoom() -> None:
        page.mouse.move(cx, cy)
        for i in range(60):
            page.mouse.wheel(0, -40 if (i // 15) % 2 == 0 else 40)

    for name, run in (("pan", pan), ("hover", hover), ("zoom", zoom)):
        results[name] = gesture(page, cdp, run)
    return results


def part_centres(page: Page) -> list[dict]:
    return page.evaluate(
        """() => [...document.querySelectorAll('svg [data-testid^="component-"]')].map((g) => {
            const r = g.getBoundingClientRect();
            return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        })"""
    )


def run_browser(base: str, document: dict, width: int, height: int) -> dict:
    parts = len(document["components"])
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        page.add_init_script(f"localStorage.setItem({json.dumps(AUTOSAVE_KEY)}, {json.dumps(json.dumps(document))});")
        page.add_init_script(FRAME_RECORDER)
        cdp = page.context.new_cdp_session(page)
        cdp.send("Performance.enable")
        page.goto(f"{base}/eda/")
        load_ms = page.wait_for_function(LOADED % parts, polling="raf", timeout=120_000).json_value()
        page.wait_for_timeout(1000)  # let the autosave and the late fetches settle
        canvas = page.get_by_test_id("schematic-canvas")
        box = canvas.bounding_box()
        assert box is not None

        def scale() -> float:
            return float((canvas.get_attribute("data-view") or "0 0 0").split()[2])

        results = {"load_ms": load_ms, "scale_fitted": scale()}
        results["fitted"] = measure_view(page, cdp, box, part_centres(page))
        # Zoom in on the middle until roughly a screenful of parts shows.
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        for _ in range(12):
            page.mouse.wheel(0, -100)
            page.wait_for_timeout(30)
        page.wait_for_timeout(300)
        centres = part_centres(page)
        results["visible_zoomed"] = sum(
            box["x"] < p["x"] < box["x"] + box["width"] and box["y"] < p["y"] < box["y"] + box["height"]
            for p in centres
        )
        results["scale_zoomed"] = scale()
        results["zoomed"] = measure_view(page, cdp, box, centres)
        browser.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1280x800,1920x1080", help="viewport sizes, WxH, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="browser sessions per size (results pooled)")
    parser.add_argument("--web-dir", type=Path, default=REPO / "web", help="the web workspace whose build to serve")
    args = parser.parse_args()
    sizes = [tuple(int(n) for n in size.split("x")) for size in args.sizes.split(",")]

    os.environ["OHM_WEB_DIR"] = str(args.web_dir.resolve())  # the server's setting for where the builds are
    files = initial_js(args.web_dir / "apps" / "eda" / "dist")
    sizes_gz = gzip_sizes(files)
    raw = sum(f.stat().st_size for f in files)
    with embedded_server.embedded_server(libraries=LIBRARIES) as (base, _token):
        pins = {symbol: symbol_pins(base, symbol) for symbol in ("Device:R", "Device:C", "Device:L", "power:GND",
                                                                  "Simulation_SPICE:VDC")}  # fmt: skip
        document = chains_schematic(pins)
        parse_schematic(document)  # the server's validation: a valid v1 document
        print(
            f"schematic: {len(document['components'])} parts, {len(document['wires'])} wires, "
            f"{len(document['labels'])} labels; build served from {args.web_dir}"
        )
        runs = {size: [run_browser(base, document, *size) for _ in range(args.repeat)] for size in sizes}

    print(f"\ninitial JS ({', '.join(f.name for f in files)}): {raw / 1024:.1f} KiB raw, "
          f"gzip -6 {sizes_gz[6] / 1024:.1f} KiB, gzip -9 {sizes_gz[9] / 1024:.1f} KiB (goal ≤ 400 KB)")  # fmt: skip
    print(f"\n{args.repeat} sessions per viewport; load: median (min-max); frame intervals pooled over the sessions")
    print("\n| viewport | load | view | gesture | events | frame interval median / p95 | main thread per event |")
    print("|---|---|---|---|---|---|---|")
    for (width, height), results in runs.items():
        loads = sorted(result["load_ms"] / 1000 for result in results)
        load = f"{statistics.median(loads):.2f} s ({loads[0]:.2f}-{loads[-1]:.2f})"
        for view in ("fitted", "zoomed"):
            first = results[0]
            if view == "fitted":
                label = f"all 1,000 parts, {first['scale_fitted'] * 1000:.0f} px/1000 mil"
            else:
                label = f"zoomed in, {first['visible_zoomed']} parts, {first['scale_zoomed'] * 1000:.0f} px/1000 mil"
            for name in results[0][view]:
                s = combined([result[view][name] for result in results])
                print(
                    f"| {width}x{height} | {load} | {label} | {name} | {s['events']:.0f} | "
                    f"{s['interval_median']:.1f} / {s['interval_p95']:.1f} ms | "
                    f"{s['task']:.1f} ms (script {s['script']:.1f}, style+layout {s['layout']:.1f}) |"
                )


if __name__ == "__main__":
    main()

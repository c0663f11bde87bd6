"""Schematic -> connectivity + ERC + netlist, on generated RC ladders of 1k and 10k parts.

The schematic core is pure Python; this times `schematic.netlister.netlist` (which
runs connectivity, ERC, the netlister and the netlist sanitizer) and its steps.
Goal: 10k parts under 1 s.

    .venv/bin/python bench/netlist.py
"""

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "server"))

from schematic.connectivity import build_connectivity
from schematic.format import parse_schematic
from schematic.generate import LADDER_ANALYSES, ladder_schematic
from schematic.netlister import netlist
from schematic.sample_symbols import SAMPLE_SYMBOLS


def timed(function, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    for parts, repeats in ((1_000, 7), (10_000, 3)):
        data = ladder_schematic(parts)
        parse = timed(lambda data=data: parse_schematic(data), repeats)
        schematic = parse_schematic(data)
        connect = timed(lambda s=schematic: build_connectivity(s, SAMPLE_SYMBOLS), repeats)
        whole = timed(lambda s=schematic: netlist(s, SAMPLE_SYMBOLS, LADDER_ANALYSES), repeats)
        result = netlist(schematic, SAMPLE_SYMBOLS, LADDER_ANALYSES)
        assert result.ok, result.findings[:3]
        print(
            f"{parts:>6} parts ({len(data['wires'])} wires): parse+validate {parse * 1000:.0f} ms, "
            f"connectivity {connect * 1000:.0f} ms, connectivity+ERC+netlist+sanitize {whole * 1000:.0f} ms "
            f"(median of {repeats}; goal for 10k: < 1000 ms)"
        )


if __name__ == "__main__":
    main()

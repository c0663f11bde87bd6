"""The benchmark's RC ladder is a valid, clean schematic of exactly n parts, and ngspice can run it."""

import pytest

from schematic.connectivity import build_connectivity
from schematic.format import parse_schematic
from schematic.generate import LADDER_ANALYSES, STAGES_PER_ROW, ladder_schematic
from schematic.netlister import netlist
from schematic.sample_symbols import SAMPLE_SYMBOLS
from spice.netlist_sanitizer import sanitize_netlist
from spice.runner import run_netlist


@pytest.mark.parametrize("parts", [1, 2, 3, 4, 2 * STAGES_PER_ROW + 1, 2 * STAGES_PER_ROW + 2, 1000])
def test_ladder_has_n_clean_parts(parts):
    data = ladder_schematic(parts)
    schematic = parse_schematic(data)
    assert sum(not SAMPLE_SYMBOLS[component.symbol].is_power for component in schematic.components) == parts
    result = netlist(schematic, SAMPLE_SYMBOLS, LADDER_ANALYSES)
    assert result.ok
    if parts > 1:  # a lone source has a net with only its own pins: warnings
        assert result.findings == ()
    assert len([line for line in result.text.splitlines()[1:] if line[0] in "RCV"]) == parts
    sanitize_netlist(result.text)
    connectivity = build_connectivity(schematic, SAMPLE_SYMBOLS)
    assert list(connectivity.junction_dots) == sorted(tuple(junction["position"]) for junction in data["junctions"])


def test_rows_are_joined_by_labels():
    data = ladder_schematic(2 * STAGES_PER_ROW + 3)  # a second row
    assert [label["text"] for label in data["labels"]] == ["ROW1", "ROW1"]


def test_ladder_simulates():
    result = netlist(parse_schematic(ladder_schematic(41)), SAMPLE_SYMBOLS, LADDER_ANALYSES)
    run = run_netlist(result.text)
    assert run.succeeded, (run.failure, run.diagnostics)
    supply = next(line.split()[1] for line in result.text.splitlines() if line.startswith("V1 "))
    last = next(line.split()[1] for line in result.text.splitlines() if line.startswith("C20 "))
    op = next(plot for plot in run.plots if plot.kind == "op")
    assert op.vector(f"v({supply.lower()})").real[0] == pytest.approx(5)
    assert op.vector(f"v({last.lower()})").real[0] == pytest.approx(5)  # no DC current: capacitors only
    tran = next(plot for plot in run.plots if plot.kind == "tran")
    assert tran.vector("time").real[-1] == pytest.approx(1e-3)


def test_at_least_one_part():
    with pytest.raises(ValueError, match="at least one part"):
        ladder_schematic(0)

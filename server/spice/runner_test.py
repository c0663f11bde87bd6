"""run_netlist on circuits with closed-form answers, and its failure modes (real ngspice, sandboxed)."""

import math
import os
import threading
import time

import numpy as np
import pytest

from sandbox.process_tree import children, command_name, descendants, is_running
from spice.netlist_sanitizer import NetlistRejected
from spice.runner import SimulationLimits, run_netlist


def vectors(run, plot_kind: str) -> dict[str, np.ndarray]:
    plot = next(p for p in run.plots if p.kind == plot_kind)
    return {v.name: (v.real if v.imag is None else v.real + 1j * v.imag) for v in plot.vectors}


def simulate(text: str):
    run = run_netlist(text)
    assert run.succeeded, (run.failure, run.diagnostics)
    return run


DIVIDER = """divider
v1 in 0 dc 10
r1 in out 1k
r2 out 0 3k
"""


def test_divider_operating_point():
    op = vectors(simulate(DIVIDER + ".op\n.end\n"), "op")
    assert op["v(out)"][0] == pytest.approx(7.5, rel=1e-9)
    assert op["v(in)"][0] == pytest.approx(10, rel=1e-9)
    assert op["i(v1)"][0] == pytest.approx(-2.5e-3, rel=1e-9)  # SPICE: current into the + terminal


def test_dc_sweep_slope():
    dc = vectors(simulate(DIVIDER + ".dc v1 0 10 0.5\n.end\n"), "dc")
    slope = np.polyfit(dc["v-sweep"], dc["v(out)"], 1)[0]
    assert slope == pytest.approx(0.75, rel=1e-9)
    assert len(dc["v(out)"]) == 21


def test_transfer_function_gain_and_resistances():
    tf = vectors(simulate(DIVIDER + ".tf v(out) v1\n.end\n"), "tf")
    assert tf["transfer_function"][0] == pytest.approx(0.75, rel=1e-9)
    assert tf["v1#input_impedance"][0] == pytest.approx(4000, rel=1e-9)
    assert tf["output_impedance_at_v(out)"][0] == pytest.approx(750, rel=1e-9)


RC = """rc low-pass, tau = 1 ms
v1 in 0 pulse(0 1 0 1n 1n 1 2) ac 1
r1 in out 1k
c1 out 0 1u
"""


def test_rc_step_reaches_63_percent_at_tau():
    tran = vectors(simulate(RC + ".tran 1u 5m\n.end\n"), "tran")
    at_tau = np.interp(1e-3, tran["time"], tran["v(out)"])
    assert at_tau == pytest.approx(1 - math.exp(-1), rel=2e-3)
    assert tran["v(out)"][-1] == pytest.approx(1 - math.exp(-5), rel=2e-3)


def test_rc_corner_frequency_magnitude_and_phase():
    corner = 1 / (2 * math.pi * 1e3 * 1e-6)
    ac = vectors(simulate(RC + f".ac lin 1 {corner} {corner}\n.end\n"), "ac")
    assert ac["frequency"][0] == pytest.approx(corner, rel=1e-9)
    assert abs(ac["v(out)"][0]) == pytest.approx(1 / math.sqrt(2), rel=1e-6)
    assert math.degrees(np.angle(ac["v(out)"][0])) == pytest.approx(-45, rel=1e-6)


def test_series_rlc_resonance():
    f0 = 1 / (2 * math.pi * math.sqrt(1e-3 * 1e-6))
    ac = vectors(simulate("rlc\nv1 in 0 ac 1\nl1 in a 1m\nc1 a out 1u\nr1 out 0 10\n.ac dec 2000 1k 30k\n.end\n"), "ac")
    peak = ac["frequency"][np.argmax(np.abs(ac["v(out)"]))]
    assert peak == pytest.approx(f0, rel=2e-3)
    assert np.abs(ac["v(out)"]).max() == pytest.approx(1, rel=1e-3)  # at resonance L and C cancel


def test_diode_forward_drop_follows_shockley():
    op = vectors(simulate("diode\ni1 0 a dc 1m\nd1 a 0 dmod\n.model dmod d(is=1e-14 n=1)\n.op\n.end\n"), "op")
    thermal_voltage = 1.380649e-23 * 300.15 / 1.602176634e-19
    assert op["v(a)"][0] == pytest.approx(thermal_voltage * math.log(1e-3 / 1e-14 + 1), rel=1e-3)


def test_subcircuit_used_twice():
    netlist = """two halvers
.subckt half in out
r1 in out 1k
r2 out 0 1k
.ends half
v1 a 0 dc 8
x1 a b half
x2 b c half
.op
.end
"""
    op = vectors(simulate(netlist), "op")
    # x2 loads x1: b = 8 * (1k || 2k) / (1k + 1k || 2k) = 3.2 V, c = b / 2
    assert op["v(b)"][0] == pytest.approx(3.2, rel=1e-9)
    assert op["v(c)"][0] == pytest.approx(1.6, rel=1e-9)


def test_several_analyses_in_one_netlist():
    run = simulate(RC + ".op\n.tran 10u 1m\n.ac dec 10 1 1meg\n.end\n")
    assert sorted(p.name for p in run.plots) == ["ac1", "op1", "tran1"]  # ngspice writes them in its own order


def test_unsafe_text_never_reaches_ngspice():
    with pytest.raises(NetlistRejected) as rejected:
        run_netlist("title\n.control\nshell touch /tmp/pwned\n.endc\n.end\n")
    assert rejected.value.problems[0].line == 2


def test_ngspice_errors_become_line_numbered_diagnostics():
    run = run_netlist("bad\nv1 1 0 dc 1\nr1 1 2 1k\nc1 2 0 1u\nq1 2 3 4 nomodel\n.tran 10u 5m\n.end\n")
    assert not run.succeeded
    assert run.failure == "ngspice stopped with errors (see the diagnostics)."
    assert any(d["severity"] == "error" and d.get("line") == 5 for d in run.diagnostics), run.diagnostics


def test_timeout_kills_ngspice_and_leaves_no_process():
    # Watch the simulator processes this test starts itself: bubblewrap or ngspice children of
    # this process and everything below them (not, say, a celery worker another fixture started).
    seen: set[int] = set()
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            for child in children(os.getpid()):
                if command_name(child) in ("bwrap", "ngspice"):
                    seen.update({child} | descendants(child))
            time.sleep(0.05)

    watcher = threading.Thread(target=watch)
    watcher.start()
    ladder = "\n".join(f"r{i} n{i} n{i + 1} 1k\nc{i} n{i + 1} 0 1n" for i in range(300))
    netlist = f"slow ladder\nv1 n0 0 sin(0 1 1meg)\n{ladder}\n.tran 1n 900u\n.end\n"
    started = time.monotonic()
    try:
        run = run_netlist(netlist, SimulationLimits(wall_seconds=1.0))
    finally:
        done.set()
        watcher.join()
    assert time.monotonic() - started < 5
    assert run.failure == "ngspice exceeded the time limit of 1 s and was stopped."
    assert seen, "the watcher saw no ngspice process at all"
    # Killing bubblewrap ends its PID namespace; the kernel reaps what ran inside within moments.
    deadline = time.monotonic() + 3
    while [pid for pid in seen if is_running(pid)] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in seen if is_running(pid)]


def test_cancellation_stops_ngspice():
    ladder = "\n".join(f"r{i} n{i} n{i + 1} 1k\nc{i} n{i + 1} 0 1n" for i in range(300))
    calls = iter(range(1000))
    run = run_netlist(
        f"ladder\nv1 n0 0 sin(0 1 1meg)\n{ladder}\n.tran 1n 900u\n.end\n", should_cancel=lambda: next(calls) > 3
    )
    assert run.failure == "The simulation was cancelled."


def test_oversized_results_stop_ngspice():
    ladder = "\n".join(f"r{i} n{i} n{i + 1} 1k\nc{i} n{i + 1} 0 1n" for i in range(200))
    run = run_netlist(
        f"big\nv1 n0 0 sin(0 1 1k)\n{ladder}\n.tran 1u 100m\n.end\n", SimulationLimits(raw_file_bytes=1024 * 1024)
    )
    assert run.failure == "The results exceeded 1 MB and ngspice was stopped."

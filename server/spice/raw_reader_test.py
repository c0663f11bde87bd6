"""read_raw against raw files that the real ngspice writes (binary and ASCII), plus malformed input."""

import math
import os
import subprocess
import time
from pathlib import Path

import numpy as np
import pytest

from spice.raw_reader import Plot, RawFileError, read_raw

BOLTZMANN = 1.380649e-23
KELVIN_27C = 300.15

DIVIDER = """divider
V1 in 0 DC 10
R1 in out 1k
R2 out 0 3k
.op
.end
"""

# R = 1k, C = 1/(2 pi 1k 1kHz): the corner frequency is exactly 1 kHz, tau = RC.
RC_R, RC_C = 1e3, 1 / (2 * math.pi * 1e3 * 1e3)
RC = f"""rc filter
V1 in 0 DC 0 AC 1 PULSE(0 1 0 1n 1n 10m 20m)
R1 in out {RC_R}
C1 out 0 {RC_C!r}
{{analyses}}
.end
"""
RC_TRAN = RC.format(analyses=".tran 5u 1m 0 5u")
RC_AC = RC.format(analyses=".ac dec 10 10 100k")
RC_ALL = RC.format(analyses=".op\n.tran 5u 1m 0 5u\n.ac dec 10 10 100k")

NESTED_DC = """nested dc
V1 in 0 DC 0
V2 b 0 DC 0
R1 in out 1k
R2 out b 1k
.dc V1 0 2 1 V2 0 1 1
.end
"""

DC_SWEEPS = """dc sweeps of a current, a resistor and the temperature
I1 0 a DC 1m
R1 a 0 1k
V2 b 0 DC 1
R2 b c 1k
R3 c 0 2k
.dc I1 0 2m 1m
.dc R1 1k 3k 1k
.dc temp 0 50 25
.end
"""

# Two equal resistors and no capacitor: a flat output noise of sqrt(4kT * 500 ohm).
NOISE = """noise
V1 in 0 DC 0 AC 1
R1 in out 1k
R2 out 0 1k
.noise v(out) V1 dec 5 1k 1meg
.end
"""

NOISE_CURRENT_INPUT = """noise referred to a current source
I1 0 a DC 0 AC 1
R1 a 0 1k
.noise v(a) I1 dec 2 1k 10k
.end
"""

TF_VOLTAGE_IN = """tf
V1 in 0 DC 10
R1 in out 1k
R2 out 0 3k
.tf v(out) V1
.end
"""

TF_CURRENT_IN = """tf from a current source
I1 0 in DC 1m
R1 in out 1k
R2 out 0 3k
.tf v(out) I1
.end
"""

POLE_ZERO = """pz
V1 in 0 DC 0 AC 1
R1 in out 1k
C1 out 0 1u
.pz in 0 out 0 vol pz
.end
"""

SENSITIVITY = """sens
V1 in 0 DC 10
R1 in out 1k
R2 out 0 3k
.sens v(out)
.end
"""

KEEP_BRANCH = DIVIDER.replace(".op", ".options keep#branch\n.op")

SAVED_PARAMETERS = """device parameters
V1 in 0 DC 5
R1 in out 1k
D1 out 0 dmod
.model dmod D
.save all @r1[i] @r1[p]
.op
.end
"""

# `reshape` + `write` is the one way found to make ngspice 39 write a "Dimensions:" header.
RESHAPED = """reshaped vectors
V1 in 0 DC 0
R1 in 0 1k
.control
dc V1 0 2 1
let x = vector(6)
reshape x [2][3]
write {raw} x
.endc
.end
"""


def ngspice(tmp_path: Path, netlist: str, *, ascii: bool = False, name: str = "circuit") -> bytes:
    """Run the real ngspice in batch mode and return the raw file it wrote."""
    cir, raw, log = (tmp_path / f"{name}{suffix}" for suffix in (".cir", ".raw", ".log"))
    cir.write_text(netlist.replace("{raw}", raw.name))
    env = {key: value for key, value in os.environ.items() if key != "SPICE_ASCIIRAWFILE"}
    if ascii:
        env["SPICE_ASCIIRAWFILE"] = "1"
    argv = ["ngspice", "-b", "-o", str(log), str(cir)]
    if "write " not in netlist:
        argv[2:2] = ["-r", str(raw)]
    subprocess.run(argv, cwd=tmp_path, env=env, timeout=60, check=False, capture_output=True)
    assert raw.exists(), log.read_text() if log.exists() else "ngspice wrote no log"
    data = raw.read_bytes()
    assert (b"\nValues:\n" in data) == ascii
    return data


def only_plot(data: bytes) -> Plot:
    plots = read_raw(data)
    assert len(plots) == 1, [p.name for p in plots]
    return plots[0]


def value(plot: Plot, name: str) -> float:
    (number,) = plot.vector(name).real
    return float(number)


@pytest.mark.parametrize("ascii", [False, True], ids=["binary", "ascii"])
def test_divider_operating_point(tmp_path, ascii):
    plot = only_plot(ngspice(tmp_path, DIVIDER, ascii=ascii))
    assert (plot.name, plot.kind, plot.plotname, plot.title) == ("op1", "op", "Operating Point", "divider")
    assert plot.scale == "v(in)"  # an op plot has no sweep: its first variable stands as the scale
    assert plot.dimensions is None
    assert [(v.name, v.unit) for v in plot.vectors] == [("v(in)", "V"), ("v(out)", "V"), ("i(v1)", "A")]
    assert value(plot, "v(out)") == pytest.approx(7.5, rel=1e-12)
    assert value(plot, "i(v1)") == pytest.approx(-2.5e-3, rel=1e-12)
    for vector in plot.vectors:
        assert vector.imag is None
        assert vector.real.dtype == np.float64
        assert vector.real.shape == (1,)
        assert not vector.real.flags.writeable


def test_ascii_raw_file_from_the_filetype_option(tmp_path):
    """`.options filetype=ascii` works as well as SPICE_ASCIIRAWFILE=1 (what the other tests use)."""
    netlist = DIVIDER.replace(".op", ".options filetype=ascii\n.op")
    cir, raw = tmp_path / "option.cir", tmp_path / "option.raw"
    cir.write_text(netlist)
    env = {key: value for key, value in os.environ.items() if key != "SPICE_ASCIIRAWFILE"}
    subprocess.run(["ngspice", "-b", "-r", str(raw), str(cir)], cwd=tmp_path, env=env, timeout=60, check=False)
    data = raw.read_bytes()
    assert b"\nValues:\n" in data
    assert value(only_plot(data), "v(out)") == pytest.approx(7.5, rel=1e-12)


@pytest.mark.parametrize("ascii", [False, True], ids=["binary", "ascii"])
def test_rc_transient_follows_the_exponential(tmp_path, ascii):
    plot = only_plot(ngspice(tmp_path, RC_TRAN, ascii=ascii))
    assert (plot.name, plot.kind, plot.plotname, plot.scale) == ("tran1", "tran", "Transient Analysis", "time")
    time_, out = plot.vector("time"), plot.vector("v(out)")
    assert time_.unit == "s"
    assert time_.imag is None
    assert len(time_.real) >= 200
    assert np.all(np.diff(time_.real) > 0)
    assert time_.real[0] == 0
    assert time_.real[-1] == pytest.approx(1e-3)
    expected = 1 - np.exp(-time_.real / (RC_R * RC_C))
    assert np.max(np.abs(out.real - expected)) < 5e-3


@pytest.mark.parametrize("ascii", [False, True], ids=["binary", "ascii"])
def test_rc_ac_is_complex_with_a_real_frequency_scale(tmp_path, ascii):
    plot = only_plot(ngspice(tmp_path, RC_AC, ascii=ascii))
    assert (plot.name, plot.kind, plot.plotname, plot.scale) == ("ac1", "ac", "AC Analysis", "frequency")
    frequency = plot.vector("frequency")
    # ngspice writes the scale complex with uninitialised imaginary parts: it must come out real.
    assert frequency.unit == "Hz"
    assert frequency.imag is None
    assert len(frequency.real) == 41
    assert frequency.real[0] == pytest.approx(10) and frequency.real[-1] == pytest.approx(1e5)
    out = plot.vector("v(out)")
    assert out.unit == "V"
    assert out.imag is not None and out.imag.shape == out.real.shape
    response = out.real + 1j * out.imag
    expected = 1 / (1 + 1j * frequency.real / 1e3)
    np.testing.assert_allclose(response, expected, rtol=1e-9)
    corner = int(np.argmin(np.abs(frequency.real - 1e3)))
    assert frequency.real[corner] == pytest.approx(1e3)
    assert abs(response[corner]) == pytest.approx(1 / math.sqrt(2), rel=1e-9)
    assert np.angle(response[corner], deg=True) == pytest.approx(-45, rel=1e-9)
    assert plot.vector("i(v1)").unit == "A"


def test_several_analyses_in_one_file(tmp_path):
    plots = read_raw(ngspice(tmp_path, RC_ALL))
    # ngspice 39 runs (and writes) .ac before .op and .tran whatever the netlist order.
    assert sorted(p.name for p in plots) == ["ac1", "op1", "tran1"]
    assert {p.name: p.kind for p in plots} == {"ac1": "ac", "op1": "op", "tran1": "tran"}
    by_name = {p.name: p for p in plots}
    assert value(by_name["op1"], "v(out)") == pytest.approx(0, abs=1e-12)
    assert by_name["ac1"].vector("v(out)").imag is not None
    assert by_name["tran1"].vector("v(out)").imag is None
    separate = read_raw(ngspice(tmp_path, RC_TRAN, name="tran_only"))[0]
    np.testing.assert_array_equal(by_name["tran1"].vector("v(out)").real, separate.vector("v(out)").real)


@pytest.mark.parametrize("ascii", [False, True], ids=["binary", "ascii"])
def test_nested_dc_sweep_has_dimensions(tmp_path, ascii):
    plot = only_plot(ngspice(tmp_path, NESTED_DC, ascii=ascii))
    assert (plot.name, plot.kind, plot.plotname) == ("dc1", "dc", "DC transfer characteristic")
    # Batch ngspice names the scale v(v-sweep) and writes no "Dimensions:": the reader finds (outer, inner).
    assert plot.scale == "v-sweep"
    assert plot.vector("v-sweep").unit == "V"
    assert plot.dimensions == (2, 3)
    sweep = plot.vector("v-sweep").real.reshape(plot.dimensions)
    outer = plot.vector("v(b)").real.reshape(plot.dimensions)
    np.testing.assert_array_equal(sweep, [[0, 1, 2], [0, 1, 2]])
    np.testing.assert_array_equal(outer, [[0, 0, 0], [1, 1, 1]])
    out = plot.vector("v(out)").real.reshape(plot.dimensions)
    np.testing.assert_allclose(out, (sweep + outer) / 2, rtol=1e-12, atol=1e-15)


def test_single_dc_sweeps_name_their_scales(tmp_path):
    plots = read_raw(ngspice(tmp_path, DC_SWEEPS))
    assert sorted(p.name for p in plots) == ["dc1", "dc2", "dc3"]
    scales = {p.scale: (p.vector(p.scale).unit, p.vector(p.scale).real.tolist(), p.dimensions) for p in plots}
    assert scales == {
        "i-sweep": ("A", pytest.approx([0, 1e-3, 2e-3]), None),
        "res-sweep": ("Ω", pytest.approx([1e3, 2e3, 3e3]), None),
        "temp-sweep": ("°C", pytest.approx([0, 25, 50]), None),
    }
    current_sweep = next(p for p in plots if p.scale == "i-sweep")
    np.testing.assert_allclose(current_sweep.vector("v(a)").real, [0, 1, 2], rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("ascii", [False, True], ids=["binary", "ascii"])
def test_dimensions_header(tmp_path, ascii):
    data = ngspice(tmp_path, RESHAPED, ascii=ascii)
    assert b"\nDimensions: 2,3\n" in data
    assert b"dims=3" in data  # the 3-point scale, padded to 6 points in the file
    plot = only_plot(data)
    assert plot.dimensions == (2, 3)
    assert plot.vector("v-sweep").real.tolist() == [0, 1, 2]  # cut to its own length, not the padding
    assert plot.vector("x").real.tolist() == [0, 1, 2, 3, 4, 5]
    assert plot.vector("x").unit == ""


@pytest.mark.parametrize("ascii", [False, True], ids=["binary", "ascii"])
def test_noise_gives_two_plots(tmp_path, ascii):
    spectrum, integrated = read_raw(ngspice(tmp_path, NOISE, ascii=ascii))
    assert (spectrum.name, spectrum.kind, spectrum.plotname) == ("noise1", "noise", "Noise Spectral Density Curves")
    assert (integrated.name, integrated.kind, integrated.plotname) == ("noise2", "noise", "Integrated Noise")
    assert [(v.name, v.unit) for v in spectrum.vectors] == [
        ("frequency", "Hz"),
        ("onoise_spectrum", "V/sqrt(Hz)"),
        ("inoise_spectrum", "V/sqrt(Hz)"),
    ]
    # Batch ngspice writes v(onoise_total): the integrated noise keeps its ngspice name.
    assert [(v.name, v.unit) for v in integrated.vectors] == [("onoise_total", "V"), ("inoise_total", "V")]
    assert integrated.scale == "onoise_total"
    assert len(spectrum.vector("frequency").real) == 16
    density = math.sqrt(4 * BOLTZMANN * KELVIN_27C * 500)
    np.testing.assert_allclose(spectrum.vector("onoise_spectrum").real, density, rtol=1e-4)
    np.testing.assert_allclose(spectrum.vector("inoise_spectrum").real, 2 * density, rtol=1e-4)
    assert value(integrated, "onoise_total") == pytest.approx(density * math.sqrt(1e6 - 1e3), rel=1e-4)


def test_noise_referred_to_a_current_source_is_in_amperes(tmp_path):
    spectrum, integrated = read_raw(ngspice(tmp_path, NOISE_CURRENT_INPUT))
    assert spectrum.vector("inoise_spectrum").unit == "A/sqrt(Hz)"
    assert spectrum.vector("onoise_spectrum").unit == "V/sqrt(Hz)"
    assert [(v.name, v.unit) for v in integrated.vectors] == [("onoise_total", "V"), ("inoise_total", "A")]


@pytest.mark.parametrize(
    ("netlist", "source", "gain", "gain_unit", "output_impedance"),
    [
        (TF_VOLTAGE_IN, "v1", 0.75, "", 750),  # v(out)/V1: R2/(R1+R2); R1 || R2 seen from out
        (TF_CURRENT_IN, "i1", 3000, "Ω", 3000),  # v(out)/I1: R2; the current source leaves R2 alone
    ],
    ids=["v-over-v", "v-over-i"],
)
def test_transfer_function(tmp_path, netlist, source, gain, gain_unit, output_impedance):
    plot = only_plot(ngspice(tmp_path, netlist))
    assert (plot.name, plot.kind, plot.plotname) == ("tf1", "tf", "Transfer Function")
    names = ["transfer_function", f"{source}#input_impedance", "output_impedance_at_v(out)"]
    assert [(v.name, v.unit) for v in plot.vectors] == list(zip(names, [gain_unit, "Ω", "Ω"], strict=True))
    assert value(plot, "transfer_function") == pytest.approx(gain, rel=1e-12)
    assert value(plot, f"{source}#input_impedance") == pytest.approx(4000, rel=1e-12)
    assert value(plot, "output_impedance_at_v(out)") == pytest.approx(output_impedance, rel=1e-12)


@pytest.mark.parametrize("ascii", [False, True], ids=["binary", "ascii"])
def test_pole_zero(tmp_path, ascii):
    plot = only_plot(ngspice(tmp_path, POLE_ZERO, ascii=ascii))
    assert (plot.name, plot.kind, plot.plotname) == ("pz1", "pz", "Pole-Zero Analysis")
    (pole,) = plot.vectors
    assert (pole.name, pole.unit, plot.scale) == ("pole(1)", "rad/s", "pole(1)")
    # A pole is a complex number: unlike a sweep scale it keeps its imaginary part.
    assert pole.imag is not None
    assert complex(pole.real[0], pole.imag[0]) == pytest.approx(-1 / (1e3 * 1e-6))


def test_dc_sensitivity(tmp_path):
    plot = only_plot(ngspice(tmp_path, SENSITIVITY))
    assert (plot.name, plot.kind, plot.plotname) == ("sens1", "sens", "Sensitivity Analysis")
    assert {"r1", "r2", "v1", "r1_m"} <= {v.name for v in plot.vectors}
    assert {v.unit for v in plot.vectors} == {""}
    # v(out) = V1 R2 / (R1 + R2) with V1 = 10, R1 = 1k, R2 = 3k.
    assert value(plot, "v1") == pytest.approx(0.75, rel=1e-6)
    assert value(plot, "r2") == pytest.approx(10 * 1e3 / 4e3**2, rel=1e-4)
    assert value(plot, "r1") == pytest.approx(-10 * 3e3 / 4e3**2, rel=1e-4)


def test_branch_currents_are_named_i_of_the_source(tmp_path):
    data = ngspice(tmp_path, KEEP_BRANCH)
    assert b"v1#branch" in data
    plot = only_plot(data)
    assert [v.name for v in plot.vectors] == ["v(in)", "v(out)", "i(v1)"]
    assert value(plot, "i(v1)") == pytest.approx(-2.5e-3)


def test_saved_device_parameters_get_units(tmp_path):
    plot = only_plot(ngspice(tmp_path, SAVED_PARAMETERS))
    units = {v.name: v.unit for v in plot.vectors}
    assert units["i(@r1[i])"] == "A"
    assert units["@r1[p]"] == "W"
    assert value(plot, "@r1[p]") == pytest.approx(value(plot, "i(@r1[i])") ** 2 * 1e3, rel=1e-9)


@pytest.mark.parametrize(
    "netlist",
    [RC_ALL, NESTED_DC, NOISE, TF_VOLTAGE_IN, POLE_ZERO, SENSITIVITY, DC_SWEEPS, RESHAPED],
    ids=["op-tran-ac", "nested-dc", "noise", "tf", "pz", "sens", "dc-sweeps", "dimensions"],
)
def test_ascii_and_binary_files_agree(tmp_path, netlist):
    binary = read_raw(ngspice(tmp_path, netlist, name="binary"))
    ascii = read_raw(ngspice(tmp_path, netlist, ascii=True, name="ascii"))
    assert len(binary) == len(ascii) > 0
    for b, a in zip(binary, ascii, strict=True):
        assert (b.name, b.title, b.plotname, b.kind, b.scale, b.dimensions) == (
            a.name,
            a.title,
            a.plotname,
            a.kind,
            a.scale,
            a.dimensions,
        )
        assert [(v.name, v.unit, v.imag is None) for v in b.vectors] == [
            (v.name, v.unit, v.imag is None) for v in a.vectors
        ]
        for vb, va in zip(b.vectors, a.vectors, strict=True):
            np.testing.assert_allclose(va.real, vb.real, rtol=1e-12, atol=0)
            if vb.imag is not None:
                np.testing.assert_allclose(va.imag, vb.imag, rtol=1e-12, atol=0)


def test_a_big_transient_parses_fast(tmp_path):
    lines = ["rc ladder", "V1 n0 0 PULSE(0 1 0 1u 1u 5m 10m)"]
    for k in range(1, 501):
        lines += [f"R{k} n{k - 1} n{k} 10", f"C{k} n{k} 0 1n"]
    data = ngspice(tmp_path, "\n".join([*lines, ".tran 1u 10m 0 1u", ".end", ""]))
    assert len(data) > 40e6
    started = time.perf_counter()
    plot = only_plot(data)
    elapsed = time.perf_counter() - started
    assert len(plot.vectors) == 503  # time, 501 nodes, i(v1)
    assert len(plot.vector("time").real) >= 10_000
    assert elapsed < 0.5, f"parsing took {elapsed:.2f} s"


# Malformed input: never an IndexError or a numpy error, always a RawFileError that says what is wrong.

HEADER = "Title: t\nPlotname: Transient Analysis\nFlags: real\nNo. Variables: 2\nNo. Points: {points}\nVariables:\n"
VARIABLES = "\t0\ttime\ttime\n\t1\tv(out)\tvoltage\n"


def binary_file(points: int, values: list[float], header: str = HEADER) -> bytes:
    return (header.format(points=points) + VARIABLES + "Binary:\n").encode() + np.array(values, "<f8").tobytes()


def test_tiny_hand_made_files_parse():
    plot = only_plot(binary_file(2, [0, 1, 1e-3, 2]))
    assert plot.vector("v(out)").real.tolist() == [1, 2]
    ascii = HEADER.format(points=2) + VARIABLES + "Values:\n0\t0\n\t1\n1\t1e-3\n\t2\n"
    assert only_plot(ascii.encode()).vector("time").real.tolist() == [0, 1e-3]


def test_an_empty_file_has_no_plots():
    assert read_raw(b"") == []
    assert read_raw(b"\n\n") == []


def test_unknown_header_lines_are_skipped(tmp_path):
    data = ngspice(tmp_path, DIVIDER)
    extra = b"Command: ngspice-39\nOption: temp = 27\nSomething new: 1\n\nPlotname:"
    plot = only_plot(data.replace(b"Plotname:", extra, 1))
    assert value(plot, "v(out)") == pytest.approx(7.5)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (binary_file(3, [0, 1, 1e-3, 2, 2e-3]), "binary data truncated"),
        (binary_file(1, [0, 1, 1e-3, 2]), "more binary data than the 1 points"),
        (binary_file(0, [0, 1, 1e-3, 2]), "ngspice was stopped before it finished"),
        (HEADER.format(points=2).replace("Variables:\n", "").encode() + b"Binary:\n", "before the Variables"),
        (b"Title: t\nPlotname: Operating Point\nNo. Points: 1\nVariables:\n", "'No. Variables:' is missing"),
        (HEADER.format(points=1).replace("No. Points: 1\n", "").encode(), "'No. Points:' is missing"),
        (HEADER.format(points="two").encode() + VARIABLES.encode(), "No. Points is not a number"),
        (HEADER.format(points=2).encode() + b"\t0\ttime\ttime\nBinary:\n", "expected 2 variables"),
        (HEADER.format(points=1).encode() + VARIABLES.encode() + b"Data:\n", "expected 'Binary:' or 'Values:'"),
        (HEADER.format(points=1).encode(), "header ends early"),
        (b"\x00\x01\x02garbage" * 10, "where a header line was expected"),
        (b"this is not a raw file\n", "not a raw file header line"),
        (
            (
                HEADER.replace("\nVariables:", "\nDimensions: 2,2\nVariables:").format(points=2)
                + VARIABLES
                + "Values:\n0 0\n1\n1 1\n2\n"
            ).encode(),
            "do not multiply",
        ),
        ((HEADER.format(points=2) + VARIABLES + "Values:\n0 0\n1\n1 1\n").encode(), "need 6 numbers"),
        ((HEADER.format(points=1) + VARIABLES + "Values:\n0 0\n1\n1 1\n2\n").encode(), "need 3 numbers"),
        ((HEADER.format(points=2) + VARIABLES + "Values:\n0 0\n1\n2 1\n2\n").encode(), "point 1 is numbered '2'"),
        ((HEADER.format(points=1) + VARIABLES + "Values:\n0 0\nabc\n").encode(), "not a number"),
        ((HEADER.format(points=0) + VARIABLES + "Values:\n0 0\n1\n1 1\n").encode(), "ngspice was stopped"),
        (
            (HEADER.replace("real", "complex").format(points=1) + VARIABLES + "Values:\n0 0,0\n1\n").encode(),
            "not 're,im'",
        ),
    ],
    ids=[
        "truncated-binary",
        "points-understated",
        "stopped-binary",
        "no-variables",
        "no-variable-count",
        "no-point-count",
        "bad-point-count",
        "too-few-variables",
        "no-data-marker",
        "no-data",
        "garbage",
        "text",
        "bad-dimensions",
        "ascii-truncated",
        "ascii-points-understated",
        "ascii-numbering",
        "ascii-not-a-number",
        "stopped-ascii",
        "ascii-complex-without-imag",
    ],
)
def test_malformed_files_raise_a_clear_error(data, message):
    with pytest.raises(RawFileError, match=message):
        read_raw(data)


@pytest.mark.parametrize("ascii", [False, True], ids=["binary", "ascii"])
def test_every_truncation_of_a_real_file_is_a_raw_file_error(tmp_path, ascii):
    """Cut ngspice's own output anywhere: the reader reads it or says it is broken, nothing else."""
    data = ngspice(tmp_path, RC_ALL, ascii=ascii)
    whole = read_raw(data)
    for cut in range(0, len(data), max(1, len(data) // 997)):
        try:
            plots = read_raw(data[:cut])
        except RawFileError:
            continue
        # A cut between plots or inside the ASCII separators reads as fewer (or all) whole plots.
        assert [p.name for p in plots] == [p.name for p in whole[: len(plots)]]

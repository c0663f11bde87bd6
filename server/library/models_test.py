"""Every model in library/models simulates and gives its datasheet's numbers (real ngspice, sandboxed).

Limits are the datasheet's own (min..max, or typical with a stated margin); each model file's header
says where its parameters come from.
"""

import math
import re
from pathlib import Path

import numpy as np
import pytest

from spice.model_library import model_library
from spice.netlist_sanitizer import sanitize_netlist
from spice.runner import SimulationRun, run_netlist

MODELS_DIR = Path(__file__).resolve().parent / "models"
LIBRARY = model_library(MODELS_DIR)


def simulate(netlist: str) -> SimulationRun:
    run = run_netlist(netlist, model_library=LIBRARY)
    assert run.succeeded, (run.failure, run.diagnostics)
    # ngspice warns about unknown model parameters and about convergence trouble: a model must cause neither
    assert run.diagnostics == []
    return run


def vectors(run: SimulationRun, kind: str) -> dict[str, np.ndarray]:
    plot = next(plot for plot in run.plots if plot.kind == kind)
    return {v.name: (v.real if v.imag is None else v.real + 1j * v.imag) for v in plot.vectors}


def operating_point(netlist: str) -> dict[str, float]:
    return {name: float(values[0]) for name, values in vectors(simulate(netlist), "op").items()}


# --- The files ----------------------------------------------------------------------------------------------------

MODEL_NAMES = sorted(LIBRARY)
GENERIC_MODELS = {"opamp", "cmos_n", "cmos_p"}
ALLOWED_CARDS = {".model", ".subckt", ".ends"}


def test_the_library_holds_every_required_part():
    assert set(MODEL_NAMES) == {
        "1n4148", "1n4007", "1n5819", "1n4733a", "led_red", "led_green", "led_blue", "led_white",
        "2n2222", "2n3904", "2n3906", "bc547", "bc557", "2n7000", "irf540n",
        "opamp", "lm741", "lm358", "tl071", "ne555", "cmos_n", "cmos_p",
    }  # fmt: skip


@pytest.mark.parametrize("name", MODEL_NAMES)
def test_model_file_is_plain_spice_that_the_sanitizer_accepts(name):
    text = LIBRARY[name].read_text()
    sanitize_netlist(f"{name} model file\n{text}")  # raises NetlistRejected if anything is unsafe
    cards = [line.split()[0].lower() for line in text.splitlines() if line.strip() and line[0] not in "*+"]
    assert {card for card in cards if card.startswith(".")} <= ALLOWED_CARDS
    assert all(card.startswith(".") or card[0].isalpha() for card in cards)


@pytest.mark.parametrize("name", MODEL_NAMES)
def test_model_file_defines_its_own_name_and_cites_its_source(name):
    text = LIBRARY[name].read_text()
    header = text[: text.index("\n.")]
    assert re.search(rf"^\.(model|subckt)\s+{re.escape(name)}\s", text, re.IGNORECASE | re.MULTILINE)
    assert all(line.startswith("*") for line in header.splitlines())
    # Generic devices (the op-amp macro-model, the teaching CMOS pair) are no particular part: they cite textbooks.
    assert "Datasheet:" in header or name in GENERIC_MODELS


def test_all_models_can_be_included_in_one_netlist():
    """Subcircuits keep their helper models to themselves: no name clashes between files."""
    includes = "\n".join(f".include {name}" for name in MODEL_NAMES)
    netlist = f"""every model at once
{includes}
vcc vcc 0 dc 5
vee vee 0 dc -5
r1 vcc a 1k
d1 a 0 1n4148
r2 vcc b 1k
x1 b b 0 2n7000
r3 vcc c 1k
x2 c c 0 irf540n
x3 0 o3 vcc vee o3 lm741
x4 0 o4 vcc vee o4 lm358
x5 0 o5 vcc vee o5 tl071
x6 0 o6 vcc vee o6 opamp
.op
.end
"""
    op = operating_point(netlist)
    assert op["v(a)"] == pytest.approx(0.7, abs=0.05)
    assert 2 < op["v(b)"] < 2.5
    assert 3 < op["v(c)"] < 3.5
    assert max(abs(op[f"v(o{unit})"]) for unit in (3, 4, 5, 6)) < 1e-3


# --- Diodes and LEDs ----------------------------------------------------------------------------------------------


def forward_voltage(model: str, current: float) -> float:
    return operating_point(f"forward\n.include {model}\ni1 0 a dc {current}\nd1 a 0 {model}\n.op\n.end\n")["v(a)"]


@pytest.mark.parametrize(
    ("model", "current", "low", "high"),
    [
        ("1n4148", 10e-3, 0.70, 1.00),  # VF <= 1 V at 10 mA
        ("1n4007", 10e-3, 0.75, 0.95),
        ("1n4007", 1.0, 0.85, 1.10),  # VF <= 1.1 V at 1 A
        ("1n5819", 10e-3, 0.30, 0.45),
        ("1n5819", 1.0, 0.40, 0.60),  # VF <= 0.6 V at 1 A
        ("1n4733a", 200e-3, 0.70, 1.20),  # VF <= 1.2 V at 200 mA
        ("led_red", 20e-3, 1.80, 2.10),  # 2.0 V typ.
        ("led_green", 20e-3, 2.00, 2.50),  # GaP green: 2.2 V typ., 2.5 V max
        ("led_blue", 20e-3, 3.00, 3.30),
        ("led_white", 20e-3, 3.00, 3.30),  # 3.2 V typ.
    ],
)
def test_forward_voltage(model, current, low, high):
    assert low <= forward_voltage(model, current) <= high


def test_zener_voltage_at_its_test_current():
    op = operating_point("zener\n.include 1n4733a\ni1 0 k dc 49m\nd1 0 k 1n4733a\n.op\n.end\n")
    assert op["v(k)"] == pytest.approx(5.1, rel=0.05)  # VZ = 5.1 V +-5 % at IZT = 49 mA


def test_zener_impedance_at_its_test_current_is_below_the_datasheet_maximum():
    netlist = "zener\n.include 1n4733a\ni1 0 k dc 49m\nd1 0 k 1n4733a\n.dc i1 44.1m 53.9m 9.8m\n.end\n"
    dc = vectors(simulate(netlist), "dc")
    assert np.diff(dc["v(k)"])[0] / 9.8e-3 <= 7  # ZZT <= 7 ohm


# --- Bipolar transistors ------------------------------------------------------------------------------------------


def current_gain(model: str, pnp: bool, collector_current: float, vce: float) -> float:
    """hFE = IC / IB at |IC| = collector_current and |VCE| = vce; PNPs are driven with every polarity reversed."""
    sign = -1 if pnp else 1
    top = collector_current / 20  # hFE >= 20 everywhere this is used
    netlist = (
        f"hfe\n.include {model}\nvce c 0 dc {sign * vce}\nib 0 b dc 0\nq1 c b 0 {model}\n"
        f".dc ib 0 {sign * top} {sign * top / 2000}\n.end\n"
    )
    dc = vectors(simulate(netlist), "dc")
    base, collector = sign * dc["i-sweep"], -sign * dc["i(vce)"]  # i(vce): current into the source's + end
    assert (collector[1:] > 0).all(), "the collector current must flow the way the polarity says"
    return collector_current / float(np.interp(collector_current, collector, base))


@pytest.mark.parametrize(
    ("model", "pnp", "collector_current", "vce", "low", "high"),
    [
        ("2n2222", False, 10e-3, 10, 75, 300),  # hFE >= 75 at 10 mA (300: the 150 mA maximum)
        ("2n2222", False, 150e-3, 10, 100, 300),
        ("2n3904", False, 10e-3, 1, 100, 300),
        ("2n3904", False, 10e-3, 5, 100, 300),
        ("2n3906", True, 10e-3, 1, 100, 300),
        ("2n3906", True, 10e-3, 5, 100, 300),
        ("bc547", False, 2e-3, 5, 200, 450),  # gain group B (all groups: 110..800)
        ("bc557", True, 2e-3, 5, 200, 450),
    ],
)
def test_current_gain_is_within_the_datasheet_range(model, pnp, collector_current, vce, low, high):
    assert low <= current_gain(model, pnp, collector_current, vce) <= high


# --- MOSFETs ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "current", "low", "high"),
    [
        ("2n7000", 1e-3, 0.8, 3.0),  # VGS(th) at VDS = VGS, ID = 1 mA
        ("irf540n", 250e-6, 2.0, 4.0),  # VGS(th) at VDS = VGS, ID = 250 uA
        ("irf540n", 1e-3, 2.0, 4.0),
    ],
)
def test_gate_threshold_voltage(model, current, low, high):
    op = operating_point(f"threshold\n.include {model}\ni1 0 d dc {current}\nx1 d d 0 {model}\n.op\n.end\n")
    assert low <= op["v(d)"] <= high


@pytest.mark.parametrize(("model", "current", "maximum"), [("2n7000", 0.5, 5.0), ("irf540n", 16.0, 0.044)])
def test_on_resistance_at_10_volts_gate_drive_is_below_the_datasheet_maximum(model, current, maximum):
    op = operating_point(f"rdson\n.include {model}\nvg g 0 dc 10\ni1 0 d dc {current}\nx1 d g 0 {model}\n.op\n.end\n")
    assert 0 < op["v(d)"] / current <= maximum


@pytest.mark.parametrize(("model", "current", "maximum"), [("2n7000", 0.2, 1.5), ("irf540n", 16.0, 1.2)])
def test_body_diode_conducts_from_source_to_drain(model, current, maximum):
    op = operating_point(f"body\n.include {model}\ni1 0 s dc {current}\nx1 0 0 s {model}\n.op\n.end\n")
    assert 0.5 < op["v(s)"] <= maximum


# --- Op-amps ------------------------------------------------------------------------------------------------------

OPAMPS = ["opamp", "lm741", "lm358", "tl071"]
INVERTING_AMPLIFIER = """inverting amplifier, gain -100k/10k
.include {model}
vp vcc 0 dc 15
vn vee 0 dc -15
vin in 0 dc 0 ac 1 sin(0 {amplitude} 1k)
r1 in inn 10k
r2 inn out 100k
rl out 0 10k
x1 0 inn vcc vee out {model}
{analysis}
.end
"""


@pytest.mark.parametrize("model", OPAMPS)
def test_inverting_amplifier_gain_is_minus_ten_at_1khz(model):
    netlist = INVERTING_AMPLIFIER.format(model=model, amplitude=0, analysis=".ac lin 1 1k 1k")
    gain = vectors(simulate(netlist), "ac")["v(out)"][0]  # v(in) is 1
    assert abs(gain) == pytest.approx(10, rel=0.01)
    assert abs(math.degrees(np.angle(gain))) == pytest.approx(180, abs=2)


OPEN_LOOP = {"opamp": (2e5, 1e6), "lm741": (2e5, 1e6), "lm358": (1e5, 0.7e6), "tl071": (2e5, 3e6)}  # A0, GBW (Hz)


@pytest.mark.parametrize("model", OPAMPS)
def test_open_loop_gain_and_unity_gain_frequency(model):
    gain, bandwidth = OPEN_LOOP[model]
    netlist = (
        f"open loop\n.include {model}\nvp vcc 0 dc 15\nvn vee 0 dc -15\nvin in 0 dc 0 ac 1\n"
        f"x1 in 0 vcc vee out {model}\nrl out 0 10k\n.ac dec 100 1 100meg\n.end\n"
    )
    ac = vectors(simulate(netlist), "ac")
    magnitude, frequency = np.abs(ac["v(out)"]), ac["frequency"].real
    assert magnitude[0] == pytest.approx(gain, rel=0.1)
    assert float(np.interp(0, -np.log(magnitude), frequency)) == pytest.approx(bandwidth, rel=0.1)


# Output swing at +-15 V into 10 kohm: (lowest, highest) for the positive and the negative peak.
SWING = {
    "opamp": ((12, 14.5), (-14.5, -12)),
    "lm741": ((12, 14.5), (-14.5, -12)),  # +-12 V min, +-14 V typ.
    "lm358": ((12, 14), (-15, -14.8)),  # VOH >= VCC - 3 V (27 V of 30 V); VOL near V- (here sinking 1.6 mA)
    "tl071": ((12, 14), (-14, -12)),  # +-12 V min, +-13.5 V typ.
}


@pytest.mark.parametrize("model", OPAMPS)
def test_a_large_input_clips_the_output_near_the_rails(model):
    netlist = INVERTING_AMPLIFIER.format(model=model, amplitude=3, analysis=".tran 2u 3m")  # wants +-30 V out
    out = vectors(simulate(netlist), "tran")["v(out)"]
    (high_low, high_high), (low_low, low_high) = SWING[model]
    assert high_low <= out.max() <= high_high
    assert low_low <= out.min() <= low_high
    assert (out > out.max() - 0.05).mean() > 0.2  # flat tops: clipped for a good part of each cycle


SLEW_RATES = {"opamp": 0.5e6, "lm741": 0.5e6, "lm358": 0.3e6, "tl071": 13e6}  # V/s, datasheet typical


@pytest.mark.parametrize("model", OPAMPS)
def test_a_follower_slews_at_the_datasheet_rate(model):
    rate = SLEW_RATES[model]
    swing_time = 10 / rate
    netlist = (
        f"follower step\n.include {model}\nvp vcc 0 dc 15\nvn vee 0 dc -15\n"
        f"vin in 0 pulse(-5 5 {swing_time} 1n 1n 1 2)\nx1 in out vcc vee out {model}\n"
        f".tran {swing_time / 500} {swing_time * 3}\n.end\n"
    )
    tran = vectors(simulate(netlist), "tran")
    rising = tran["time"] > swing_time
    start, end = (float(np.interp(level, tran["v(out)"][rising], tran["time"][rising])) for level in (-3, 3))
    assert 6 / (end - start) == pytest.approx(rate, rel=0.1)


def test_an_unused_amplifier_with_open_inputs_does_not_upset_the_circuit():
    """A dual op-amp's second half, left unconnected, still has a DC solution."""
    for model in ("lm358", "tl071"):
        netlist = (
            f"half used\n.include {model}\nvp vcc 0 dc 15\nvn vee 0 dc -15\nvin in 0 dc 1\n"
            f"xa in out vcc vee out {model}\nxb open_p open_n vcc vee open_out {model}\n.op\n.end\n"
        )
        assert operating_point(netlist)["v(out)"] == pytest.approx(1, abs=1e-3)


# --- 555 timer ----------------------------------------------------------------------------------------------------


def ne555_astable(r1: float, r2: float, c: float, vcc: float) -> dict[str, np.ndarray]:
    period = math.log(2) * (r1 + 2 * r2) * c
    netlist = (
        f"555 astable\n.include ne555\nvcc vcc 0 dc {vcc}\nra vcc dis {r1}\nrb dis thr {r2}\nc1 thr 0 {c}\n"
        f"ccv cont 0 10n\nrl out 0 10k\nx1 0 thr out vcc cont thr dis vcc ne555\n"
        f".tran {period / 1000} {period * 12} 0 {period / 1000}\n.end\n"
    )
    return vectors(simulate(netlist), "tran")


def rising_crossings(time: np.ndarray, signal: np.ndarray, level: float) -> np.ndarray:
    above = signal > level
    return np.array(
        [np.interp(level, signal[i : i + 2], time[i : i + 2]) for i in np.flatnonzero(above[1:] & ~above[:-1])]
    )


@pytest.mark.parametrize("vcc", [5, 15])
def test_ne555_astable_frequency_and_duty_cycle(vcc):
    r1, r2, c = 1e3, 10e3, 10e-9
    tran = ne555_astable(r1, r2, c, vcc)
    time, out = tran["time"], tran["v(out)"]
    rises = rising_crossings(time, out, vcc / 2)[1:]  # the first cycle starts from an empty capacitor
    falls = rising_crossings(time, -out, -vcc / 2)
    period = np.diff(rises).mean()
    highs = [falls[falls > start][0] - start for start in rises[:-1]]
    assert 1 / period == pytest.approx(1.44 / ((r1 + 2 * r2) * c), rel=0.1)  # 6.86 kHz
    assert np.mean(highs) / period == pytest.approx((r1 + r2) / (r1 + 2 * r2), abs=0.03)  # 52 %
    settled = time > 2 * period
    assert tran["v(thr)"][settled].min() == pytest.approx(vcc / 3, rel=0.03)  # trigger level
    assert tran["v(thr)"][settled].max() == pytest.approx(2 * vcc / 3, rel=0.03)  # threshold level
    assert out.max() == pytest.approx(vcc - 1.4, abs=0.3)  # VOH: VCC - 1.7 V at 100 mA, less when lightly loaded
    assert out.min() < 0.25


def test_ne555_monostable_pulse_lasts_1_1_rc():
    netlist = (
        "555 monostable\n.include ne555\nvcc vcc 0 dc 5\nvtrig trig 0 pulse(5 0 20u 10n 10n 5u 1)\n"
        "ra vcc thr 10k\nc1 thr 0 10n\nx1 0 trig out vcc cont thr thr vcc ne555\n.tran 0.1u 300u 0 0.2u\n.end\n"
    )
    tran = vectors(simulate(netlist), "tran")
    high = tran["time"][tran["v(out)"] > 2.5]
    assert high.max() - high.min() == pytest.approx(1.1 * 10e3 * 10e-9, rel=0.03)


def test_ne555_reset_low_holds_the_output_low_and_discharges():
    netlist = (
        "555 in reset\n.include ne555\nvcc vcc 0 dc 5\nvreset reset 0 dc 0\nra vcc dis 1k\nrb dis thr 10k\n"
        "c1 thr 0 10n\nx1 0 thr out reset cont thr dis vcc ne555\n.tran 1u 1m\n.end\n"
    )
    tran = vectors(simulate(netlist), "tran")
    assert tran["v(out)"].max() < 0.25
    assert tran["v(thr)"].max() < 0.2  # the discharge pin holds the capacitor empty


@pytest.mark.parametrize(("model", "polarity"), [("cmos_n", 1), ("cmos_p", -1)])
def test_generic_cmos_pair_threshold(model, polarity):
    # Gate swept with the drain tied to the gate: |ID| reaches 1 uA just above |VTO| = 0.7 V.
    netlist = f"""{model} threshold
.include {model}
vg g 0 dc 0
m1 g g 0 0 {model} w=10u l=10u
.dc vg 0 {polarity * 3} {polarity * 0.01}
.end
"""
    run = run_netlist(netlist, model_library=LIBRARY)
    assert run.succeeded, run.failure
    dc = next(p for p in run.plots if p.kind == "dc")
    vg, current = np.abs(dc.vectors[0].real), np.abs(dc.vector("i(vg)").real)
    threshold = vg[np.argmax(current > 1e-6)]
    assert 0.7 < threshold <= 0.95  # square law: 1 uA needs VGS - VTO = sqrt(2 uA / (KP W/L)) = 0.13 or 0.2 V

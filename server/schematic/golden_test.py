"""Golden schematics: drawn with real KiCad symbols from the imported library, netlisted, simulated
by the real ngspice, and checked against closed-form numbers."""

import math

import numpy as np
import pytest
from django.conf import settings

from library.importer import import_libraries
from library.symbol_info import symbols_for
from schematic.services import netlist_schematic
from spice.model_library import model_library
from spice.runner import run_netlist

LIBRARIES = ["Device", "power", "Simulation_SPICE", "Transistor_BJT", "Diode", "Amplifier_Operational"]


@pytest.fixture(scope="module")
def symbols(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        import_libraries(LIBRARIES)
        return symbols_for(
            ["Device:R", "Device:C", "Device:L", "power:GND", "Simulation_SPICE:VDC", "Diode:1N4007",
             "Transistor_BJT:2N3904", "Amplifier_Operational:LM741"]
        )  # fmt: skip


class Drawing:
    """Builds a v1 schematic: parts placed unrotated, each pin tied to a named net by a label on its end
    (or by a GND symbol placed on it); the first two nets of every part are also joined by a wire stub."""

    def __init__(self, symbols):
        self.symbols = symbols
        self.data = {"format": "ohmcloud-schematic", "version": 1, "components": [], "wires": [], "labels": [],
                     "no_connects": [], "junctions": []}  # fmt: skip
        self.x = 0

    def place(self, symbol: str, reference: str, value: str, nets: dict[str, str]) -> None:
        """`nets`: pin number or pin name -> net name ("GND" places a ground symbol; "NC" a no-connect flag)."""
        self.x += 2000
        position = [self.x, 5000]
        self.data["components"].append(
            {"id": reference, "symbol": symbol, "unit": 1, "position": position, "rotation": 0, "mirror": "none",
             "reference": reference, "value": value, "properties": {}}
        )  # fmt: skip
        for pin in self.symbols[symbol].pins:
            if pin.unit not in (0, 1):
                continue
            net = nets.get(pin.number, nets.get(pin.name))
            if net is None:
                raise AssertionError(f"{reference} pin {pin.number} ({pin.name}) has no net in the test")
            at = [position[0] + pin.x, position[1] - pin.y]  # symbol y is up, sheet y is down
            if net == "GND":
                count = sum(1 for c in self.data["components"] if c["symbol"] == "power:GND")
                self.data["components"].append(
                    {"id": f"gnd{count}", "symbol": "power:GND", "unit": 1, "position": at, "rotation": 0,
                     "mirror": "none", "reference": f"#PWR{count:02d}", "value": "GND", "properties": {}}
                )  # fmt: skip
            elif net == "NC":
                self.data["no_connects"].append({"id": f"nc-{reference}-{pin.number}", "position": at})
            else:
                label_id = f"l{len(self.data['labels'])}"
                self.data["labels"].append({"id": label_id, "position": at, "text": net, "kind": "local"})


def simulate(drawing: Drawing, analyses: list[dict]) -> dict[str, dict[str, np.ndarray]]:
    result = netlist_schematic(drawing.data, analyses)
    assert result.ok, [f for f in result.findings if f.severity == "error"]
    run = run_netlist(result.text, model_library=model_library(settings.SPICE_MODEL_DIR))
    assert run.succeeded, (run.failure, run.diagnostics, result.text)
    return {
        plot.kind: {v.name: v.real if v.imag is None else v.real + 1j * v.imag for v in plot.vectors}
        for plot in run.plots
    }


pytestmark = pytest.mark.django_db


def test_divider(symbols):
    d = Drawing(symbols)
    d.place("Simulation_SPICE:VDC", "V1", "dc 10", {"1": "in", "2": "GND"})
    d.place("Device:R", "R1", "1k", {"1": "in", "2": "out"})
    d.place("Device:R", "R2", "3k", {"1": "out", "2": "GND"})
    op = simulate(d, [{"type": "op"}])["op"]
    assert op["v(out)"][0] == pytest.approx(7.5, rel=1e-9)


def test_rc_low_pass_corner(symbols):
    d = Drawing(symbols)
    d.place("Simulation_SPICE:VDC", "V1", "dc 0 ac 1", {"1": "in", "2": "GND"})
    d.place("Device:R", "R1", "1k", {"1": "in", "2": "out"})
    d.place("Device:C", "C1", "1u", {"1": "out", "2": "GND"})
    corner = 1 / (2 * math.pi * 1e-3)
    ac = simulate(d, [{"type": "ac", "sweep": "lin", "points": 1, "fstart": corner, "fstop": corner}])["ac"]
    assert abs(ac["v(out)"][0]) == pytest.approx(1 / math.sqrt(2), rel=1e-6)
    assert math.degrees(np.angle(ac["v(out)"][0])) == pytest.approx(-45, rel=1e-6)


def test_series_rlc_resonance(symbols):
    d = Drawing(symbols)
    d.place("Simulation_SPICE:VDC", "V1", "dc 0 ac 1", {"1": "in", "2": "GND"})
    d.place("Device:L", "L1", "1m", {"1": "in", "2": "a"})
    d.place("Device:C", "C1", "1u", {"1": "a", "2": "out"})
    d.place("Device:R", "R1", "10", {"1": "out", "2": "GND"})
    ac = simulate(d, [{"type": "ac", "sweep": "dec", "points": 2000, "fstart": "1k", "fstop": "30k"}])["ac"]
    peak = ac["frequency"][np.argmax(np.abs(ac["v(out)"]))]
    assert peak.real == pytest.approx(1 / (2 * math.pi * math.sqrt(1e-3 * 1e-6)), rel=2e-3)


def test_half_wave_rectifier_with_1n4007(symbols):
    d = Drawing(symbols)
    d.place("Simulation_SPICE:VDC", "V1", "sin(0 10 50)", {"1": "in", "2": "GND"})
    d.place("Diode:1N4007", "D1", "1N4007", {"A": "in", "K": "out"})
    d.place("Device:R", "R1", "1k", {"1": "out", "2": "GND"})
    tran = simulate(d, [{"type": "tran", "step": "50u", "stop": "40m"}])["tran"]
    assert 10 - 1.0 < tran["v(out)"].max() < 10 - 0.6  # one diode drop at ~9 mA below the peak
    assert tran["v(out)"].min() > -0.01  # the negative half-waves are blocked


def test_common_emitter_with_2n3904(symbols):
    d = Drawing(symbols)
    d.place("Simulation_SPICE:VDC", "V1", "dc 12", {"1": "vcc", "2": "GND"})
    d.place("Device:R", "R1", "47k", {"1": "vcc", "2": "base"})
    d.place("Device:R", "R2", "10k", {"1": "base", "2": "GND"})
    d.place("Device:R", "RC", "4.7k", {"1": "vcc", "2": "collector"})
    d.place("Device:R", "RE", "1k", {"1": "emitter", "2": "GND"})
    d.place("Transistor_BJT:2N3904", "Q1", "2N3904", {"C": "collector", "B": "base", "E": "emitter"})
    op = simulate(d, [{"type": "op"}])["op"]
    # Stiff divider bias: VB = 12*10/57, VE = VB - VBE, IC = IE = VE/RE, VC = 12 - RC*IC.
    vb = 12 * 10 / 57
    assert op["v(base)"][0] == pytest.approx(vb, rel=0.05)
    ve = op["v(emitter)"][0]
    assert ve == pytest.approx(op["v(base)"][0] - 0.65, abs=0.1)
    assert op["v(collector)"][0] == pytest.approx(12 - 4.7 * ve, rel=0.05)


def test_inverting_amplifier_with_lm741(symbols):
    d = Drawing(symbols)
    d.place("Simulation_SPICE:VDC", "V1", "dc 15", {"1": "vp", "2": "GND"})
    d.place("Simulation_SPICE:VDC", "V2", "dc -15", {"1": "vn", "2": "GND"})
    d.place("Simulation_SPICE:VDC", "V3", "dc 0 ac 1", {"1": "in", "2": "GND"})
    d.place("Device:R", "R1", "1k", {"1": "in", "2": "minus"})
    d.place("Device:R", "R2", "10k", {"1": "minus", "2": "out"})
    pins = {"+": "GND", "-": "minus", "V+": "vp", "V-": "vn", "6": "out", "1": "NC", "5": "NC", "8": "NC"}
    d.place("Amplifier_Operational:LM741", "U1", "LM741", pins)
    ac = simulate(d, [{"type": "ac", "sweep": "lin", "points": 1, "fstart": "1k", "fstop": "1k"}])["ac"]
    assert abs(ac["v(out)"][0]) == pytest.approx(10, rel=0.01)
    assert abs(math.degrees(np.angle(ac["v(out)"][0]))) == pytest.approx(180, abs=2)

"""Every example circuit of the EDA app netlists without ERC errors, simulates, and is committed up to date."""

import json

import pytest
from django.conf import settings

from library.importer import import_libraries
from library.symbol_info import symbols_for
from schematic.examples import SYMBOLS, example_documents
from schematic.management.commands.export_examples import DEFAULT_DIR, render
from schematic.services import netlist_schematic
from spice.model_library import model_library
from spice.runner import run_netlist


@pytest.fixture(scope="module")
def documents(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        import_libraries(
            ["Device", "power", "Simulation_SPICE", "Transistor_BJT", "Diode", "Amplifier_Operational", "pspice"]
        )
        return example_documents(symbols_for(SYMBOLS))


pytestmark = pytest.mark.django_db


def test_at_least_eight_examples(documents):
    assert len(documents) >= 8


@pytest.mark.parametrize("slug", [p.stem for p in sorted(DEFAULT_DIR.glob("*.json")) if p.stem != "index"])
def test_committed_example_is_current(documents, slug):
    assert (DEFAULT_DIR / f"{slug}.json").read_text() == render(documents[slug]), "run: ./run manage export_examples"


def test_every_example_is_committed(documents):
    index = json.loads((DEFAULT_DIR / "index.json").read_text())
    assert [entry["slug"] for entry in index] == list(documents)


def simulate(document: dict) -> dict:
    result = netlist_schematic(document["schematic"], document["analyses"])
    assert not result.findings, result.findings  # examples are clean: no errors, no warnings
    run = run_netlist(result.text, model_library=model_library(settings.SPICE_MODEL_DIR))
    assert run.succeeded, (run.failure, run.diagnostics, result.text)
    return {plot.kind: {v.name: v for v in plot.vectors} for plot in run.plots}


def test_examples_simulate_with_the_expected_results(documents):
    assert simulate(documents["voltage-divider"])["op"]["v(out)"].real[0] == pytest.approx(7.5)
    rc = simulate(documents["rc-low-pass"])
    assert rc["tran"]["v(out)"].real.max() == pytest.approx(1 - 2.718281828**-5, rel=0.01)
    band = simulate(documents["rlc-band-pass"])["ac"]
    magnitude = abs(band["v(out)"].real + 1j * band["v(out)"].imag)
    assert band["frequency"].real[magnitude.argmax()] == pytest.approx(1591.5, rel=0.03)
    assert 8.9 < simulate(documents["half-wave-rectifier"])["tran"]["v(out)"].real.max() < 9.5
    bridge = simulate(documents["full-bridge-rectifier"])["tran"]["v(out)"].real
    assert bridge[len(bridge) // 2 :].min() > 9.5 and bridge.max() < 11  # smoothed: 12 V minus two diode drops
    ce = simulate(documents["common-emitter"])
    assert 4 < ce["op"]["v(collector)"].real[0] < 7
    inverting = simulate(documents["inverting-amplifier"])["ac"]
    gain = abs(inverting["v(out)"].real[0] + 1j * inverting["v(out)"].imag[0])
    assert gain == pytest.approx(10, rel=0.01)
    inverter = simulate(documents["cmos-inverter"])["dc"]
    vin, vout = inverter["v-sweep"].real, inverter["v(out)"].real
    assert vout[0] > 4.9 and vout[-1] < 0.1  # rail to rail
    threshold = vin[abs(vout - vin).argmin()]  # where out = in: the switching point
    assert 1.8 < threshold < 2.6

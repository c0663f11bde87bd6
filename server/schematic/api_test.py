"""POST /api/netlist and POST /api/simulations with a schematic: the same path, ERC errors block."""

import pytest
from rest_framework.test import APIClient

from library.importer import import_libraries
from library.symbol_info import symbols_for
from schematic.golden_test import Drawing


def divider(symbols, ground=True) -> dict:
    d = Drawing(symbols)
    d.place("Simulation_SPICE:VDC", "V1", "dc 10", {"1": "in", "2": "GND" if ground else "low"})
    d.place("Device:R", "R1", "1k", {"1": "in", "2": "out"})
    d.place("Device:R", "R2", "3k", {"1": "out", "2": "GND" if ground else "low"})
    return d.data


def load_symbols():
    import_libraries(["Device", "power", "Simulation_SPICE"])
    return symbols_for(["Device:R", "power:GND", "Simulation_SPICE:VDC"])


@pytest.mark.django_db
def test_netlist_endpoint_returns_spice_and_findings():
    symbols = load_symbols()
    response = APIClient().post("/api/netlist", {"schematic": divider(symbols), "analyses": [{"type": "op"}]},
                                format="json")  # fmt: skip
    assert response.status_code == 200, response.json()
    body = response.json()
    lines = body["netlist"].splitlines()
    assert ".op" in lines and lines[-1] == ".end"
    assert any(line.upper().startswith("R1 ") for line in lines)
    assert [d for d in body["diagnostics"] if d["severity"] == "error"] == []


@pytest.mark.django_db
def test_netlist_endpoint_reports_erc_errors_with_what_to_highlight():
    symbols = load_symbols()
    response = APIClient().post("/api/netlist", {"schematic": divider(symbols, ground=False)}, format="json")
    assert response.status_code == 200
    codes = {d["code"] for d in response.json()["diagnostics"] if d["severity"] == "error"}
    assert "no-ground" in codes


@pytest.mark.django_db
def test_malformed_schematics_are_400_with_json_paths():
    response = APIClient().post(
        "/api/netlist", {"schematic": {"format": "ohmcloud-schematic", "version": 1, "components": [{"id": 5}]}},
        format="json",
    )  # fmt: skip
    assert response.status_code == 400
    fields = {e["field"] for e in response.json()["errors"]}
    assert any(f.startswith("schematic.components[0]") for f in fields), fields


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("celery_worker")
def test_simulating_a_schematic_goes_through_the_netlister():
    symbols = load_symbols()
    client = APIClient()
    response = client.post("/api/simulations", {"schematic": divider(symbols), "analyses": [{"type": "op"}]},
                           format="json")  # fmt: skip
    assert response.status_code == 202, response.json()
    body = client.get(f"{response.json()['url']}?wait=30").json()
    assert body["status"] == "succeeded", body
    op = body["result"]["plots"][0]
    assert {v["name"]: v["values"][0] for v in op["vectors"]}["v(out)"] == 7.5

    floating = {"schematic": divider(symbols, ground=False), "analyses": [{"type": "op"}]}
    blocked = client.post("/api/simulations", floating, format="json")
    assert blocked.status_code == 400
    assert any(e.get("code") == "no-ground" for e in blocked.json()["errors"])

    both = client.post("/api/simulations", {"netlist": "x\n.end\n", "schematic": {}}, format="json")
    assert both.status_code == 400
    no_analyses = client.post("/api/simulations", {"schematic": divider(symbols)}, format="json")
    assert no_analyses.status_code == 400
    assert no_analyses.json()["errors"][0]["field"] == "analyses"

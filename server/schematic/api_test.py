"""POST /api/netlist and POST /api/simulations with a schematic: the same path, ERC errors block."""

import pytest
from rest_framework.test import APIClient

from library.importer import import_libraries
from library.symbol_info import symbols_for
from schematic.golden_test import Drawing


def divider(symbols, ground=True, top="in") -> dict:
    d = Drawing(symbols)
    d.place("Simulation_SPICE:VDC", "V1", "dc 10", {"1": top, "2": "GND" if ground else "low"})
    d.place("Device:R", "R1", "1k", {"1": top, "2": "out"})
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
    assert body["nodes"] == {"GND": "0", "in": "in", "out": "out"}
    assert body["elements"] == {"V1": "V1", "R1": "R1", "R2": "R2"}  # the Drawing's component ids are references


@pytest.mark.django_db
def test_netlist_endpoint_names_the_nodes_and_elements_it_wrote():
    """Net names SPICE cannot take are rewritten; the maps say how, and agree with the netlist text."""
    symbols = load_symbols()
    schematic = divider(symbols, top="+10V")
    for component in schematic["components"]:
        component["id"] = f"part-{component['id']}"
    body = APIClient().post("/api/netlist", {"schematic": schematic}, format="json").json()
    assert body["nodes"] == {"+10V": "_10V", "GND": "0", "out": "out"}
    assert set(body["elements"]) == {c["id"] for c in schematic["components"] if not c["id"].startswith("part-gnd")}
    lines = {line.split()[0]: line.split()[1:3] for line in body["netlist"].splitlines()[1:] if line[0].isalpha()}
    assert lines[body["elements"]["part-V1"]] == [body["nodes"]["+10V"], body["nodes"]["GND"]]
    assert lines[body["elements"]["part-R1"]] == [body["nodes"]["+10V"], body["nodes"]["out"]]


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
    response = client.post("/api/simulations", {"schematic": divider(symbols, top="+10V"),
                                                "analyses": [{"type": "op"}]}, format="json")  # fmt: skip
    assert response.status_code == 202, response.json()
    accepted = response.json()
    assert accepted["nodes"] == {"+10V": "_10V", "GND": "0", "out": "out"}
    assert accepted["elements"] == {"V1": "V1", "R1": "R1", "R2": "R2"}
    body = client.get(f"{accepted['url']}?wait=30").json()
    assert body["status"] == "succeeded", body
    assert (body["nodes"], body["elements"]) == (accepted["nodes"], accepted["elements"])  # kept with the job
    # The maps lead from the schematic's names to ngspice's vectors (lower case, as ngspice names them).
    op = {v["name"]: v["values"][0] for v in body["result"]["plots"][0]["vectors"]}
    assert op[f"v({body['nodes']['out'].lower()})"] == 7.5
    assert op[f"v({body['nodes']['+10V'].lower()})"] == 10
    assert op[f"i({body['elements']['V1'].lower()})"] == pytest.approx(-2.5e-3)  # into the + pin: V1 delivers

    netlist_run = client.post("/api/simulations", {"netlist": "n\nv1 a 0 1\nr1 a 0 1k\n.op\n.end\n"}, format="json")
    assert netlist_run.status_code == 202 and "nodes" not in netlist_run.json()
    assert not {"nodes", "elements"} & set(client.get(f"{netlist_run.json()['url']}?wait=30").json())

    floating = {"schematic": divider(symbols, ground=False), "analyses": [{"type": "op"}]}
    blocked = client.post("/api/simulations", floating, format="json")
    assert blocked.status_code == 400
    assert any(e.get("code") == "no-ground" for e in blocked.json()["errors"])

    both = client.post("/api/simulations", {"netlist": "x\n.end\n", "schematic": {}}, format="json")
    assert both.status_code == 400
    no_analyses = client.post("/api/simulations", {"schematic": divider(symbols)}, format="json")
    assert no_analyses.status_code == 400
    assert no_analyses.json()["errors"][0]["field"] == "analyses"

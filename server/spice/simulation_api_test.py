"""The simulation API end to end: real worker, real ngspice."""

import csv
import io

import pytest
from rest_framework.test import APIClient

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("celery_worker")]

RC = """rc low-pass
v1 in 0 pulse(0 1 0 1n 1n 1 2) ac 1
r1 in out 1k
c1 out 0 1u
.op
.tran 1u 5m
.ac dec 20 1 100k
.end
"""


def simulate(client, netlist=RC, wait=30):
    response = client.post("/api/simulations", {"netlist": netlist}, format="json")
    assert response.status_code == 202, response.json()
    body = response.json()
    assert body["status"] == "queued" and body["url"] == f"/api/simulations/{body['id']}"
    return body, client.get(f"{body['url']}?wait={wait}").json()


def test_anonymous_simulation_returns_plots(api_client_anonymous):
    _, body = simulate(api_client_anonymous)
    assert body["status"] == "succeeded", body
    plots = {p["name"]: p for p in body["result"]["plots"]}
    assert sorted(plots) == ["ac1", "op1", "tran1"]
    tran = plots["tran1"]
    assert tran["kind"] == "tran" and tran["scale"] == "time"
    assert [(v["name"], v["unit"]) for v in tran["vectors"]] == [("time", "s"), ("v(in)", "V"), ("v(out)", "V"),
                                                                  ("i(v1)", "A")]  # fmt: skip
    assert tran["points"] == len(tran["vectors"][0]["values"]) > 5000
    ac = plots["ac1"]
    assert ac["scale"] == "frequency" and "imag" not in ac["vectors"][0]
    assert "imag" in ac["vectors"][2]
    assert body["timings"]["ngspice"] > 0 and body["timings"]["total"] >= body["timings"]["ngspice"]


def test_points_decimates_curves_keeping_ends_and_extremes(api_client_anonymous):
    submitted, full = simulate(api_client_anonymous)
    tran_full = next(p for p in full["result"]["plots"] if p["name"] == "tran1")
    small = api_client_anonymous.get(f"{submitted['url']}?points=100").json()
    tran = next(p for p in small["result"]["plots"] if p["name"] == "tran1")
    time, vout = tran["vectors"][0]["values"], tran["vectors"][2]["values"]
    assert 2 <= len(time) <= 100
    assert tran["points"] == tran_full["points"]
    assert time[0] == tran_full["vectors"][0]["values"][0] and time[-1] == tran_full["vectors"][0]["values"][-1]
    assert max(vout) == max(tran_full["vectors"][2]["values"])
    assert time == sorted(time)
    op = next(p for p in small["result"]["plots"] if p["name"] == "op1")
    assert len(op["vectors"][0]["values"]) == 1


def test_vector_selection_keeps_the_scale(api_client_anonymous):
    submitted, _ = simulate(api_client_anonymous)
    body = api_client_anonymous.get(f"{submitted['url']}?vector=v(out)&points=50").json()
    for plot in body["result"]["plots"]:
        assert [v["name"] for v in plot["vectors"]][1:] == ["v(out)"]
    tran = next(p for p in body["result"]["plots"] if p["name"] == "tran1")
    assert tran["vectors"][0]["name"] == "time" and len(tran["vectors"][0]["values"]) <= 50
    unknown = api_client_anonymous.get(f"{submitted['url']}?vector=v(nope)")
    assert unknown.status_code == 400
    assert unknown.json()["errors"] == [{"message": "No vector named v(nope) in this simulation.", "field": "vector"}]


@pytest.mark.parametrize("points", ["1", "abc", "-5"])
def test_bad_points_parameter(api_client_anonymous, points):
    submitted, _ = simulate(api_client_anonymous)
    response = api_client_anonymous.get(f"{submitted['url']}?points={points}")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "points"


def test_csv_download(api_client_anonymous):
    submitted, full = simulate(api_client_anonymous)
    response = api_client_anonymous.get(f"{submitted['url']}/data.csv?plot=ac1")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["frequency", "v(in).re", "v(in).im", "v(out).re", "v(out).im", "i(v1).re", "i(v1).im"]
    ac = next(p for p in full["result"]["plots"] if p["name"] == "ac1")
    assert len(rows) - 1 == ac["points"]
    assert float(rows[1][3]) == ac["vectors"][2]["values"][0]
    missing = api_client_anonymous.get(f"{submitted['url']}/data.csv?plot=nope")
    assert missing.status_code == 404
    assert missing.json() == {"errors": [{"message": "No plot named 'nope' in this simulation."}]}


def test_unsafe_netlists_are_refused_with_lines(api_client_anonymous):
    response = api_client_anonymous.post(
        "/api/simulations",
        {"netlist": "evil\nv1 1 0 1\n.control\nshell cat /etc/passwd\n.endc\n.include /etc/passwd\n.end\n"},
        format="json",
    )
    assert response.status_code == 400
    lines = {e.get("line") for e in response.json()["errors"]}
    assert {3, 6} <= lines


@pytest.mark.parametrize(
    ("body", "field"),
    [({}, None), ({"netlist": ""}, "netlist"), ({"netlist": "x\n.end", "extra": 1}, "extra")],
)
def test_malformed_requests(api_client_anonymous, body, field):
    response = api_client_anonymous.post("/api/simulations", body, format="json")
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error.get("field") == field
    if field is None:
        assert error["message"] == 'Send either "netlist" or "schematic" (with "analyses").'


def test_ngspice_errors_fail_the_job_with_line_numbers(api_client_anonymous):
    _, body = simulate(api_client_anonymous, "bad\nv1 1 0 dc 1\nr1 1 2 1k\nq1 2 3 4 nomodel\n.op\n.end\n")
    assert body["status"] == "failed"
    assert body["result"] is None
    assert any(d.get("line") == 4 for d in body["diagnostics"]), body["diagnostics"]


def test_owned_simulations_are_private_and_listed(user_api, django_user_model):
    submitted, body = simulate(user_api)
    assert body["status"] == "succeeded"
    listing = user_api.get("/api/simulations").json()
    assert listing["count"] == 1
    assert listing["results"][0]["id"] == submitted["id"]
    assert listing["results"][0]["title"] == "rc low-pass"
    stranger = APIClient()
    stranger.force_authenticate(django_user_model.objects.create_user(username="eve", password="x" * 12))
    assert stranger.get(submitted["url"]).status_code == 404
    assert stranger.get(f"{submitted['url']}/data.csv?plot=op1").status_code == 404
    assert stranger.get("/api/simulations").json()["count"] == 0
    assert APIClient().get(submitted["url"]).status_code == 404
    assert APIClient().get("/api/simulations").status_code == 401


def test_listing_is_paginated(user_api):
    for _ in range(3):
        simulate(user_api, "op\nv1 1 0 1\nr1 1 0 1\n.op\n.end\n", wait=0)
    page = user_api.get("/api/simulations?page_size=2").json()
    assert page["count"] == 3 and len(page["results"]) == 2 and page["next"]


def test_cancel_a_running_simulation(api_client_anonymous):
    ladder = "\n".join(f"r{i} n{i} n{i + 1} 1k\nc{i} n{i + 1} 0 1n" for i in range(300))
    submitted, _ = simulate(api_client_anonymous, f"slow\nv1 n0 0 sin(0 1 1meg)\n{ladder}\n.tran 1n 900u\n.end\n", 1)
    response = api_client_anonymous.delete(submitted["url"])
    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    # The worker is free again at once.
    _, body = simulate(api_client_anonymous, "op\nv1 1 0 1\nr1 1 0 1\n.op\n.end\n")
    assert body["status"] == "succeeded"


def test_anonymous_submissions_are_rate_limited(api_client_anonymous, settings):
    from django.core.cache import cache

    cache.clear()
    statuses = [
        api_client_anonymous.post("/api/simulations", {"netlist": "x\n.end\n"}, format="json").status_code
        for _ in range(31)
    ]
    assert statuses[:30] == [202] * 30
    assert statuses[30] == 429

"""ngspice's own regression netlists through the simulation API (../shared/conformance/ngspice).

plain/: the API's plots and vectors equal what a bare `ngspice -b -r` gives on the
same machine (relative 1e-9); where bare ngspice crashes, the job fails with a
diagnostic and the worker serves the next job. control/: refused before ngspice
sees them, with the line of the `.control` card.
"""

import os
import re
import subprocess
from pathlib import Path

import numpy as np
import pytest
from django.conf import settings

from spice.raw_reader import read_raw

CORPUS = Path(os.environ.get("OHM_CONFORMANCE_DIR", settings.REPO_DIR.parent / "shared" / "conformance" / "ngspice"))

if not CORPUS.is_dir():
    pytest.skip(f"conformance corpus not found at {CORPUS} (set OHM_CONFORMANCE_DIR)", allow_module_level=True)

PLAIN = sorted((CORPUS / "plain").glob("*.cir"))
CONTROL = sorted((CORPUS / "control").glob("*.cir"))


def bare_ngspice(netlist: Path, tmp_path: Path):
    """What ngspice itself gives, outside OhmCloud: (exit status, plots or None)."""
    raw = tmp_path / "bare.raw"
    process = subprocess.run(
        ["ngspice", "-b", "-r", str(raw), "-o", str(tmp_path / "bare.log"), str(netlist)],
        cwd=tmp_path, capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    plots = read_raw(raw.read_bytes()) if raw.exists() and raw.stat().st_size and process.returncode == 0 else None
    return process.returncode, plots


def test_corpus_is_complete():
    assert len(PLAIN) == 27 and len(CONTROL) == 37


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("celery_worker")
@pytest.mark.parametrize("netlist", PLAIN, ids=[p.stem for p in PLAIN])
def test_plain_netlists_match_bare_ngspice(netlist, tmp_path, api_client_anonymous):
    returncode, expected = bare_ngspice(netlist, tmp_path)
    response = api_client_anonymous.post("/api/simulations", {"netlist": netlist.read_text()}, format="json")
    assert response.status_code == 202, response.json()
    body = api_client_anonymous.get(f"{response.json()['url']}?wait=30").json()

    if returncode < 0 or returncode > 128:  # ngspice itself crashed on this file
        assert body["status"] == "failed", body
        assert any("crashed" in d["message"] for d in body["diagnostics"]), body["diagnostics"]
        return
    assert body["status"] == "succeeded", body["diagnostics"]
    if expected is None:  # ngspice ran, but the netlist asks for no analysis
        assert body["result"]["plots"] == []
        assert any("no analysis" in d["message"] for d in body["diagnostics"])
        return
    plots = body["result"]["plots"]
    assert [(p["name"], p["kind"], p["scale"]) for p in plots] == [(p.name, p.kind, p.scale) for p in expected]
    for got, want in zip(plots, expected, strict=True):
        assert [v["name"] for v in got["vectors"]] == [v.name for v in want.vectors]
        for got_vector, want_vector in zip(got["vectors"], want.vectors, strict=True):
            np.testing.assert_allclose(np.array(got_vector["values"], dtype=float), want_vector.real, rtol=1e-9, atol=0)
            if want_vector.imag is not None:
                np.testing.assert_allclose(np.array(got_vector["imag"], dtype=float), want_vector.imag, rtol=1e-9)
            else:
                assert "imag" not in got_vector


@pytest.mark.django_db
@pytest.mark.parametrize("netlist", CONTROL, ids=[p.stem for p in CONTROL])
def test_control_netlists_are_refused_at_the_control_line(netlist, api_client_anonymous):
    text = netlist.read_text(errors="replace")
    control_line = next(i for i, line in enumerate(text.splitlines(), 1) if re.match(r"\s*\.control\b", line, re.I))
    response = api_client_anonymous.post("/api/simulations", {"netlist": text}, format="json")
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert any(e.get("line") == control_line and ".control" in e["message"] for e in errors), errors

"""Simulation services: check and submit a netlist, read results."""

from django.conf import settings

from jobs import services as jobs
from jobs.models import Job

from .model_library import model_library
from .netlist_sanitizer import sanitize_netlist
from .simulation_job import KIND


def submit_simulation(netlist: str, owner=None, names: dict[str, dict[str, str]] | None = None) -> Job:
    """Check `netlist` (NetlistRejected with line-numbered problems) and queue it. `names`: a schematic's
    `nodes` and `elements` (schematic.services.spice_names), kept with the job for whoever reads its results."""
    checked = sanitize_netlist(netlist, model_library=model_library(settings.SPICE_MODEL_DIR).keys())
    return jobs.submit(KIND, {"netlist": checked.text, **(names or {})}, owner)


def spice_names_of(job: Job) -> dict[str, dict[str, str]]:
    """The `nodes` and `elements` a schematic simulation was submitted with; nothing for a netlist."""
    return {key: job.input[key] for key in ("nodes", "elements") if key in job.input}


def own_simulations(user):
    return Job.objects.filter(owner=user, kind=KIND).order_by("-created_at")

"""Simulation services: check and submit a netlist, read results."""

from django.conf import settings

from jobs import services as jobs
from jobs.models import Job

from .model_library import model_library
from .netlist_sanitizer import sanitize_netlist
from .simulation_job import KIND


def submit_simulation(netlist: str, owner=None) -> Job:
    """Check `netlist` (NetlistRejected with line-numbered problems) and queue it."""
    checked = sanitize_netlist(netlist, model_library=model_library(settings.SPICE_MODEL_DIR).keys())
    return jobs.submit(KIND, {"netlist": checked.text}, owner)


def own_simulations(user):
    return Job.objects.filter(owner=user, kind=KIND).order_by("-created_at")

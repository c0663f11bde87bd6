"""The `spice` job kind: a thin adapter from the job framework to run_netlist."""

from django.conf import settings

from jobs.kinds import JobContext, JobKind, JobOutcome, register

from .model_library import model_library
from .netlist_sanitizer import NetlistRejected
from .results import plots_document
from .runner import SimulationLimits, run_netlist

KIND = "spice"


def run_simulation(ctx: JobContext) -> JobOutcome:
    limits = SimulationLimits(wall_seconds=ctx.time_limit, cpu_seconds=int(ctx.time_limit) + 1)
    try:
        run = run_netlist(
            ctx.input["netlist"],
            limits,
            model_library=model_library(settings.SPICE_MODEL_DIR),
            should_cancel=ctx.is_cancelled,
        )
    except NetlistRejected as rejected:  # checked at submission already; the model library may have changed
        problems = [{"severity": "error", "message": p.message, "line": p.line} for p in rejected.problems]
        return JobOutcome(succeeded=False, diagnostics=problems)
    if not run.succeeded:
        failure = {"severity": "error", "message": run.failure}
        return JobOutcome(succeeded=False, diagnostics=[*run.diagnostics, failure], timings=run.timings)
    return JobOutcome(
        succeeded=True, result=plots_document(run.plots), diagnostics=run.diagnostics, timings=run.timings
    )


def register_kind() -> JobKind:
    return register(JobKind(name=KIND, execute=run_simulation, time_limit=settings.SPICE_TIME_LIMIT_SECONDS))

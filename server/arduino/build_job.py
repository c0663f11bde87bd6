"""The `arduino-build` job kind: a thin adapter from the job framework to build_sketch.

A sketch that does not compile, link or fit is a *failed* job with its diagnostics, as a netlist ngspice refuses
is a failed simulation; the result document (HEX, memory use, cache use) is kept either way, so a program that
is too big still reports its size.
"""

from django.conf import settings

from jobs.kinds import JobContext, JobKind, JobOutcome, register

KIND = "arduino-build"
# The job's limit leaves the build time to stop itself at its own deadline and say so, before Celery steps in.
TIME_LIMIT_MARGIN_SECONDS = 5.0


def run_build(ctx: JobContext) -> JobOutcome:
    from .build import build_sketch  # the toolchain stack loads in the worker, not at every Django start
    from .toolchain import BuildLimits

    build_seconds = max(1.0, ctx.time_limit - TIME_LIMIT_MARGIN_SECONDS)
    result = build_sketch(
        ctx.input["board"],
        ctx.input["sketch"],
        ctx.input.get("files") or {},
        settings.ARDUINO_CACHE_DIR,
        limits=BuildLimits(wall_seconds=build_seconds),
        should_cancel=ctx.is_cancelled,
    )
    return JobOutcome(
        succeeded=result.ok,
        result={"board": ctx.input["board"], "hex": result.hex, "size": result.size, "cache": result.cache},
        diagnostics=result.diagnostics,
        timings=result.timings,
    )


def register_kind() -> JobKind:
    return register(
        JobKind(
            name=KIND,
            execute=run_build,
            time_limit=settings.ARDUINO_BUILD_TIME_LIMIT_SECONDS + TIME_LIMIT_MARGIN_SECONDS,
        )
    )

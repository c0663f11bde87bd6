"""The `sleep` trial job: a real external process through the whole job pipeline.

It proves web -> broker -> worker -> database -> API, cancellation and the time
limit with the same process runner that ngspice and avr-gcc use.
"""

from rest_framework import serializers

from ohmcloud.strict_serializer import StrictSerializer
from sandbox.process import ProcessLimits, run_process

from .kinds import JobContext, JobKind, JobOutcome, register

SLEEP_TIME_LIMIT = 5.0


class SleepInput(StrictSerializer):
    seconds = serializers.FloatField(min_value=0, max_value=60, help_text="How long /bin/sleep runs.")
    message = serializers.CharField(max_length=200, required=False, default="", allow_blank=True)


def run_sleep(ctx: JobContext) -> JobOutcome:
    seconds = ctx.input["seconds"]
    result = run_process(
        ["/bin/sleep", f"{seconds:.3f}"],
        limits=ProcessLimits(wall_seconds=ctx.time_limit, cpu_seconds=int(ctx.time_limit) + 1),
        should_cancel=ctx.is_cancelled,
    )
    if not result.ok:
        return JobOutcome(
            succeeded=False,
            diagnostics=[{"severity": "error", "message": result.failure_reason()}],
            timings={"process": result.wall_seconds},
        )
    return JobOutcome(
        succeeded=True,
        result={"message": ctx.input.get("message", ""), "slept": seconds},
        timings={"process": result.wall_seconds},
    )


SLEEP = register(
    JobKind(name="sleep", execute=run_sleep, time_limit=SLEEP_TIME_LIMIT, generic_api=True, input_serializer=SleepInput)
)

"""Headless runs, the `arduino-run` job kind: a program (a build's HEX or one given) simulated for a few seconds in
the avr-sim harness under Node (avr_sim.run_hex: sandboxed, time-limited, cancellable), its serial output and
pin changes kept. For tests and, later, automatic grading."""

from rest_framework.exceptions import APIException

from jobs import services as jobs
from jobs.kinds import JobContext, JobKind, JobOutcome, register
from jobs.selectors import visible_job

from .build_job import KIND as BUILD_KIND

KIND = "arduino-run"
SECONDS_MAX = 10.0
MAX_PIN_CHANGES = 20_000  # a 490 Hz PWM pin changes ~10,000 times in 10 s; more is counted, not kept
MAX_SERIAL_BYTES = 65_536
# The harness runs sketches ~5x faster than real time; it stops itself (with what it has) once it took as long as
# the simulated time plus a second, and is killed a few seconds later still (Node's start, the sandbox).
HARNESS_SLACK_SECONDS = 1.0
PROCESS_SLACK_SECONDS = 5.0
TIME_LIMIT_SECONDS = SECONDS_MAX + HARNESS_SLACK_SECONDS + PROCESS_SLACK_SECONDS + 5.0

# The harness's request fields → the API's, so its error messages name what the caller sent.
HARNESS_FIELDS = {"serialInput": "inputs.serial", "digitalInputs": "inputs.digital", "adc": "inputs.analog"}


class BuildNotReady(APIException):
    status_code = 409


def run_input(user, data: dict) -> dict:
    """The job input of a validated run request: a build id becomes that build's HEX and board, if `user` may see
    the build (NotFound otherwise, as for GET of the build) and it succeeded (BuildNotReady otherwise)."""
    run = {
        "board": data.get("board"),
        "seconds": data["seconds"],
        "inputs": data.get("inputs") or {},
        "pins": data.get("pins"),
        "build": None,
        "hex": data.get("hex"),
    }
    if data.get("build"):
        build = visible_job(user, data["build"], kind=BUILD_KIND)
        if build.status != "succeeded":
            raise BuildNotReady(f"The build has no program ({build.status}).")
        if run["board"] not in (None, build.input["board"]):
            raise BuildNotReady(f"The build is for {build.input['board']}, not {run['board']}.")
        run.update(build=str(build.pk), board=build.input["board"], hex=jobs.result_of(build)["hex"])
    return run


def harness_options(run: dict) -> dict:
    """The harness request fields (web/packages/avr-sim/README.md) for a run's inputs and recorded pins."""
    inputs = run["inputs"]
    options = {
        "serialInput": inputs.get("serial", ""),
        "digitalInputs": inputs.get("digital", {}),
        "adc": inputs.get("analog", {}),
        "maxPinChanges": MAX_PIN_CHANGES,
        "maxSerialBytes": MAX_SERIAL_BYTES,
        "maxWallMs": (run["seconds"] + HARNESS_SLACK_SECONDS) * 1000,
    }
    if run["pins"] is not None:
        options["pins"] = run["pins"]
    return options


def api_message(harness_error: str) -> str:
    """A harness error with its field named as in the API ("digitalInputs.99: ..." → "inputs.digital.99: ...")."""
    for harness_field, field in HARNESS_FIELDS.items():
        if harness_error.startswith(harness_field):
            return field + harness_error[len(harness_field) :]
    return harness_error


def run_program(ctx: JobContext) -> JobOutcome:
    from .avr_sim import SimulationFailed, run_hex

    run = ctx.input
    try:
        answer = run_hex(
            run["hex"],
            run["board"],
            run["seconds"] * 1000,
            wall_seconds=run["seconds"] + HARNESS_SLACK_SECONDS + PROCESS_SLACK_SECONDS,
            should_cancel=ctx.is_cancelled,
            **harness_options(run),
        )
    except SimulationFailed as failure:
        return JobOutcome(succeeded=False, diagnostics=[{"severity": "error", "message": api_message(str(failure))}])
    keys = ("serial", "serialBaud", "serialBytesTotal", "serialCapped", "serialInputPending", "pinChanges",
            "pinChangesTotal", "pinChangesCapped", "simulatedMs", "wallMs", "stoppedEarly", "warnings")  # fmt: skip
    document = {key: answer.get(key) for key in keys}
    document["pinChanges"] = [[c["t_us"], c["pin"], c["value"]] for c in answer["pinChanges"]]  # compact
    return JobOutcome(
        succeeded=True,
        result=document,  # the harness's warnings (caps hit, stopped early ...) are in it
        timings={"simulation": round(answer["wallMs"] / 1000, 4)},
    )


def pin_traces(pin_changes: list, pins: list[int] | None) -> dict[str, list[list]]:
    """Pin → [[t_us, value], ...] in time order, for the pins asked for (each one, even if it never changed) or,
    without a list, every pin that changed. Keys are strings, as JSON object keys are."""
    traces: dict[int, list[list]] = {pin: [] for pin in pins or ()}
    for t_us, pin, value in pin_changes:
        traces.setdefault(pin, []).append([t_us, value])
    return {str(pin): traces[pin] for pin in sorted(traces)}


def register_kind() -> JobKind:
    return register(JobKind(name=KIND, execute=run_program, time_limit=TIME_LIMIT_SECONDS))

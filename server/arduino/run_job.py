"""Headless runs, the `arduino-run` job kind: a program (a build's HEX or one given) simulated for a few seconds in
the avr-sim harness under Node (avr_sim.run_hex: sandboxed, time-limited, cancellable), on the bare board or in a
circuit, its serial output, pin and net changes, circuit warnings and parts kept. For tests and, later, automatic
grading."""

import re

from rest_framework.exceptions import APIException

from jobs import services as jobs
from jobs.kinds import JobContext, JobKind, JobOutcome, register
from jobs.selectors import visible_job

from .build_job import KIND as BUILD_KIND
from .run_circuit import pick_mcu
from .vcd import pin_order

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
HARNESS_FIELDS = {
    "serialInput": "inputs.serial",
    "digitalInputs": "inputs.digital",
    "adc": "inputs.analog",
    "partInputs": "inputs.parts",
}


class BuildNotReady(APIException):
    status_code = 409


def run_input(user, data: dict) -> dict:
    """The job input of a validated run request: a build id becomes that build's HEX and board, if `user` may see
    the build (NotFound otherwise, as for GET of the build) and it succeeded (BuildNotReady otherwise). With a circuit,
    `mcu` becomes the component that runs the program (ValidationError if there is none or it is ambiguous)."""
    run = {
        "board": data.get("board"),
        "seconds": data["seconds"],
        "inputs": data.get("inputs") or {},
        "pins": data.get("pins"),
        "build": None,
        "hex": data.get("hex"),
        "circuit": data.get("circuit"),
        "mcu": None,
    }
    if data.get("build"):
        build = visible_job(user, data["build"], kind=BUILD_KIND)
        if build.status != "succeeded":
            raise BuildNotReady(f"The build has no program ({build.status}).")
        if run["board"] not in (None, build.input["board"]):
            raise BuildNotReady(f"The build is for {build.input['board']}, not {run['board']}.")
        run.update(build=str(build.pk), board=build.input["board"], hex=jobs.result_of(build)["hex"])
    if run["circuit"]:
        run["mcu"] = pick_mcu(run["circuit"], run["board"], data.get("mcu"))
    return run


def harness_options(run: dict) -> dict:
    """The harness request fields (web/packages/avr-sim/README.md) for a run's circuit, inputs and recorded pins."""
    inputs = run["inputs"]
    options = {
        "serialInput": inputs.get("serial", ""),
        "maxPinChanges": MAX_PIN_CHANGES,
        "maxSerialBytes": MAX_SERIAL_BYTES,
        "maxWallMs": (run["seconds"] + HARNESS_SLACK_SECONDS) * 1000,
    }
    if run.get("circuit"):  # its parts drive the board's pins: no digital or analog levels from outside
        options.update(circuit=run["circuit"], mcu=run["mcu"], partInputs=inputs.get("parts", []))
    else:
        options.update(digitalInputs=inputs.get("digital", {}), adc=inputs.get("analog", {}))
    if run["pins"] is not None:
        options["pins"] = run["pins"]
    return options


def api_message(harness_error: str) -> str:
    """A harness error with its field named as in the API ("digitalInputs.99: ..." → "inputs.digital.99: ...",
    "circuit.components[3].kind: ..." → "circuit.components.3.kind: ...")."""
    field, separator, message = harness_error.partition(": ")
    if not separator or " " in field:
        return harness_error
    for harness_field, api_field in HARNESS_FIELDS.items():
        if field.startswith(harness_field):
            field = api_field + field[len(harness_field) :]
    return re.sub(r"\[(\d+)\]", r".\1", field) + separator + message


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
    if run.get("circuit"):  # net changes join the pin changes (pins of parts are strings, "led1.A")
        document["pinChanges"] += [[c["t_us"], c["pin"], c["value"]] for c in answer["netChanges"]]
        document["pinChangesTotal"] += answer["netChangesTotal"]
        document["pinChangesCapped"] = document["pinChangesCapped"] or answer["netChangesCapped"]
        document["circuitWarnings"] = answer["circuitWarnings"]
        document["parts"] = answer.get("parts", {})
    return JobOutcome(
        succeeded=True,
        result=document,  # the harness's warnings (caps hit, stopped early ...) are in it
        timings={"simulation": round(answer["wallMs"] / 1000, 4)},
    )


def pin_traces(pin_changes: list, pins: list[int | str] | None) -> dict[str, list[list]]:
    """Pin → [[t_us, value], ...] in time order, for the pins asked for (each one, even if it never changed) or,
    without a list, every pin that changed: digital pins by number, then pins of parts ("led1.A") by name. Keys are
    strings, as JSON object keys are."""
    traces: dict[int | str, list[list]] = {pin: [] for pin in pins or ()}
    for t_us, pin, value in pin_changes:
        traces.setdefault(pin, []).append([t_us, value])
    return {str(pin): traces[pin] for pin in sorted(traces, key=pin_order)}


def register_kind() -> JobKind:
    return register(JobKind(name=KIND, execute=run_program, time_limit=TIME_LIMIT_SECONDS))

"""The circuit of a headless run, checked on the way in: its shape and size, sane ids and pin names, and part inputs
that refer to its components. What the parts are electrically (kinds, pins, props, the wiring) is avr-sim's to judge
in the sandbox: a circuit it refuses fails the run with its message. The format is avr-sim's `Circuit`
(docs/formats/arduino-project.md, "circuit")."""

import math
import re

from rest_framework.exceptions import ValidationError

MAX_COMPONENTS = 500
MAX_WIRES = 5000
MAX_PART_INPUTS = 1000
MAX_PROPS = 32
MAX_PROP_CHARS = 1000

COMPONENT_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
KIND = re.compile(r"[a-z0-9-]{1,32}")
PROP_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,31}")
PIN_NAME = re.compile(r"[A-Za-z0-9_.+-]{1,32}")  # "D13", "1.l", "GND.2", "V+", "-"


def invalid(field: str, message: str) -> ValidationError:
    """A 400 naming `field` (dotted, as the API's error shape has it: "wires.12.0")."""
    return ValidationError({field: message})


def clean_circuit(value) -> dict:
    """`{"components": [{"id", "kind", "props"?}], "wires": [[pin, pin]]}` with only those fields; ValidationError
    naming the first bad field (relative to `circuit`)."""
    if not isinstance(value, dict):
        raise ValidationError('Expected an object like {"components": [...], "wires": [...]}.')
    components, wires = value.get("components"), value.get("wires", [])
    if not isinstance(components, list) or not components:
        raise invalid("components", "Expected a list of components.")
    if len(components) > MAX_COMPONENTS:
        raise invalid("components", f"At most {MAX_COMPONENTS} components.")
    if not isinstance(wires, list):
        raise invalid("wires", "Expected a list of wires.")
    if len(wires) > MAX_WIRES:
        raise invalid("wires", f"At most {MAX_WIRES} wires.")
    cleaned = [clean_component(component, f"components.{i}") for i, component in enumerate(components)]
    ids: set[str] = set()
    for i, component in enumerate(cleaned):
        if component["id"] in ids:
            raise invalid(f"components.{i}.id", f"{component['id']!r} is used twice.")
        ids.add(component["id"])
    return {"components": cleaned, "wires": [clean_wire(wire, f"wires.{i}", ids) for i, wire in enumerate(wires)]}


def clean_component(value, field: str) -> dict:
    if not isinstance(value, dict):
        raise invalid(field, 'Expected an object like {"id": "led1", "kind": "led"}.')
    component_id, kind, props = value.get("id"), value.get("kind"), value.get("props")
    if not isinstance(component_id, str) or not COMPONENT_ID.fullmatch(component_id):
        raise invalid(f"{field}.id", "1 to 64 letters, digits, _ or -.")
    if not isinstance(kind, str) or not KIND.fullmatch(kind):
        raise invalid(f"{field}.kind", 'A part kind such as "uno", "led" or "breadboard".')
    component = {"id": component_id, "kind": kind}
    if props is not None:
        component["props"] = clean_props(props, f"{field}.props")
    return component


def clean_props(props, field: str) -> dict:
    if not isinstance(props, dict) or len(props) > MAX_PROPS:
        raise invalid(field, f"An object of at most {MAX_PROPS} settings.")
    for name, setting in props.items():
        if not PROP_NAME.fullmatch(name):
            raise invalid(f"{field}.{name}", "Not a setting name.")
        ok = (
            isinstance(setting, bool)
            or (isinstance(setting, int | float) and math.isfinite(setting))
            or (isinstance(setting, str) and len(setting) <= MAX_PROP_CHARS)
        )
        if not ok:
            raise invalid(f"{field}.{name}", f"A number, true/false or a text of at most {MAX_PROP_CHARS} characters.")
    return props


def clean_wire(value, field: str, ids: set[str]) -> list[str]:
    if not isinstance(value, list) or len(value) != 2:
        raise invalid(field, 'Expected two pins like ["uno1.D13", "r1.1"].')
    for end, pin in enumerate(value):
        clean_pin_ref(pin, f"{field}.{end}", ids)
    return list(value)


def clean_pin_ref(value, field: str, ids: set[str]) -> str:
    """`"<component id>.<pin name>"` of a component in the circuit (whether the kind has that pin is avr-sim's)."""
    component, _, pin = value.partition(".") if isinstance(value, str) else ("", "", "")
    if not COMPONENT_ID.fullmatch(component) or not PIN_NAME.fullmatch(pin):
        raise invalid(field, 'A pin like "uno1.D13": a component id, a dot, a pin name.')
    if component not in ids:
        raise invalid(field, f"No component {component!r} in the circuit.")
    return value


def clean_part_inputs(value, ids: set[str], seconds: float) -> list[dict]:
    """`inputs.parts`: `{"t_ms", "part", "control", "value"}` (a part's setting) or `{"t_ms", "part", "pressed"}`
    (a push button), each at a time within the run, on a component of the circuit. Fields are relative to
    `inputs.parts`."""
    if not isinstance(value, list) or len(value) > MAX_PART_INPUTS:
        raise ValidationError(f"Expected a list of at most {MAX_PART_INPUTS} inputs.")
    return [clean_part_input(item, str(i), ids, seconds) for i, item in enumerate(value)]


def clean_part_input(item, field: str, ids: set[str], seconds: float) -> dict:
    if not isinstance(item, dict):
        raise invalid(field, 'Expected an object like {"t_ms": 500, "part": "btn1", "pressed": true}.')
    keys = ("t_ms", "part", "pressed") if "pressed" in item else ("t_ms", "part", "control", "value")
    for key in item:
        if key not in keys:
            either = key in ("control", "value", "pressed")
            raise invalid(
                f"{field}.{key}", "Give either `pressed` or `control` and `value`." if either else "Unknown field."
            )
    t_ms = item.get("t_ms")
    if isinstance(t_ms, bool) or not isinstance(t_ms, int | float) or not 0 <= t_ms <= seconds * 1000:
        raise invalid(f"{field}.t_ms", f"Milliseconds from 0 to {seconds * 1000:g} (the run's end).")
    if item.get("part") not in ids:
        raise invalid(f"{field}.part", "Not a component of the circuit.")
    if "pressed" in item:
        if not isinstance(item["pressed"], bool):
            raise invalid(f"{field}.pressed", "true or false.")
        return {"t_ms": t_ms, "part": item["part"], "pressed": item["pressed"]}
    if not isinstance(item.get("control"), str) or not PROP_NAME.fullmatch(item["control"]):
        raise invalid(f"{field}.control", 'The name of a setting of the part, such as "position".')
    control_value = item.get("value")
    if not isinstance(control_value, bool | int | float) or not math.isfinite(control_value):
        raise invalid(f"{field}.value", "A number or true/false.")
    return {"t_ms": t_ms, "part": item["part"], "control": item["control"], "value": control_value}


def pick_mcu(circuit: dict, board: str, mcu: str | None) -> str:
    """The component that runs the program: the one `mcu` names, which must be of the program's `board` kind, or
    the circuit's only component of that kind."""
    kinds = {component["id"]: component["kind"] for component in circuit["components"]}
    if mcu is not None:
        if mcu not in kinds:
            raise invalid("mcu", "Not a component of the circuit.")
        if kinds[mcu] != board:
            raise invalid("mcu", f"{mcu} is a {kinds[mcu]}; the program is for {board}.")
        return mcu
    boards = [component_id for component_id, kind in kinds.items() if kind == board]
    if not boards:
        raise invalid("circuit", f"No {board} component to run the program.")
    if len(boards) > 1:
        raise invalid("mcu", f"The circuit has {len(boards)} {board} components ({', '.join(boards)}): name one.")
    return boards[0]

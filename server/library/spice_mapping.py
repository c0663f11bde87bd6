"""How a KiCad library symbol becomes a SPICE element (pure; no Django).

`spice_mapping_for(library, name, properties, pins)` answers for one symbol of
KiCad 6's libraries: the element letter, which pins in which SPICE node order,
and which model of `library/models/` (or of the Value) it uses; None when the
symbol is not simulated (power symbols, connectors, anything we have no model
for).

How the fields are meant (`schematic.symbol_info.SpiceMapping`, and
docs/formats/schematic.md: "Value: the component's value, else the mapping's
default"):
- `model`: the part is fixed (Transistor_BJT:2N3904 is always `2n3904`).
- `model_from_value`: the component's Value names the model (Device:D with the
  Value "1N4007"); model files are named by the part in lower case.
- `default_value`: the Value of a component that has none: a value for R/C/L
  ("1k"), a source spec for V and I ("dc 1", "sin(0 1 1k)"), a gain for E/G,
  and for a part whose model comes from its Value, the model a fresh one is
  (a Device:LED is a `led_red`, a Device:D a `1n4148`).

Decisions:
- Node order follows pin NAMES, never pin numbers: Device:Q_NPN_BCE and
  Q_NPN_EBC number their pins differently, and the SPICE order is C, B, E for
  both. Where a part repeats a name (the tab of Q_NPN_BCEC is a second "C"), the
  lowest-numbered pin is the node; the pins sharing a name are one terminal, and
  the netlister joins them. Only symbols without meaningful names (R, C, L) and
  the Simulation_SPICE sources use numbers, as KiCad's own SPICE export does.
- MOSFETs: a SPICE M element has four nodes (D G S B), a discrete MOSFET three
  pins, because its body is bonded to the source inside the package (that is
  where its body diode comes from). So every MOSFET model here is a three-pin
  subcircuit (D G S) with the body tied to the source and the body diode inside,
  and Device:Q_NMOS_* / Q_PMOS_* and Transistor_FET parts map to X with D, G, S.
  Only pspice:MNMOS/MPMOS, which draw a bulk pin, map to a four-node M.
- Multi-unit op-amps (LM358 A/B, TL074 A-D): the power pins are a unit of their
  own, and the model is one amplifier with the pins +, -, V+, V-, out. The
  mapping's `pin_order` lists one such group of five per amplifier unit, in unit
  order, each with the package's shared V+ and V-; `element_pin_orders()` splits
  it, and the netlister writes one X instance per group (unit).
"""

import re
from collections.abc import Callable, Iterable

from schematic.symbol_info import SpiceMapping, SymbolPin

# Models in library/models/, by file stem (library/spice_mapping_test.py checks this against the folder).
LIBRARY_MODELS = frozenset(
    {
        "1n4148", "1n4007", "1n5819", "1n4733a",
        "led_red", "led_green", "led_blue", "led_white",
        "2n2222", "2n3904", "2n3906", "bc547", "bc557",
        "2n7000", "irf540n",
        "opamp", "lm741", "lm358", "tl071",
        "ne555",
        "cmos_n", "cmos_p",  # generic level-1 MOSFETs for pspice:MNMOS/MPMOS (Value names the model)
    }
)  # fmt: skip

# Pins of each subcircuit model (the others are .model cards of primitive elements).
SUBCIRCUIT_PINS = {"2n7000": 3, "irf540n": 3, "opamp": 5, "lm741": 5, "lm358": 5, "tl071": 5, "ne555": 8}


def spice_mapping_for(
    library: str, name: str, properties: dict[str, str], pins: list[SymbolPin]
) -> SpiceMapping | None:
    """How symbol `library:name` is simulated, or None if it is not."""
    properties = properties or {}
    if library == "power" or properties.get("Reference", "").startswith("#"):
        return None  # power symbols and flags name nets; they are no devices
    if properties.get("Spice_Netlist_Enabled", "Y").strip().upper().startswith("N"):
        return None
    if library in ("Simulation_SPICE", "pspice") and name.upper() == "OPAMP":
        return _opamp(pins, "opamp", fixed=False)  # the generic op-amp, in our pin order
    if properties.get("Spice_Primitive", "").strip():
        return _from_spice_fields(properties, pins)
    mapper = _LIBRARIES.get(library)
    return mapper(name, properties, pins) if mapper else None


def element_pin_orders(mapping: SpiceMapping) -> tuple[tuple[str, ...], ...]:
    """The pin order of each SPICE element `mapping` stands for: one per amplifier of a multi-unit op-amp, else one."""
    size = SUBCIRCUIT_PINS.get((mapping.model or "").lower()) if mapping.prefix == "X" else None
    order = mapping.pin_order
    if not size or len(order) <= size or len(order) % size:
        return (order,)
    return tuple(order[start : start + size] for start in range(0, len(order), size))


# --- Pins ---------------------------------------------------------------------------------------------------------


def _number_key(pin: SymbolPin) -> tuple[int, str]:
    return (int(pin.number), "") if pin.number.isdigit() else (1 << 30, pin.number)


def _by_number(pins: Iterable[SymbolPin]) -> tuple[str, ...]:
    return tuple(pin.number for pin in sorted(pins, key=_number_key))


def _pin_named(pins: Iterable[SymbolPin], names: Iterable[str]) -> SymbolPin | None:
    """The lowest-numbered pin called one of `names` (ignoring case), if any."""
    wanted = {name.upper() for name in names}
    matches = [pin for pin in pins if pin.name.upper() in wanted]
    return min(matches, key=_number_key) if matches else None


def _by_names(pins: list[SymbolPin], *roles: tuple[str, ...]) -> tuple[str, ...] | None:
    """Pin numbers for `roles` in order (each role: the names it may have), or None if one is missing."""
    found = [_pin_named(pins, names) for names in roles]
    if any(pin is None for pin in found):
        return None
    return tuple(pin.number for pin in found if pin)


ANODE, CATHODE = ("A",), ("K",)
COLLECTOR, BASE, EMITTER = ("C",), ("B",), ("E",)
DRAIN, GATE, SOURCE = ("D",), ("G",), ("S",)


def _two_pins(pins: list[SymbolPin]) -> tuple[str, ...] | None:
    order = _by_number(pins)
    return order if len(order) == 2 else None


def _from_value(prefix: str, pin_order: tuple[str, ...], default_model: str | None) -> SpiceMapping:
    """An element whose Value names its model; `default_model` while the component has no Value."""
    return SpiceMapping(prefix, pin_order, default_value=default_model, model_from_value=True)


# --- Generic KiCad 6 SPICE fields ---------------------------------------------------------------------------------

_SOURCE_CALL = re.compile(r"\b(dc|ac)\s*\(\s*([^()]*?)\s*\)", re.IGNORECASE)


def spice_source_spec(kicad_spec: str) -> str:
    """A KiCad 6 source spec in ngspice's syntax: `dc(1)` -> `dc 1`, `ac(1 0)` -> `ac 1 0`; the rest as written."""
    return " ".join(_SOURCE_CALL.sub(lambda m: f"{m[1].lower()} {m[2]}", kicad_spec).split())


def _from_spice_fields(properties: dict[str, str], pins: list[SymbolPin]) -> SpiceMapping | None:
    """A symbol that says itself how it is simulated (Simulation_SPICE, or fields a user added)."""
    prefix = properties["Spice_Primitive"].strip()[:1].upper()
    if not prefix.isalpha() or prefix == "N":
        return None
    sequence = properties.get("Spice_Node_Sequence", "").strip()
    if sequence:
        known = {pin.number for pin in pins}
        pin_order = tuple(re.split(r"[\s,]+", sequence))
        if not set(pin_order) <= known:
            return None
    elif prefix == "D":
        pin_order = _by_names(pins, ANODE, CATHODE) or _by_number(pins)
    else:
        pin_order = _by_number(pins)
    spice_model = properties.get("Spice_Model", "").strip()
    if prefix in "VI":
        return SpiceMapping(prefix, pin_order, default_value=spice_source_spec(spice_model) if spice_model else "dc 0")
    if prefix in "RCL":
        return SpiceMapping(prefix, pin_order, default_value=spice_model or None)
    if spice_model:
        return SpiceMapping(prefix, pin_order, model=spice_model.lower())
    return _from_value(prefix, pin_order, "1n4148" if prefix == "D" else None)  # a diode is a 1N4148, as Device:D


# --- Device -------------------------------------------------------------------------------------------------------

_RESISTORS = {"R", "R_Small", "R_US", "R_Small_US"}
_CAPACITORS = {
    "C", "C_Small", "C_Polarized", "C_Polarized_Small", "C_Polarized_US", "C_Polarized_Small_US",
    "CP", "CP_Small", "CP_US", "CP_Small_US",
}  # fmt: skip
_INDUCTORS = {"L", "L_Small", "L_Ferrite", "L_Ferrite_Small", "L_Iron", "L_Iron_Small", "L_Core_Ferrite", "L_Core_Iron"}
_FILLED = r"(?:_Small)?(?:_Filled)?"
_DIODES = (  # single two-pin diodes, and the model a fresh one (Value still "D", "D_Zener" ...) gets
    (re.compile(rf"D{_FILLED}"), "1n4148"),
    (re.compile(rf"D_Schottky{_FILLED}"), "1n5819"),
    (re.compile(rf"D_Zener{_FILLED}"), "1n4733a"),
    (re.compile(rf"LED{_FILLED}"), "led_red"),
)
_BJT = re.compile(r"Q_(NPN|PNP)_(BCE|BEC|CBE|CEB|EBC|ECB)C?")  # the tab variants repeat the collector
_MOSFET = re.compile(r"Q_(NMOS|PMOS)_(DGS|DSG|GDS|GSD|SDG|SGD)D?")  # ... or the drain
_DEFAULT_MODELS = {"NPN": "2n3904", "PNP": "2n3906", "NMOS": "2n7000", "PMOS": None}


def _device(name: str, properties: dict[str, str], pins: list[SymbolPin]) -> SpiceMapping | None:
    if name in _RESISTORS | _CAPACITORS | _INDUCTORS:
        order = _two_pins(pins)
        prefix, value = ("R", "1k") if name in _RESISTORS else ("C", "100n") if name in _CAPACITORS else ("L", "10u")
        return SpiceMapping(prefix, order, default_value=value) if order else None
    if name in ("Battery", "Battery_Cell"):
        order = _by_names(pins, ("+",), ("-",))
        return SpiceMapping("V", order, default_value="dc 9" if name == "Battery" else "dc 1.5") if order else None
    for pattern, model in _DIODES:
        if pattern.fullmatch(name):
            order = _by_names(pins, ANODE, CATHODE)
            return _from_value("D", order, model) if order and len(pins) == 2 else None
    if match := _BJT.fullmatch(name):
        order = _by_names(pins, COLLECTOR, BASE, EMITTER)
        return _from_value("Q", order, _DEFAULT_MODELS[match[1]]) if order else None
    if match := _MOSFET.fullmatch(name):
        order = _by_names(pins, DRAIN, GATE, SOURCE)
        return _from_value("X", order, _DEFAULT_MODELS[match[1]]) if order else None
    return None  # crystals, fuses, transformers, coupled inductors, potentiometers, arrays ...


# --- Discrete parts ------------------------------------------------------------------------------------------------

# Symbol name -> model. Besides the parts themselves: the same die in another package or gain group, from the
# same datasheet (BC547A/B/C are gain groups of one part; PN2222A is the TO-92 2N2222A).
_BJT_PARTS = {
    "2N2222": "2n2222", "2N2222A": "2n2222", "PN2222": "2n2222", "PN2222A": "2n2222", "P2N2222A": "2n2222",
    "2N3904": "2n3904", "2N3906": "2n3906",
    "BC547": "bc547", "BC547A": "bc547", "BC547B": "bc547", "BC547C": "bc547",
    "BC557": "bc557", "BC557A": "bc557", "BC557B": "bc557", "BC557C": "bc557",
}  # fmt: skip
_FET_PARTS = {"2N7000": "2n7000", "IRF540N": "irf540n"}
_DIODE_PARTS = {"1N4148": "1n4148", "1N4007": "1n4007", "1N5819": "1n5819", "1N4733A": "1n4733a"}


def _transistor_bjt(name: str, properties: dict[str, str], pins: list[SymbolPin]) -> SpiceMapping | None:
    model = _BJT_PARTS.get(name.upper())
    order = _by_names(pins, COLLECTOR, BASE, EMITTER) if model else None
    return SpiceMapping("Q", order, model=model) if order else None


def _transistor_fet(name: str, properties: dict[str, str], pins: list[SymbolPin]) -> SpiceMapping | None:
    model = _FET_PARTS.get(name.upper())
    order = _by_names(pins, DRAIN, GATE, SOURCE) if model else None
    return SpiceMapping("X", order, model=model) if order else None


def _diode(name: str, properties: dict[str, str], pins: list[SymbolPin]) -> SpiceMapping | None:
    model = _DIODE_PARTS.get(name.upper())
    if model is None and "XX" in name.upper():  # a family symbol such as 1N47xxA: the Value names the part
        family = re.escape(name.upper()).replace("XX", r"\d\d")
        value = properties.get("Value", "").strip().upper()
        model = _DIODE_PARTS.get(value) if re.fullmatch(family, value) else None
    order = _by_names(pins, ANODE, CATHODE) if model else None
    return SpiceMapping("D", order, model=model) if order else None


# --- Op-amps and timers -------------------------------------------------------------------------------------------

# Symbol name -> the model of one amplifier. LM2904 is the LM358's automotive twin (same TI datasheet, SLOS068);
# TL072/TL074 are the dual and quad TL071 (same TI datasheet, SLOS080).
_OPAMP_PARTS = {
    "LM741": "lm741", "LM358": "lm358", "LM2904": "lm358", "TL071": "tl071", "TL072": "tl071", "TL074": "tl071",
}  # fmt: skip
_NONINVERTING, _INVERTING = ("+", "IN+", "+IN"), ("-", "IN-", "-IN")
_V_POSITIVE, _V_NEGATIVE = ("V+", "VCC", "VDD", "VS+"), ("V-", "VEE", "VSS", "VS-", "GND")


def _amplifier(name: str, properties: dict[str, str], pins: list[SymbolPin]) -> SpiceMapping | None:
    model = _OPAMP_PARTS.get(name.upper())
    return _opamp(pins, model) if model else None


def _opamp(pins: list[SymbolPin], model: str, *, fixed: bool = True) -> SpiceMapping | None:
    """X with +, -, V+, V-, out for every amplifier unit (units in order), each on the shared power pins.

    `fixed`: the part is `model`; else its Value names the model and `model` is the default.
    """
    power = _by_names(pins, _V_POSITIVE, _V_NEGATIVE)
    if power is None:
        return None
    units = sorted({pin.unit for pin in pins if pin.unit and pin.name.upper() in _NONINVERTING}) or [0]
    order: list[str] = []
    for unit in units:
        own = [pin for pin in pins if pin.unit in (unit, 0)]
        inputs = _by_names(own, _NONINVERTING, _INVERTING)
        outputs = [pin for pin in own if pin.electrical_type == "output" or pin.name.upper() in ("OUT", "VOUT")]
        if inputs is None or len(outputs) != 1:
            return None
        order += [*inputs, *power, outputs[0].number]
    return SpiceMapping("X", tuple(order), model=model) if fixed else _from_value("X", tuple(order), model)


# The bipolar 555s of TI's xx555 datasheet (SLFS022) and the LM555, in any package; the CMOS timers (ICM7555,
# TLC555, LMC555) swing rail to rail and are not this model.
_TIMER = re.compile(r"(NE|NA|SA|SE|LM)555(?:[A-Z]{0,2}|x[A-Z]{1,2})")
_TIMER_PINS = (
    ("GND",), ("TR", "TRIG", "TRIGGER"), ("Q", "OUT", "OUTPUT"), ("R", "RESET", "~{RESET}"), ("CV", "CONT", "CTRL"),
    ("THR", "THRES", "THRESHOLD"), ("DIS", "DISCH", "DISCHARGE"), ("VCC", "VDD", "V+"),
)  # fmt: skip


def _timer(name: str, properties: dict[str, str], pins: list[SymbolPin]) -> SpiceMapping | None:
    if not _TIMER.fullmatch(name):
        return None
    order = _by_names(pins, *_TIMER_PINS)
    return SpiceMapping("X", order, model="ne555") if order else None


# --- The pspice library (no SPICE fields: the symbol name says it all) ------------------------------------------


def _pspice(name: str, properties: dict[str, str], pins: list[SymbolPin]) -> SpiceMapping | None:
    name = name.upper()
    if name in ("R", "CAP", "C", "INDUCTOR"):
        prefix, value = {"R": ("R", "1k"), "INDUCTOR": ("L", "10u")}.get(name, ("C", "100n"))
        order = _two_pins(pins)
        return SpiceMapping(prefix, order, default_value=value) if order else None
    if name in ("VSOURCE", "ISOURCE"):
        order = _two_pins(pins)
        return SpiceMapping(name[0], order, default_value="dc 0") if order else None
    if name in ("ESOURCE", "GSOURCE"):  # output N+ N-, control C+ C-
        order = _by_names(pins, ("N+",), ("N-",), ("C+",), ("C-",))
        return SpiceMapping(name[0], order, default_value="1") if order else None
    if name == "BSOURCE":
        order = _by_names(pins, ("N+",), ("N-",))
        return SpiceMapping("B", order, default_value="V=0") if order else None
    if name == "DIODE":
        order = _by_names(pins, ANODE, CATHODE)
        return _from_value("D", order, "1n4148") if order else None
    if name in ("QNPN", "QPNP"):
        order = _by_names(pins, COLLECTOR, BASE, EMITTER, ("SUBSTRAT", "S"))
        return _from_value("Q", order, "2n3904" if name == "QNPN" else "2n3906") if order else None
    if name in ("MNMOS", "MPMOS"):  # a four-terminal M with a bulk pin: the Value names a MOS .model
        order = _by_names(pins, DRAIN, GATE, SOURCE, ("B",))
        return _from_value("M", order, None) if order else None
    return None  # "0" is the ground symbol


_Mapper = Callable[[str, dict[str, str], list[SymbolPin]], SpiceMapping | None]
_LIBRARIES: dict[str, _Mapper] = {
    "Device": _device,
    "Transistor_BJT": _transistor_bjt,
    "Transistor_FET": _transistor_fet,
    "Diode": _diode,
    "Amplifier_Operational": _amplifier,
    "Timer": _timer,
    "pspice": _pspice,
}

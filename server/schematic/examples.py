"""The EDA app's example circuits, drawn in code with real library symbols.

`./run manage export_examples` writes them as format-v1 JSON into the web app
(web/apps/eda/src/examples/); a test checks the committed files are current and
that every example simulates without errors.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .format import Point
from .sketch import Sketch
from .symbol_info import SymbolInfo

SYMBOLS = (
    "Device:R", "Device:C", "Device:L", "power:GND", "Simulation_SPICE:VDC", "Diode:1N4007",
    "Transistor_BJT:2N3904", "Amplifier_Operational:LM741", "pspice:MNMOS", "pspice:MPMOS",
)  # fmt: skip


@dataclass(frozen=True)
class Example:
    slug: str
    title: str
    description: str
    analyses: list[dict]
    draw: Callable[[Sketch], None]


def _down(at: Point, by: int = 400) -> Point:
    return (at[0], at[1] + by)


def _elbow(sketch: Sketch, a: Point, b: Point) -> None:
    """A wire from a to b: straight if aligned, else vertical first, then horizontal."""
    if a[0] == b[0] or a[1] == b[1]:
        sketch.wire(a, b)
    else:
        sketch.wire(a, (a[0], b[1]), b)


def _source(sketch: Sketch, reference: str, value: str, at: Point) -> tuple[Point, Point]:
    """A source standing upright at `at` with its minus pin wired down to ground; (plus pin, minus pin)."""
    part = sketch.part("Simulation_SPICE:VDC", reference, value, at)
    plus, minus = sketch.pin(part, "1"), sketch.pin(part, "2")
    sketch.wire(minus, _down(minus, 200))
    sketch.ground(_down(minus, 200))
    return plus, minus


def _to_ground(sketch: Sketch, pin: Point) -> None:
    sketch.wire(pin, _down(pin, 200))
    sketch.ground(_down(pin, 200))


def divider(s: Sketch) -> None:
    plus, _ = _source(s, "V1", "dc 10", (1000, 2000))
    r1 = s.part("Device:R", "R1", "1k", (2000, 1600))
    r2 = s.part("Device:R", "R2", "3k", (2000, 2200))
    _elbow(s, plus, s.pin(r1, "1"))
    s.wire(s.pin(r1, "2"), s.pin(r2, "1"))
    s.label("out", s.pin(r2, "1"))
    _to_ground(s, s.pin(r2, "2"))
    s.label("in", plus)


def _rc(s: Sketch, source_value: str) -> None:
    plus, _ = _source(s, "V1", source_value, (1000, 2000))
    r1 = s.part("Device:R", "R1", "1k", (2000, 1500), rotation=90)
    c1 = s.part("Device:C", "C1", "1u", (2600, 2000))
    left, right = sorted([s.pin(r1, "1"), s.pin(r1, "2")])
    _elbow(s, plus, left)
    _elbow(s, right, s.pin(c1, "1"))
    s.label("in", plus)
    s.label("out", s.pin(c1, "1"))
    _to_ground(s, s.pin(c1, "2"))


def rc_lowpass(s: Sketch) -> None:
    _rc(s, "dc 0 ac 1 pulse(0 1 0 1u 1u 5m 10m)")


def rlc_bandpass(s: Sketch) -> None:
    plus, _ = _source(s, "V1", "dc 0 ac 1", (1000, 2000))
    l1 = s.part("Device:L", "L1", "10m", (2000, 1500), rotation=90)
    c1 = s.part("Device:C", "C1", "1u", (2800, 1500), rotation=90)
    r1 = s.part("Device:R", "R1", "100", (3400, 2000))
    l_left, l_right = sorted([s.pin(l1, "1"), s.pin(l1, "2")])
    c_left, c_right = sorted([s.pin(c1, "1"), s.pin(c1, "2")])
    _elbow(s, plus, l_left)
    s.wire(l_right, c_left)
    _elbow(s, c_right, s.pin(r1, "1"))
    s.label("in", plus)
    s.label("out", s.pin(r1, "1"))
    _to_ground(s, s.pin(r1, "2"))


def half_wave_rectifier(s: Sketch) -> None:
    plus, _ = _source(s, "V1", "sin(0 10 50)", (1000, 2000))
    d1 = s.part("Diode:1N4007", "D1", "1N4007", (2000, 1500), rotation=180)
    r1 = s.part("Device:R", "R1", "1k", (2800, 2000))
    _elbow(s, plus, s.pin(d1, "2"))
    _elbow(s, s.pin(d1, "1"), s.pin(r1, "1"))
    s.label("in", plus)
    s.label("out", s.pin(r1, "1"))
    _to_ground(s, s.pin(r1, "2"))


def full_bridge_rectifier(s: Sketch) -> None:
    # Source between nodes ac1 and ac2; diodes steer both half-waves into out (+) and GND (-).
    s.part("Simulation_SPICE:VDC", "V1", "sin(0 12 50)", (1000, 2000))
    v1 = s.components[-1]["id"]
    s.label("ac1", s.pin(v1, "1"))
    s.label("ac2", s.pin(v1, "2"))
    for index, (reference, anode, cathode) in enumerate(
        [("D1", "ac1", "out"), ("D2", "ac2", "out"), ("D3", "GND", "ac1"), ("D4", "GND", "ac2")]
    ):
        diode = s.part("Diode:1N4007", reference, "1N4007", (2000 + 700 * index, 1200), rotation=180)
        for pin, net in (("2", anode), ("1", cathode)):
            if net == "GND":
                _to_ground(s, s.pin(diode, pin))
            else:
                s.label(net, s.pin(diode, pin))
    c1 = s.part("Device:C", "C1", "100u", (2200, 2400))
    r1 = s.part("Device:R", "R1", "1k", (2800, 2400))
    s.wire(s.pin(c1, "1"), (s.pin(c1, "1")[0], 2100), (s.pin(r1, "1")[0], 2100), s.pin(r1, "1"))
    s.label("out", (s.pin(c1, "1")[0], 2100))
    _to_ground(s, s.pin(c1, "2"))
    _to_ground(s, s.pin(r1, "2"))


def common_emitter(s: Sketch) -> None:
    vcc, _ = _source(s, "V1", "dc 12", (800, 2000))
    s.label("vcc", vcc)
    vin, _ = _source(s, "V2", "dc 0 ac 1 sin(0 10m 1k)", (1400, 2600))
    s.label("in", vin)
    cin = s.part("Device:C", "C1", "10u", (2000, 2200), rotation=90)
    q1 = s.part("Transistor_BJT:2N3904", "Q1", "2N3904", (3000, 2200))
    parts = {
        "R1": ("47k", (2600, 1600), "vcc", "base"),
        "R2": ("10k", (2600, 2800), "base", "GND"),
        "RC": ("4.7k", (3100, 1600), "vcc", "collector"),
        "RE": ("1k", (3100, 2800), "emitter", "GND"),
    }
    for reference, (value, at, top, bottom) in parts.items():
        part = s.part("Device:R", reference, value, at)
        s.label(top, s.pin(part, "1"))
        if bottom == "GND":
            _to_ground(s, s.pin(part, "2"))
        else:
            s.label(bottom, s.pin(part, "2"))
    ce = s.part("Device:C", "C2", "100u", (3600, 2800))
    s.label("emitter", s.pin(ce, "1"))
    _to_ground(s, s.pin(ce, "2"))
    c_left, c_right = sorted([s.pin(cin, "1"), s.pin(cin, "2")])
    s.label("in", c_left)
    s.label("base", c_right)
    for pin, net in (("2", "base"), ("3", "collector"), ("1", "emitter")):
        s.label(net, s.pin(q1, pin))


def inverting_amplifier(s: Sketch) -> None:
    for reference, value, at, net in (("V1", "dc 15", (800, 2000), "vp"), ("V2", "dc -15", (1300, 2000), "vn")):
        plus, _ = _source(s, reference, value, at)
        s.label(net, plus)
    vin, _ = _source(s, "V3", "dc 0 ac 1 sin(0 0.5 1k)", (1800, 2000))
    s.label("in", vin)
    u1 = s.part("Amplifier_Operational:LM741", "U1", "LM741", (3200, 2000))
    r1 = s.part("Device:R", "R1", "1k", (2500, 1800), rotation=90)
    r2 = s.part("Device:R", "R2", "10k", (3200, 1400), rotation=90)
    r1_left, r1_right = sorted([s.pin(r1, "1"), s.pin(r1, "2")])
    r2_left, r2_right = sorted([s.pin(r2, "1"), s.pin(r2, "2")])
    s.label("in", r1_left)
    _elbow(s, r1_right, s.pin(u1, "2"))
    s.label("minus", s.pin(u1, "2"))
    s.label("minus", r2_left)
    s.label("out", r2_right)
    s.label("out", s.pin(u1, "6"))
    plus_input = s.pin(u1, "3")  # above the - input: ground it through a wire going left and up
    corner = (plus_input[0] - 100, plus_input[1])
    s.wire(plus_input, corner, (corner[0], corner[1] - 200))
    s.ground((corner[0], corner[1] - 200))
    s.label("vp", s.pin(u1, "7"))
    s.label("vn", s.pin(u1, "4"))
    for pin in ("1", "5", "8"):
        s.no_connect(s.pin(u1, pin))


def cmos_inverter(s: Sketch) -> None:
    vdd, _ = _source(s, "V1", "dc 5", (800, 2000))
    s.label("vdd", vdd)
    vin, _ = _source(s, "V2", "dc 0", (1400, 2000))
    s.label("in", vin)
    p1 = s.part("pspice:MPMOS", "M1", "cmos_p", (2400, 1600))
    n1 = s.part("pspice:MNMOS", "M2", "cmos_n", (2400, 2400))
    s.label("vdd", s.pin(p1, "3"))
    s.label("vdd", s.pin(p1, "4"))
    s.wire(s.pin(p1, "1"), s.pin(n1, "1"))
    s.label("out", s.pin(n1, "1"))
    s.label("in", s.pin(p1, "2"))
    s.label("in", s.pin(n1, "2"))
    _to_ground(s, s.pin(n1, "3"))
    _to_ground(s, s.pin(n1, "4"))


EXAMPLES = [
    Example("voltage-divider", "Voltage divider", "10 V across 1 kΩ and 3 kΩ: out is 7.5 V.", [{"type": "op"}],
            divider),
    Example("rc-low-pass", "RC low-pass filter", "1 kΩ and 1 µF: τ = 1 ms, corner at 159 Hz.",
            [{"type": "tran", "step": "10u", "stop": "10m"},
             {"type": "ac", "sweep": "dec", "points": 20, "fstart": "1", "fstop": "100k"}], rc_lowpass),
    Example("rlc-band-pass", "RLC band-pass filter", "Series 10 mH and 1 µF into 100 Ω: peak at 1.59 kHz.",
            [{"type": "ac", "sweep": "dec", "points": 50, "fstart": "100", "fstop": "10k"}], rlc_bandpass),
    Example("half-wave-rectifier", "Half-wave rectifier", "A 1N4007 passes the positive half-waves of 10 V, 50 Hz.",
            [{"type": "tran", "step": "50u", "stop": "60m"}], half_wave_rectifier),
    Example("full-bridge-rectifier", "Full-bridge rectifier with filter", "Four 1N4007 and 100 µF smooth 12 V, 50 Hz.",
            [{"type": "tran", "step": "50u", "stop": "100m"}], full_bridge_rectifier),
    Example("common-emitter", "BJT common-emitter amplifier", "A 2N3904 biased at ~1.4 mA, gain ≈ 150 with CE.",
            [{"type": "op"}, {"type": "tran", "step": "5u", "stop": "5m"},
             {"type": "ac", "sweep": "dec", "points": 20, "fstart": "10", "fstop": "10meg"}], common_emitter),
    Example("inverting-amplifier", "Op-amp inverting amplifier", "An LM741 with gain -10 (1 kΩ in, 10 kΩ feedback).",
            [{"type": "tran", "step": "5u", "stop": "5m"},
             {"type": "ac", "sweep": "dec", "points": 20, "fstart": "10", "fstop": "1meg"}], inverting_amplifier),
    Example("cmos-inverter", "CMOS inverter", "A generic n/p MOSFET pair: sweep the input from 0 to 5 V.",
            [{"type": "dc", "source": "V2", "start": 0, "stop": 5, "step": 0.01}], cmos_inverter),
]  # fmt: skip


def example_documents(symbols: Mapping[str, SymbolInfo]) -> dict[str, dict]:
    """{slug: {"title", "description", "analyses", "schematic"}} for every example."""
    documents = {}
    for example in EXAMPLES:
        sketch = Sketch(symbols, title=example.title)
        example.draw(sketch)
        documents[example.slug] = {
            "title": example.title,
            "description": example.description,
            "analyses": example.analyses,
            "schematic": sketch.document(),
        }
    return documents

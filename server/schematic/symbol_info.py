"""What the schematic core needs to know about a placed symbol (pure; no Django).

The library turns its stored KiCad symbols into these; tests build them by hand.
Coordinates are integer mils (1 mil = 0.0254 mm) in the symbol's own frame,
with KiCad's symbol-editor convention: y grows UPWARDS (see docs/formats/schematic.md
for how a placed symbol maps to the sheet, where y grows downwards).
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SymbolPin:
    number: str  # "1", "2", "A1"... unique within a unit
    name: str  # "~" when unnamed, as KiCad writes it
    electrical_type: str  # KiCad's: input output bidirectional tri_state passive free unspecified
    #   power_in power_out open_collector open_emitter no_connect
    x: int  # the pin's connection point (its outer end), mils
    y: int
    unit: int = 0  # 0: on every unit of a multi-unit symbol
    hidden: bool = False


@dataclass(frozen=True)
class SpiceMapping:
    """How a symbol becomes a SPICE element line."""

    prefix: str  # the element letter: "R", "C", "L", "D", "Q", "M", "J", "V", "I", "E", "X" ...
    pin_order: tuple[str, ...]  # pin numbers in SPICE node order (e.g. BJT: collector, base, emitter)
    default_value: str | None = None  # e.g. "1k"; for V/I sources a source spec like "dc 5"
    model: str | None = None  # a model-library name the element uses (.include'd by name), e.g. "2n3904"
    model_from_value: bool = False  # the Value property names the model/subcircuit (D "1N4148", X "LM741")
    parameters: tuple[str, ...] = ()  # property names appended as name=value (e.g. "w", "l" of a MOSFET)


@dataclass(frozen=True)
class SymbolInfo:
    """A library symbol as the schematic core sees it."""

    symbol_id: str  # "Device:R"
    reference_prefix: str  # "R", "#PWR" for power symbols
    pins: tuple[SymbolPin, ...]
    spice: SpiceMapping | None = None  # None: drawable, but ERC says it cannot be simulated
    is_power: bool = False  # a power symbol: its Value names the net it connects to (GND and 0 are node 0)
    unit_count: int = 1
    properties: dict[str, str] = field(default_factory=dict)  # defaults: Value, Description, ...

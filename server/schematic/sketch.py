"""Draw a schematic in code: place parts, wire their pins, and get the v1 JSON document (tests, examples).

For example, a resistor with pin 2 wired down to a ground symbol:

>>> sketch = Sketch(SAMPLE_SYMBOLS)
>>> r1 = sketch.part("Device:R", "R1", "1k", (1000, 1000))
>>> sketch.wire(sketch.pin(r1, "2"), (1000, 1400))
>>> sketch.ground((1000, 1400))
>>> schematic = sketch.schematic()
"""

from collections.abc import Mapping
from typing import Any

from .format import Point, Schematic, parse_schematic
from .geometry import to_sheet
from .symbol_info import SymbolInfo


class Sketch:
    def __init__(self, symbols: Mapping[str, SymbolInfo], title: str = ""):
        self.symbols = symbols
        self.title = title
        self.components: list[dict[str, Any]] = []
        self.wires: list[dict[str, Any]] = []
        self.junctions: list[dict[str, Any]] = []
        self.labels: list[dict[str, Any]] = []
        self.no_connects: list[dict[str, Any]] = []
        self._count = 0

    def _id(self, kind: str) -> str:
        self._count += 1
        return f"{kind}{self._count}"

    def part(
        self,
        symbol: str,
        reference: str,
        value: str = "",
        at: Point = (0, 0),
        *,
        rotation: int = 0,
        mirror: str = "none",
        unit: int = 1,
        **properties: str,
    ) -> str:
        """Place a symbol; its id."""
        component = {"id": self._id("c"), "symbol": symbol, "position": list(at), "reference": reference}
        component |= {"value": value, "rotation": rotation, "mirror": mirror, "unit": unit}
        if properties:
            component["properties"] = properties
        self.components.append(component)
        return component["id"]

    def ground(self, at: Point, name: str = "GND") -> str:
        return self.part("power:GND", f"#PWR{self._count + 1}", name, at)

    def power(self, name: str, at: Point) -> str:
        return self.part("power:VCC", f"#PWR{self._count + 1}", name, at)

    def pin(self, component_id: str, number: str) -> Point:
        """Where the pin of a placed part is on the sheet."""
        component = next(component for component in self.components if component["id"] == component_id)
        symbol = self.symbols[component["symbol"]]
        pin = next(
            pin for pin in symbol.pins if pin.number == number and pin.unit in (0, component["unit"])
        )  # StopIteration: no such pin on this unit
        position = (component["position"][0], component["position"][1])
        return to_sheet((pin.x, pin.y), position, component["rotation"], component["mirror"])

    def wire(self, *points: Point) -> str:
        wire = {"id": self._id("w"), "points": [list(point) for point in points]}
        self.wires.append(wire)
        return wire["id"]

    def connect(self, a: tuple[str, str], b: tuple[str, str]) -> str:
        """A straight wire from one pin to another: (component id, pin number) each."""
        return self.wire(self.pin(*a), self.pin(*b))

    def junction(self, at: Point) -> str:
        junction = {"id": self._id("j"), "position": list(at)}
        self.junctions.append(junction)
        return junction["id"]

    def label(self, text: str, at: Point, kind: str = "local") -> str:
        label = {"id": self._id("l"), "position": list(at), "text": text, "kind": kind}
        self.labels.append(label)
        return label["id"]

    def no_connect(self, at: Point) -> str:
        flag = {"id": self._id("x"), "position": list(at)}
        self.no_connects.append(flag)
        return flag["id"]

    def document(self) -> dict[str, Any]:
        """The v1 JSON document."""
        return {
            "format": "ohmcloud-schematic",
            "version": 1,
            "sheet": {"size": "A4", "orientation": "landscape"},
            "title_block": {"title": self.title},
            "components": self.components,
            "wires": self.wires,
            "junctions": self.junctions,
            "labels": self.labels,
            "no_connects": self.no_connects,
        }

    def schematic(self) -> Schematic:
        return parse_schematic(self.document())

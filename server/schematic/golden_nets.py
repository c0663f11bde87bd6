"""The server's nets of the golden schematics, as a fixture for the browser's connectivity preview.

The browser computes nets itself while one draws (web/packages/canvas/src/connectivity.ts) by the same rules as
`connectivity.py`. To prove the two agree, this module draws every golden schematic, nets it here, and writes per
case the schematic document, the pins of each symbol it uses (the shape the canvas core's `SymbolPins` has) and the
server's nets. `golden-nets.spec.ts` nets the same documents in TypeScript and must find the same nets.

The golden schematics are the ones the server's own tests draw, reused rather than copied:
- each drawing of `golden_test.py` (real KiCad symbols): its test runs up to its `simulate` call, which hands the
  drawing over instead of running ngspice;
- the EDA app's examples (`examples.py`);
- each sketch the tests of `connectivity_test.py` draw (sample symbols: T-connections, crossings with and without a
  junction, labels, power symbols, hidden power pins ...): each test runs in full, assertions included.

`./run manage export_golden_nets` writes the fixture; `golden_nets_test.py` checks the committed one is current.
"""

import dataclasses
import inspect
import json
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from types import ModuleType
from typing import Any

from django.conf import settings

from . import connectivity_test, golden_test
from .connectivity import Net, build_connectivity
from .examples import example_documents
from .format import parse_schematic
from .sample_symbols import SAMPLE_SYMBOLS
from .sketch import Sketch
from .symbol_info import SymbolInfo

FIXTURE = settings.WEB_DIR / "packages" / "canvas" / "src" / "fixtures" / "golden-nets.json"
LIBRARIES = (*golden_test.LIBRARIES, "pspice")  # what the golden drawings and the examples use
REGENERATE = "./run manage export_golden_nets"


def golden_cases(library: Mapping[str, SymbolInfo]) -> list[dict[str, Any]]:
    """Every golden case: `library` holds the real symbols the golden drawings and the examples place."""
    documents = {f"golden/{name}": document for name, document in golden_drawings(library).items()}
    documents |= {f"examples/{slug}": example["schematic"] for slug, example in example_documents(library).items()}
    cases = [netted_case(name, document, library) for name, document in documents.items()]
    cases += [netted_case(f"connectivity/{name}", doc, SAMPLE_SYMBOLS) for name, doc in connectivity_sketches().items()]
    return cases


def netted_case(name: str, document: dict, symbols: Mapping[str, SymbolInfo]) -> dict[str, Any]:
    """One case: the document, the pins of the symbols it places, and what the server's connectivity makes of it."""
    connectivity = build_connectivity(parse_schematic(document), symbols)
    used = sorted({component["symbol"] for component in document["components"]} & symbols.keys())
    return {
        "name": name,
        "schematic": document,
        "symbols": {symbol_id: symbol_pins(symbols[symbol_id]) for symbol_id in used},
        "nets": [net_json(net) for net in connectivity.nets],
        "junction_dots": [list(point) for point in connectivity.junction_dots],
    }


def symbol_pins(symbol: SymbolInfo) -> dict[str, Any]:
    """The symbol as the canvas core's `SymbolPins`: what the editor derives from the library API's answer."""
    return {
        "pins": [dataclasses.asdict(pin) for pin in symbol.pins],
        "is_power": symbol.is_power,
        "default_value": symbol.properties.get("Value", ""),
    }


def net_json(net: Net) -> dict[str, Any]:
    return {
        "name": net.name,
        "pins": [f"{pin.reference}:{pin.number}" for pin in net.pins],  # the server's order: natural, by reference
        "wires": list(net.wires),
        "labels": list(net.labels),
        "is_ground": net.is_ground,
    }


def render(cases: list[dict[str, Any]]) -> str:
    return json.dumps({"generated_by": REGENERATE, "cases": cases}, indent=1, ensure_ascii=False) + "\n"


class _Drawn(Exception):
    def __init__(self, drawing: golden_test.Drawing):
        super().__init__("drawn")
        self.drawing = drawing


def golden_drawings(library: Mapping[str, SymbolInfo]) -> dict[str, dict]:
    """{test name: the schematic it draws} for each test of golden_test.py, stopped at its simulation."""

    def hand_over(drawing: golden_test.Drawing, analyses: list[dict]) -> None:
        raise _Drawn(drawing)

    drawings = {}
    with _replaced(golden_test, "simulate", hand_over):
        for name, test, arguments in _test_calls(golden_test, {"symbols": library}):
            try:
                test(**arguments)
            except _Drawn as drawn:
                drawings[name] = drawn.drawing.data
    return drawings


def connectivity_sketches() -> dict[str, dict]:
    """{test name: the document it sketches} for each test of connectivity_test.py that draws something."""
    sketches: list[Sketch] = []

    class Recorded(Sketch):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            sketches.append(self)

    documents = {}
    with _replaced(connectivity_test, "Sketch", Recorded):
        for name, test, arguments in _test_calls(connectivity_test, {}):
            sketches.clear()
            test(**arguments)
            drawn = [sketch.document() for sketch in sketches if sketch.components or sketch.wires]
            for number, document in enumerate(drawn):
                documents[name if len(drawn) == 1 else f"{name}-{number + 1}"] = document
    return documents


def _test_calls(module: ModuleType, fixtures: Mapping[str, Any]) -> Iterator[tuple[str, Callable, dict[str, Any]]]:
    """Each test function of `module` in source order with its arguments: once per `parametrize` case, with the
    `fixtures` it asks for. Named without `test_`, a parametrized one with its case number: `diagonal_wires-2`."""
    for test_name, function in vars(module).items():
        if not test_name.startswith("test_") or not inspect.isfunction(function):
            continue
        name = test_name.removeprefix("test_")
        wanted = {key: fixtures[key] for key in inspect.signature(function).parameters if key in fixtures}
        marks = [mark for mark in getattr(function, "pytestmark", []) if mark.name == "parametrize"]
        if not marks:
            yield name, function, wanted
            continue
        argnames, argvalues = marks[0].args[:2]
        keys = [key.strip() for key in argnames.split(",")] if isinstance(argnames, str) else list(argnames)
        for number, case in enumerate(argvalues):
            values = getattr(case, "values", case)  # a pytest.param, or the bare values
            values = values if len(keys) > 1 else (values,)
            yield f"{name}-{number + 1}", function, {**wanted, **dict(zip(keys, values, strict=True))}


@contextmanager
def _replaced(module: ModuleType, name: str, replacement: Any) -> Iterator[None]:
    """`module.name` is `replacement` for the duration: how a test module's drawings are taken as they are."""
    original = getattr(module, name)
    setattr(module, name, replacement)
    try:
        yield
    finally:
        setattr(module, name, original)

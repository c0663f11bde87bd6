"""The schematic format v1: validate a request's JSON against `schematic.schema.json`, read it into dataclasses.

The schema file is the contract (docs/formats/schematic.md explains it). It is checked here by a validator
compiled from that same file, because the reference implementation (the `jsonschema` package) needs about half a
millisecond per object: five seconds for a 10,000-part schematic. The compiler knows the keywords the schema uses
and refuses any other, so the two cannot drift apart silently; the tests hold it to `jsonschema`'s verdicts.
After the schema, `parse_schematic` checks what a schema cannot say: ids unique across the schematic, wires with
length, and limits on the whole drawing.
"""

import json
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from pathlib import Path
from types import MappingProxyType
from typing import Any

SCHEMA_PATH = Path(__file__).with_name("schematic.schema.json")
FORMAT_NAME = "ohmcloud-schematic"
FORMAT_VERSION = 1

MAX_WIRE_POINTS = 200_000  # all wires together
MAX_DIAGONAL_DIRECTIONS = 32  # different slopes of non-horizontal, non-vertical wire segments (see connectivity.py)
MAX_ERRORS = 100  # errors reported for one document; the rest are counted

# Sheet sizes in mils, landscape (width, height): ISO 216 millimetres / 0.0254, rounded.
SHEET_SIZES_MILS = {
    "A1": (33110, 23386),
    "A2": (23386, 16535),
    "A3": (16535, 11693),
    "A4": (11693, 8268),
    "A5": (8268, 5827),
}

Point = tuple[int, int]


# --- The schematic ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sheet:
    size: str = "A4"
    orientation: str = "landscape"

    @property
    def dimensions(self) -> Point:
        """(width, height) in mils."""
        width, height = SHEET_SIZES_MILS[self.size]
        return (width, height) if self.orientation == "landscape" else (height, width)


@dataclass(frozen=True, slots=True)
class TitleBlock:
    title: str = ""
    date: str = ""
    revision: str = ""
    company: str = ""
    comments: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Component:
    id: str
    symbol: str  # "Device:R"
    position: Point
    reference: str  # "R1"; "#PWR01" for parts that are not netlisted
    value: str = ""
    unit: int = 1
    rotation: int = 0  # 0, 90, 180, 270: counter-clockwise as seen on the sheet
    mirror: str = "none"  # "none", "x" (y -> -y), "y" (x -> -x); applied before the rotation
    properties: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}), hash=False)


@dataclass(frozen=True, slots=True)
class Wire:
    id: str
    points: tuple[Point, ...]  # a polyline: every vertex is on the wire


@dataclass(frozen=True, slots=True)
class Junction:
    id: str
    position: Point


@dataclass(frozen=True, slots=True)
class Label:
    id: str
    position: Point
    text: str
    kind: str = "local"  # "local" or "global"; on a single sheet both join every label with the same text
    rotation: int = 0  # how the text is drawn


@dataclass(frozen=True, slots=True)
class NoConnect:
    id: str
    position: Point


@dataclass(frozen=True, slots=True)
class Schematic:
    sheet: Sheet = Sheet()
    title_block: TitleBlock = TitleBlock()
    components: tuple[Component, ...] = ()
    wires: tuple[Wire, ...] = ()
    junctions: tuple[Junction, ...] = ()
    labels: tuple[Label, ...] = ()
    no_connects: tuple[NoConnect, ...] = ()

    @property
    def symbol_ids(self) -> set[str]:
        """The library symbols the schematic places ("Device:R" ...): what to fetch from the library."""
        return {component.symbol for component in self.components}


@dataclass(frozen=True, slots=True)
class SchematicError:
    path: str  # where, as a JSON path: "components[3].rotation"; "" for the document itself
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class SchematicInvalid(ValueError):
    """The document is not a valid v1 schematic; `errors` says where and why (at most MAX_ERRORS of them)."""

    def __init__(self, errors: list[SchematicError], more: int = 0):
        self.errors = list(errors)
        self.more = more  # errors found beyond those listed
        text = "\n".join(str(error) for error in self.errors)
        super().__init__(text + (f"\n... and {more} more" if more else ""))


def parse_schematic(data: Any) -> Schematic:
    """Validate a decoded JSON document and read it; SchematicInvalid lists what is wrong, with JSON paths."""
    errors = _Errors()
    _validator()(data, (), errors)
    if not errors.items:
        _check_semantics(data, errors)
    if errors.items:
        raise SchematicInvalid(errors.items, errors.more)
    return _read(data)


def schema() -> dict:
    """The JSON Schema of format v1, as a dict."""
    return json.loads(SCHEMA_PATH.read_text())


# --- Reading a valid document -------------------------------------------------------------------------------------


def _point(value: list) -> Point:
    return (int(value[0]), int(value[1]))  # int(): JSON Schema counts 5.0 as an integer


def _read(data: dict) -> Schematic:
    sheet = data.get("sheet", {})
    title = data.get("title_block", {})
    return Schematic(
        sheet=Sheet(size=sheet.get("size", "A4"), orientation=sheet.get("orientation", "landscape")),
        title_block=TitleBlock(
            title=title.get("title", ""),
            date=title.get("date", ""),
            revision=title.get("revision", ""),
            company=title.get("company", ""),
            comments=tuple(title.get("comments", ())),
        ),
        components=tuple(
            Component(
                id=item["id"],
                symbol=item["symbol"],
                position=_point(item["position"]),
                reference=item["reference"],
                value=item.get("value", ""),
                unit=int(item.get("unit", 1)),
                rotation=int(item.get("rotation", 0)),
                mirror=item.get("mirror", "none"),
                properties=MappingProxyType(dict(item.get("properties", {}))),
            )
            for item in data.get("components", ())
        ),
        wires=tuple(
            Wire(id=item["id"], points=tuple(_point(point) for point in item["points"]))
            for item in data.get("wires", ())
        ),
        junctions=tuple(
            Junction(id=item["id"], position=_point(item["position"])) for item in data.get("junctions", ())
        ),
        labels=tuple(
            Label(
                id=item["id"],
                position=_point(item["position"]),
                text=item["text"],
                kind=item.get("kind", "local"),
                rotation=int(item.get("rotation", 0)),
            )
            for item in data.get("labels", ())
        ),
        no_connects=tuple(
            NoConnect(id=item["id"], position=_point(item["position"])) for item in data.get("no_connects", ())
        ),
    )


# --- What the schema cannot say -----------------------------------------------------------------------------------

_KINDS = ("components", "wires", "junctions", "labels", "no_connects")


def _check_semantics(data: dict, errors: "_Errors") -> None:
    seen: dict[str, str] = {}
    for kind in _KINDS:
        for index, item in enumerate(data.get(kind, ())):
            where = f"{kind}[{index}]"
            first = seen.setdefault(item["id"], where)
            if first != where:
                errors.add(f"{where}.id", f"'{item['id']}' is already the id of {first}: ids must be unique")
    total = 0
    directions: set[tuple[int, int]] = set()
    for index, wire in enumerate(data.get("wires", ())):
        points = [_point(point) for point in wire["points"]]
        total += len(points)
        if all(point == points[0] for point in points):
            errors.add(f"wires[{index}].points", "all points are the same: a wire needs length")
        for (x0, y0), (x1, y1) in pairwise(points):
            if x0 != x1 and y0 != y1:
                dx, dy = x1 - x0, y1 - y0
                divisor = math.gcd(dx, dy)
                dx, dy = dx // divisor, dy // divisor
                directions.add((dx, dy) if dx > 0 else (-dx, -dy))
        if len(directions) > MAX_DIAGONAL_DIRECTIONS:
            errors.add(
                f"wires[{index}].points",
                f"diagonal wires run in more than {MAX_DIAGONAL_DIRECTIONS} different directions: draw wires"
                " horizontally, vertically or at a few angles such as 45°",
            )
            break
    if total > MAX_WIRE_POINTS:
        errors.add("wires", f"the wires have {total:,} points in all; at most {MAX_WIRE_POINTS:,} are allowed")


# --- The schema, compiled -----------------------------------------------------------------------------------------

# A path is built lazily as nested tuples (parent, key): most values are valid and never need theirs written out.
_Path = tuple
_Check = Callable[[Any, _Path, "_Errors"], None]


class _Errors:
    def __init__(self) -> None:
        self.items: list[SchematicError] = []
        self.more = 0

    def add(self, path: "_Path | str", message: str) -> None:
        if len(self.items) < MAX_ERRORS:
            self.items.append(SchematicError(path if isinstance(path, str) else _path_text(path), message))
        else:
            self.more += 1


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _path_text(path: _Path) -> str:
    keys: list[str | int] = []
    while path:
        path, key = path
        keys.append(key)
    text = ""
    for key in reversed(keys):
        if isinstance(key, int):
            text += f"[{key}]"
        elif _NAME.fullmatch(key):
            text += f".{key}" if text else key
        else:
            text += f"[{json.dumps(key)}]"
    return text


@cache
def _validator() -> _Check:
    document = schema()
    return _Compiler(document).compile(document)


_OBJECT_KEYWORDS = {"type", "required", "properties", "additionalProperties", "propertyNames", "maxProperties"}
_ANNOTATIONS = {"$schema", "$id", "title", "description", "default", "$defs"}
_TYPE_NAMES = {
    "object": "an object",
    "array": "an array",
    "string": "a string",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "null",
}


def _is_type(value: Any, name: str) -> bool:
    if name == "integer":  # JSON Schema: 5.0 is an integer; true is not
        return (type(value) is int) or (isinstance(value, float) and value.is_integer())
    if name == "number":
        return type(value) in (int, float)
    if name == "boolean":
        return isinstance(value, bool)
    if name == "null":
        return value is None
    return isinstance(value, {"object": dict, "array": list, "string": str}[name])


def _json_equal(a: Any, b: Any) -> bool:
    """JSON equality: true is not 1, unlike in Python."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    return a == b


class _Compiler:
    """Turns (the subset of) JSON Schema 2020-12 that schematic.schema.json uses into one fast closure."""

    def __init__(self, document: dict):
        self.document = document
        self.refs: dict[str, _Check] = {}

    def compile(self, node: dict) -> _Check:
        groups = self.keyword_groups()
        unknown = set(node) - _ANNOTATIONS - {"$ref"} - {name for names, _ in groups for name in names}
        if unknown:
            raise ValueError(f"schema keywords {sorted(unknown)} are not supported by the compiled validator")
        if "$ref" in node:
            if set(node) - _ANNOTATIONS != {"$ref"}:
                raise ValueError("$ref beside other keywords is not supported by the compiled validator")
            return self.ref(node["$ref"])
        checks = [build(node) for names, build in groups if any(name in node for name in names)]
        valid = self.fast_path(node)

        def check_all(value: Any, path: _Path, errors: _Errors) -> None:
            if valid is not None and valid(value):
                return  # valid: nothing to say, and no need to look at each keyword
            for check in checks:
                if check(value, path, errors) is False:
                    return  # wrong type or size: the other keywords have nothing useful to add

        return check_all

    def fast_path(self, node: dict) -> Callable[[Any], bool] | None:
        """A quick test that the value is valid, for the shapes most values take; None if there is none.

        It only ever says yes to valid values: when it says no, the keyword checks run and say why.
        """
        if "$ref" in node:
            return self.fast_path(self.document["$defs"][node["$ref"].removeprefix("#/$defs/")])
        keys = set(node) - _ANNOTATIONS
        kind = node.get("type")
        if keys == {"const"} and not isinstance(node["const"], (dict, list)):
            expected, expected_type = node["const"], type(node["const"])
            return lambda value: type(value) is expected_type and value == expected
        if keys == {"enum"} and all(type(option) in (int, str) for option in node["enum"]):
            options = frozenset(node["enum"])
            return lambda value: type(value) in (int, str) and value in options
        if kind == "integer" and keys <= {"type", "minimum", "maximum"}:
            low, high = node.get("minimum", -math.inf), node.get("maximum", math.inf)
            return lambda value: type(value) is int and low <= value <= high
        if kind == "string" and keys <= {"type", "pattern", "maxLength"}:
            search = re.compile(_ecma_end(node.get("pattern", ""))).search
            longest = node.get("maxLength", math.inf)
            return lambda value: type(value) is str and len(value) <= longest and search(value) is not None
        if kind == "array" and keys <= {"type", "minItems", "maxItems", "items"}:
            item = self.fast_path(node["items"]) if "items" in node else (lambda value: True)
            low, high = node.get("minItems", 0), node.get("maxItems", math.inf)
            if item is None:
                return None
            return lambda value: type(value) is list and low <= len(value) <= high and all(map(item, value))
        if kind == "object" and keys <= _OBJECT_KEYWORDS:
            return self.fast_object(node)
        return None

    def fast_object(self, node: dict) -> Callable[[Any], bool] | None:
        properties = {name: self.fast_path(sub) for name, sub in node.get("properties", {}).items()}
        additional = node.get("additionalProperties", True)
        if isinstance(additional, bool):
            other: Callable[[Any], bool] | None = lambda value: additional  # noqa: E731
        else:
            other = self.fast_path(additional)
        names = self.fast_path(node["propertyNames"]) if "propertyNames" in node else (lambda name: True)
        if None in properties.values() or other is None or names is None:
            return None
        required, most = tuple(node.get("required", ())), node.get("maxProperties", math.inf)

        def valid(value: Any) -> bool:
            if type(value) is not dict or len(value) > most:
                return False
            if not all(name in value for name in required):
                return False
            return all(names(key) and properties.get(key, other)(item) for key, item in value.items())

        return valid

    def keyword_groups(self) -> list[tuple[tuple[str, ...], Callable[[dict], _Check]]]:
        """Keywords checked together, in the order they are checked."""
        return [
            (("type",), self.type),
            (("const",), self.const),
            (("enum",), self.enum),
            (("minItems", "maxItems"), self.size),
            (("required",), self.required),
            (("properties", "additionalProperties", "propertyNames"), self.object),
            (("maxProperties",), self.max_properties),
            (("items",), self.items),
            (("minimum", "maximum"), self.bounds),
            (("pattern",), self.pattern),
            (("maxLength",), self.max_length),
        ]

    def ref(self, reference: str) -> _Check:
        if not reference.startswith("#/$defs/"):
            raise ValueError(f"only local references are supported: {reference}")
        if reference not in self.refs:

            def forward(value: Any, path: _Path, errors: _Errors) -> None:  # while compiling a recursive definition
                self.refs[reference](value, path, errors)

            self.refs[reference] = forward
            self.refs[reference] = self.compile(self.document["$defs"][reference.removeprefix("#/$defs/")])
        return self.refs[reference]

    def type(self, node: dict) -> _Check:
        name = node["type"]

        def check(value: Any, path: _Path, errors: _Errors) -> bool:
            if _is_type(value, name):
                return True
            errors.add(path, f"must be {_TYPE_NAMES[name]}")
            return False

        return check

    def const(self, node: dict) -> _Check:
        expected = node["const"]

        def check(value: Any, path: _Path, errors: _Errors) -> bool:
            if _json_equal(value, expected):
                return True
            errors.add(path, f"must be {json.dumps(expected)}")
            return False

        return check

    def enum(self, node: dict) -> _Check:
        options = node["enum"]
        shown = ", ".join(json.dumps(option) for option in options)

        def check(value: Any, path: _Path, errors: _Errors) -> bool:
            if any(_json_equal(value, option) for option in options):
                return True
            errors.add(path, f"must be one of {shown}")
            return False

        return check

    def required(self, node: dict) -> _Check:
        names = node["required"]

        def check(value: Any, path: _Path, errors: _Errors) -> None:
            if isinstance(value, dict):
                for name in names:
                    if name not in value:
                        errors.add((path, name), "is required")

        return check

    def object(self, node: dict) -> _Check:
        properties = {name: self.compile(sub) for name, sub in node.get("properties", {}).items()}
        additional = node.get("additionalProperties", True)
        other = None if additional is False else _accept if additional is True else self.compile(additional)
        names = self.compile(node["propertyNames"]) if "propertyNames" in node else None

        def check(value: Any, path: _Path, errors: _Errors) -> None:
            if not isinstance(value, dict):
                return
            for key, item in value.items():
                if names is not None:
                    before = len(errors.items) + errors.more
                    names(key, (path, key), errors)
                    if len(errors.items) + errors.more > before:
                        continue
                sub = properties.get(key, other)
                if sub is None:
                    errors.add((path, key), "is not a known property")
                else:
                    sub(item, (path, key), errors)

        return check

    def max_properties(self, node: dict) -> _Check:
        limit = node["maxProperties"]

        def check(value: Any, path: _Path, errors: _Errors) -> None:
            if isinstance(value, dict) and len(value) > limit:
                errors.add(path, f"has {len(value):,} entries; at most {limit:,} are allowed")

        return check

    def items(self, node: dict) -> _Check:
        sub = self.compile(node["items"])

        def check(value: Any, path: _Path, errors: _Errors) -> None:
            if isinstance(value, list):
                for index, item in enumerate(value):
                    sub(item, (path, index), errors)

        return check

    def size(self, node: dict) -> _Check:
        low, high = node.get("minItems", 0), node.get("maxItems", math.inf)

        def check(value: Any, path: _Path, errors: _Errors) -> bool:
            if not isinstance(value, list) or low <= len(value) <= high:
                return True
            if low == high:
                errors.add(path, f"must have exactly {low} items")
            elif len(value) < low:
                errors.add(path, f"must have at least {low} items")
            else:
                errors.add(path, f"has {len(value):,} items; at most {high:,} are allowed")
            return False  # the items may be many: do not look at each

        return check

    def bounds(self, node: dict) -> _Check:
        low, high = node.get("minimum", -math.inf), node.get("maximum", math.inf)

        def check(value: Any, path: _Path, errors: _Errors) -> None:
            if type(value) in (int, float) and not low <= value <= high:
                errors.add(path, f"must be from {low:,} to {high:,}")

        return check

    def pattern(self, node: dict) -> _Check:
        source = node["pattern"]
        compiled = re.compile(_ecma_end(source))

        def check(value: Any, path: _Path, errors: _Errors) -> None:
            if isinstance(value, str) and not compiled.search(value):
                errors.add(path, f"{_shown(value)} is not allowed here (it must match {source})")

        return check

    def max_length(self, node: dict) -> _Check:
        limit = node["maxLength"]

        def check(value: Any, path: _Path, errors: _Errors) -> None:
            if isinstance(value, str) and len(value) > limit:
                errors.add(path, f"is {len(value):,} characters long; at most {limit:,} are allowed")

        return check


def _ecma_end(pattern: str) -> str:
    """In Python `$` also matches before a final newline, in ECMA 262 (JSON Schema's dialect) it does not."""
    return re.sub(r"(?<!\\)\$$", r"\\Z", pattern)


def _accept(value: Any, path: _Path, errors: _Errors) -> None:
    """The schema `true`."""


def _shown(value: str) -> str:
    return json.dumps(value if len(value) <= 40 else value[:37] + "...")

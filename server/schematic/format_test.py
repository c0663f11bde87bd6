"""Schematic format v1: validation errors with JSON paths, defaults, semantic checks, and the compiled validator
held to the reference implementation (`jsonschema`)."""

import copy
import json

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schematic import format as schematic_format
from schematic.format import (
    MAX_DIAGONAL_DIRECTIONS,
    Component,
    Label,
    SchematicInvalid,
    Sheet,
    Wire,
    parse_schematic,
    schema,
)
from schematic.generate import ladder_schematic

MINIMAL = {"format": "ohmcloud-schematic", "version": 1}


def document(**lists) -> dict:
    return {**MINIMAL, **lists}


def resistor(**fields) -> dict:
    return {"id": "r1", "symbol": "Device:R", "position": [1000, 1000], "reference": "R1", "value": "1k"} | fields


def errors_of(data) -> dict[str, str]:
    with pytest.raises(SchematicInvalid) as invalid:
        parse_schematic(data)
    return {error.path: error.message for error in invalid.value.errors}


def test_minimal_document_gets_the_defaults():
    schematic = parse_schematic(MINIMAL)
    assert schematic.sheet == Sheet("A4", "landscape")
    assert schematic.sheet.dimensions == (11693, 8268)
    assert schematic.components == schematic.wires == schematic.labels == ()
    assert schematic.title_block.title == ""


def test_full_document_reads_into_dataclasses():
    data = document(
        sheet={"size": "A3", "orientation": "portrait"},
        title_block={"title": "Amp", "date": "2026-01-05", "revision": "B", "company": "Ohm", "comments": ["one"]},
        components=[resistor(rotation=90, mirror="y", unit=1, properties={"Tolerance": "1%"})],
        wires=[{"id": "w1", "points": [[0, 0], [100, 0], [100, 100.0]]}],
        junctions=[{"id": "j1", "position": [100, 0]}],
        labels=[{"id": "l1", "position": [0, 0], "text": "in", "kind": "global"}],
        no_connects=[{"id": "x1", "position": [5, 5]}],
    )
    schematic = parse_schematic(data)
    assert schematic.sheet.dimensions == (11693, 16535)
    assert schematic.title_block.comments == ("one",)
    component = schematic.components[0]
    assert component == Component(
        "r1", "Device:R", (1000, 1000), "R1", "1k", 1, 90, "y", properties={"Tolerance": "1%"}
    )
    assert dict(component.properties) == {"Tolerance": "1%"}
    assert schematic.wires[0] == Wire("w1", ((0, 0), (100, 0), (100, 100)))
    assert type(schematic.wires[0].points[2][1]) is int  # 100.0 is a JSON integer, read as one
    assert schematic.labels[0] == Label("l1", (0, 0), "in", "global")
    assert schematic.symbol_ids == {"Device:R"}


@pytest.mark.parametrize(
    ("data", "path", "message"),
    [
        ({"version": 1}, "format", "is required"),
        ({**MINIMAL, "format": "kicad"}, "format", 'must be "ohmcloud-schematic"'),
        ({**MINIMAL, "version": 2}, "version", "must be 1"),
        ({**MINIMAL, "version": True}, "version", "must be 1"),
        (document(components=[resistor(rotation=45)]), "components[0].rotation", "must be one of 0, 90, 180, 270"),
        (document(components=[resistor(rotation=True)]), "components[0].rotation", "must be one of 0, 90, 180, 270"),
        (document(components=[resistor(mirror="both")]), "components[0].mirror", 'must be one of "none", "x", "y"'),
        (document(components=[resistor(position=[1.5, 0])]), "components[0].position[0]", "must be a whole number"),
        (document(components=[resistor(position=[0])]), "components[0].position", "must have exactly 2 items"),
        (document(components=[resistor(position=[0, 2_000_000])]), "components[0].position[1]", "must be from"),
        (document(components=[resistor(unit=0)]), "components[0].unit", "must be from 1 to 256"),
        (document(components=[resistor(colour="red")]), "components[0].colour", "is not a known property"),
        (document(components=[resistor(symbol="R")]), "components[0].symbol", "is not allowed here"),
        (document(components=[resistor(reference="R 1")]), "components[0].reference", "is not allowed here"),
        (document(components=[resistor(value="1k\n.control")]), "components[0].value", "is not allowed here"),
        (document(components=[resistor(value="1k\n")]), "components[0].value", "is not allowed here"),
        (document(components=[resistor(properties={"w": 1})]), "components[0].properties.w", "must be a string"),
        (document(components=[resistor(properties={"a\tb": "x"})]), 'components[0].properties["a\\tb"]', None),
        (document(components=[{"id": "r1"}]), "components[0].symbol", "is required"),
        (document(components={}), "components", "must be an array"),
        (document(wires=[{"id": "w", "points": [[0, 0]]}]), "wires[0].points", "must have at least 2 items"),
        (document(labels=[{"id": "l", "position": [0, 0], "text": " in"}]), "labels[0].text", "is not allowed"),
        (document(labels=[{"id": "l", "position": [0, 0], "text": "in", "kind": "hier"}]), "labels[0].kind", None),
        (document(junctions=[{"id": "a/b", "position": [0, 0]}]), "junctions[0].id", "is not allowed here"),
        ({**MINIMAL, "sheet": {"size": "A0"}}, "sheet.size", 'must be one of "A1", "A2", "A3", "A4", "A5"'),
        ({**MINIMAL, "title_block": {"comments": ["c"] * 10}}, "title_block.comments", "at most 9 are allowed"),
        ([], "", "must be an object"),
    ],
)
def test_errors_name_the_field(data, path, message):
    errors = errors_of(data)
    assert path in errors, errors
    if message:
        assert message in errors[path]


def test_every_error_is_reported():
    errors = errors_of(document(components=[resistor(rotation=45), resistor(id="r2", mirror="z", unit="1")]))
    assert set(errors) == {"components[0].rotation", "components[1].mirror", "components[1].unit"}


def test_size_limits_do_not_look_at_every_item():
    with pytest.raises(SchematicInvalid) as invalid:
        parse_schematic(document(components=[{}] * 20_001))
    assert [str(error) for error in invalid.value.errors] == [
        "components: has 20,001 items; at most 20,000 are allowed"
    ]


def test_errors_are_capped():
    with pytest.raises(SchematicInvalid) as invalid:
        parse_schematic(document(components=[{"id": f"r{i}"} for i in range(200)]))
    assert len(invalid.value.errors) == schematic_format.MAX_ERRORS
    assert invalid.value.more == 3 * 200 - schematic_format.MAX_ERRORS  # symbol, position and reference missing


def test_ids_are_unique_across_the_schematic():
    errors = errors_of(
        document(
            components=[resistor(id="a")],
            wires=[{"id": "a", "points": [[0, 0], [50, 0]]}],
            labels=[{"id": "a", "position": [0, 0], "text": "x"}],
        )
    )
    assert errors == {
        "wires[0].id": "'a' is already the id of components[0]: ids must be unique",
        "labels[0].id": "'a' is already the id of components[0]: ids must be unique",
    }


def test_a_wire_needs_length():
    errors = errors_of(document(wires=[{"id": "w", "points": [[5, 5], [5, 5], [5, 5]]}]))
    assert errors == {"wires[0].points": "all points are the same: a wire needs length"}


def test_diagonal_directions_are_limited():
    wires = [{"id": f"w{k}", "points": [[0, 0], [100, 100 * k + 1]]} for k in range(MAX_DIAGONAL_DIRECTIONS + 1)]
    assert "wires[32].points" in errors_of(document(wires=wires))
    parse_schematic(document(wires=wires[:-1]))  # 32 slopes are fine
    parse_schematic(document(wires=[{"id": f"w{k}", "points": [[k, 0], [k + 50, 50]]} for k in range(100)]))


def test_total_wire_points_are_limited():
    points = [[x, 0] for x in range(1000)]
    wires = [{"id": f"w{k}", "points": points} for k in range(201)]
    assert "wires" in errors_of(document(wires=wires))


# --- The compiled validator agrees with jsonschema ----------------------------------------------------------------

REFERENCE = jsonschema.Draft202012Validator(schema())


def test_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(schema())


def compiled_valid(data) -> bool:
    errors = schematic_format._Errors()
    schematic_format._validator()(data, (), errors)
    return not errors.items


def test_agrees_on_the_ladder():
    data = ladder_schematic(200)
    assert compiled_valid(data)
    assert REFERENCE.is_valid(data)


def test_trailing_newline_is_refused_unlike_pythons_dollar():
    """jsonschema uses Python's re.search, whose $ also matches before a final newline; ECMA 262's does not."""
    data = document(components=[resistor(reference="R1\n")])
    assert REFERENCE.is_valid(data)  # the reference implementation's quirk
    assert not compiled_valid(data)


def test_compiler_refuses_keywords_it_does_not_know():
    with pytest.raises(ValueError, match="oneOf"):
        schematic_format._Compiler({}).compile({"oneOf": [{"type": "string"}]})


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-3_000_000, 3_000_000) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8) | st.sampled_from(["none", "x", "y", "A4", "local", "global", "Device:R", "R1", "1k", 90]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3),
    max_leaves=8,
)  # fmt: skip


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*path, index))


BASE = {
    **document(
        components=[resistor(rotation=90, properties={"w": "1u"})],
        wires=[{"id": "w1", "points": [[0, 0], [100, 0]]}],
        junctions=[{"id": "j1", "position": [0, 0]}],
        labels=[{"id": "l1", "position": [0, 0], "text": "in"}],
        no_connects=[{"id": "x1", "position": [0, 0]}],
    ),
    "sheet": {"size": "A4"},
    "title_block": {"title": "t", "comments": []},
}
BASE_PATHS = list(_paths(BASE))


def _has_final_newline(value) -> bool:
    if isinstance(value, str):
        return value.endswith("\n")
    if isinstance(value, dict):
        return any(_has_final_newline(key) or _has_final_newline(item) for key, item in value.items())
    if isinstance(value, list):
        return any(_has_final_newline(item) for item in value)
    return False


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.sampled_from(BASE_PATHS), json_values, st.booleans())
def test_agrees_with_jsonschema_on_mutations(path, value, add_key):
    data = copy.deepcopy(BASE)
    if not path:
        data = value
    else:
        parent = data
        for key in path[:-1]:
            parent = parent[key]
        if add_key and isinstance(parent, dict):
            parent[str(value)[:6]] = value
        else:
            parent[path[-1]] = value
    if _has_final_newline(data):
        return  # where the two differ on purpose (see above)
    assert compiled_valid(data) == REFERENCE.is_valid(data), json.dumps(data, default=str)[:500]

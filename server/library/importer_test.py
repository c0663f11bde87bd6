"""Importing KiCad's libraries into the database, idempotently, and searching what was imported."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from library import selectors
from library.categories import OTHER, category_for
from library.importer import DEFAULT_LIBRARIES, import_libraries
from library.models import Component, SymbolLibrary

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("default_library")]

MINI = """(kicad_symbol_lib (version 20211014) (generator test)
  (symbol "Thing" (in_bom yes) (on_board yes)
    (property "Reference" "T" (id 0) (at 0 2.54 0) (effects (font (size 1.27 1.27))))
    (property "Value" "Thing" (id 1) (at 0 -2.54 0) (effects (font (size 1.27 1.27))))
    (property "ki_keywords" "gizmo widget" (id 4) (at 0 0 0) (effects (font (size 1.27 1.27)) hide))
    (symbol "Thing_1_1"
      (rectangle (start -1.27 -1.27) (end 1.27 1.27) (stroke (width 0.254)) (fill (type background)))
      (pin passive line (at -3.81 0 0) (length 2.54) (name "A" (effects (font (size 1.27 1.27))))
        (number "1" (effects (font (size 1.27 1.27)))))
    )
  )
  (symbol "OtherThing" (extends "Thing")
    (property "Reference" "T" (id 0) (at 0 2.54 0) (effects (font (size 1.27 1.27))))
    (property "Value" "OtherThing" (id 1) (at 0 -2.54 0) (effects (font (size 1.27 1.27))))
  )
)
"""


def top(query: str, count: int = 3) -> list[str]:
    return [row["symbol_id"] for row in selectors.search_components(query)[:count]]


def test_default_set_is_imported(default_library):
    assert {result.name for result in default_library.libraries} == set(DEFAULT_LIBRARIES)
    assert set(SymbolLibrary.objects.values_list("name", flat=True)) >= set(DEFAULT_LIBRARIES)
    assert Component.objects.count() > 1000
    device = SymbolLibrary.objects.get(name="Device")
    assert device.category == "Passive & basic" and device.symbol_count == device.components.count() == 571
    assert len(device.content_hash) == 64 and device.source_path == "/usr/share/kicad/symbols/Device.kicad_sym"


def test_second_import_changes_nothing():
    before = Component.objects.count()
    ids = set(Component.objects.values_list("id", flat=True))
    version = selectors.library_version()
    report = import_libraries()
    assert report.count("imported") == 0 and report.count("unchanged") == len(DEFAULT_LIBRARIES)
    assert report.components_imported == 0
    assert Component.objects.count() == before and set(Component.objects.values_list("id", flat=True)) == ids
    assert selectors.library_version() == version  # nothing changed: cached answers stay valid
    assert report.seconds < 2


def test_stored_component_fields():
    r = Component.objects.select_related("library").get(symbol_id="Device:R")
    assert (r.library.name, r.name, r.reference, r.value) == ("Device", "R", "R", "R")
    assert (r.description, r.keywords, r.datasheet, r.category) == ("Resistor", "R res resistor", "", "Passive & basic")
    assert (r.pin_count, r.unit_count, r.is_power) == (2, 1, False)
    assert r.properties["ki_fp_filters"] == "R_*"
    assert r.search_text == "r r res resistor resistor"
    assert [(u["unit"], [p["number"] for p in u["pins"]]) for u in r.geometry["units"]] == [(0, []), (1, ["1", "2"])]
    assert r.simulatable and r.spice["prefix"] == "R"
    gnd = Component.objects.get(symbol_id="power:GND")
    assert gnd.is_power and gnd.reference == "#PWR" and gnd.category == "Power symbols" and gnd.pin_count == 1
    lm358 = Component.objects.get(symbol_id="Amplifier_Operational:LM358")
    assert (lm358.unit_count, lm358.pin_count, lm358.category) == (3, 8, "Amplifiers")
    nand = Component.objects.get(symbol_id="74xx:74LS00")
    assert (nand.unit_count, nand.pin_count, nand.geometry["body_styles"]) == (5, 14, 2)
    assert Component.objects.get(symbol_id="Transistor_BJT:2N3904").category == "Transistors"
    assert Component.objects.get(symbol_id="Simulation_SPICE:VDC").category == "Sources & simulation"


def test_changed_library_is_replaced_and_the_version_bumped(tmp_path):
    path = tmp_path / "Mini.kicad_sym"
    path.write_text(MINI)
    first = import_libraries(["Mini"], tmp_path)
    assert [(r.status, r.components) for r in first.libraries] == [("imported", 2)]
    other = Component.objects.get(symbol_id="Mini:OtherThing")
    assert other.pin_count == 1 and other.geometry["units"][0]["pins"][0]["name"] == "A"  # from its parent
    assert other.category == OTHER and other.search_text == "otherthing gizmo widget "
    old_ids = set(Component.objects.filter(library__name="Mini").values_list("id", flat=True))
    version = selectors.library_version()

    assert import_libraries(["Mini"], tmp_path).count("unchanged") == 1
    assert selectors.library_version() == version

    path.write_text(MINI.replace('"gizmo widget"', '"gizmo gadget"'))
    changed = import_libraries(["Mini"], tmp_path)
    assert changed.count("imported") == 1 and changed.components_imported == 2
    rows = Component.objects.filter(library__name="Mini")
    assert rows.count() == 2 and not old_ids & set(rows.values_list("id", flat=True))
    assert rows.get(name="Thing").keywords == "gizmo gadget"
    assert SymbolLibrary.objects.filter(name="Mini").count() == 1
    assert selectors.library_version() != version
    assert top("gadget") == ["Mini:Thing", "Mini:OtherThing"]


def test_missing_library_is_skipped_with_a_warning(tmp_path):
    report = import_libraries(["Nope"], tmp_path)
    assert [(r.name, r.status) for r in report.libraries] == [("Nope", "missing")]
    assert not SymbolLibrary.objects.filter(name="Nope").exists()


def test_management_command(tmp_path):
    (tmp_path / "Mini.kicad_sym").write_text(MINI)
    (tmp_path / "Mini2.kicad_sym").write_text(MINI)
    out, err = StringIO(), StringIO()
    call_command("import_symbols", "Mini", "Absent", "--dir", str(tmp_path), stdout=out, stderr=err)
    assert "Absent: skipped" in err.getvalue()
    assert out.getvalue().startswith("1 libraries imported (2 components), 0 unchanged, 1 missing;")
    out = StringIO()
    call_command("import_symbols", "--all", "--dir", str(tmp_path), "-v", "2", stdout=out)
    assert "Mini2: 2 components" in out.getvalue()
    assert "1 libraries imported (2 components), 1 unchanged, 0 missing; 4 components" in out.getvalue()
    with pytest.raises(CommandError, match="not both"):
        call_command("import_symbols", "Mini", "--all", "--dir", str(tmp_path))
    with pytest.raises(CommandError, match="not a folder"):
        call_command("import_symbols", "--dir", str(tmp_path / "nowhere"))


def test_default_command_is_quick_when_nothing_changed():
    out = StringIO()
    call_command("import_symbols", stdout=out)
    assert out.getvalue().startswith(f"0 libraries imported (0 components), {len(DEFAULT_LIBRARIES)} unchanged")


def test_search_finds_the_usual_parts():
    assert top("resistor", 1) == ["Device:R"]
    assert "Device:R" in top("res")
    assert top("capacitor", 1) == ["Device:C"]
    assert top("2N3904", 1) == ["Transistor_BJT:2N3904"]
    assert top("1n4148", 1) == ["Diode:1N4148"]
    assert top("LM741", 1) == ["Amplifier_Operational:LM741"]
    assert set(top("NE555", 2)) == {"Timer:NE555D", "Timer:NE555P"}
    assert top("gnd", 1) == ["power:GND"]
    assert "power:GND" in top("ground", 5)
    assert top("npn transistor 2n3904") == ["Transistor_BJT:2N3904"]
    every_word = selectors.search_components("dual opamp")
    assert every_word and all("dual" in r["description"].lower() + r["keywords"].lower() for r in every_word)


@pytest.mark.parametrize(
    ("library", "category"),
    [
        ("Device", "Passive & basic"),
        ("Transistor_BJT", "Transistors"),
        ("Amplifier_Operational", "Amplifiers"),
        ("power", "Power symbols"),
        ("Simulation_SPICE", "Sources & simulation"),
        ("pspice", "Sources & simulation"),
        ("MCU_ST_STM32F4", "Microcontrollers & processors"),
        ("Connector_Generic", "Connectors"),
        ("74xx", "Digital logic"),
        ("Graphic", OTHER),
        ("Something_New", OTHER),
    ],
)
def test_category_for(library, category):
    assert category_for(library) == category


def test_new_importer_code_reimports_unchanged_files(tmp_path, monkeypatch):
    (tmp_path / "Mini.kicad_sym").write_text(MINI)
    assert import_libraries(["Mini"], tmp_path).count("imported") == 1
    assert import_libraries(["Mini"], tmp_path).count("unchanged") == 1
    monkeypatch.setattr("library.importer.importer_fingerprint", lambda: b"the parser was improved")
    assert import_libraries(["Mini"], tmp_path).count("imported") == 1

"""Search matching and ranking on hand-made entries (the real library is searched in importer_test)."""

from library.search import SearchEntry, search, word_starts, words


def entry(name, keywords="", description="", library="Device", category="Passive & basic", simulatable=False):
    return SearchEntry.of(
        name=name,
        keywords=keywords,
        description=description,
        library=library,
        category=category,
        simulatable=simulatable,
        row=f"{library}:{name}",
    )


ENTRIES = [
    entry("R", "R res resistor", "Resistor", simulatable=True),
    entry("R_Small", "R res resistor", "Resistor, small symbol", simulatable=True),
    entry("Resonator", "ceramic resonator", "Three pin ceramic resonator"),
    entry("Bus", "", "Something with an address"),
    entry("C", "cap capacitor", "Unpolarized capacitor", simulatable=True),
    entry("LM741", "single opamp", "Operational amplifier, DIP-8", library="Amplifier_Operational", category="Amp"),
    entry("Thermistor", "", "Temperature dependent resistor"),
    entry("R", "resistor simulation", "Resistor symbol for simulation only", library="pspice", category="Sim"),
]


def test_words():
    assert words("Op-Amp (DIP-8), R_Small") == ["op", "amp", "dip", "8", "r", "small"]
    assert word_starts("R res resistor") == " r res resistor"


def test_prefix_of_a_word_matches_not_the_middle():
    hits = search(ENTRIES, "res")
    assert "Device:Bus" not in hits  # "res" inside "address" is not the start of a word
    assert hits[:2] == ["Device:Resonator", "Device:R"]  # name prefix, then keyword (shortest name first)
    assert set(hits) == {"Device:Resonator", "Device:R", "Device:R_Small", "pspice:R", "Device:Thermistor"}


def test_ranking_exact_then_prefix_then_keyword_then_name_inside_then_description():
    assert search(ENTRIES, "resistor") == ["Device:R", "pspice:R", "Device:R_Small", "Device:Thermistor"]
    assert search(ENTRIES, "R")[:2] == ["Device:R", "pspice:R"]  # exact, ties by library
    assert search(ENTRIES, "741") == ["Amplifier_Operational:LM741"]  # inside the name
    assert search(ENTRIES, "lm741") == ["Amplifier_Operational:LM741"]
    assert search(ENTRIES, "temperature") == ["Device:Thermistor"]  # description only


def test_every_word_must_match_case_insensitively():
    assert search(ENTRIES, "RESISTOR small") == ["Device:R_Small"]
    assert search(ENTRIES, "resistor simulation") == ["pspice:R"]
    assert search(ENTRIES, "opamp dip") == ["Amplifier_Operational:LM741"]
    assert search(ENTRIES, "resistor nothing") == []


def test_filters_and_empty_query():
    assert search(ENTRIES, "", library="pspice") == ["pspice:R"]
    assert search(ENTRIES, "  ") == [e.row for e in ENTRIES]
    assert search(ENTRIES, "resistor", simulatable=True) == ["Device:R", "Device:R_Small"]
    assert search(ENTRIES, "resistor", simulatable=False) == ["pspice:R", "Device:Thermistor"]
    assert search(ENTRIES, "", category="Amp") == ["Amplifier_Operational:LM741"]
    assert search(ENTRIES, "--") == [e.row for e in ENTRIES]  # no words: everything

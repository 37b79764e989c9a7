"""Structured content of the toolbox: schema, links to the codebook and the printed numbers."""

import pytest

from digitale_inclusie.catalog import MATERIALS, load_materials
from digitale_inclusie.errors import InputFileError


def test_materials_validate_and_cover_every_printed_material(published):
    entries = load_materials()
    printed = published[published["table"] == "materiaal"]
    assert {e["variabele"] for e in entries if e["variabele"]} == set(printed["variable"])
    # the report names materials without a figure: footnote 9 and Digibanken
    without = {e["id"] for e in entries if e["variabele"] is None}
    assert {"digibanken-vlaanderen", "symbolenwijzer"} <= without


def _bad(tmp_path, old, new):
    path = tmp_path / "materialen.yaml"
    text = MATERIALS.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("old, new, expected", [
    ("soort: webinar", "soort: podcast", ["entry 'webinars'", "field 'soort'", "'podcast'"]),
    ("id: databank", "id: webinars", ["webinars", "more than once"]),
    ("variabele: materiaal_oefenen", "variabele: materiaal_bestaat_niet", ["oefenen", "not a codebook column"]),
    ("  zonder_cijfer: Het onderzoek heeft voor deze website geen cijfer (eindnoot 10).\n", "",
     ["digibanken-vlaanderen", "zonder_cijfer"]),
    ("variabele: materiaal_seniorweb", "variabele: null\n  zonder_cijfer: x",
     ["printed materials without an entry", "materiaal_seniorweb"]),
    ("adres: https://www.oefenen.nl", "adres: http://www.oefenen.nl", ["oefenen", "field 'adres'"]),
])
def test_bad_materials_are_refused_with_entry_and_field(tmp_path, old, new, expected):
    path = _bad(tmp_path, old, new)
    with pytest.raises(InputFileError) as info:
        load_materials(path)
    message = str(info.value)
    assert str(path) in message
    for part in expected:
        assert part in message, (part, message)


from digitale_inclusie.catalog import CATALOGUE, load_catalogue  # noqa: E402


def test_catalogue_validates_with_every_policy_action(codebook):
    data = load_catalogue()
    assert len(data["beleidsacties"]) == len([f for f in codebook.names if f.startswith("beleid_")]) == 18
    assert len(data["vragen"]) == 6 and len(data["verwachtingen"]) == 5
    groups = {p["groep"] for p in data["praktijken"]}
    assert groups == {"veelvoorkomend", "uniek", "trots"}
    assert len([p for p in data["praktijken"] if p["groep"] == "veelvoorkomend"]) == 5


@pytest.mark.parametrize("old, new, expected", [
    ("fase: participatie en evaluatie\n    uitdagingen: [doelgroepen]\n    materialen: []\n    vragen: []\n    verwachtingen: []\n  - id: studenten",
     "fase: evaluatie\n    uitdagingen: [doelgroepen]\n    materialen: []\n    vragen: []\n    verwachtingen: []\n  - id: studenten",
     ["praktijken: entry 'angst-en-frustratie', field 'fase'"]),
    ("materialen: [digibanken-vlaanderen]", "materialen: [bestaat-niet]",
     ["entry 'digibanken', field 'materialen'", "bestaat-niet"]),
    ("uitdagingen: [privaat, vrijwilligers]", "uitdagingen: [privaat, geld]", ["hulp-aan-huis", "'uitdagingen'", "geld"]),
    ("variabele: beleid_part_noden_doorgeven}", "variabele: beleid_part_bijsturen}",
     ["one entry per policy action", "beleid_part_noden_doorgeven"]),
    ("  - {id: inhoud,", "  - {id: logistiek,", ["uitdagingen", "logistiek", "more than once"]),
])
def test_bad_catalogue_is_refused_with_entry_and_field(tmp_path, old, new, expected):
    text = CATALOGUE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "catalogus.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InputFileError) as info:
        load_catalogue(path)
    message = str(info.value)
    for part in expected:
        assert part in message, (part, message)

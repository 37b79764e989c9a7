"""The toolbox and the catalogue: their YAML files (schema, links to the codebook and the printed
numbers, safe addresses) and the pages built from them by digitale_inclusie.sphinx.entries (YAML
text stays text, numbers from the respondent file in use)."""

import os
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from digitale_inclusie.data import catalog
from digitale_inclusie.data.catalog import CATALOGUE, MATERIALS, address_problems, load_catalogue, load_materials
from digitale_inclusie.errors import InputFileError
from digitale_inclusie.paths import DATA_ENV


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


# ---------------------------------------------------------------- addresses


@pytest.mark.parametrize("url", ["https://www.oefenen.nl", "https://digibanken.vlaanderen.be/digibanken/",
                                 "https://www.vvsg.be/kennisitem/vvsg/a-b?x=1&y=%C3%A9#deel"])
def test_plain_https_addresses_pass(url):
    assert address_problems(url) == []


@pytest.mark.parametrize("url, expected", [
    ("http://www.oefenen.nl", "scheme 'http'"),
    ("javascript:alert(1)", "scheme 'javascript'"),
    ("https://x.invalid/\"><img src=x onerror=alert(1)>", "'\"'"),
    ("https://x.invalid/'onmouseover='alert(1)", "\"'\""),
    ("https://x.invalid/<script>", "'<'"),
    ("https://x.invalid/a b", "U+0020"),
    ("https://x.invalid/\u200b", "U+200B"),
    ("https://x.invalid\\@evil.example/", "'\\\\'"),
    ("https:///pad", "no host name"),
    ("https://gebruiker:geheim@x.invalid/", "user name or password"),
    ("https://x.invalid:99999/", "not a valid address"),
])
def test_unsafe_addresses_are_refused_with_the_reason(url, expected):
    problems = address_problems(url)
    assert problems and expected in " ".join(problems), problems


def test_the_challenges_table_shows_yaml_text_as_text():
    """Chapter 5's table is HTML made from the catalogue: every hostile value reaches the reader
    as the text that was typed, inside its link, and nothing can run."""
    import pandas as pd

    from digitale_inclusie.present.tables import challenges_html

    names = {name: f"{text} ({name})" for name, text in HOSTILE.items()}
    challenges = pd.DataFrame([{"naam": names["attribute"], "soort": names["breakout"], "hoofdstuk": "h5-logistiek",
                                "acties": ["x", "y"]}], index=["logistiek"])
    practices = [{"id": "x", "naam": names["raw"]}, {"id": "y", "naam": names["html"]}]
    soup = BeautifulSoup(challenges_html(challenges, practices), "html.parser")
    assert _executable(soup) == [] and not soup.find_all(["img", "b", "script", "style"])
    table = soup.find("table")
    assert table.caption.get_text(strip=True) and [th["scope"] for th in table.find_all("th")] == ["col"] * 3 + ["row"]
    row = table.tbody.tr
    assert row.th.a["href"] == "#h5-logistiek" and row.th.a.get_text() == " ".join(names["attribute"].split())
    assert row.find_all("td")[0].get_text() == names["breakout"]
    links = row.find_all("td")[1].find_all("a")
    assert [a["href"] for a in links] == ["../book/catalogus.html#praktijk-x", "../book/catalogus.html#praktijk-y"]
    assert [a.get_text() for a in links] == [" ".join(names["raw"].split()), " ".join(names["html"].split())]


# ---------------------------------------------------------------- the pages built from the files


def _small_book(folder, materials=MATERIALS, catalogue=CATALOGUE):
    """A small Sphinx project with the toolbox and catalogue directives, reading the given YAML
    files, and a page holding the chapter labels the entries link to."""
    src = folder / "boek"
    src.mkdir()
    (src / "conf.py").write_text(
        "extensions = ['digitale_inclusie.sphinx']\n"
        f"entries_materials = {str(materials)!r}\nentries_catalogue = {str(catalogue)!r}\n"
        "html_theme = 'basic'\nlanguage = 'nl'\nsmartquotes = False\n", encoding="utf-8")
    (src / "index.md").write_text("# Proef\n\n```{toctree}\ntoolbox\ncatalogus\nhoofdstukken\n```\n", encoding="utf-8")
    (src / "toolbox.md").write_text("# Toolbox\n\n```{toolbox-overview} Overzicht\nUitleg.\n```\n\n"
                                    "```{toolbox-entries}\n```\n", encoding="utf-8")
    parts = ("praktijken", "beleidsacties", "vragen", "verwachtingen")
    (src / "catalogus.md").write_text("# Catalogus\n\n```{catalogue-overview} Overzicht\nUitleg.\n```\n\n"
                                      + "".join(f"## {p}\n\n```{{catalogue-entries}} {p}\n```\n\n" for p in parts),
                                      encoding="utf-8")
    challenges = yaml.safe_load(Path(catalogue).read_text(encoding="utf-8"))["uitdagingen"]
    labels = [catalog.CHAPTER_LABEL, catalog.CHAPTER3_PRACTICE, catalog.CHAPTER3_POLICY, catalog.CHAPTER4_REQUESTS,
              catalog.CHAPTER6_EXPECTATIONS] + [c["hoofdstuk"] for c in challenges]
    sections = "".join(f"({label})=\n## Sectie {label}\n\n" for label in labels)
    (src / "hoofdstukken.md").write_text("# Hoofdstukken\n\n" + sections, encoding="utf-8")
    return src


def _sphinx(src, out, data=None):
    """Build ``src`` into ``out`` in this process (sphinx.testing), incrementally when ``out``
    holds a build, warnings as errors, with ``data`` as DIGITALE_INCLUSIE_DATA (None: the
    shipped respondent file). Returns (succeeded, the build's messages)."""
    from sphinx.testing.util import SphinxTestApp

    saved = os.environ.pop(DATA_ENV, None)
    if data is not None:
        os.environ[DATA_ENV] = str(data)
    app = SphinxTestApp("html", srcdir=src, builddir=out, warningiserror=True)
    try:
        app.build()
        return True, app.warning.getvalue()
    except Exception as error:  # a warning turned error, or the extension refusing its input
        return False, f"{type(error).__name__}: {error}\n{app.warning.getvalue()}"
    finally:
        app.cleanup()
        os.environ.pop(DATA_ENV, None)
        if saved is not None:
            os.environ[DATA_ENV] = saved


HOSTILE = {  # text a careless or hostile editor could put in the YAML files
    "raw": "```{raw} html\n<script>alert('raw')</script>\n```",
    "rst": "```{eval-rst}\n.. raw:: html\n\n   <script>alert('rst')</script>\n```",
    "html": "<img src=x onerror=alert('img')> <a href=\"javascript:alert('a')\">klik</a>",
    "markdown": "[klik](javascript:alert('md')) **vet** {ref}`toolbox` (anker)= {{ vervang }}",
    "breakout": "</script><script>alert('uit')</script>",
    "attribute": "\"><b onmouseover=alert('b')>x</b>",
}


def _hostile_files(folder):
    materials = yaml.safe_load(MATERIALS.read_text(encoding="utf-8"))
    materials[0]["wat"] = HOSTILE["raw"]
    materials[1]["naam"] = HOSTILE["html"]
    materials[2]["wat"] = HOSTILE["markdown"]
    next(m for m in materials if m["variabele"] is None)["zonder_cijfer"] = HOSTILE["rst"]
    data = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    data["uitdagingen"][0]["naam"] = HOSTILE["attribute"]
    data["praktijken"][0]["beschrijving"] = HOSTILE["rst"]
    data["praktijken"][0]["doelgroepen"] = [HOSTILE["breakout"], HOSTILE["html"]]
    data["praktijken"][1]["naam"] = HOSTILE["markdown"]
    data["beleidsacties"][0]["naam"] = HOSTILE["attribute"]
    data["vragen"][0]["naam"] = HOSTILE["html"]
    data["vragen"][0]["tekst"] = HOSTILE["raw"]
    data["verwachtingen"][0]["tekst"] = HOSTILE["markdown"]
    paths = folder / "materialen.yaml", folder / "catalogus.yaml"
    for path, content in zip(paths, (materials, data)):
        path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return paths


def _executable(soup):
    """Everything in a page that could run: scripts with a text, event attributes, javascript: links."""
    found = [str(s)[:80] for s in soup.find_all("script") if s.get_text().strip()]
    for tag in soup.find_all(True):
        for attribute, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if attribute.lower().startswith("on") or re.sub(r"\s", "", value).lower().startswith("javascript:"):
                found.append(f"<{tag.name} {attribute}={value[:60]}>")
    return found


def test_yaml_text_stays_text_on_the_pages(tmp_path):
    """MyST directives and roles, raw HTML and javascript: links in the YAML files reach the
    pages as visible text: nothing is parsed, nothing can run."""
    materials, catalogue = _hostile_files(tmp_path)
    src = _small_book(tmp_path, materials, catalogue)
    built, messages = _sphinx(src, tmp_path / "build")
    assert built and not messages, messages[-3000:]  # not even a warning
    for page in ("toolbox", "catalogus"):
        soup = BeautifulSoup((tmp_path / "build" / "html" / f"{page}.html").read_text(encoding="utf-8"), "html.parser")
        body = soup.select_one("div.body")
        assert _executable(body) == [], page
        assert not [s for s in soup.find_all("script") if "alert" in s.get_text()], page
        assert not body.find_all(["img", "b", "iframe", "object", "embed", "style"]), page
        text = body.get_text()
        placed = ("raw", "html", "markdown", "rst") if page == "toolbox" else tuple(HOSTILE)
        for name in placed:  # shown as typed, line by line
            for line in HOSTILE[name].splitlines():
                assert line.strip() in text, (page, name, line)


def test_an_unsafe_address_stops_the_build(tmp_path):
    text = MATERIALS.read_text(encoding="utf-8").replace(
        "adres: https://www.oefenen.nl", "adres: 'https://www.oefenen.nl/\"><img src=x onerror=alert(1)>'", 1)
    materials = tmp_path / "materialen.yaml"
    materials.write_text(text, encoding="utf-8")
    with pytest.raises(InputFileError, match="entry 'oefenen', field 'adres': holds"):
        load_materials(materials)
    built, messages = _sphinx(_small_book(tmp_path, materials), tmp_path / "build")
    assert not built and "field 'adres'" in messages, messages[-2000:]
    for page in (tmp_path / "build" / "html").glob("*.html"):
        assert "onerror" not in page.read_text(encoding="utf-8"), page.name


def test_a_rebuild_shows_the_numbers_of_the_respondent_file_in_use(tmp_path, published):
    """The shares come from the respondent file in use: an incremental rebuild after switching
    DIGITALE_INCLUSIE_DATA to another file shows that file's numbers, not the old ones."""
    import pandas as pd

    from digitale_inclusie.paths import RESPONDENTS

    src, out = _small_book(tmp_path), tmp_path / "build"

    def seniorweb():
        soup = BeautifulSoup((out / "html" / "toolbox.html").read_text(encoding="utf-8"), "html.parser")
        return " ".join(soup.find(id="materiaal-seniorweb").get_text(" ").split())

    printed = published.loc[published["variable"] == "materiaal_seniorweb", "value"]
    built, messages = _sphinx(src, out)
    assert built, messages[-3000:]
    assert f"{printed.item()}% van de respondenten" in seniorweb()
    frame = pd.read_csv(RESPONDENTS, dtype=str, keep_default_na=False)
    assert set(frame["materiaal_seniorweb"]) == {"ja", "nee"}
    frame["materiaal_seniorweb"] = "ja"  # everyone who answered used it: 100%
    changed = tmp_path / "respondenten.csv"
    frame.to_csv(changed, index=False)
    built, messages = _sphinx(src, out, data=changed)
    assert built, messages[-3000:]
    assert "100% van de respondenten" in seniorweb()

"""The toolbox and catalogue overviews in Debian's Chromium, as keyboard and screen-reader users
meet them (tools/a11y/overviews-check.js measures, these tests judge), in light and dark mode:
column headers named by their column labels, Dutch only, sorting with Enter and with Space,
filter fields with their own Dutch labels and readable text, one shared local DataTables
bundle and no request leaving the site.

Expected values come from the YAML files and the column labels written here, not from the
page's own code.
"""

import json
import re
import unicodedata

import pytest

from site_tools import contrast, needs_browser, node

pytestmark = [pytest.mark.site, needs_browser]

COLUMNS = {"toolbox": ["Materiaal", "Aanbieder", "Soort", "Voor wie", "Gebruikt door"],
           "catalogus": ["Actie", "Soort", "Beleidsfase", "Doelgroepen", "Groep"]}
FILTERS = {"toolbox": ("Aanbieder", "Inter"), "catalogus": ("Doelgroepen", "senioren")}
# (column, first key, second key): the first press sorts ascending, the second descending
SORTS = {"toolbox": [("Materiaal", "Enter", "Space"), ("Gebruikt door", "Space", "Enter")],
         "catalogus": [("Actie", "Space", "Enter"), ("Beleidsfase", "Enter", "Space")]}
NUMBERS = {"Gebruikt door"}  # shares: '62%', or 'geen cijfer'


@pytest.fixture(scope="module")
def reports(site, tmp_path_factory):
    config = tmp_path_factory.mktemp("overviews") / "config.json"
    config.write_text(json.dumps({"pages": [
        {"file": str(site / "book" / f"{page}.html"), "filter": {"column": FILTERS[page][0], "text": FILTERS[page][1]},
         "sort": [list(s) for s in SORTS[page]]} for page in COLUMNS]}), encoding="utf-8")
    done = node("overviews-check.js", config)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    reports = json.loads(done.stdout)
    assert len(reports) == 2 * len(COLUMNS)
    for report in reports:
        report["page"] = re.search(r"(\w+)\.html$", report["file"]).group(1)
    return reports


def test_column_headers_are_named_by_their_labels(reports):
    for r in reports:
        labels = COLUMNS[r["page"]]
        assert r["labels"] == labels, r["page"]
        assert r["headerRoles"] == ["columnheader"] * len(labels), r["page"]
        assert r["headers"] == labels, (r["page"], r["headers"])
        # a real button in each header, named by the label, the only focus stop there
        assert [(b["role"], b["name"]) for b in r["buttons"]] == [("button", label) for label in labels]
        assert r["focusable"] == ["button"] * len(labels), r["page"]
        # typing in a column filter or in the search field does not rename any header
        assert r["filter"]["headers"] == labels and r["search"]["headers"] == labels, r["page"]
        # once sorted, the name adds the sort state in Dutch
        for s in r["sort"]:
            state = {"ascending": "oplopend", "descending": "aflopend"}[s["state"]]
            assert s["name"] == f"{s['label']}, {state} gesorteerd", (r["page"], s["name"])


def _ordered(values, reverse, numbers):
    """Whether ``values`` are sorted (case-insensitive text, or shares as numbers), either way
    DataTables may treat accents."""
    if numbers:
        keys = [float(v.rstrip("%").replace(",", ".")) if v.endswith("%") else -1.0 for v in values]
        return keys == sorted(keys, reverse=reverse)

    def plain(text):
        return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))

    return any(values == sorted(values, key=key, reverse=reverse)
               for key in (str.casefold, lambda s: plain(s).casefold()))


def test_enter_and_space_both_sort(reports):
    for r in reports:
        pressed = [(s["label"], s["key"]) for s in r["sort"]]
        assert pressed == [(c, k) for c, *keys in SORTS[r["page"]] for k in keys], r["page"]
        for n, s in enumerate(r["sort"]):
            descending = n % 2 == 1  # the second press on the same button reverses
            assert s["state"] == ("descending" if descending else "ascending"), (r["page"], s["label"], s["key"])
            assert len(s["values"]) == r["rows"] and len(set(s["values"])) > 1
            assert _ordered(s["values"], descending, s["label"] in NUMBERS), (r["page"], s)
            assert s["focused"] == "overzicht-sorteer" and s["scrolled"] == 0, (r["page"], s)


def test_filter_fields_have_dutch_labels_and_filter_their_column(reports):
    from digitale_inclusie.catalog import load_catalogue, load_materials

    column_values = {  # what each filtered column shows, from the YAML files
        "toolbox": [e["aanbieder"] for e in load_materials()],
        "catalogus": [", ".join(p["doelgroepen"]) for p in load_catalogue()["praktijken"]]}
    for r in reports:
        names = ["Alle kolommen"] + COLUMNS[r["page"]]
        assert [(i["role"], i["name"]) for i in r["inputs"]] == [("searchbox", n) for n in names], r["page"]
        assert r["inputLabels"] == names, r["page"]  # visible <label> elements, not placeholders
        column, text = FILTERS[r["page"]]
        expected = [v for v in column_values[r["page"]] if text.lower() in v.lower()]
        assert r["filter"]["shown"] == expected and 0 < len(expected) < r["rows"], (r["page"], r["filter"]["shown"])
        rows = "rij" if len(expected) == 1 else "rijen"
        assert r["filter"]["status"] == f"{len(expected)} {rows} getoond (van de {r['rows']})", r["filter"]["status"]
        assert r["afterClearing"] == r["rows"] == len(column_values[r["page"]])


def _english_datatables_texts():
    """The English texts of DataTables (its default language, read from the bundle of the
    installed itables), as phrases of at least four letters."""
    from importlib.resources import files

    bundle = (files("itables") / "html" / "dt_bundle.js").read_text(encoding="utf-8")
    block = re.search(r"oLanguage:\{oAria:.*?sZeroRecords:\"[^\"]*\"\}", bundle).group(0)
    phrases = set()
    for literal in re.findall(r'"([^"]*)"', block):
        for part in re.split(r"_[A-Z-]+_|[:.()]", literal):
            if len(re.sub(r"[^A-Za-z]", "", part)) >= 4:
                phrases.add(part.strip())
    assert {"Activate to sort", "Showing", "Search", "No matching records found"} <= phrases
    return phrases


def test_no_english_datatables_text(reports):
    english = _english_datatables_texts()
    for r in reports:
        shown = " ".join(r["texts"] + r["names"])
        found = sorted(p for p in english if re.search(rf"\b{re.escape(p)}\b", shown, re.IGNORECASE))
        assert not found, (r["page"], found)


def test_field_text_and_placeholders_are_readable_in_light_and_dark_mode(reports):
    assert sorted(r["scheme"] for r in reports) == ["dark", "dark", "light", "light"]
    for r in reports:
        assert r["theme"] == r["scheme"], r["page"]
        placeholders = 0
        for c in r["colours"] + r["typedColours"]:
            assert contrast(c["colour"], c["background"]) >= 4.5, (r["page"], r["scheme"], c)
            if c["placeholder"]:
                placeholders += 1
                assert contrast(c["placeholder"], c["background"]) >= 4.5, (r["page"], r["scheme"], c)
        assert placeholders, r["page"]


def test_one_shared_local_bundle_and_nothing_leaves_the_site(reports):
    bundles = {r["page"]: [s for s in r["scripts"] if "datatables" in s] for r in reports}
    assert all(len(b) == 1 and b[0].startswith("../_static/datatables/") for b in bundles.values()), bundles
    assert len({b[0] for b in bundles.values()}) == 1, bundles  # the same file (and version) on both pages
    for r in reports:
        assert r["bundle"] and r["tables"] == r["enhanced"] == r["fieldsets"] == 1, r["page"]  # enhanced once
        assert r["inlineScriptBytes"] < 10_000, r["page"]
        assert r["outside"] == [], (r["page"], r["outside"])
        assert not [e for e in r["errors"] if re.search(r"overviews\.js|datatables", e)], (r["page"], r["errors"])

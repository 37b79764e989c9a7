"""The built site in a real browser: every check of Debian's Chromium, from one pass.

The ``browser`` fixture runs tools/a11y/site-check.js once per test run: it serves the site on the
loopback interface, loads every page once per window width (1280, 390, 320 px) and colour mode,
runs every page check on that load (focus, names of controls, axe-core, charts, contrast, reflow:
tools/a11y/checks.js), then the scenarios that change a page (sidebars, header buttons, search,
overview tables: tools/a11y/scenarios/). This file judges what it saw. Thresholds are WCAG 2.1
AA's: reflow at 320 CSS px (1.4.10), text contrast 4.5:1 or 3:1 for large text (1.4.3), marks
3:1 (1.4.11), a visible focus (2.4.7), names of controls in Dutch that contain their label
(2.5.3, 4.1.2). Expected values come from the built pages' own text, the YAML files, the column
labels in tests/site_tools.py and the WCAG formulas, not from the page's own code.
"""

import posixpath
import re
import unicodedata

import pytest

from site_tools import (ENGLISH, NAV_PAGE, OVERVIEW_COLUMNS as COLUMNS, OVERVIEW_FILTERS as FILTERS,
                        OVERVIEW_SORTS as SORTS, SEARCH_WORDS, articles, catalogue_messages, contains, contrast,
                        loads, luminance, needs_browser, over)

pytestmark = needs_browser


# ---------------------------------------------------------------- every page: problems, axe, names

def test_no_page_logs_an_error_or_misses_a_file(browser):
    """At every width and in both modes: no console error, uncaught exception, failed or 4xx/5xx
    request, or request to another host."""
    problems = {f"{page} at {width} px, {mode}": found["problems"]
                for page, width, mode, found in loads(browser) if found["problems"]}
    assert not problems, problems
    assert len(list(loads(browser))) == 6 * len(browser["pages"])  # 3 widths x 2 modes, every page


def test_pages_pass_axe_and_load_nothing_from_outside(browser):
    """axe-core (WCAG 2.1 A and AA rules) on every page with every folded cell opened; and no
    load of any page, at any width or in either mode, asks another host for anything."""
    checked = 0
    for page, width, mode, found in loads(browser):
        if width == 1280 and mode == "light":
            assert found["axe"]["passes"] > 10 and not found["axe"]["violations"], (page, found["axe"]["violations"])
            checked += 1
        assert not [p for p in found["problems"] if p.startswith("request to another host")], (page, width, mode)
    assert checked == len(browser["pages"])


def test_every_control_has_a_name_and_no_english_name_remains(browser):
    english = {s.casefold() for s in ENGLISH | catalogue_messages()}
    assert len(english) > 40
    unnamed, found = [], []
    for page, width, _, seen in loads(browser, widths={1280, 390}, modes={"light"}):
        seen = seen["controls"]
        assert seen["controls"] and len(seen["controls"]) == seen["marked"], (page, width)
        unnamed += [(page, width, c["html"]) for c in seen["controls"] if not c["name"]]
        names = [c["name"] for c in seen["controls"]] + seen["attributes"]
        found += [(page, width, n) for n in names if n.casefold() in english]
    assert not unnamed, unnamed[:10]
    assert not found, found[:10]


# ---------------------------------------------------------------- reflow, contrast, focus

def test_no_page_scrolls_sideways_at_320_px(browser):
    loaded = list(loads(browser, widths={320}))
    assert len(loaded) == 2 * len(browser["pages"])  # every page, in both modes
    for page, _, mode, found in loaded:
        reflow = found["reflow"]
        assert reflow["scrollWidth"] <= reflow["clientWidth"], (page, mode, reflow["wide"])


def test_a_table_that_scrolls_sideways_is_announced_just_before_it(browser):
    """At 320 px a wide table scrolls in its own region: the cue that says so stands right before
    the region (where the reader starts reading), not after its last row; a table that fits has
    no cue."""
    scrolling = 0
    for page, _, mode, found in loads(browser, widths={320}):
        for cue in found["reflow"]["cues"]:
            assert cue["cueBefore"] == cue["scrolls"], (page, mode, cue)
            scrolling += cue["scrolls"]
    assert scrolling  # the chapters' wide tables do scroll at 320 px


@pytest.mark.parametrize("width", [1280, 390])
def test_all_visible_text_has_enough_contrast_in_light_and_dark_mode(browser, width):
    measured = 0
    for page, _, mode, found in loads(browser, widths={width}):
        assert found["theme"] == mode, (page, mode, found["theme"])  # the page took the system's mode
        assert not found["contrast"]["bad"], (page, mode, found["contrast"]["bad"][:8])
        measured += found["contrast"]["measured"]
    assert measured > 5000  # every page, both modes: thousands of text nodes, not a handful


@pytest.mark.parametrize("width", [1280, 390])
def test_every_focus_stop_is_visible(browser, width):
    """Tab through every page: each element that takes the focus shows it and is on screen."""
    checked = 0
    for page, _, mode, found in loads(browser, widths={width}):
        assert not found["focus"]["bad"], (page, mode, found["focus"]["bad"][:20])
        checked += found["focus"]["checked"]
    assert checked > 2 * 20 * len(browser["pages"])  # both modes; links of the sidebars and pages, not a few


# ---------------------------------------------------------------- charts

CHAPTERS = ["01_waarom", "02_wie", "03_acties", "04_materiaal", "05_uitdagingen", "06_toekomst"]
FIGURES = {"01_waarom": 3, "02_wie": 8, "03_acties": 4, "04_materiaal": 2, "05_uitdagingen": 0, "06_toekomst": 5}


@pytest.fixture(scope="module")
def measured(browser):
    """Per chapter, width and mode: the page's file, width, mode, theme and its figures."""
    results = [{"file": page, "width": width, "mode": mode, "theme": found["theme"], "figures": found["charts"]}
               for page, width, mode, found in loads(browser, widths={390, 1280})
               if page.startswith("notebooks/")]
    assert len(results) == len(CHAPTERS) * 2 * 2
    return results


def _figures(measured):
    for page in measured:
        for figure in page["figures"]:
            yield page, figure


def test_each_mode_shows_its_own_drawing_of_every_chart(measured):
    for page in measured:
        name = page["file"].rsplit("/", 1)[-1].removesuffix(".html")
        assert page["theme"] == page["mode"], page["file"]  # the theme took the mode
        assert len(page["figures"]) == FIGURES[name], (name, page["width"], page["mode"])
        for figure in page["figures"]:
            where = (name, page["width"], page["mode"], figure["caption"])
            assert figure["drawings"] == ["di-chart di-chart-light", "di-chart di-chart-dark"], where
            assert figure["shown"] == [f"di-chart di-chart-{page['mode']}"], where
            assert figure["alt"].strip(), where
            assert figure["effects"] == [], where  # the colours are shown as drawn
            assert figure["captionWeight"] >= 400, where  # not the theme's extra-light 300


def test_chart_text_is_at_least_12_px_and_sharp(measured):
    smallest = {}
    for page, figure in _figures(measured):
        where = (page["file"], page["width"], page["mode"], figure["caption"])
        if figure["kind"] == "raster":  # not what the book makes; but then sharp on a 2x screen
            assert figure["pixelsPerPx"] >= 2, where
            continue
        assert figure["kind"] == "svg" and figure["rasterInside"] == 0, where
        assert abs(figure["copyWidth"] - figure["width"]) < 0.5, where  # measured at the size shown
        assert figure["texts"], where
        for text in figure["texts"]:
            assert text["px"] >= 12, (where, text)
            assert text["heightPx"] >= 12, (where, text)  # the glyphs' box, not only the number
        width = page["width"]
        smallest[width] = min([smallest.get(width, 99)] + [t["px"] for t in figure["texts"]])
    # on a phone the charts fill the text column; on a laptop they are shown larger, not smaller
    assert 12 <= smallest[390] < smallest[1280]


def test_chart_text_and_marks_reach_contrast_in_light_and_dark_mode(measured):
    for page, figure in _figures(measured):
        where = (page["file"], page["width"], page["mode"], figure["caption"])
        for text in figure["texts"]:
            assert contrast(text["colour"], text["background"]) >= 4.5, (where, text)
        assert figure["marks"], where
        for mark in figure["marks"]:
            assert contrast(mark["colour"], mark["background"]) >= 3, (where, mark)
    # the dark drawing is dark: its background is the page's, not a white panel
    dark = [f for p, f in _figures(measured) if p["mode"] == "dark"]
    assert dark and all(luminance(f["pageBackground"]) < 0.05 for f in dark)
    assert all(luminance(t["background"]) < 0.05 for f in dark for t in f["texts"] if t["colour"] != "rgb(0, 0, 0)")


def test_captions_and_their_links_reach_contrast_in_light_and_dark_mode(measured):
    captions = 0
    for page, figure in _figures(measured):
        where = (page["file"], page["width"], page["mode"], figure["caption"])
        assert contrast(figure["captionColour"], figure["captionBackground"]) >= 4.5, (where, figure["captionColour"],
                                                                                       figure["captionBackground"])
        for colour, background in figure["links"]:
            assert contrast(colour, background) >= 4.5, (where, colour, background)
        captions += 1
    assert captions == sum(FIGURES.values()) * 4


# ---------------------------------------------------------------- search, sidebars, header buttons

def test_search_finds_every_page_that_holds_the_word(site, browser):
    texts = articles(site)
    found = browser["scenarios"]["search"]
    for word in SEARCH_WORDS:
        expected = {path for path, text in texts.items() if contains(text, word)}
        assert expected, f"{word} is on no page: choose another word"
        missing = expected - set(found[word]["pages"])
        assert not missing, f"search for {word!r} misses {sorted(missing)} (found {found[word]['pages']})"
        summary = found[word]["summary"]
        assert summary and "Search" not in summary, f"search summary for {word!r}: {summary!r}"


def test_sidebars_open_by_click_enter_and_space_at_390_px_and_their_links_work(browser):
    page = NAV_PAGE
    tries = browser["scenarios"]["nav"]
    assert {(t["toggle"], t["method"]) for t in tries} == {
        (toggle, method) for toggle in ("primary", "secondary") for method in ("click", "Enter", "Space")}
    for t in tries:
        what = f"{t['toggle']} sidebar by {t['method']}"
        assert not t["problems"], (what, t["problems"])
        if t["method"] != "click":
            assert t["reachedByTab"], f"{what}: Tab does not reach the toggle"
        assert t["opened"], f"{what}: the sidebar does not open"
        assert t["links"], f"{what}: no visible link"
        assert set(t["links"]) <= set(t["tabbed"]), (what, sorted(set(t["links"]) - set(t["tabbed"])))
        assert t["target"], f"{what}: no link to follow"
        if t["toggle"] == "primary":  # another page
            expected = posixpath.normpath(posixpath.join(posixpath.dirname(page), t["target"]))
        else:  # a section of this page; the sidebar closes on the way
            expected = page + t["target"]
            assert t["closed"], f"{what}: the sidebar stays open over the section"
        assert t["landed"] == expected, (what, t["landed"], expected)
    primary = next(t for t in tries if t["toggle"] == "primary")
    assert any(not href.startswith("#") for href in primary["links"])  # the chapter list
    secondary = next(t for t in tries if t["toggle"] == "secondary")
    assert all(href.startswith("#") for href in secondary["links"])  # this page's sections


def test_hamburger_shows_focus_and_its_tooltip_gives_way(browser):
    english = {s.casefold() for s in ENGLISH}
    for width, seen in browser["scenarios"]["header"]["toggle"].items():
        assert not seen["problems"], (width, seen["problems"])
        assert seen["reached"], f"{width} px: Tab does not reach the hamburger"
        assert seen["focusVisible"]
        outline = seen["outlineStyle"] != "none" and float(seen["outlineWidth"].removesuffix("px")) >= 2
        assert outline or seen["boxShadow"] != "none", (width, seen)
        for how in ("focusTooltip", "hoverTooltip"):
            tooltip = seen[how]
            assert tooltip, f"{width} px: no tooltip ({how})"
            assert tooltip["text"] and tooltip["text"].casefold() not in english, tooltip
            assert not tooltip["covered"], f"{width} px: the tooltip covers {tooltip['covered']}"
            assert seen[how + "Escape"], f"{width} px: Escape does not hide the tooltip ({how})"


def test_one_search_control_at_each_width(browser):
    for width, controls in browser["scenarios"]["header"]["search"].items():
        assert len(controls) == 1, (width, controls)


def test_the_colour_mode_button_keeps_focus_and_names_the_mode(browser):
    """Enter and Space on the colour-mode button each change the mode; the focus stays on the
    button (the book theme used to drop it to the page) and its name says which mode is on."""
    names = {"light": "licht", "dark": "donker", "auto": "automatisch"}
    for width, presses in browser["scenarios"]["header"]["colourMode"].items():
        assert len(presses) == 2 and all("lost" not in p for p in presses), (width, presses)
        assert presses[0]["mode"] != presses[1]["mode"], (width, presses)
        for press in presses:
            assert press["name"].startswith("Kleurmodus: " + names[press["mode"]]), (width, press)
            assert press["status"] == press["name"], (width, press)


def test_back_to_top_has_enough_contrast_in_light_and_dark_mode(browser):
    for mode in ("light", "dark"):
        seen = browser["scenarios"]["header"]["backToTop"][mode]
        assert seen["shown"], f"{mode}: scrolling up does not show the button"
        for state in ("rest", "hover"):
            colours = seen[state]
            assert colours["theme"] == mode and colours["text"] == "Terug naar boven"
            background = over(colours["background"], colours["page"])
            ratio = contrast(colours["color"], background)
            assert ratio >= 4.5, f"{mode}, {state}: {colours['color']} on {background} is {ratio:.2f}:1"


# ---------------------------------------------------------------- the overview tables (toolbox, catalogue)

NUMBERS = {"Gebruikt door"}  # shares: '62%', or 'geen cijfer'


@pytest.fixture(scope="module")
def reports(browser):
    reports = [{**r, "page": re.search(r"(\w+)\.html$", r["page"]).group(1)} for r in browser["scenarios"]["overviews"]["reports"]]
    assert len(reports) == 2 * len(COLUMNS)
    return reports


def test_overview_names_never_break_inside_a_word_and_a_wide_table_is_announced_before_it(browser):
    """At 390 and 1280 px no word of an overview's cells spans two lines ("Openb|are comput|erruimtes"
    was seen); where the table is wider than the screen it scrolls in its region, with the cue
    above the table, not under its last row; the table and its region are named by the caption
    alone (no permalink "#")."""
    layouts = browser["scenarios"]["overviews"]["layouts"]
    assert len(layouts) == 2 * len(COLUMNS)
    captions = {"book/toolbox.html": "Ondersteunend materiaal"}
    for seen in layouts:
        where = (seen["page"], seen["width"])
        assert seen["broken"] == [], where
        assert seen["name"] and "#" not in seen["name"], (where, seen["name"])
        if seen["scrolls"]:
            assert seen["hint"] and seen["hint"]["shown"] and seen["hint"]["above"] and seen["hint"]["before"], (where, seen["hint"])
            assert seen["regionName"] == seen["name"], where  # the scrolling region: a named stop
        else:
            assert not seen["hint"] or not seen["hint"]["shown"], where
        if seen["page"] in captions:
            assert seen["name"] == captions[seen["page"]], where
    # at phone width the five columns do not fit: the cue is what tells the reader
    assert any(s["scrolls"] for s in layouts if s["width"] == 390)


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
    from digitale_inclusie.data.catalog import load_catalogue, load_materials

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
        # 100 000 '(' find nothing (DataTables' empty-table row only) and raise no regular-expression error
        assert r["hostile"]["status"].startswith("Geen rijen getoond"), r["hostile"]
        assert r["hostile"]["shown"] == ["Geen rijen gevonden"] and not r["problems"], (r["page"], r["problems"])
    catalogue = next(r for r in reports if r["page"] == "catalogus")
    assert any("Digicafé" in row for row in catalogue["folded"]), catalogue["folded"]


def _english_datatables_texts():
    """The English texts of DataTables (its default language, read from the vendored script),
    as phrases of at least four letters."""
    from digitale_inclusie.sphinx.entries import DATATABLES_VERSION, VENDOR

    bundle = (VENDOR / f"dataTables-{DATATABLES_VERSION}.min.js").read_text(encoding="utf-8")
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
        assert r["problems"] == [], (r["page"], r["problems"])

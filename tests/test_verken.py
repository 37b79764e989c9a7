"""Verken de cijfers (issue 21): every question of the survey by every breakdown, computed at
build time by the notebooks' explore(); the tables against numbers counted here, the CSV
against the table, the codebook's text kept text; in Chromium, the chosen view alone with its
bars, by keyboard, announced, and without JavaScript the list of all views."""

import json
import re
from fractions import Fraction
from io import StringIO

import pandas as pd
import pytest
from site_tools import needs_browser, node, soup
from statsmodels.stats.proportion import proportion_confint

from digitale_inclusie.data import MISSING
from digitale_inclusie.data.codebook import HOURS
from digitale_inclusie.data.published import load_published
from digitale_inclusie.present import downloads
from digitale_inclusie.present.explore import BREAKDOWNS, explore, printed_splits
from digitale_inclusie.present.verken import (
    chapter_items,
    explorer_page,
    rows,
    view_csv,
    view_html,
)

QUESTIONS = ["uitkomst_burgers", HOURS, "meerjarenplanning_volgend"]  # yes/no, hours, four answers
GROUP_COLUMNS = {"totaal": [], "grootte": ["grootte"], "subsidie": ["subsidie"], "grootte_subsidie": ["grootte", "subsidie"]}


def _half_up(k, m):
    return int(Fraction(100 * k, m) + Fraction(1, 2))


def expected(df, codebook, item, breakdown):
    """The view's rows counted here with pandas alone, in the book's order of groups: [(group
    label, n, numbers)], numbers being [(answer label, share, low, high)] per answer (the 95%
    Wilson interval from statsmodels), or (answered, mean, median) for hours. Groups without
    respondents are left out, as the page does."""
    sizes = [("Klein", "klein"), ("Middelgroot", "middelgroot"), ("Groot", "groot")]
    subsidies = [("Met subsidie", "met"), ("Zonder subsidie", "zonder")]
    if breakdown == "totaal":
        groups = [("Alle respondenten", df)]
    elif breakdown == "grootte":
        groups = [(label, df[df["grootte"] == code]) for label, code in sizes]
    elif breakdown == "subsidie":
        groups = [(label, df[df["subsidie"] == code]) for label, code in subsidies]
    else:
        groups = [(f"{a} · {b.lower()}", df[(df["grootte"] == x) & (df["subsidie"] == y)])
                  for a, x in sizes for b, y in subsidies]
    out = []
    for label, group in groups:
        if not len(group):
            continue
        if item == HOURS:
            out.append((label, len(group), (len(group), round(group[HOURS].mean(), 1), round(group[HOURS].median(), 1))))
            continue
        answered = group[group[item] != MISSING]
        shares = []
        for code in codebook.answer_codes(item):
            k, m = int((answered[item] == code).sum()), len(answered)
            low, high = proportion_confint(k, m, method="wilson") if m else (None, None)
            shares.append((codebook.label(code, item), _half_up(k, m) if m else None, low, high))
        out.append((label, len(group), shares))
    return out


def test_every_question_of_the_codebook_is_on_the_page_once(codebook):
    items = [i for _, _, chapter in chapter_items(codebook) for i in chapter]
    fields = {f.name for f in codebook.fields} - {"respondent_id", "grootte", "subsidie"}
    assert len(items) == len(set(items)) == len(fields) == 54 and set(items) == fields


@pytest.mark.parametrize("item", QUESTIONS)
@pytest.mark.parametrize("breakdown", list(BREAKDOWNS))
def test_a_view_holds_the_numbers_counted_here(respondents, codebook, published, item, breakdown):
    exploration = explore(respondents, item, breakdown, codebook, reconstruction=True, printed=printed_splits(published))
    view = rows(exploration, codebook)
    want = expected(respondents, codebook, item, breakdown)
    assert [r["groep"] for r in view if r["antwoord"] == view[0]["antwoord"]] == [label for label, _, _ in want]
    for label, n, numbers in want:
        got = [r for r in view if r["groep"] == label]
        assert {r["n_groep"] for r in got} == {n}
        if item == HOURS:
            assert (got[0]["n_antwoord"], round(got[0]["gemiddelde"], 1), round(got[0]["mediaan"], 1)) == numbers
            continue
        assert [(r["antwoord"], r["aandeel"]) for r in got] == [(a, s) for a, s, _, _ in numbers]
        for r, (_, _, low, high) in zip(got, numbers):
            assert r["ondergrens"] == pytest.approx(100 * low, abs=1e-6) and r["bovengrens"] == pytest.approx(100 * high, abs=1e-6)


def test_the_csv_holds_exactly_what_the_table_shows(respondents, codebook):
    exploration = explore(respondents, "meerjarenplanning_volgend", "grootte", codebook)
    view = rows(exploration, codebook)
    csv = pd.read_csv(StringIO(view_csv(view)), dtype=str, keep_default_na=False)
    html = view_html(exploration, codebook, "verken/x.csv")
    cells = re.findall(r'<td data-p="[^"]*">(\d+)% \((\d+)–(\d+)\)</td>', html)
    assert len(csv) == len(cells) == 3 * 4
    for (_, row), (share, low, high) in zip(csv.iterrows(), cells):
        assert (row["aandeel"], row["ondergrens"], row["bovengrens"]) == (share, low, high)
    assert list(csv.columns[:3]) == ["vraag", "variabele", "opsplitsing"]


def test_codebook_text_stays_text(respondents, codebook, monkeypatch):
    hostile = '<img src=x onerror="alert(1)">'
    monkeypatch.setattr(type(codebook), "label", lambda self, key, variable=None: hostile + key)
    html = view_html(explore(respondents, "uitkomst_burgers", "grootte", codebook), codebook, "verken/x.csv")
    assert "<img" not in html and html.count("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;") >= 3


def test_the_page_writes_a_csv_per_view(respondents, codebook, tmp_path, monkeypatch):
    monkeypatch.setattr(downloads, "DOWNLOADS", tmp_path)
    html = explorer_page(respondents, codebook, load_published(), True)
    assert html.count('<section class="di-verken-view"') == 54 * 4
    assert len(list((tmp_path / "verken").glob("*.csv"))) == 54 * 4
    assert html.count("<option ") == 54 + 4 and '<form class="di-verken-form" id="di-verken-form" hidden>' in html


@needs_browser
def test_choosing_a_view_by_keyboard_shows_it_alone_with_the_numbers_counted_here(site, respondents, codebook):
    done = node("verken-check.js", site, json.dumps(QUESTIONS))
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout)
    assert not result["problems"], result["problems"]
    # without JavaScript: the form stays hidden and every view is listed
    assert result["nojs"] == {"form": False, "views": 54 * 4}
    assert len(result["views"]) == len(QUESTIONS) * len(BREAKDOWNS)
    for shown in result["views"]:
        item, breakdown = shown["item"], shown["breakdown"]
        assert shown["hash"] == f"#v-{item}-{breakdown}" and shown["visible"] == 1
        assert shown["status"].startswith("Getoond: ") and BREAKDOWNS[breakdown].lower() in shown["status"]
        want = expected(respondents, codebook, item, breakdown)
        assert len(shown["rows"]) == len(want) == shown["bars"]
        for cells, (label, n, numbers) in zip(shown["rows"], want):
            assert cells[0].startswith(f"{label} (n = {n}"), (cells, label, n)
            if item == HOURS:
                assert cells[1] == str(numbers[0]) and cells[2] == f"{numbers[1]:.1f}".replace(".", ",")
                continue
            for text, (_, share, low, high) in zip(cells[2:], numbers):
                assert text == f"{share}% ({round(100 * low)}–{round(100 * high)})", (text, share, low, high)


def test_the_page_is_linked_from_the_introduction_and_every_chapter_overview(site):
    assert soup(site / "book" / "intro.html").select_one('a[href="verken.html"]') is not None
    for chapter in sorted((site / "notebooks").glob("0*.html")):
        overview = soup(chapter).select_one("#overzicht")
        assert overview.select_one('a[href="../book/verken.html"]') is not None, chapter.name


def test_only_the_explorer_and_the_scan_load_their_scripts_and_styles(site):
    for page in (site / "book" / "intro.html", site / "notebooks" / "01_waarom.html", site / "search.html"):
        html = page.read_text(encoding="utf-8")
        assert not any(name in html for name in ("verken.js", "verken.css", "zelfscan.js", "zelfscan.css")), page.name
    for name, other in (("verken", "zelfscan"), ("zelfscan", "verken")):
        html = (site / "book" / f"{name}.html").read_text(encoding="utf-8")
        assert html.count(f"_static/{name}.js") == 1 and html.count(f"_static/{name}.css") == 1
        assert f"_static/{other}." not in html

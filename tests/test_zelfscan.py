"""Zelfscan (issue 21): a government's answers beside its peers', computed when the site is built
from the respondent file in use; in Chromium, filled in by keyboard for a small and a large
government, its comparison read against numbers counted here, its suggestions against the
anchors of the catalogue and the toolbox, its CSV against what it shows, printed, kept on request
and wiped; axe on the scan and the explorer."""

import json
import subprocess
from fractions import Fraction

import pandas as pd
import pytest
from site_tools import ids, needs_browser, node
from statsmodels.stats.proportion import proportion_confint

from digitale_inclusie.data import MISSING
from digitale_inclusie.data.catalog import load_catalogue, load_materials
from digitale_inclusie.data.codebook import HOURS
from digitale_inclusie.present.zelfscan import (
    compare,
    peer_numbers,
    pillar_items,
    scan_html,
    suggestions,
)

YES = {"eerder_wel", "ja", "expliciet"}
SIZES = ["klein", "middelgroot", "groot"]
SUBSIDIES = ["met", "zonder"]
GOVERNMENTS = [  # an imagined small municipality without subsidy, and a large city with it
    {"name": "klein", "size": 0, "subsidy": 1, "hours": 4,
     "answers": {"beleid_visie_noden": 0, "beleid_visie_lokaal_aanbod": 1, "beleid_coord_samenwerking": 1,
                 "beleid_part_inwoners": 0, "uitkomst_burgers": 0, "materiaal_webinars": 1,
                 "meerjarenplanning_volgend": 1}},
    {"name": "groot", "size": 2, "subsidy": 0, "hours": 38,
     "answers": {"beleid_visie_strategisch": 1, "beleid_coord_opleiding": 0, "uitkomst_burgers": 0,
                 "uitkomst_verenigingen": 1, "uitkomst_medewerkers": 1,
                 "materiaal_digitaleinclusie_be": 0, "meerjarenplanning_huidig": 2}},
]


def counted(df, codebook, item, group):
    """(n answered, share of the "yes" answer rounded half up, low, high) for a peer group,
    counted here with pandas and statsmodels."""
    members = df if group == "totaal" else df[(df["grootte"] == group) | (df["subsidie"] == group)]
    answered = members[members[item] != MISSING]
    yes = next(c for c in codebook.answer_codes(item) if c in YES)
    k, n = int((answered[item] == yes).sum()), len(answered)
    low, high = proportion_confint(k, n, method="wilson")
    return n, int(Fraction(100 * k, n) + Fraction(1, 2)), round(100 * low), round(100 * high)


def test_peer_numbers_are_those_counted_here(respondents, codebook):
    numbers = peer_numbers(respondents, codebook)
    for item in ("beleid_visie_noden", "uitkomst_medewerkers", "materiaal_seniorweb", "meerjarenplanning_huidig"):
        for group in ["totaal", *SIZES, *SUBSIDIES]:
            peers = numbers["items"][item][group]
            low, high = peers.interval
            assert (peers.n, peers.share, round(low), round(high)) == counted(respondents, codebook, item, group)
    # per pillar: the mean number of "yes" answers per respondent of a group
    items = next(i for p, _, i in pillar_items(codebook) if p == "visie")
    small = respondents[respondents["grootte"] == "klein"]
    done = sum((small[i] == "eerder_wel").astype(int) for i in items)
    assert numbers["pillars"]["visie"]["klein"] == (pytest.approx(done.mean()), pytest.approx(done.median()))
    assert numbers["hours"]["groot"][0] == int((respondents["grootte"] == "groot").sum())
    assert numbers["hours"]["totaal"][1][4] == respondents[HOURS].median()


def test_a_scan_is_compared_with_its_size_and_its_subsidy(respondents, codebook):
    numbers = peer_numbers(respondents, codebook)
    result = compare(numbers, codebook, {"beleid_visie_noden": "eerder_niet", HOURS: 4}, "klein", "zonder")
    assert list(result["groep"]) == ["klein", "zonder", "klein"]
    first = result.iloc[0]
    assert (first["n"], first["aandeel"]) == counted(respondents, codebook, "beleid_visie_noden", "klein")[:2]
    hours = respondents.loc[respondents["grootte"] == "klein", HOURS]
    deciles = [hours.quantile(q / 10) for q in range(1, 10)]
    assert result.iloc[2]["meer_dan_tienden"] == sum(d < 4 for d in deciles)


def test_suggestions_follow_the_links_of_the_yaml_files():
    catalogue, materials = load_catalogue(), load_materials()
    action = next(a for a in catalogue["beleidsacties"] if a["variabele"] == "beleid_part_inwoners")
    found = suggestions(catalogue, materials, "beleid_part_inwoners")
    phase = [p for p in catalogue["praktijken"] if p["fase"] == action["fase"]]
    assert found[0] == (f"catalogus.html#beleidsactie-{action['id']}", f"Fiche: {action['naam']}")
    assert [h for h, _ in found if "#praktijk-" in h] == [f"catalogus.html#praktijk-{p['id']}" for p in phase]
    used = {m for p in phase for m in p["materialen"]}
    assert {h.split("#materiaal-")[1] for h, _ in found if "#materiaal-" in h} == used
    webinars = next(m for m in materials if m["variabele"] == "materiaal_webinars")
    assert suggestions(catalogue, materials, "materiaal_webinars") == [
        (f"toolbox.html#materiaal-{webinars['id']}", f"Materiaal: {webinars['naam']}")]
    assert suggestions(catalogue, materials, "uitkomst_burgers") == []  # the YAML links no outcome


def test_codebook_text_stays_text_in_the_scan(respondents, codebook, monkeypatch):
    numbers = peer_numbers(respondents, codebook)
    hostile = '"><script>alert(1)</script>'
    monkeypatch.setattr(type(codebook), "label", lambda self, key, variable=None: hostile + key)
    html = scan_html(numbers, codebook, load_catalogue(), load_materials())
    assert "<script" not in html and html.count("&lt;script&gt;") > 50


@needs_browser
def test_a_small_and_a_large_government_fill_the_scan_by_keyboard(site, respondents, codebook, tmp_path):
    config = tmp_path / "scan.json"
    config.write_text(json.dumps({"governments": GOVERNMENTS}), encoding="utf-8")
    done = node("zelfscan-check.js", site, config, tmp_path, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout)
    assert not report["problems"], report["problems"]
    assert {k: v for k, v in report["axe"].items() if v} == {}
    assert len(report["axe"]) == 8  # two pages x 320, 1280 x light, dark
    anchors = {"catalogus.html": ids(site / "book" / "catalogus.html"), "toolbox.html": ids(site / "book" / "toolbox.html")}
    for government, shown in zip(GOVERNMENTS, report["governments"]):
        size, subsidy = SIZES[government["size"]], SUBSIDIES[government["subsidy"]]
        for item, index in government["answers"].items():
            code = codebook.answer_codes(item)[index]
            got = shown["items"][item]
            assert got["answer"] == code, (item, got)
            for group in (size, subsidy):
                n, share, low, high = counted(respondents, codebook, item, group)
                assert f"antwoordden {share} van de 100" in got["result"] and f"({n} antwoorden; 95%-interval {low} tot {high})" in got["result"], (item, group, got["result"])
            negative = code in ("eerder_niet", "nee", "neen")
            assert bool(got["tips"]) == (negative and (item.startswith(("beleid_", "materiaal_")))), (item, got["tips"])
            for href in got["tips"]:
                page, anchor = href.split("#")
                assert anchor in anchors[page], href
        unanswered = [i for i, g in shown["items"].items() if i not in government["answers"] and i != HOURS]
        assert all(not shown["items"][i]["result"] for i in unanswered)
        hours = respondents.loc[respondents["grootte"] == size, HOURS]
        below = sum(hours.quantile(q / 10) < government["hours"] for q in range(1, 10))
        assert f"meer dan ongeveer {below} op de 10" in shown["items"][HOURS]["result"]
        # a pillar is compared with the peers only when all its questions are answered
        outcomes = [t for t in shown["summaries"] if '"Ja" op de 3 vragen' in t]
        if government["name"] == "groot":
            peers = respondents[respondents["grootte"] == "groot"]
            mean = sum((peers[i] == "ja").astype(int) for i in ("uitkomst_burgers", "uitkomst_verenigingen",
                                                                "uitkomst_medewerkers")).mean()
            said = f"{round(mean, 1):g}".replace(".", ",")
            assert outcomes and "antwoordden 1 keer" in outcomes[0] and f"gemiddeld {said} keer" in outcomes[0], outcomes
        else:
            assert outcomes and "Vul ze alle 3 in" in outcomes[0] and "gemiddeld" not in outcomes[0], outcomes
        assert shown["summaries"] and shown["status"].startswith(f"{len(government['answers']) + 1} van 42 vragen ingevuld")
        # the CSV holds what the page showed: two groups per question, and the hours
        csv = pd.read_csv(tmp_path / f"{government['name']}.csv", dtype=str, keep_default_na=False)
        assert len(csv) == 2 * len(government["answers"]) + 1 and "2" not in shown["statusAfterCsv"][:1]
        for _, row in csv[csv["onderdeel"] != "Tijd"].iterrows():
            assert f"antwoordden {row['aandeel']} van de 100" in " ".join(v["result"] for v in shown["items"].values())
        # printed: the comparison is in the PDF, the buttons are not
        text = subprocess.run(["pdftotext", "-layout", str(tmp_path / f"{government['name']}.pdf"), "-"],
                              capture_output=True, text=True, check=True).stdout
        assert "Jullie antwoord" in text and "Bewaar mijn antwoorden" not in text
        assert shown["items"]["beleid_visie_strategisch" if government["name"] == "groot" else "beleid_visie_noden"]["result"][:60] in " ".join(text.split())
        # kept only when asked, restored after a reload, wiped by "Wis alles"
        assert shown["restored"] == {"kept": True, "checked": len(government["answers"]) + 2,
                                     "hours": str(government["hours"]), "results": len(government["answers"]) + 1}
        assert shown["wiped"] == {"checked": 0, "stored": None, "results": 0}


def test_the_scan_is_linked_from_the_introduction_and_every_chapter_overview(site):
    from site_tools import soup

    assert soup(site / "book" / "intro.html").select_one('a[href="zelfscan.html"]') is not None
    for chapter in sorted((site / "notebooks").glob("0*.html")):
        assert soup(chapter).select_one('#overzicht a[href="../book/zelfscan.html"]') is not None, chapter.name


def test_without_javascript_the_scan_is_a_checklist_with_every_groups_shares(site):
    from site_tools import soup

    page = soup(site / "book" / "zelfscan.html")
    items = page.select("fieldset.di-zs-item[data-peers]")
    assert len(items) == 41
    for item in items:
        shares = item.select_one("p.di-zs-peers").get_text(" ", strip=True)
        assert shares.startswith("Antwoordden") and shares.count("(n = ") == 6, shares
        assert item.select_one("p.di-zs-result").has_attr("hidden")
    assert page.select_one(".di-zs-actions").has_attr("hidden")  # buttons only where the script runs


def test_the_notebook_scan_shows_the_comparison_and_the_suggestions(respondents, codebook):
    from digitale_inclusie.present.zelfscan import EXAMPLE, comparison_html

    numbers = peer_numbers(respondents, codebook)
    html = comparison_html(numbers, codebook, load_catalogue(), load_materials(), EXAMPLE["answers"],
                           EXAMPLE["grootte"], EXAMPLE["subsidie"])
    n, share, low, high = counted(respondents, codebook, "beleid_visie_noden", "klein")
    assert f"<td>{n}</td><td>{share}% ({low}–{high})</td>" in html
    assert html.count('<tr><th scope="row">') == 2 * (len(EXAMPLE["answers"]) - 1) + 1  # two groups a question, hours once
    assert 'href="../book/catalogus.html#beleidsactie-visie-noden"' in html
    assert 'href="../book/toolbox.html#materiaal-webinars"' in html


def test_the_notebook_scan_has_a_control_for_every_question(respondents, codebook, monkeypatch):
    """Live (not while the site is built): a list for the size and one for the subsidy, a row of
    buttons per question with "–" (unanswered) and the codebook's answers, the hours; answering
    updates the comparison without an error."""
    import ipywidgets as widgets

    from digitale_inclusie.paths import SITE_ENV
    from digitale_inclusie.present.zelfscan import scanner

    monkeypatch.delenv(SITE_ENV, raising=False)
    box = scanner(respondents, codebook)
    size, subsidy, pillars, hours, out = box.children
    assert [o[1] for o in size.options] == SIZES and [o[1] for o in subsidy.options] == SUBSIDIES
    buttons = [b for page in pillars.children for row in page.children for b in row.children
               if isinstance(b, widgets.ToggleButtons)]
    assert len(buttons) == 41 and all(b.options[0] == ("–", "") for b in buttons)
    size.value = "groot"
    buttons[0].value = buttons[0].options[1][1]
    hours.value = 12
    assert isinstance(out, widgets.Output)

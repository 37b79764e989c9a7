"""Verken zelf (issue 20): the one function behind the notebooks' explorer, checked against the
chapters' own tables, and the widget it sits behind."""

import pytest

from digitale_inclusie.data.published import load_published
from digitale_inclusie.present.explore import BREAKDOWNS, explore, explorer, printed_splits


@pytest.fixture(scope="module")
def printed():
    return printed_splits(load_published())


def test_shares_equal_the_chapter_tables(respondents, codebook, printed):
    from digitale_inclusie.analysis import cells

    tables = cells.run(respondents)
    shown = explore(respondents, "uitkomst_burgers", "grootte", codebook, True, printed)
    assert list(shown.table.index) == ["Klein", "Middelgroot", "Groot"]  # the codebook's order
    for group, label in (("klein", "Klein"), ("middelgroot", "Middelgroot"), ("groot", "Groot")):
        assert shown.table.loc[label, "Ja"] == tables["tabel_1"].loc[group, "uitkomst_burgers"]
    assert shown.table["n"].tolist() == [136, 114, 24]  # who answered (2 of the 26 large skipped)


def test_what_the_reconstruction_made_up_is_shown_but_not_tested(respondents, codebook, printed):
    tested = explore(respondents, "uitkomst_burgers", "subsidie", codebook, True, printed)
    assert "chi-kwadraattoets" in tested.test  # Tabel 2 prints this split
    for item, breakdown in (("beleid_part_inwoners", "grootte"), ("uitkomst_burgers", "grootte_subsidie"),
                            ("uren_per_week", "subsidie")):
        shown = explore(respondents, item, breakdown, codebook, True, printed)
        assert "keuze van de reconstructie" in shown.test and "toets" in shown.test, (item, breakdown)
    other = explore(respondents, "uren_per_week", "subsidie", codebook, False, printed)
    assert "Kruskal-Wallistoets" in other.test


def test_every_breakdown_and_one_group(respondents, codebook, printed):
    for breakdown in BREAKDOWNS:
        shown = explore(respondents, "profiel_a", breakdown, codebook, False, printed)
        assert shown.table["n"].sum() == (respondents["profiel_a"] != "geen_antwoord").sum()
    assert explore(respondents, "profiel_a", "totaal", codebook).test.startswith("Eén groep")


def test_the_explorer_has_a_question_and_a_breakdown_to_choose(respondents, codebook, monkeypatch):
    import ipywidgets

    monkeypatch.delenv("DIGITALE_INCLUSIE_SITE", raising=False)
    box = explorer(respondents, codebook, codebook.items("uitkomsten"))
    question, split, _ = box.children
    assert isinstance(question, ipywidgets.Dropdown) and [v for _, v in question.options] == codebook.items("uitkomsten")
    assert [v for _, v in split.options] == list(BREAKDOWNS)
    monkeypatch.setenv("DIGITALE_INCLUSIE_SITE", "1")
    static = explorer(respondents, codebook, codebook.items("uitkomsten"))
    assert "werken de keuzelijsten niet" in static.data and "<table" in static.data

"""An exercise's answer (issue 22): its table with the book's labels and an n per group, and a
sentence whose numbers are those of the table, true on any file (ties, equal shares, a group
without answers, no answers at all)."""

import pandas as pd
import pytest

from digitale_inclusie.present import answer_text, share_summary, show_result
from digitale_inclusie.present.answers import row_labels

SIZES = pd.Index(["klein", "middelgroot", "groot"], name="grootte")


def _shares(n, shares, index=SIZES):
    return pd.DataFrame({"n": n, "aandeel (%)": pd.array(shares, dtype="Int64")}, index=index)


def test_groups_are_labelled_as_the_book_labels_them_in_the_order_given():
    both = pd.MultiIndex.from_product([["klein", "groot"], ["met", "zonder"]], names=["grootte", "subsidie"])
    assert row_labels(both) == ["Klein · met subsidie", "Klein · zonder subsidie",
                                "Groot · met subsidie", "Groot · zonder subsidie"]
    html = show_result(_shares([10, 0, 40], [50, None, 25]), "Aandeel")._repr_html_()
    assert '<th scope="col">Groep</th><th scope="col">n</th><th scope="col">aandeel (%)</th>' in html
    assert ('<th scope="row">Klein</th><td>10</td><td>50</td></tr><tr><th scope="row">Middelgroot</th>'
            "<td>0</td><td>–</td>") in html
    # a cross table of two questions: their titles, and the answers' labels from the codebook
    cross = pd.DataFrame([[1, 2]], index=pd.Index(["neen"], name="meerjarenplanning_huidig"),
                         columns=pd.Index(["expliciet", "impliciet"], name="meerjarenplanning_volgend"))
    html = show_result(cross, "Kruistabel")._repr_html_()
    assert '<th scope="col">Huidige meerjarenplanning / Volgende meerjarenplanning</th>' in html
    assert '<th scope="col">Ja, expliciet</th><th scope="col">Ja, impliciet</th>' in html
    assert '<th scope="row">Neen</th>' in html


def test_share_summary_lists_every_group_and_names_every_group_at_the_extremes():
    texts = share_summary(_shares([40, 40, 40], [20, 30, 30]), "aandeel (%)")
    assert texts["per_groep"] == "Klein (n = 40): 20%; Middelgroot (n = 40): 30%; Groot (n = 40): 30%"
    # a tie at the top: both groups are named, not the first one found
    assert texts["spreiding"] == ("het hoogst bij Middelgroot (n = 40) en Groot (n = 40): 30%, "
                                  "en het laagst bij Klein (n = 40): 20%")


@pytest.mark.parametrize("n, shares, spread", [
    ([10, 0, 4], [50, None, 50], "in elke groep met antwoorden 50%"),
    ([10, 12, 4], [50, 50, 50], "in elke groep 50%"),
    ([0, 7, 0], [None, 43, None], "alleen te berekenen voor Middelgroot (n = 7, kleine groep): 43%"),
    ([0, 0, 0], [None, None, None], "niet te berekenen: niemand beantwoordde de vraag"),
])
def test_share_summary_stays_true_when_groups_are_equal_or_empty(n, shares, spread):
    texts = share_summary(_shares(n, shares), "aandeel (%)")
    assert texts["spreiding"] == spread
    assert texts["per_groep"].count("geen cijfer") == shares.count(None)


def test_answer_text_escapes_its_values_and_refuses_a_name_it_was_not_given():
    text = answer_text("**Antwoord.** {{a}} en {{b}}.", a="Groot (n = 4): 50%", b=29)._repr_markdown_()
    assert text == r"**Antwoord.** Groot \(n = 4\)\: 50% en 29."
    with pytest.raises(KeyError, match="c"):
        answer_text("{{c}}", a=1)

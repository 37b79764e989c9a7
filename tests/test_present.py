"""The presentation layer: Dutch numbers, accessible tables and figures, weekly-hour bands."""

from fractions import Fraction

import pandas as pd
import pytest

from digitale_inclusie import present


@pytest.fixture(scope="module")
def ctx():
    return present.Context.load()


def test_format_value():
    assert present.format_value(72, "procent") == "72%"
    assert present.format_value(Fraction(25, 2), "uur", long=True) == "12,5 uur"
    assert present.format_value(Fraction(10), "uur") == "10"
    assert present.format_value(None, "procent") == "–"


def test_numbers_for_the_prose_are_the_printed_ones(ctx):
    # printed in the report's text: 72% for citizens, a mean of 10 hours
    assert ctx.share_text("uitkomst_burgers", "ja") == "72%"
    assert ctx.text("uren", category="Gemiddelde") == "10 uur"
    assert ctx.reconstruction


def test_table_shows_printed_number_beside_a_differing_recomputed_one(ctx):
    html = present.html_table(ctx.rows("tabel_2"), "Naar subsidie", number="Tabel 2")
    assert "<caption><strong>Tabel 2:</strong> Naar subsidie</caption>" in html
    assert '<th scope="col">Burgers</th>' in html and '<th scope="row">Zonder subsidie</th>' in html
    # the register: 24% printed for local organisations without subsidy, 25% recomputed
    assert "25% <span" in html and "rapport: 24%" in html
    assert "het rapport drukt 24%, de herberekening geeft 25%" in html


def test_layout_follows_the_report(ctx):
    assert present._layout(ctx.rows("tabel_1"))[0::2] == ("group", "item")
    assert present._layout(ctx.rows("tabel_8"))[0::2] == ("item", "category")
    assert present._layout(ctx.rows("tabel_12"))[0::2] == ("group", "category")


def test_figure_has_number_alt_text_with_the_values_and_no_outside_source(ctx):
    html = present.chart_html(ctx.rows("figuur_1"), "bars", "Positieve resultaten", number="Figuur 1")
    assert 'src="data:image/png;base64,' in html
    assert 'alt="Staafdiagram: Positieve resultaten. Burgers 72%' in html
    assert "<strong>Figuur 1:</strong>" in html


def test_hour_bands_by_hand():
    frame = pd.DataFrame({"grootte": ["klein"] * 4, "subsidie": ["met"] * 4,
                          "uren_per_week": [0.0, 0.5, 4.0, 40.0]})
    bands = dict(present.hour_bands(frame))
    assert bands["een halfuur of minder"] == 50
    assert bands["meer dan een halfuur tot 4 uur"] == 25
    assert bands["38 uur of meer (voltijds)"] == 25
    assert sum(bands.values()) == 100


def test_caption_note_keeps_the_printed_caption(ctx):
    assert "huidige meerjarenplanning vermeldt" in present.caption_note(ctx, "tabel_14")
    assert present.caption_note(ctx, "tabel_1") == ""

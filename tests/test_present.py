"""The presentation: Dutch numbers, accessible tables and figures with the printed number beside
a differing computed one, and CSV downloads equal to what is shown."""

from fractions import Fraction

import pandas as pd
import pytest

from digitale_inclusie.analysis import cells as analysis
from digitale_inclusie.present import Page, downloads
from digitale_inclusie.present.text import number_text


def test_number_text():
    assert number_text(72, "procent") == "72%"
    assert number_text(Fraction(25, 2), "uur", long=True) == "12,5 uur"
    assert number_text(10.0, "uur") == "10"
    assert number_text(None, "procent") == number_text(pd.NA, "procent") == "–"


def test_cells_carry_labels_group_sizes_and_the_printed_number(page, results):
    cells, rows, columns, header = page.cells("tabel_2")
    # every per-group share carries its n; a group under 30 is marked as small
    assert (rows, header) == (["Met subsidie (n = 222)", "Zonder subsidie (n = 54)"], "Groep")
    assert columns == ["Burgers", "Lokale verenigingen", "Interne medewerkers"]
    cell = next(c for c in cells if c.key == ("zonder", "uitkomst_verenigingen"))
    # the register: the report prints 24% for local organisations without subsidy, the file gives 25%
    assert (cell.value, cell.printed, cell.n, cell.group, cell.variable) == (25, 24, 54, "zonder", "uitkomst_verenigingen")
    assert cell.differs and "53 van de 54" in cell.reason
    assert not next(c for c in cells if c.key == ("met", "uitkomst_burgers")).differs


def test_table_shows_the_printed_number_beside_a_differing_one_and_writes_its_csv(page, results, tmp_path):
    html = page.show("tabel_2", "Naar subsidie")._repr_html_()
    assert "<caption><strong>Tabel 2:</strong> Naar subsidie</caption>" in html
    assert '<th scope="col">Burgers</th>' in html and '<th scope="row">Zonder subsidie (n = 54)</th>' in html
    assert "25% <span" in html and "rapport: 24%" in html
    assert "het rapport drukt 24%, hier berekend: 25%" in html
    assert 'href="../downloads/tabel_2.csv"' in html and 'href="../downloads/LEESMIJ.txt"' in html
    csv = pd.read_csv(tmp_path / "tabel_2.csv", dtype=str, keep_default_na=False)
    assert list(csv.columns) == downloads.CSV_COLUMNS and len(csv) == 6
    row = csv[(csv["groep"] == "zonder") & (csv["variabele"] == "uitkomst_verenigingen")].iloc[0]
    assert (row["waarde"], row["gedrukt"], row["n"], row["eenheid"]) == ("25", "24", "54", "procent")
    # the register says 53 of the 54 answered in the reconstruction: that is the denominator
    assert row["n_antwoord"] == "53"
    assert "CC BY 4.0" in (tmp_path / "LEESMIJ.txt").read_text(encoding="utf-8")


def test_figure_is_numbered_with_alt_text_listing_its_values(page, results):
    from test_charts import draw_bars

    html = page.show("figuur_1", "Positieve resultaten", chart=draw_bars)._repr_html_()
    # one SVG drawing per colour mode, each with the alt text; the dark one hidden until dark mode
    assert html.count('src="data:image/svg+xml,') == 2 and "data:image/png" not in html
    assert html.count('alt="Staafdiagram: Positieve resultaten. Burgers 72%') == 2
    assert '<img class="di-chart di-chart-light"' in html and html.count(" hidden>") == 1
    assert "<strong>Figuur 1:</strong>" in html and "(cijfers bij figuur 1)" in html
    assert html.count('href="../downloads/figuur_1.csv"') == 2  # under the figure and under its table


def test_bars_of_a_table_by_group_show_items_as_bars(page, results):
    cells, rows, columns, _ = page.cells("tabel_1")
    values, texts = page._chart_frames(cells, rows, columns, "bars", groups=True)
    assert list(values.index) == ["Burgers", "Lokale verenigingen", "Interne medewerkers"]
    assert list(values.columns) == ["Klein (n = 136)", "Middelgroot (n = 114)", "Groot (n = 26, kleine groep)"]
    # the alt text names n for the small group
    assert texts.at["Burgers", "Groot (n = 26, kleine groep)"] == "79% (n = 26)"


def test_prose_numbers_show_the_printed_one_where_it_differs(page, results):
    page.numbers("figuur_1", burgers="uitkomst_burgers", verenigingen="uitkomst_verenigingen")
    page.numbers("tabel_2", zonder=("zonder", "uitkomst_verenigingen"))
    page.numbers("functieprofielen", b="profiel_b")
    # printed 72% is reproduced; 45% and 90% (register) are not, so both numbers are shown
    text = page.text("{{burgers}}, {{verenigingen}}; {{zonder}}; {{b}}")._repr_markdown_()
    assert text == r"72%, 44% \(rapport\: 45%\); 25% \(rapport\: 24%\); 88% \(rapport\: 90%\)"
    with pytest.raises(KeyError, match="no cell"):
        page.numbers("figuur_1", x="uitkomst_onbekend")
    page.show("tabel_3", "Uren naar grootte", value_label="Gemiddelde", numbers={"klein": "klein", "groot": "groot"})
    # Tabel 3 of the report: 6 and 22 hours a week; the large governments are a small group (26)
    assert page.text("{{klein}} tot {{groot}}")._repr_markdown_() == r"6 uur tot 22 uur \(n = 26\)"


def test_prose_template_takes_claims_escapes_data_and_refuses_what_it_cannot_fill(page, results):
    # a claim's id gives its sentence with the link to the reading page, '.kort' its short form;
    # the register's sentence for h1-burgers-meest names the share of burgers (72% in figuur 1)
    full = page.text("{{h1-burgers-meest}}")._repr_markdown_()
    assert "72%" in full and full.endswith(" [Hoe lees je dit?](../book/cijfers-lezen.md)")
    short = page.text("{{h1-burgers-meest.kort}}")._repr_markdown_()
    assert "Hoe lees je dit" not in short and "%" not in short
    # the authors' MyST stays markup; nothing else in the template changes
    assert page.text("{term}`respondent` en **vet**")._repr_markdown_() == "{term}`respondent` en **vet**"
    with pytest.raises(KeyError, match="no number of that name on this page yet"):
        page.text("{{h9_onbekend}}")
    with pytest.raises(ValueError, match="placeholder that is not"):
        page.text("{{ h1_burgers }}")
    with pytest.raises(ValueError, match="not a claim's id"):
        page.numbers("figuur_1", **{"h1-burgers-meest": "uitkomst_burgers"})


def test_a_claim_that_reads_a_table_not_yet_computed_says_where_the_text_belongs(page):
    page.results = {}
    with pytest.raises(KeyError, match=r"\{\{h1-groot-verenigingen\}\} reads tabel_1: .*put this text after"):
        page.text("{{h1-groot-verenigingen}}")


def test_key_findings_wait_for_the_summary(page, results, monkeypatch):
    shown = []

    class Handle:
        def update(self, obj):
            shown.append(("update", obj._repr_markdown_()))

    def display(obj, display_id=None):
        shown.append(("display", obj._repr_markdown_(), display_id))
        return Handle()

    monkeypatch.setattr("IPython.display.display", display)
    page.findings("- {{h1-burgers-meest.kort}}")
    assert shown[0][0] == "display" and shown[0][2] is True and "verschijnen hier zodra" in shown[0][1]
    summary = page.summary("Samengevat: {{h1-burgers-meest.kort}}")._repr_markdown_()
    short = page.word("h1-burgers-meest.kort")
    assert shown[1] == ("update", f"- {short}") and summary == f"Samengevat: {short}"
    page.summary("Nog eens.")
    assert len(shown) == 2  # the findings are filled in once


def test_a_block_is_shown_by_its_name_only_when_it_is_there(page):
    with pytest.raises(KeyError, match="tabel_16: a block of the report that the printed numbers do not declare"):
        page.cells("tabel_16")
    page.results = {}
    with pytest.raises(KeyError, match="tabel_6: no result of that name on this page"):
        page.show("tabel_6", "Samenwerking")


def test_a_group_without_respondents_is_shown_empty_with_the_reason(respondents, tmp_path, monkeypatch):
    monkeypatch.setattr(downloads, "DOWNLOADS", tmp_path)
    subset = respondents[respondents["grootte"] != "groot"]
    page = Page(subset, analysis.run(subset), source=tmp_path / "zonder-groot.csv")
    html = page.show("tabel_1", "Naar grootte")._repr_html_()
    assert '<th scope="row">Groot (n = 0, kleine groep)</th><td class="di-differs">–' in html
    assert "dit bestand geeft geen cijfer: geen respondenten in deze groep" in html


def test_policy_table_rows_follow_the_codebook_and_answers_its_labels(page, results):
    cells, rows, columns, _ = page.cells("tabel_8")
    assert columns == ["(Eerder) niet", "(Eerder) wel", "Weet of begrijp ik niet"]
    assert rows[0].startswith("Inzicht hebben in de digitale toegang")
    assert len(cells) == 18 and not any(c.differs for c in cells)


def test_the_title_the_report_prints_for_a_swapped_table_is_shown_under_it(page):
    """Tabel 14 shows the next multi-year plan under the title the report printed for the
    current one: the transcription's remark says so under the table, when asked for."""
    html = page.show("tabel_14", "Volgende meerjarenplanning, naar subsidie", transcription=True)._repr_html_()
    assert '<p class="di-unit">Let op: Afgedrukte titel: ' in html and "huidige meerjarenplanning vermeldt" in html
    assert "Let op" not in page.show("tabel_1", "Naar grootte")._repr_html_()


def test_another_file_gets_no_reconstruction_reasons(respondents, tmp_path, monkeypatch):
    monkeypatch.setattr(downloads, "DOWNLOADS", tmp_path)
    other = tmp_path / "andere.csv"
    respondents.to_csv(other, index=False)
    page = Page(respondents, analysis.run(respondents), source=other)
    assert not page.reconstruction and page.reasons == {}
    assert "andere.csv" in page.notice()._repr_markdown_()
    cells, *_ = page.cells("tabel_2")
    assert all(c.reason == "" for c in cells)
    html = page.data_downloads()._repr_html_()
    assert "respondenten.csv" not in html and "niet op deze site" in html


def test_data_downloads_offer_the_files_with_checksums(page, tmp_path):
    html = page.data_downloads()._repr_html_()
    for name in ("respondenten.csv", "datapackage.json", "cijfers.csv", "register.csv", "LEESMIJ.txt"):
        assert f'href="../downloads/{name}"' in html and (tmp_path / name).exists()
    assert "SHA-256" in html


def test_folded_code_has_its_dutch_text_as_accessible_name():
    from digitale_inclusie.sphinx.cells import depart_hide_cell, visit_hide_cell

    class Writer:
        body = []

    node = {"classes": ["above-input"], "prompt_show": "Toon code: Tabel 1", "prompt_hide": "Verberg code: Tabel 1"}
    visit_hide_cell(Writer, node)
    depart_hide_cell(Writer, node)
    html = "".join(Writer.body)
    assert "<summary>" in html and "aria-label" not in html and "Toon code: Tabel 1" in html


@pytest.mark.parametrize(("name", "shown"), [
    ("gewoon.csv", "gewoon.csv"),
    ("x`<img src=x onerror=alert(1)>`.csv", "x`<img src=x onerror=alert(1)>`.csv"),
    ("``` {raw} html\n<script>alert(1)</script>\n```.csv", "``` {raw} html\\u000a<script>alert(1)</script>\\u000a```.csv"),
    ("nul\x00en\u200bzero-width\u2028lijn.csv", "nul\\u0000en\\u200bzero-width\\u2028lijn.csv"),
    ("`begint-met-backquote", "`begint-met-backquote"),
])
def test_a_file_name_in_a_note_is_shown_literally(name, shown):
    """A file name (DIGITALE_INCLUSIE_DATA) goes into the notes as a code span: whatever it
    holds, Markdown shows it as code text, never as markup, and on one line: a line break, a NUL,
    a zero-width space or a line separator as its escape."""
    from markdown_it import MarkdownIt
    from bs4 import BeautifulSoup

    from digitale_inclusie.present.text import inline_code

    html = MarkdownIt("commonmark").render(f"Bestand {inline_code(name)} (276 respondenten).")
    soup = BeautifulSoup(html, "html.parser")
    assert [t.name for t in soup.find_all(True)] == ["p", "code"], html
    assert soup.code.get_text() == shown


ROUNDED_ROWS = [  # chapter 6: the rows the report prints rounded as a whole (data/published: largest_remainder)
    ("tabel_12", "grootte", "groot", "meerjarenplanning_huidig", "Groot (n = 26, kleine groep)"),
    ("tabel_13", "grootte", "groot", "meerjarenplanning_volgend", "Groot (n = 26, kleine groep)"),
    ("tabel_15", "subsidie", "zonder", "meerjarenplanning_huidig", "Zonder subsidie (n = 54)"),
]  # n = 26 and 54: the report's endnotes 5 and 6


def _rounding_notes(html):
    import re
    from html import unescape

    return [unescape(note) for note in re.findall(r'<p class="di-unit di-rounding">(.*?)</p>', html)]


@pytest.mark.parametrize("block, breakdown, group, item, label", ROUNDED_ROWS)
def test_a_row_rounded_as_a_whole_says_so_under_its_table(page, results, respondents, block, breakdown, group,
                                                          item, label):
    """Chapter 6 exercise 2 asks about rows 'rounded as a whole': the page says which, under the
    table, with what rounding each share half up would give; that is counted here with pandas."""
    (note,) = _rounding_notes(page.show(block, "Meerjarenplanning")._repr_html_())
    assert note.startswith(f"Afronding: de rij {label} is als geheel afgerond, zoals het rapport die rij afdrukt.")
    answers = respondents.loc[respondents[breakdown] == group, item]
    answers = answers[answers != "geen_antwoord"]
    m = len(answers)
    half_up = {code: (200 * int((answers == code).sum()) + m) // (2 * m)
               for code in ("neen", "expliciet", "impliciet", "weet_niet")}
    shown = results[block].loc[group]
    assert sum(shown) == 100 and sum(half_up.values()) != 100  # why the row is rounded as a whole
    labels = {"neen": "Neen", "expliciet": "Ja, expliciet", "impliciet": "Ja, impliciet", "weet_niet": "Weet het niet"}
    differing = [code for code in half_up if half_up[code] != shown[code]]
    assert differing
    for code in differing:
        assert f'"{labels[code]}" {half_up[code]}% in plaats van {shown[code]}%' in note
    for code in set(half_up) - set(differing):
        assert f'"{labels[code]}"' not in note
    assert note.endswith(f"telt de rij op tot {sum(half_up.values())}%.")


def test_only_tables_with_such_a_row_say_it_and_the_note_holds_on_other_files(page, respondents, tmp_path,
                                                                              monkeypatch):
    for block in ("tabel_11", "tabel_14", "tabel_6"):
        assert not _rounding_notes(page.show(block, "Tabel")._repr_html_())
    monkeypatch.setattr(downloads, "DOWNLOADS", tmp_path)
    # no large governments: nothing to round
    subset = respondents[respondents["grootte"] != "groot"]
    other = Page(subset, analysis.run(subset), source=tmp_path / "zonder-groot.csv")
    (note,) = _rounding_notes(other.show("tabel_12", "Naar grootte")._repr_html_())
    assert "de rij Groot (n = 0, kleine groep) wordt als geheel afgerond" in note and "niemand" in note
    # every large government answers 'expliciet': 0/100/0/0 either way, and the note says so
    same = respondents.copy()
    same.loc[same["grootte"] == "groot", "meerjarenplanning_huidig"] = "expliciet"
    other = Page(same, analysis.run(same), source=tmp_path / "alle-groot-expliciet.csv")
    (note,) = _rounding_notes(other.show("tabel_12", "Naar grootte")._repr_html_())
    assert note.endswith("geeft elk aandeel apart half naar boven afronden hier dezelfde cijfers.")
    assert "in plaats van" not in note

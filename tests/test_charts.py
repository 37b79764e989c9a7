"""The charts: compact SVG with text as text, readable on a phone, one drawing per colour mode
with WCAG contrast, shown in JupyterLab too; the materials chart sorted; the built site's pages
light enough to load.

The browser measures the rendered charts in tests/test_browser.py; these tests read the
SVG the book writes."""

import re
import xml.etree.ElementTree as ET
from fractions import Fraction
from html import unescape as html_unescape
from html.parser import HTMLParser
from urllib.parse import unquote

import pandas as pd
import pytest
import seaborn.objects as so

from digitale_inclusie.data import MISSING
from digitale_inclusie.present.charts import text_width
from digitale_inclusie.present.style import CHART_WIDTH, DARK, LIGHT, contrast

SVG = "{http://www.w3.org/2000/svg}"
PHASES = (["Visievorming en voorbereiding", "Coördinatie en communicatie", "Participatie en evaluatie"],
          "Praktijkacties", "Figuur 4", "De praktijkacties ingebed in drie beleidsfasen")


# the seaborn calls of the chapters (one per kind of chart)
def draw_bars(ax, data):
    so.Plot(data, x="waarde", y="rij", color="reeks").add(so.Bar(), so.Dodge()).on(ax).plot()


def draw_stacked(ax, data):
    so.Plot(data, x="waarde", y="rij", color="reeks").add(so.Bar(), so.Stack()).on(ax).plot()


def draw_means(ax, data):
    so.Plot(data, x="waarde", y="rij").add(so.Bar()).on(ax).plot()


def _every_chart(page, results):
    """The HTML of one chart of every kind the book draws, with the longest labels it has."""
    charts = {
        "bars": page.show("materiaal", "Materiaal", chart=draw_bars, sort=True),
        "bars by group": page.show("tabel_1", "Naar grootte", chart=draw_bars),
        "means": page.show("tabel_3", "Uren", chart=draw_means, value_label="Gemiddelde"),
        "stacked": page.show("tabel_8", "Beleidsacties", chart=draw_stacked),
        "stacked by group": page.show("tabel_12", "Planning", chart=draw_stacked),
        "diagram": page.diagram(*PHASES),
    }
    return {name: html._repr_html_() for name, html in charts.items()}


class _Images(HTMLParser):
    """Every element of a piece of HTML (tag, attributes), to check what JupyterLab keeps."""

    def __init__(self):
        super().__init__()
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def _elements(html):
    parser = _Images()
    parser.feed(html)
    return parser.elements


def _drawings(html):
    """The SVG drawings of a figure: [(mode name, root element, alt, hidden)]."""
    out = []
    for tag, attrs in _elements(html):
        if tag == "img" and "di-chart" in attrs.get("class", ""):
            assert attrs["src"].startswith("data:image/svg+xml,")
            mode = re.search(r"di-chart-(\w+)", attrs["class"]).group(1)
            out.append((mode, ET.fromstring(unquote(attrs["src"].removeprefix("data:image/svg+xml,"))),
                        attrs.get("alt"), "hidden" in attrs))
    return out


def _font_size(root, text):
    return float(text.get("font-size") or root.get("font-size"))


def _fill(root, element):
    return element.get("fill") or root.get("fill")


def _box(d):
    """The bounding box of a path's points (x0, y0, x1, y1)."""
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", d)]
    xs, ys = numbers[0::2], numbers[1::2]
    return min(xs), min(ys), max(xs), max(ys)


def _under(root, x, y, before=None):
    """The fill of the topmost filled shape at (x, y) (among the shapes before ``before``)."""
    colour = None
    for element in root.iter(f"{SVG}path"):
        if element is before:
            break
        x0, y0, x1, y1 = _box(element.get("d"))
        if element.get("fill") not in (None, "none") and x0 <= x <= x1 and y0 <= y <= y1:
            colour = element.get("fill")
    return colour


def test_charts_are_compact_svg_with_text_as_text_and_the_same_every_time(page, results):
    first, again = _every_chart(page, results), _every_chart(page, results)
    assert first == again  # same data, same bytes
    for name, html in first.items():
        drawings = _drawings(html)
        assert [mode for mode, *_ in drawings] == ["light", "dark"], name
        for mode, root, alt, hidden in drawings:
            svg = ET.tostring(root, encoding="unicode")
            assert list(root.iter(f"{SVG}text")) and not list(root.iter(f"{SVG}image")), name  # vector, no raster
            assert "metadata" not in svg and "Date" not in svg and "clipPath" not in svg, name
            assert root.get("width") == str(CHART_WIDTH)
            assert root.get("viewBox") == f"0 0 {CHART_WIDTH} {root.get('height')}"
    # far lighter than the 110-dpi PNGs they replace (151 KB for the materials chart)
    assert len(first["bars"]) < 25_000, len(first["bars"])


def _bars(html, mode="light"):
    """The bars of a chart's drawing in ``mode``: [(x0, y0, x1, y1, fill)], top to bottom."""
    root = next(root for m, root, *_ in _drawings(html) if m == mode)
    marks = [p for p in root.iter(f"{SVG}path") if p.get("class") == "mark"]
    return sorted((*_box(p.get("d")), p.get("fill")) for p in marks if _box(p.get("d"))[3] - _box(p.get("d"))[1] > 12)


def test_the_bars_are_what_the_seaborn_call_draws(page, results):
    """The chapter's seaborn call draws the bars: its lengths and colours are in the SVG, and a
    call that draws less shows less; a call that leaves the book's palette or draws a bar twice
    is refused, not quietly redrawn."""
    cells = {c.key: c for c in page.cells("tabel_2")[0]}
    html = page.show("tabel_2", "Naar subsidie", chart=draw_bars)._repr_html_()
    bars = [b for b in _bars(html) if b[2] - b[0] > 0 and b[1] > 30]  # not the legend's swatches
    assert len(bars) == 6  # 3 items x 2 groups (Tabel 2)
    # within one item the two groups' bars are as long as their shares (same scale)
    burgers = bars[:2]
    ratio = (burgers[0][2] - burgers[0][0]) / (burgers[1][2] - burgers[1][0])
    expected = cells[("met", "uitkomst_burgers")].value / cells[("zonder", "uitkomst_burgers")].value
    assert ratio == pytest.approx(expected, rel=0.01)
    # in the light mode's first two colours of the palette (Okabe & Ito), one per group
    assert {b[4].lower() for b in bars} == {"#0072b2", "#d55e00"}

    def only_groups_with_subsidy(ax, data):
        so.Plot(data[data["reeks"].str.startswith("Met")], x="waarde", y="rij", color="reeks").add(so.Bar(), so.Dodge()).on(ax).plot()

    fewer = page.show("tabel_2", "Naar subsidie", chart=only_groups_with_subsidy)._repr_html_()
    assert len([b for b in _bars(fewer) if b[1] > 30]) == 3

    def off_palette(ax, data):
        so.Plot(data, x="waarde", y="rij").add(so.Bar(color="#ff00ff")).on(ax).plot()

    with pytest.raises(ValueError, match="not a colour of the book's theme"):
        page.show("tabel_2", "Naar subsidie", chart=off_palette)

    def twice(ax, data):
        draw_bars(ax, data)
        draw_bars(ax, data)

    with pytest.raises(ValueError, match="two bars for row"):
        page.show("tabel_2", "Naar subsidie", chart=twice)
    with pytest.raises(TypeError, match="draws it with seaborn"):
        page.show("tabel_2", "Naar subsidie", chart="bars")


def test_every_text_is_13_px_and_inside_the_chart(page, results):
    """At the chart's natural width: the page shows it no narrower than 358 px at 390 px wide
    (so 13 px is at least 14.5 px there); the browser test measures that."""
    for name, html in _every_chart(page, results).items():
        for mode, root, *_ in _drawings(html):
            texts = list(root.iter(f"{SVG}text"))
            assert texts, name
            for text in texts:
                size = _font_size(root, text)
                assert size >= 13, (name, text.text, size)
                width = text_width(text.text, "bold" if text.get("font-weight") == "700" else "normal")
                x = float(text.get("x"))
                left = {"start": x, "middle": x - width / 2, "end": x - width}[text.get("text-anchor", "start")]
                assert 0 <= left and left + width <= CHART_WIDTH, (name, text.text, left, width)
                assert 0 <= float(text.get("y")) <= float(root.get("height")), (name, text.text)


def test_long_labels_wrap_onto_lines_instead_of_shrinking(page, results):
    label = ("Concrete digitale-inclusieacties koppelen aan timing en budgetten en afspraken maken over wie welke "
             "taken opneemt")
    html = page.show("tabel_8", "Beleidsacties", chart=draw_stacked)._repr_html_()
    root = _drawings(html)[0][1]
    lines = [t for t in root.iter(f"{SVG}text") if t.text and t.text.split()[0] in label.split()]
    words = " ".join(t.text for t in lines)
    assert label in words
    wrapped = [t for t in lines if t.text in label]
    assert len(wrapped) >= 3 and all(_font_size(root, t) == 13 for t in wrapped)
    # one line below the other, each starting at the left edge
    ys = [float(t.get("y")) for t in wrapped]
    assert ys == sorted(ys) and len(set(ys)) == len(ys) and {t.get("x") for t in wrapped} == {"0"}


def test_text_and_marks_reach_wcag_contrast_in_both_modes(page, results):
    backgrounds = {"light": LIGHT.background, "dark": DARK.background}
    for name, html in _every_chart(page, results).items():
        for mode, root, *_ in _drawings(html):
            background = root.find(f"{SVG}path").get("fill")
            assert background == backgrounds[mode], (name, mode)
            for text in root.iter(f"{SVG}text"):
                width = text_width(text.text)
                x = float(text.get("x"))
                x = {"start": x + width / 2, "middle": x, "end": x - width / 2}[text.get("text-anchor", "start")]
                behind = _under(root, x, float(text.get("y")) - 4.7)
                assert contrast(_fill(root, text), behind) >= 4.5, (name, mode, text.text, _fill(root, text), behind)
            marks = [p for p in root.iter(f"{SVG}path") if p.get("class") == "mark"]
            assert marks, name
            for mark in marks:
                colour = mark.get("fill")
                if colour in ("none", background):
                    colour = mark.get("stroke")  # an outline (a phase's box) or a line (an arrow)
                x0, y0, x1, y1 = _box(mark.get("d"))
                behind = _under(root, (x0 + x1) / 2, (y0 + y1) / 2, before=mark) or background
                assert contrast(colour, behind) >= 3, (name, mode, colour, behind)


def test_the_chart_shows_in_jupyterlab_also_in_a_notebook_not_trusted(page, results):
    """JupyterLab sanitizes the HTML of a notebook it does not trust: it strips <svg> but keeps
    <img> with a data: source and the attributes used here (its Sanitizer's allowed lists)."""
    allowed = {"figure": set(), "figcaption": set(), "strong": set(), "span": set(), "br": set(), "a": {"href"},
               "img": {"src", "alt", "width", "height"}}
    common = {"class", "style", "hidden"}
    for name, html in _every_chart(page, results).items():
        figure = html.split("</figure>")[0]
        for tag, attrs in _elements(figure):
            assert tag in allowed, (name, tag)
            assert set(attrs) - {"download"} <= allowed[tag] | common, (name, tag, attrs)
        drawings = _drawings(figure)
        assert [hidden for *_, hidden in drawings] == [False, True]  # the light one shows there
        assert all(alt and alt.strip() for _, _, alt, _ in drawings)


def test_the_materials_chart_shows_the_largest_share_first(page, results, respondents, codebook, tmp_path):
    html = page.show("materiaal", "Materiaal", chart=draw_bars, row_header="Materiaal",
                     sort=True)._repr_html_()
    # the shares, computed here from the respondents: who used each material, of who answered
    items = [c for c in respondents.columns if c.startswith("materiaal_")]
    shares = {c: Fraction(int((respondents[c] == "ja").sum()), int((respondents[c] != MISSING).sum()))
              for c in items}
    shown = {c: int(s * 100 + Fraction(1, 2)) for c, s in shares.items()}  # rounded half up, as printed
    # largest first; equal shown shares in the codebook's order
    expected = [codebook.label(c, c) for c in sorted(items, key=lambda c: (-shown[c], items.index(c)))]
    assert len(expected) == 18
    table = html[html.index("<table"):]
    rows = [html_unescape(re.sub(r"<[^>]+>", "", r)) for r in re.findall(r'<th scope="row">(.*?)</th>', table)]
    assert rows == expected
    values = [int(v) for v in re.findall(r'<th scope="row">.*?</th><td[^>]*>(\d+)%', table)]
    assert values == sorted(values, reverse=True) == [shown[c] for c in sorted(items, key=lambda c: -shown[c])]
    # the chart: its labels top to bottom, and its alt text, in the table's order
    root = _drawings(html)[0][1]
    labels = " ".join(t.text for t in root.iter(f"{SVG}text") if not t.text.endswith("%"))
    positions = [labels.index(label) for label in expected]
    assert positions == sorted(positions)
    alt = _drawings(html)[0][2]
    assert [alt.index(f"{label} ") for label in expected] == sorted(alt.index(f"{label} ") for label in expected)
    # and the CSV
    csv = pd.read_csv(tmp_path / "materiaal.csv", dtype=str, keep_default_na=False)
    assert list(csv["rij"]) == expected


# ---------------------------------------------------------------------- the built site

CHAPTERS = ["01_waarom", "02_wie", "03_acties", "04_materiaal", "05_uitdagingen", "06_toekomst"]


@pytest.mark.site
def test_every_chart_has_alt_text_and_a_table_beside_it(site):
    from site_tools import soup

    charts = 0
    for chapter in CHAPTERS:
        page = soup(site / "notebooks" / f"{chapter}.html")
        for figure in page.select("figure.di-figure"):
            images = figure.select("img.di-chart")
            assert [i["class"][-1] for i in images] == ["di-chart-light", "di-chart-dark"], chapter
            assert all(i["src"].startswith("data:image/svg+xml,") and i.get("alt", "").strip() for i in images)
            assert images[0]["alt"] == images[1]["alt"]
            caption = figure.figcaption.get_text(" ", strip=True)
            if caption.startswith("Figuur 4:"):
                continue  # the diagram: no numbers, so no table
            table = figure.find_next("table", class_="di-table")
            # in the same output, right after the figure
            assert table is not None, caption
            assert figure.parent is table.find_parent("div", class_="di-table-wrap").parent, caption
            charts += 1
    assert charts == 21


@pytest.mark.site
def test_the_materials_chart_on_its_chapter_is_sorted_like_its_table(site):
    from site_tools import soup

    page = soup(site / "notebooks" / "04_materiaal.html")
    figure = next(f for f in page.select("figure.di-figure") if "materiaal" in f.figcaption.get_text())
    table = figure.find_next("table", class_="di-table")
    rows = [(tr.th.get_text(" ", strip=True), tr.td.get_text(" ", strip=True)) for tr in table.tbody.find_all("tr")]
    shares = [int(re.match(r"\d+", value).group(0)) for _, value in rows]
    assert len(rows) == 18 and shares == sorted(shares, reverse=True) and shares[0] > shares[-1]
    alt = figure.img["alt"]
    positions = [alt.index(f"{label} {value.split(' ')[0]}") for label, value in rows]
    assert positions == sorted(positions)

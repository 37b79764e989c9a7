"""The charts as a reader's browser renders them: in Debian's Chromium, on a phone 390 px wide and
a laptop 1280 px wide, in the theme's light and dark mode (tools/a11y/chart-check.js measures,
this file judges).

- every chart text renders at 12 CSS px or more, and every chart is vector (or a raster with at
  least 2 image pixels per CSS px, sharp on a high-density screen);
- in both modes only that mode's drawing shows, unaltered by the page (no filter, no opacity),
  its text reaches 4.5:1 against what lies under it, its bars and other marks 3:1, and the
  captions and their links 4.5:1 (WCAG 2.1 AA: 1.4.3, 1.4.11).
"""

import json

import pytest

from site_tools import contrast, luminance, needs_browser, node

pytestmark = [pytest.mark.site, needs_browser]

CHAPTERS = ["01_waarom", "02_wie", "03_acties", "04_materiaal", "05_uitdagingen", "06_toekomst"]
FIGURES = {"01_waarom": 3, "02_wie": 8, "03_acties": 4, "04_materiaal": 2, "05_uitdagingen": 0, "06_toekomst": 5}


@pytest.fixture(scope="module")
def measured(site):
    done = node("chart-check.js", "--widths=390,1280", *(site / "notebooks" / f"{c}.html" for c in CHAPTERS))
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(done.stdout)
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

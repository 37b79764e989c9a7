"""Readers everywhere (issue 9): the built pages at phone width, in dark mode, and their weight.

Checked in Debian's Chromium with the Node scripts in tools/a11y (reflow.js, contrast.js), and on
the HTML itself. Thresholds are WCAG 2.1 AA's: reflow at 320 CSS px (1.4.10), text contrast 4.5:1
or 3:1 for large text (1.4.3), measured on the rendered page in light and dark mode.
"""

import statistics

import pytest

from site_tools import contrast, needs_browser, node, pages, soup


def _check(script, width, site):
    """Run a browser check of tools/a11y on every page at ``width``; it must pass. Its report."""
    done = node(script, width, *pages(site))
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    return done.stdout


def _count(report, label):
    """The number a check reports after ``label`` ('text nodes measured: 11598; ...')."""
    return int(report.split(f"{label}: ")[1].split(";")[0])


@needs_browser
def test_no_page_scrolls_sideways_at_320_px(site):
    assert "pages that scroll sideways at 320 px: 0" in _check("reflow.js", 320, site)


@needs_browser
@pytest.mark.parametrize("width", [1280, 390])
def test_all_visible_text_has_enough_contrast_in_light_and_dark_mode(site, width):
    assert _count(_check("contrast.js", width, site), "text nodes measured") > 5000  # every page, both modes: thousands of text nodes, not a handful


def test_page_weight(site):
    """Median page HTML at most 150 KB, no page above 400 KB (images and bundles are files)."""
    sizes = {p.relative_to(site).as_posix(): p.stat().st_size for p in pages(site)}
    assert statistics.median(sizes.values()) <= 150_000, sizes
    assert max(sizes.values()) <= 400_000, {k: v for k, v in sizes.items() if v > 400_000}
    chapters = {k: v for k, v in sizes.items() if k.startswith("notebooks/")}
    assert len(chapters) == 6 and max(chapters.values()) <= 150_000, chapters


def test_every_table_has_a_caption_and_scoped_headers(site):
    for page in pages(site):
        for table in soup(page).select(".bd-article table"):
            if table.get("id", "").startswith("itables"):
                continue  # the overviews' interactive tables: tests/test_browser_overviews.py
            where = (page.name, table.get_text(" ", strip=True)[:60])
            assert table.caption is not None and table.caption.get_text(strip=True), where
            for th in table.find_all("th"):
                assert th.get("scope") in ("col", "row", "colgroup", "rowgroup"), where
                assert th.get_text(strip=True), ("empty header cell", where)


def test_wide_tables_stay_labelled_and_reachable(site):
    """Every book table scrolls inside a focusable region named after its caption."""
    for page in pages(site):
        for wrap in soup(page).select("div.di-table-wrap"):
            table = wrap.find("table")
            assert wrap.get("tabindex") == "0" and wrap.get("role") == "region", page.name
            assert wrap.get("aria-label") and table.caption is not None, page.name


@needs_browser
@pytest.mark.parametrize("width", [1280, 390])
def test_every_focus_stop_is_visible(site, width):
    """Tab through every page: each element that takes the focus shows it and is on screen."""
    checked = _count(_check("focus.js", width, site), "focus stops checked")
    assert checked > 20 * len(pages(site))  # links of the sidebars and pages, not a few


def test_the_contrast_formula_of_the_browser_tests():
    """tests/site_tools.contrast, used by every browser test on colours: WCAG 2.1's formula."""
    assert contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)") == pytest.approx(21)
    assert contrast("rgb(118, 118, 118)", "rgb(255, 255, 255)") == pytest.approx(4.54, abs=0.01)  # #767676
    # half-transparent black over white is seen as grey 127.5: ((0.5 + 0.055) / 1.055) ** 2.4 = 0.214
    assert contrast("rgba(0, 0, 0, 0.5)", "rgb(255, 255, 255)") == pytest.approx(1.05 / 0.264, abs=0.01)

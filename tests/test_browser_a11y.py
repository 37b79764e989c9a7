"""Readers everywhere (issue 9): the built pages at phone width, in dark mode, and their weight.

Checked in Debian's Chromium with the Node scripts in tools/a11y (reflow.js, contrast.js), and on
the HTML itself. Thresholds are WCAG 2.1 AA's: reflow at 320 CSS px (1.4.10), text contrast 4.5:1
or 3:1 for large text (1.4.3), measured on the rendered page in light and dark mode.
"""

import statistics

import pytest

from site_tools import needs_browser, node, pages, soup


def _readable_pages(site):
    return [p for p in pages(site) if "http-equiv" not in p.read_text(encoding="utf-8")[:2000].lower()]


@needs_browser
def test_no_page_scrolls_sideways_at_320_px(site):
    done = node("reflow.js", 320, *_readable_pages(site))
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "pages that scroll sideways at 320 px: 0" in done.stdout


@needs_browser
@pytest.mark.parametrize("width", [1280, 390])
def test_all_visible_text_has_enough_contrast_in_light_and_dark_mode(site, width):
    done = node("contrast.js", width, *_readable_pages(site))
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    measured = int(done.stdout.split("text nodes measured: ")[1].split(";")[0])
    assert measured > 5000  # every page, both modes: thousands of text nodes, not a handful


def test_page_weight(site):
    """Median page HTML at most 150 KB, no page above 400 KB (images and bundles are files)."""
    sizes = {p.relative_to(site).as_posix(): p.stat().st_size for p in _readable_pages(site)}
    assert statistics.median(sizes.values()) <= 150_000, sizes
    assert max(sizes.values()) <= 400_000, {k: v for k, v in sizes.items() if v > 400_000}
    chapters = {k: v for k, v in sizes.items() if k.startswith("notebooks/")}
    assert len(chapters) == 6 and max(chapters.values()) <= 150_000, chapters


def test_every_table_has_a_caption_and_scoped_headers(site):
    for page in _readable_pages(site):
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
    for page in _readable_pages(site):
        for wrap in soup(page).select("div.di-table-wrap"):
            table = wrap.find("table")
            assert wrap.get("tabindex") == "0" and wrap.get("role") == "region", page.name
            assert wrap.get("aria-label") and table.caption is not None, page.name


@needs_browser
@pytest.mark.parametrize("width", [1280, 390])
def test_every_focus_stop_is_visible(site, width):
    """Tab through every page: each element that takes the focus shows it and is on screen."""
    done = node("focus.js", width, *_readable_pages(site))
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    checked = int(done.stdout.split("focus stops checked: ")[1].split(";")[0])
    assert checked > 20 * len(_readable_pages(site))  # links of the sidebars and pages, not a few

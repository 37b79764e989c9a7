"""Readers everywhere (issue 9), in the built HTML: page weight, captions and scoped header cells
of every table, labelled scroll regions, and the contrast formula the browser tests use. What
needs a browser (reflow at 320 px, contrast and focus in both modes) is in test_browser.py.
"""

import statistics

import pytest

from site_tools import contrast, pages, soup


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
                continue  # the overviews' interactive tables: tests/test_browser.py
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


def test_the_contrast_formula_of_the_browser_tests():
    """tests/site_tools.contrast, used by every browser test on colours: WCAG 2.1's formula."""
    assert contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)") == pytest.approx(21)
    assert contrast("rgb(118, 118, 118)", "rgb(255, 255, 255)") == pytest.approx(4.54, abs=0.01)  # #767676
    # half-transparent black over white is seen as grey 127.5: ((0.5 + 0.055) / 1.055) ** 2.4 = 0.214
    assert contrast("rgba(0, 0, 0, 0.5)", "rgb(255, 255, 255)") == pytest.approx(1.05 / 0.264, abs=0.01)

"""What a reader's browser downloads for each page of the built site (issue 22): every file
Chromium receives while loading the page, cold cache, uncompressed (tools/a11y/weight.js), over
every page. Median at most 300 KB, none above 800 KB (the overview pages with their table script
included). `make bench` prints the same figures per page (benchmarks/bench_weight.py)."""

import json
import re
import statistics

import pytest
from site_tools import node, pages

MEDIAN_LIMIT = 300_000
MAX_LIMIT = 800_000


def weigh(site):
    """{page: {"total": bytes, "files": {path: bytes}}} for every page of ``site``."""
    paths = [p.relative_to(site).as_posix() for p in pages(site)]
    done = node("weight.js", site, *paths, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)["pages"]


@pytest.fixture(scope="module")
def weights(site):
    return weigh(site)


def test_every_page_is_weighed_with_everything_it_loads(site, weights):
    assert sorted(weights) == sorted(p.relative_to(site).as_posix() for p in pages(site))
    for page, seen in weights.items():
        files = seen["files"]
        assert files.get(page) == (site / page).stat().st_size, page  # the page itself, whole
        assert any(f.endswith(".css") for f in files) and any(f.endswith(".js") for f in files), page
        assert seen["total"] == sum(files.values())
        # the icon font is loaded (the header's icons are drawn with it) and is the subset
        fonts = {f: b for f, b in files.items() if f.endswith((".woff2", ".ttf"))}
        assert fonts and all(b < 20_000 for b in fonts.values()), (page, fonts)


def test_median_and_largest_page_weight(weights):
    totals = {page: seen["total"] for page, seen in weights.items()}
    assert statistics.median(totals.values()) <= MEDIAN_LIMIT, sorted(totals.items(), key=lambda t: t[1])
    heavy = {page: total for page, total in totals.items() if total > MAX_LIMIT}
    assert not heavy, heavy


def test_no_page_loads_what_the_book_left_out(weights):
    """Not the theme's Font Awesome script (1.5 MB) or Bootstrap (80 KB); the search index only
    on the search page; the table script only on the two overview pages."""
    for page, seen in weights.items():
        files = seen["files"]
        assert not [f for f in files if re.search(r"fontawesome\.js|bootstrap\.js", f)], page
        assert ("searchindex.js" in files) == (page == "search.html"), page
        overview = page in ("book/toolbox.html", "book/catalogus.html")
        assert any(f.startswith("_static/datatables/") for f in files) == overview, page

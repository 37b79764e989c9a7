"""Helpers for the tests of the built site (the ``site`` fixture is in conftest.py)."""

import functools
import os
import re
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from digitale_inclusie.paths import REPO, built_pages

HTML = REPO / "_build" / "html"
A11Y = REPO / "tools" / "a11y"  # Node scripts driving Debian's Chromium (playwright-core, axe-core)

needs_browser = pytest.mark.skipif(
    not (A11Y / "node_modules" / "playwright-core").exists() or shutil.which("chromium") is None,
    reason="needs Debian's chromium and `npm ci` in tools/a11y (.ci/run installs both)")


def build_site():
    """Build the book with `make book`, the command readers and CI use, from an empty build (as
    on a fresh clone); return its folder."""
    done = subprocess.run(["make", "book", "CLEAN=1"], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return HTML


CACHE = REPO / "_build" / ".jupyter_cache"  # the pages as the build executed them
_RUN = os.environ.get("PYTEST_XDIST_TESTRUNUID") or uuid.uuid4().hex  # one id per test run, shared by xdist workers


def once_per_run(name, make):
    """``make()``'s result (JSON), made once per test run by whichever test (or pytest-xdist
    worker) needs it first; the others wait for it (a file lock) and read the same result from
    ``_build/.test-NAME.json``. A failure (an assertion in ``make``) fails them all, at once."""
    import json

    from filelock import FileLock

    saved = REPO / "_build" / f".test-{name}.json"
    saved.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(saved.with_suffix(".lock"))):
        record = json.loads(saved.read_text(encoding="utf-8")) if saved.exists() else {}
        if record.get("run") != _RUN:
            try:
                record = {"run": _RUN, "result": make()}
            except AssertionError as failure:
                record = {"run": _RUN, "failure": str(failure)}
            saved.write_text(json.dumps(record), encoding="utf-8")
    assert "failure" not in record, f"{name}: {record.get('failure')}"
    return record["result"]


def ensure_site():
    """The built site, made once per test run (:func:`once_per_run`)."""
    once_per_run("site", lambda: str(build_site()))
    return HTML


def pages(site):
    """The site's pages (not the theme's template fragments, not the redirect stub)."""
    return built_pages(site)


def soup(path):
    """A built page, parsed once per version of the file (the cache is keyed on its path, size
    and modification time, so a rebuilt page is parsed afresh). The tree is shared by every test
    that reads the page: read it, never change it."""
    stat = Path(path).stat()
    return _parsed(str(path), stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=None)
def _parsed(path, size, mtime):
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


def ids(path):
    """Every id on a built page (the targets of links), collected once per version of the file."""
    stat = Path(path).stat()
    return _ids(str(path), stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=None)
def _ids(path, size, mtime):
    return frozenset(e["id"] for e in _parsed(path, size, mtime).find_all(id=True))


def text(path):
    """The visible text of a page, whitespace folded."""
    return " ".join(soup(path).get_text(" ").split())


def node(script, *args, timeout=600):
    """Run one of the Node scripts in tools/a11y; returns the completed process."""
    return subprocess.run(["node", str(A11Y / script), *map(str, args)], cwd=REPO, capture_output=True,
                          text=True, timeout=timeout)


# English accessible names, labels and tooltips of the theme and of Sphinx that the book replaces:
# fixed in sphinx-book-theme's templates (overridden in _templates/), written by Sphinx's
# permalinks and page links, and sphinx-copybutton's (replaced by _static/nl.js). The messages of
# the project's catalogue (locales/) are added below from the catalogue itself.
ENGLISH = {"Toggle primary sidebar", "Toggle secondary sidebar", "Main", "Page",
           "Link to this heading", "Link to this table", "Link to this image", "Link to this code",
           "Link to this definition", "Link to this term", "Link to this toctree", "Link to this equation",
           "Toggle hidden content", "Copy", "Copy to clipboard", "Copied!"}


def catalogue_messages():
    """The English messages that locales/nl/LC_MESSAGES/sphinx.po translates into other words."""
    text = (REPO / "locales" / "nl" / "LC_MESSAGES" / "sphinx.po").read_text(encoding="utf-8")
    pairs = re.findall(r'^msgid "(.+)"\nmsgstr "(.*)"$', text, flags=re.MULTILINE)
    return {english for english, dutch in pairs if dutch and dutch != english}


def articles(site):
    """Each page's own text (its article, not the sidebars around it): {path: text}."""
    out = {}
    for path in pages(site):
        article = soup(path).select_one("article.bd-article")
        if article is not None:
            out[path.relative_to(site).as_posix()] = " ".join(article.get_text(" ").split())
    return out


def contains(text, word):
    """Whether ``text`` holds ``word`` as a whole word, in any case."""
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, flags=re.IGNORECASE) is not None


# ---------------------------------------------------------------- the one browser pass

# The scenarios of tools/a11y/site-check.js: what they try, on which page. Expected results are
# worked out by the tests from the pages' text and from these settings.
SEARCH_WORDS = [  # words from different pages: titles, prose, table cells, a diacritic, a name
    "uitdagingen", "bibliotheek", "vormingen", "gemeentebestuur", "vrijwilligers", "digihelpers",
    "meerjarenplanning", "senioren", "enquête", "toegankelijkheid", "armoede", "mediawijs"]
SEARCHED_PAGE = "search.html?q=vrijwilligers"  # the search page as checked: with its results
NAV_PAGE = "notebooks/03_acties.html"  # sidebars and header buttons at phone width
OVERVIEW_COLUMNS = {"toolbox": ["Materiaal", "Aanbieder", "Soort", "Voor wie", "Gebruikt door"],
                    "catalogus": ["Actie", "Soort", "Beleidsfase", "Doelgroepen", "Groep"]}
OVERVIEW_FILTERS = {"toolbox": ("Aanbieder", "Inter"), "catalogus": ("Doelgroepen", "senioren")}
# (column, first key, second key): the first press sorts ascending, the second descending
OVERVIEW_SORTS = {"toolbox": [("Materiaal", "Enter", "Space"), ("Gebruikt door", "Space", "Enter")],
                  "catalogus": [("Actie", "Space", "Enter"), ("Beleidsfase", "Enter", "Space")]}


def checked_pages(site):
    """The pages the browser pass loads, relative to the site: every page, the search page with
    the results of a search."""
    paths = [p.relative_to(site).as_posix() for p in pages(site)]
    return [SEARCHED_PAGE if p == "search.html" else p for p in paths]


def browser_report(site):
    """Every browser check, run once per test run (tools/a11y/site-check.js,
    :func:`once_per_run`): ``pages[path][width][mode]`` with each check's findings, and
    ``scenarios``."""
    import json

    def check():
        config = {"pages": checked_pages(site), "scenarios": {
            "nav": {"page": NAV_PAGE},
            "header": {"page": NAV_PAGE},
            "search": {"words": SEARCH_WORDS},
            "overviews": {"pages": [{"page": f"book/{page}.html",
                                     "filter": {"column": OVERVIEW_FILTERS[page][0], "text": OVERVIEW_FILTERS[page][1]},
                                     "sort": [list(s) for s in OVERVIEW_SORTS[page]]} for page in OVERVIEW_COLUMNS]},
        }}
        path = REPO / "_build" / ".test-browser-config.json"
        path.write_text(json.dumps(config), encoding="utf-8")
        done = node("site-check.js", site, path, timeout=1800)
        # Chromium's own noise (no D-Bus, no CPU frequency files in a container) would push the
        # script's real error out of the message
        errors = "\n".join(line for line in done.stderr.splitlines()
                           if not any(noise in line for noise in ("dbus", "crashpad", "cpufreq")))
        assert done.returncode == 0, done.stdout[-2000:] + errors[-4000:]
        return json.loads(done.stdout)

    return once_per_run("browser", check)


def loads(report, widths=None, modes=None):
    """Every load of the browser pass: (page, width, mode, findings)."""
    for page, by_width in report["pages"].items():
        for width, by_mode in by_width.items():
            for mode, found in by_mode.items():
                if (widths is None or int(width) in widths) and (modes is None or mode in modes):
                    yield page, int(width), mode, found


# WCAG 2.1 contrast of colours as the browser reports them ('rgb(r, g, b)' or 'rgba(r, g, b, a)'),
# computed here, apart from the package, for the browser tests.
_RGBA = re.compile(r"rgba?\(\s*([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\s*\)")


def rgba(css):
    """(r, g, b, alpha) of a CSS rgb()/rgba() colour."""
    match = _RGBA.fullmatch(css.strip())
    assert match, css
    r, g, b, a = match.groups()
    return float(r), float(g), float(b), float(a) if a is not None else 1.0


def over(css, below):
    """A possibly translucent colour laid over another: the colour the eye sees, as rgb()."""
    *colour, alpha = rgba(css)
    under = rgba(below)[:3]
    return "rgb({}, {}, {})".format(*(alpha * c + (1 - alpha) * u for c, u in zip(colour, under)))


def luminance(css):
    """Relative luminance of an rgb() colour (its alpha is ignored)."""
    linear = [c / 255 / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4
              for c in rgba(css)[:3]]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground, background):
    """Contrast ratio (1 to 21) of a foreground, blended over the background, against it."""
    high, low = sorted((luminance(over(foreground, background)), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)

"""Navigation, search and the theme's controls of the built site, as readers use them (issue 9).

Search finds the pages that hold a word; at phone width both sidebars open by mouse and keyboard
and their links work; no page logs an error or asks for a missing file; every control has a
Dutch name; the hamburger shows where focus is and its tooltip gives way to Escape; "Terug naar
boven" is readable. The browser checks are Node scripts in tools/a11y that drive Debian's
Chromium and print what they saw as JSON; the expectations are worked out here, from the built
pages' own text and from the WCAG formulas.
"""

import json
import posixpath
import re
import shutil

import pytest

from digitale_inclusie.paths import REPO
from site_tools import contrast, needs_browser, node, over, pages, soup

pytestmark = pytest.mark.site

needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="needs node")

# Words from different pages: chapter titles, prose, table cells, a word with a diacritic, a name
WORDS = ["uitdagingen", "bibliotheek", "vormingen", "gemeentebestuur", "vrijwilligers", "digihelpers",
         "meerjarenplanning", "senioren", "enquête", "toegankelijkheid", "armoede", "mediawijs"]

# English accessible names, labels and tooltips of the theme and of Sphinx that the book replaces:
# fixed in sphinx-book-theme's templates (overridden in _templates/), written by Sphinx's
# permalinks and page links, and sphinx-copybutton's (replaced by _static/nl.js). The messages of
# the project's catalogue (locales/) are added below from the catalogue itself.
ENGLISH = {"Toggle primary sidebar", "Toggle secondary sidebar", "Main", "Page",
           "Link to this heading", "Link to this table", "Link to this image", "Link to this code",
           "Link to this definition", "Link to this term", "Link to this toctree", "Link to this equation",
           "Toggle hidden content", "Copy", "Copy to clipboard", "Copied!"}


def _catalogue_messages():
    """The English messages that locales/nl/LC_MESSAGES/sphinx.po translates into other words."""
    text = (REPO / "locales" / "nl" / "LC_MESSAGES" / "sphinx.po").read_text(encoding="utf-8")
    pairs = re.findall(r'^msgid "(.+)"\nmsgstr "(.*)"$', text, flags=re.MULTILINE)
    return {english for english, dutch in pairs if dutch and dutch != english}


def _run(script, *arguments):
    done = node(script, *arguments)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return json.loads(done.stdout)


def _articles(site):
    """Each page's own text (its article, not the sidebars around it): {path: text}."""
    out = {}
    for path in pages(site):
        article = soup(path).select_one("article.bd-article")
        if article is not None:
            out[path.relative_to(site).as_posix()] = " ".join(article.get_text(" ").split())
    return out


def _contains(text, word):
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, flags=re.IGNORECASE) is not None


# ---------------------------------------------------------------- search

@needs_node
def test_search_page_stems_words_as_the_index_does(site, tmp_path):
    """The browser's stemmer (the site's language_data.js) and the one that built the index
    (Python's snowballstemmer, through Sphinx) give every word of the site the same stem."""
    from sphinx.search.nl import SearchDutch

    language = SearchDutch({})
    words = sorted({w.lower() for text in _articles(site).values() for w in language.split(text)
                    if not w.isdigit()})
    assert len(words) > 1000
    (tmp_path / "words.txt").write_text("\n".join(words), encoding="utf-8")
    done = node("stem-check.js", site, tmp_path / "words.txt")
    assert done.returncode == 0, done.stderr[-2000:]
    browser = json.loads(done.stdout)
    differ = [(w, language.stem(w), browser[w]) for w in words if language.stem(w) != browser[w]]
    assert not differ, f"{len(differ)} of {len(words)} words stem differently, e.g. {differ[:10]}"


def test_search_index_holds_no_words_run_together(site):
    """Every word of the index is a word of a page (or its stem): words of adjacent table cells
    or list items are not glued into one ("vrijwilligers" + "geen"). Sphinx also indexes the
    names of character references in HTML outputs (&quot; as "quot"): those are let pass."""
    from html.entities import name2codepoint

    from sphinx.search.nl import SearchDutch

    language = SearchDutch({})
    words = {w for text in _articles(site).values() for w in language.split(text)}
    known = words | {language.stem(w).lower() for w in words} | set(name2codepoint)
    script = (site / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(script[script.index("(") + 1:script.rindex(")")])
    unknown = sorted(t for t in set(index["terms"]) - known if not re.fullmatch(r"x[0-9a-f]+", t))
    assert not unknown, unknown[:20]
    assert {"vrijwilliger", "uitdag"} <= set(index["terms"])


@needs_browser
def test_search_finds_every_page_that_holds_the_word(site):
    articles = _articles(site)
    found = _run("search-check.js", site, *WORDS)
    for word in WORDS:
        expected = {path for path, text in articles.items() if _contains(text, word)}
        assert expected, f"{word} is on no page: choose another word"
        missing = expected - set(found[word]["pages"])
        assert not missing, f"search for {word!r} misses {sorted(missing)} (found {found[word]['pages']})"
        summary = found[word]["summary"]
        assert summary and "Search" not in summary, f"search summary for {word!r}: {summary!r}"


# ---------------------------------------------------------------- sidebars at phone width

@needs_browser
def test_sidebars_open_by_click_enter_and_space_at_390_px_and_their_links_work(site):
    page = "notebooks/03_acties.html"
    tries = _run("nav-check.js", site, page)
    assert {(t["toggle"], t["method"]) for t in tries} == {
        (toggle, method) for toggle in ("primary", "secondary") for method in ("click", "Enter", "Space")}
    for t in tries:
        what = f"{t['toggle']} sidebar by {t['method']}"
        assert not t["problems"], (what, t["problems"])
        if t["method"] != "click":
            assert t["reachedByTab"], f"{what}: Tab does not reach the toggle"
        assert t["opened"], f"{what}: the sidebar does not open"
        assert t["links"], f"{what}: no visible link"
        assert set(t["links"]) <= set(t["tabbed"]), (what, sorted(set(t["links"]) - set(t["tabbed"])))
        assert t["target"], f"{what}: no link to follow"
        if t["toggle"] == "primary":  # another page
            expected = posixpath.normpath(posixpath.join(posixpath.dirname(page), t["target"]))
        else:  # a section of this page; the sidebar closes on the way
            expected = page + t["target"]
            assert t["closed"], f"{what}: the sidebar stays open over the section"
        assert t["landed"] == expected, (what, t["landed"], expected)
    primary = next(t for t in tries if t["toggle"] == "primary")
    assert any(not href.startswith("#") for href in primary["links"])  # the chapter list
    secondary = next(t for t in tries if t["toggle"] == "secondary")
    assert all(href.startswith("#") for href in secondary["links"])  # this page's sections


# ---------------------------------------------------------------- every page

@pytest.fixture(scope="module")
def every_page(site):
    paths = [p.relative_to(site).as_posix() for p in pages(site)]
    paths = [p for p in paths if p != "search.html"] + ["search.html?q=vrijwilligers"]
    return _run("pages-check.js", site, *paths)


@needs_browser
def test_no_page_logs_an_error_or_misses_a_file(every_page):
    problems = {f"{page} at {width} px": seen["problems"]
                for page, widths in every_page.items() for width, seen in widths.items() if seen["problems"]}
    assert not problems, problems


@needs_browser
def test_every_control_has_a_name_and_no_english_name_remains(every_page):
    english = {s.casefold() for s in ENGLISH | _catalogue_messages()}
    assert len(english) > 40
    unnamed, found = [], []
    for page, widths in every_page.items():
        for width, seen in widths.items():
            assert seen["controls"], (page, width)
            unnamed += [(page, width, c["html"]) for c in seen["controls"] if not c["name"]]
            names = [c["name"] for c in seen["controls"]] + seen["attributes"]
            found += [(page, width, n) for n in names if n.casefold() in english]
    assert not unnamed, unnamed[:10]
    assert not found, found[:10]


def test_no_english_label_or_tooltip_in_the_html(site):
    """The same English strings as attributes of any element, hidden ones included."""
    english = ENGLISH | _catalogue_messages()
    found = []
    for path in pages(site):
        for element in soup(path).find_all(True):
            for attribute in ("aria-label", "title", "data-bs-title", "placeholder"):
                if (element.get(attribute) or "").strip() in english:
                    found.append((path.name, element.name, attribute, element[attribute]))
    assert not found, found[:10]


def test_every_script_is_loaded_once(site):
    """Jupyter Book and Sphinx 7.4 put some scripts twice in every page (nav.js ran twice, and
    the second `const THEBE_JS_URL` threw an error)."""
    for path in pages(site):
        scripts = soup(path).head.find_all("script")
        sources = [s["src"].split("?")[0] for s in scripts if s.get("src")]
        bodies = [s.string.strip() for s in scripts if not s.get("src") and s.string and s.string.strip()]
        assert len(sources) == len(set(sources)), (path.name, sorted(s for s in sources if sources.count(s) > 1))
        assert len(bodies) == len(set(bodies)), (path.name, sorted(b[:60] for b in bodies if bodies.count(b) > 1))


def test_every_page_has_a_local_favicon(site):
    for path in pages(site):
        icons = [link for link in soup(path).find_all("link", href=True) if "icon" in (link.get("rel") or [])]
        assert icons, path.name
        for icon in icons:
            assert (path.parent / icon["href"].split("?")[0]).resolve().is_file(), (path.name, icon["href"])


def test_no_empty_general_index(site):
    """The book has no index entries: no genindex page, and no page points to one."""
    assert not (site / "genindex.html").exists()
    for path in pages(site):
        html = path.read_text(encoding="utf-8")
        assert "genindex" not in html, path.name


# ---------------------------------------------------------------- header buttons

@pytest.fixture(scope="module")
def header(site):
    return _run("header-check.js", site, "notebooks/03_acties.html")


@needs_browser
def test_hamburger_shows_focus_and_its_tooltip_gives_way(header):
    english = {s.casefold() for s in ENGLISH}
    for width, seen in header["toggle"].items():
        assert not seen["problems"], (width, seen["problems"])
        assert seen["reached"], f"{width} px: Tab does not reach the hamburger"
        assert seen["focusVisible"]
        outline = seen["outlineStyle"] != "none" and float(seen["outlineWidth"].removesuffix("px")) >= 2
        assert outline or seen["boxShadow"] != "none", (width, seen)
        for how in ("focusTooltip", "hoverTooltip"):
            tooltip = seen[how]
            assert tooltip, f"{width} px: no tooltip ({how})"
            assert tooltip["text"] and tooltip["text"].casefold() not in english, tooltip
            assert not tooltip["covered"], f"{width} px: the tooltip covers {tooltip['covered']}"
            assert seen[how + "Escape"], f"{width} px: Escape does not hide the tooltip ({how})"


@needs_browser
def test_back_to_top_has_enough_contrast_in_light_and_dark_mode(header):
    for mode in ("light", "dark"):
        seen = header["backToTop"][mode]
        assert seen["shown"], f"{mode}: scrolling up does not show the button"
        for state in ("rest", "hover"):
            colours = seen[state]
            assert colours["theme"] == mode and colours["text"] == "Terug naar boven"
            background = over(colours["background"], colours["page"])
            ratio = contrast(colours["color"], background)
            assert ratio >= 4.5, f"{mode}, {state}: {colours['color']} on {background} is {ratio:.2f}:1"

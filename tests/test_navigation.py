"""Navigation and search of the built site, in its files (issue 9): the search page stems words as
the index does, the index holds no words run together, no English label or tooltip is left, every
script is loaded once, a local favicon, no empty general index. What needs a browser (searching,
sidebars, names of controls, header buttons) is in test_browser.py.
"""

import json
import re
import shutil

import pytest

from site_tools import ENGLISH, articles, catalogue_messages, node, pages, soup

pytestmark = pytest.mark.site

needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="needs node")

# ---------------------------------------------------------------- search

@needs_node
def test_search_page_stems_words_as_the_index_does(site, tmp_path):
    """The browser's stemmer (the site's language_data.js) and the one that built the index
    (Python's snowballstemmer, through Sphinx, with the accents taken off first:
    digitale_inclusie.sphinx.search) give every word of the site the same stem."""
    from digitale_inclusie.sphinx.search import SearchDutchFolded

    language = SearchDutchFolded({})
    words = sorted({w.lower() for text in articles(site).values() for w in language.split(text)
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

    from digitale_inclusie.sphinx.search import SearchDutchFolded

    language = SearchDutchFolded({})
    words = {w for text in articles(site).values() for w in language.split(text)}
    known = words | {language.stem(w).lower() for w in words} | set(name2codepoint)
    script = (site / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(script[script.index("(") + 1:script.rindex(")")])
    unknown = sorted(t for t in set(index["terms"]) - known if not re.fullmatch(r"x[0-9a-f]+", t))
    assert not unknown, unknown[:20]
    assert {"vrijwilliger", "uitdag"} <= set(index["terms"])


# ---------------------------------------------------------------- sidebars at phone width


# ---------------------------------------------------------------- every page


def test_no_english_label_or_tooltip_in_the_html(site):
    """The same English strings as attributes of any element, hidden ones included."""
    english = ENGLISH | catalogue_messages()
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



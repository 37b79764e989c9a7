"""The search page: titles as text, numbers and words without accents findable, snippets from the
text that was found.

Sphinx 7.4's search page (``searchtools.js``) is patched after every HTML build, each patch on
one exact piece of Sphinx's file (:data:`PATCHES`); if Sphinx's file no longer holds a piece
exactly once, the build stops with an error naming it, rather than ship a search page without
the fix:

* ``titles``: the page puts every result's title into the page with ``innerHTML``. Page titles
  reach its index as HTML rendered by docutils (text escaped), but section titles
  (``alltitles``) as raw text: a section title such as ``<img src=x onerror=...>`` from a YAML
  entry, shown as text on its own page, would run as markup on ``search.html?q=<that title>``.
  Sphinx fixed this in 8.2 (sphinx-doc/sphinx#13355, #13356: escape where the title is
  displayed); this book stays on Sphinx 7.4 (Jupyter Book 1). The index itself is left as Sphinx
  writes it, so searching for a title as it reads still finds it.
* ``numbers``: the page dropped every query word made of digits only, so "46%" or "2023" found
  nothing, although the index holds the numbers of the pages.
* ``snippet-text``: a result's snippet was cut from the page's whole ``<main>``, which starts with
  the print-only title and table of contents and the header's buttons: where the words were not
  found literally, the snippet read "...1. Waarom ze". Those parts, and the "Toon code" labels of
  folded cells, are left out of the snippet's text.
* ``snippet-fold``: the snippet is placed at the words found, compared without accents (see
  below), so "enquete" shows the text around "enquête".

Accents: :class:`SearchDutchFolded` takes the accents off every word before Sphinx's Dutch
stemmer, both in the index (Python) and in the query (its JavaScript stemmer wraps the same
snowball stemmer), so that "enquete" finds what "enquête" finds, and "reëel" what "reeel" does.
"""

import unicodedata
from pathlib import Path

import sphinx
from sphinx.errors import ExtensionError
from sphinx.search.nl import SearchDutch

# name -> (Sphinx's text, the book's)
PATCHES = {
    "titles": (
        "titles[file] !== title ? `${titles[file]} > ${title}` : title,",
        "titles[file] !== title ? `${titles[file]} > ${_escapeTitle(title)}` : _escapeTitle(title),",
    ),
    "numbers": (
        "        stopwords.indexOf(queryTermLower) !== -1 ||\n        queryTerm.match(/^\\d+$/)\n",
        "        stopwords.indexOf(queryTermLower) !== -1\n",
    ),
    "snippet-text": (
        'for (const removalQuery of [".headerlink", "script", "style"]) {',
        'for (const removalQuery of [".headerlink", "script", "style", ".onlyprint", ".bd-header-article", '
        '"details > summary", ".d-print-none"]) {',
    ),
    "snippet-fold": (
        "    const textLower = text.toLowerCase();\n",
        "    const textLower = _foldAccents(text.toLowerCase());\n",
    ),
}
# the old names of the first patch (tests/test_search_safety.py)
ORIGINAL, PATCHED = PATCHES["titles"]
MARK = "// digitale_inclusie.sphinx.search:"
HELPER = (f"{MARK} patched after the build (section titles escaped, numbers findable, snippets from\n"
          "// the text found, compared without accents)\n"
          "const _escapeTitle = (text) => String(text).replace(/&/g, \"&amp;\").replace(/</g, \"&lt;\")"
          ".replace(/>/g, \"&gt;\").replace(/\"/g, \"&quot;\");\n"
          "// one character for one: the positions found stay those of the text shown\n"
          "const _foldAccents = (text) => Array.from(text, (c) => c.normalize(\"NFD\")[0]).join(\"\");\n")


def patch(text):
    """``searchtools.js`` with every patch applied; the same text if it is already patched."""
    if text.startswith(MARK):
        return text
    for name, (original, patched) in PATCHES.items():
        if text.count(original) != 1:
            raise ExtensionError(f"digitale_inclusie.sphinx.search: _static/searchtools.js does not hold {original!r} "
                                 f"exactly once (another Sphinx version?); the search page would lack the patch {name!r}")
        text = text.replace(original, patched)
    return HELPER + text


def fold(word):
    """``word`` without accents: 'enquête' -> 'enquete', 'reëel' -> 'reeel'."""
    # the combining marks U+0300-U+036F, as the query's JavaScript takes them off
    return "".join(c for c in unicodedata.normalize("NFD", word) if not "\u0300" <= c <= "\u036f")


def _js_stemmer():
    folder = Path(sphinx.__file__).parent / "search" / "minified-js"
    base = (folder / "base-stemmer.js").read_text(encoding="utf-8")
    dutch = (folder / SearchDutch.js_stemmer_rawcode).read_text(encoding="utf-8")
    return (f"{base}\n{dutch}\n"
            "// digitale_inclusie.sphinx.search: accents off before the Dutch stemmer, as in the index\n"
            "Stemmer = function () {\n"
            "  const dutch = new DutchStemmer();\n"
            "  this.stemWord = (word) => dutch.stemWord(word.normalize(\"NFD\").replace(/[\\u0300-\\u036f]/g, \"\"));\n"
            "};\n")


class SearchDutchFolded(SearchDutch):
    """Sphinx's Dutch search, with the accents taken off every word before it is stemmed."""

    js_stemmer_rawcode = ""  # the code below holds Sphinx's stemmer, wrapped
    js_stemmer_code = _js_stemmer()

    def stem(self, word):
        return super().stem(fold(word))


def _finished(app, exception):
    if exception is None and app.builder.format == "html":
        script = Path(app.outdir) / "_static" / "searchtools.js"
        if script.exists():
            script.write_text(patch(script.read_text(encoding="utf-8")), encoding="utf-8")


def connect(app):
    """Wire this part into the build (called by the extension's one ``setup``)."""
    app.add_search_language(SearchDutchFolded)
    app.connect("build-finished", _finished)

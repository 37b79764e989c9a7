"""Section titles on the search page as text, never as markup.

Sphinx 7.4's search page (``searchtools.js``) puts every result's title into the page with
``innerHTML``. Page titles reach its index as HTML rendered by docutils (text escaped), but
section titles (``alltitles``) as raw text: a section title such as ``<img src=x onerror=...>``
from a YAML entry, shown as text on its own page, would run as markup on
``search.html?q=<that title>``. Sphinx fixed this in 8.2 (sphinx-doc/sphinx#13355, #13356: escape
where the title is displayed); this book stays on Sphinx 7.4 (Jupyter Book 1), so after every
HTML build the one line of the copied ``_static/searchtools.js`` that builds a section title's
result is patched the same way. The index itself is left as Sphinx writes it, so searching for
a title as it reads still finds it. If Sphinx's file no longer holds that line, the build stops
with an error naming it, rather than ship an unpatched search page.
"""

from pathlib import Path

from sphinx.errors import ExtensionError

ORIGINAL = "titles[file] !== title ? `${titles[file]} > ${title}` : title,"
PATCHED = "titles[file] !== title ? `${titles[file]} > ${_escapeTitle(title)}` : _escapeTitle(title),"
HELPER = ("// digitale_inclusie.sphinx.search: section titles are raw text in the index; escape them for innerHTML\n"
          "const _escapeTitle = (text) => String(text).replace(/&/g, \"&amp;\").replace(/</g, \"&lt;\")"
          ".replace(/>/g, \"&gt;\").replace(/\"/g, \"&quot;\");\n")


def patch(text):
    """``searchtools.js`` with section titles escaped; the same text if it is already patched."""
    if PATCHED in text:
        return text
    if text.count(ORIGINAL) != 1:
        raise ExtensionError("digitale_inclusie.sphinx.search: _static/searchtools.js does not hold the line "
                             f"{ORIGINAL!r} exactly once (another Sphinx version?); the search page would insert "
                             "section titles as HTML")
    return HELPER + text.replace(ORIGINAL, PATCHED)


def _finished(app, exception):
    if exception is None and app.builder.format == "html":
        script = Path(app.outdir) / "_static" / "searchtools.js"
        if script.exists():
            script.write_text(patch(script.read_text(encoding="utf-8")), encoding="utf-8")


def connect(app):
    app.connect("build-finished", _finished)

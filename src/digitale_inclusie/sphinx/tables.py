"""Part of the book's Sphinx extension: header cells of Sphinx's own tables say what they head.

Tables written in Markdown (or with ``{table}``/``{list-table}``) are rendered by docutils with
``<th class="head">`` for column headers and ``<th class="stub">`` for row headers, without a
``scope``. Screen readers then guess the relation of cells and headers. This extension adds
``scope="col"`` and ``scope="row"`` to the rendered page body (the book's own tables, built in
``present.tables``, carry their scopes already). A captioned table is named by its caption's
text, without the permalink's "#".
"""

import re

_CAPTIONED = re.compile(r'<table(?P<attrs>[^>]*) id="(?P<id>[^"]+)">(?P<space>\s*)<caption><span class="caption-text">')
_HEAD = re.compile(r'<th class="head(?=[ "])')
_STUB = re.compile(r'<th class="stub(?=[ "])')


def add_scopes(html):
    """``<th class="head …">`` -> ``<th scope="col" class="head …">``; stubs get ``scope="row"``."""
    html = _HEAD.sub('<th scope="col" class="head', html)
    return _STUB.sub('<th scope="row" class="stub', html)


def name_by_caption(html):
    """A captioned table of Sphinx's is named by its caption's text alone: its caption also holds
    the permalink, whose "#" would end the table's accessible name ("Ondersteunend materiaal #")."""
    def name(match):
        return (f'<table{match["attrs"]} id="{match["id"]}" aria-labelledby="{match["id"]}-naam">'
                f'{match["space"]}<caption><span class="caption-text" id="{match["id"]}-naam">')

    return _CAPTIONED.sub(name, html)


def _page_context(app, pagename, templatename, context, doctree):
    if "body" in context:
        context["body"] = name_by_caption(add_scopes(context["body"]))


def _drop_sphinx_numbers(app, doctree, docname):
    """'Tabel N' and 'Figuur N' are the report's numbers, given by the pages. sphinx-exercise turns
    Sphinx's ``numfig`` on (to number exercises), which would also number every captioned table
    and figure ("Tabel 3" beside the report's numbers): keep Sphinx's numbers for exercises only."""
    numbers = app.env.toc_fignumbers.get(docname, {})
    for kind in ("table", "figure", "code-block"):
        numbers.pop(kind, None)


def connect(app):
    """Wire this part into the build (called by the extension's one ``setup``)."""
    app.connect("html-page-context", _page_context)
    app.connect("doctree-resolved", _drop_sphinx_numbers)  # before the page is written

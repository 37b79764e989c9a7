"""Part of the book's Sphinx extension (:mod:`digitale_inclusie.sphinx`): code cells, scripts, search.

Folded code cells with a Dutch, accessible toggle
    myst-nb folds a cell tagged ``hide-input`` into ``<details><summary>``, but gives the summary
    ``aria-label="Toggle hidden content"``: English, and it replaces the visible text ("Toon code:
    Tabel 1") for screen readers (WCAG 2.5.3, label in name). This extension renders the same
    element without that label, so the visible, Dutch text is the accessible name. The text itself
    comes from ``nb_code_prompt_show``/``nb_code_prompt_hide`` in ``_config.yml`` and, per cell,
    from the cell's ``mystnb`` metadata.

Every script once
    Jupyter Book adds every ``.js`` file under ``_static`` to ``html_js_files`` by its bare name,
    after the entries that ``_config.yml`` lists with their attributes (``defer``, priority), so
    ``nav.js`` ran twice, once without ``defer``. Only the first entry of each file is kept.
    Sphinx 7.4 also writes every inline script that an extension adds after the builder started
    twice (``None`` and ``""`` filenames do not compare equal; fixed upstream in Sphinx 8.2,
    sphinx-doc/sphinx#13402, out of reach while Jupyter Book 1 needs Sphinx 7): sphinx-thebe's
    ``const THEBE_JS_URL`` then threw a SyntaxError on every page. The same fix is applied here.

Words of HTML outputs stay apart in the search index
    Sphinx indexes a raw HTML output (a table printed by a cell) by deleting its tags, so the
    words of adjacent cells run together ("vrijwilligers" and "geen" became one word). A line
    break after each closing cell, row, list item, paragraph, heading or caption tag (and after
    ``<br>``) keeps them apart. HTML does not render that whitespace (between table cells and
    rows, and at the start of a block line), so the page looks the same; scripts, styles and
    preformatted text are left as they are.
"""

import re
from html import escape

from docutils import nodes


def visit_hide_cell(self, node):
    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {classes}">\n<summary>\n')
    self.body.append(f'<p class="collapsed admonition-title">{escape(node["prompt_show"])}</p>\n')
    self.body.append(f'<p class="expanded admonition-title">{escape(node["prompt_hide"])}</p>\n')
    self.body.append("</summary>\n")


def depart_hide_cell(self, node):
    self.body.append("</details>\n")


def keep_one_entry_per_file(app, config):
    """Drop the bare-name copies that Jupyter Book appends to ``html_js_files``/``html_css_files``."""
    for name in ("html_js_files", "html_css_files"):
        seen, kept = set(), []
        for entry in getattr(config, name):
            filename = entry if isinstance(entry, str) else entry[0]
            if filename not in seen:
                seen.add(filename)
                kept.append(entry)
        setattr(config, name, kept)


def add_inline_scripts_once(app):
    """Sphinx 7.4: pass an inline script's missing filename on as "", as Sphinx 8.2 does."""
    add_js_file = app.add_js_file

    def add_js_file_once(filename, priority=500, loading_method=None, **kwargs):
        return add_js_file(filename or "", priority, loading_method, **kwargs)

    app.add_js_file = add_js_file_once


# Verbatim parts (left alone) or a tag after which the browser collapses a line break.
BOUNDARY = re.compile(
    r"<(script|style|pre|textarea|template)\b.*?</\1\s*>"
    r"|(</(?:td|th|tr|li|dt|dd|p|h[1-6]|caption|figcaption|option|optgroup|label|legend|fieldset|div|section)\s*>|<br\b[^>]*>)(?!\s)",
    re.IGNORECASE | re.DOTALL)


def separate_blocks(html):
    """The HTML with a line break after every block boundary that is not followed by whitespace."""
    return BOUNDARY.sub(lambda m: m.group(0) if m.group(2) is None else m.group(2) + "\n", html)


def separate_words_in_html_outputs(app, doctree, docname):
    for node in doctree.findall(nodes.raw):
        if "html" in node.get("format", "").split():
            html = node.astext()
            spaced = separate_blocks(html)
            if spaced != html:
                node[:] = [nodes.Text(spaced)]


def connect(app):
    """Wire this part into the build (called by the extension's one ``setup``)."""
    from myst_nb.sphinx_ import HideCodeCellNode

    app.setup_extension("myst_nb")
    app.add_node(HideCodeCellNode, override=True, html=(visit_hide_cell, depart_hide_cell))
    add_inline_scripts_once(app)
    app.connect("config-inited", keep_one_entry_per_file, priority=100)
    app.connect("doctree-resolved", separate_words_in_html_outputs)

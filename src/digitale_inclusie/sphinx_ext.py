"""A Sphinx extension for the book's build: folded code cells with a Dutch, accessible toggle.

myst-nb folds a cell tagged ``hide-input`` into ``<details><summary>``, but gives the summary
``aria-label="Toggle hidden content"``: English, and it replaces the visible text ("Toon code:
Tabel 1") for screen readers (WCAG 2.5.3, label in name). This extension renders the same
element without that label, so the visible, Dutch text is the accessible name. The text itself
comes from ``nb_code_prompt_show``/``nb_code_prompt_hide`` in ``_config.yml`` and, per cell,
from the cell's ``mystnb`` metadata.
"""

from html import escape


def visit_hide_cell(self, node):
    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {classes}">\n<summary>\n')
    self.body.append(f'<p class="collapsed admonition-title">{escape(node["prompt_show"])}</p>\n')
    self.body.append(f'<p class="expanded admonition-title">{escape(node["prompt_hide"])}</p>\n')
    self.body.append("</summary>\n")


def depart_hide_cell(self, node):
    self.body.append("</details>\n")


def setup(app):
    from myst_nb.sphinx_ import HideCodeCellNode

    app.setup_extension("myst_nb")
    app.add_node(HideCodeCellNode, override=True, html=(visit_hide_cell, depart_hide_cell))
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""The book's analysis, run outside Jupyter: one implementation for the book, ``tables`` and the
audit.

Every table and figure is computed in its chapter notebook by one short code cell tagged
``analysis``: pandas on the respondent DataFrame ``df``, with the counting, the denominator, the
groups and the rounding in view. A page's import cell carries the same tag. :func:`run`
executes exactly those cells, page by page, on any respondent DataFrame; so the ``tables``
command, the audit and the book compute every number with the same code, the code a reader
sees folded under each table.

A cell's result is the variable named after the printed block it computes (``tabel_1``,
``figuur_6``, ``uren``, ...), placed by the block's declaration (:mod:`.blocks`);
:func:`recompute` gives every printed number recomputed.
"""

from fractions import Fraction
from pathlib import Path

import pandas as pd

from ..data.codebook import Codebook
from ..data.published import COLUMNS, KEY, load_published
from ..errors import AnalysisError
from ..paths import REPO, pages_with_code
from .blocks import BlockError, declare

ANALYSIS_TAG = "analysis"


def read_page(path):
    """A page with code as a notebook (``.ipynb``, or MyST Markdown with code cells)."""
    import nbformat

    path = Path(path)
    if path.suffix == ".ipynb":
        return nbformat.read(path, as_version=4)
    from myst_nb.core.read import read_myst_markdown_notebook

    return read_myst_markdown_notebook(path.read_text(encoding="utf-8"), path=path)


def analysis_cells(path):
    """The sources of a page's code cells tagged ``analysis``, in page order, with their
    position (cell number, counting from 1)."""
    notebook = read_page(path)
    return [(n, cell.source) for n, cell in enumerate(notebook.cells, start=1)
            if cell.cell_type == "code" and ANALYSIS_TAG in cell.metadata.get("tags", [])]


def run(respondents, pages=None, blocks=None):
    """Execute the analysis cells of every page (each page in a fresh namespace in which ``df``
    is a copy of ``respondents``) and return the printed blocks' results: block id -> Series or
    DataFrame (``blocks``: the declarations, by default those of the shipped printed numbers)."""
    blocks = blocks if blocks is not None else declare(load_published(), Codebook.load())
    results = {}
    for path in pages if pages is not None else pages_with_code():
        namespace = {"df": respondents.copy(), "__name__": f"analysis:{Path(path).stem}"}
        for number, source in analysis_cells(path):
            try:
                exec(compile(source, f"{Path(path).name}, cell {number}", "exec"), namespace)  # noqa: S102
            except Exception as exc:  # report which cell of which page, with the cause
                raise AnalysisError(path, number, source, exc) from exc
        for name, value in namespace.items():
            if name in blocks and isinstance(value, (pd.Series, pd.DataFrame)):
                if name in results:
                    raise AnalysisError(path, None, "", ValueError(f"result '{name}' is computed on two pages"))
                results[name] = value
    return results


def results_of(respondents, page):
    """The results of one page (a path relative to the repository root, e.g.
    ``notebooks/04_materiaal.ipynb``): for pages that show a chapter's numbers elsewhere, such as
    the toolbox, computed by that chapter's own cells."""
    return run(respondents, pages=[REPO / page])


def recompute(respondents, published, results=None, codebook=None):
    """Every printed number recomputed from ``respondents`` by the analysis cells: the rows of
    the printed numbers with ``value`` replaced by the computed value (None for numbers that are
    not about respondents, such as the share of governments that took part, and for numbers the
    file cannot give: a group without respondents, a question nobody in it answered)."""
    blocks = declare(published, codebook or Codebook.load())
    results = run(respondents, blocks=blocks) if results is None else results
    values = {}
    for block in blocks.values():
        if block.id not in results:
            raise AnalysisError("the analysis cells", None, "",
                                KeyError(f"no analysis cell computes '{block.id}' (expected a variable of that name)"))
        try:
            places = block.place(results[block.id], respondents)
        except BlockError as exc:
            raise AnalysisError("the analysis cells", None, "", exc) from None
        values.update({place.printed.key: place.value for place in places if place.printed})
    out = published[COLUMNS].copy()
    out["value"] = pd.Series([values.get(tuple(row[k] for k in KEY)) for _, row in published.iterrows()],
                             index=out.index, dtype=object)
    return out


def compare(recomputed, published):
    """The printed numbers beside their recomputed values; ``matches`` tells whether the two are
    equal."""
    out = published[COLUMNS].copy().rename(columns={"value": "printed"})
    out["recomputed"] = recomputed["value"].to_numpy()
    out["matches"] = [r is not None and Fraction(r) == Fraction(p)
                      for r, p in zip(out["recomputed"], out["printed"])]
    return out

"""The book's analysis, run outside Jupyter: one implementation for the book, ``tables`` and the
audit.

Every table and figure is computed in its chapter notebook by one short code cell tagged
``analysis``: pandas on the respondent DataFrame ``df``, with the counting, the denominator, the
groups and the rounding in view. A page's import cell carries the same tag. :func:`run`
executes exactly those cells, page by page, on any respondent DataFrame; so the ``tables``
command, the audit and the book compute every number with the same code, the code a reader
sees folded under each table.

A cell's result is the variable named after the printed block it computes (``tabel_1``,
``figuur_6``, ``uren``, ...): a Series or DataFrame labelled with codebook terms (group codes,
column names, answer codes) or printed labels. :func:`locate` finds a printed number's
counterpart in a result; :func:`recompute` gives every printed number recomputed.
"""

import re
from fractions import Fraction
from pathlib import Path

import numpy as np
import pandas as pd

from ..data.published import COLUMNS
from ..data.respondents import answer_counts, group_members
from ..errors import AnalysisError
from ..paths import REPO, pages_with_code

ANALYSIS_TAG = "analysis"
RESULT_NAME = re.compile(r"^(tabel|figuur)_\d+$")


def is_result_name(name):
    """Whether a variable of an analysis cell is a printed block's result."""
    from ..present.text import NAMED_TABLES

    return bool(RESULT_NAME.match(name)) or name in NAMED_TABLES


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


def run(respondents, pages=None):
    """Execute the analysis cells of every page (each page in a fresh namespace in which ``df``
    is a copy of ``respondents``) and return the printed blocks' results: name -> Series or
    DataFrame."""
    results = {}
    for path in pages if pages is not None else pages_with_code():
        namespace = {"df": respondents.copy(), "__name__": f"analysis:{Path(path).stem}"}
        for number, source in analysis_cells(path):
            try:
                exec(compile(source, f"{Path(path).name}, cell {number}", "exec"), namespace)  # noqa: S102
            except Exception as exc:  # report which cell of which page, with the cause
                raise AnalysisError(path, number, source, exc) from exc
        for name, value in namespace.items():
            if is_result_name(name) and isinstance(value, (pd.Series, pd.DataFrame)):
                if name in results:
                    raise AnalysisError(path, None, "", ValueError(f"result '{name}' is computed on two pages"))
                results[name] = value
    return results


def results_of(respondents, page):
    """The results of one page (a path relative to the repository root, e.g.
    ``notebooks/04_materiaal.ipynb``): for pages that show a chapter's numbers elsewhere, such as
    the toolbox, computed by that chapter's own cells."""
    return run(respondents, pages=[REPO / page])


def labels_of(row):
    """The labels under which a printed number can appear in a result: its group, codebook
    column and answer code, and its printed row and column labels."""
    return {row["group"], row["variable"], row["code"], row["item"], row["category"]} - {""}


def locate(result, row):
    """The value in ``result`` (Series or DataFrame) that corresponds to printed number ``row``:
    the one cell whose labels are all among the printed number's labels."""
    labels = labels_of(row)
    if isinstance(result, pd.Series):
        hits = [result[i] for i in result.index if i in labels]
    else:
        hits = [result.at[i, c] for i in result.index if i in labels for c in result.columns if c in labels]
    if len(hits) != 1:
        raise KeyError(f"{row['table']}: {len(hits)} cells fit the printed number for group '{row['group']}', "
                       f"item '{row['item']}', answer '{row['category']}' (expected one)")
    return plain(hits[0])


def why_missing(respondents, row):
    """Why the file holds no value for printed number ``row``: its group has no respondents, or
    nobody in the group answered its item. None when the file should hold a value (then a missing
    cell is a mistake in an analysis cell, not in the data)."""
    members = group_members(respondents, row["group"])
    if members.empty:
        return "geen respondenten in deze groep"
    variable = row["variable"]
    if variable in members and answer_counts(members, variable, ())[1] == 0:
        return "niemand in deze groep beantwoordde deze vraag"
    return None


def plain(value):
    """A result cell as a plain Python number: int, exact Fraction for decimals, None if missing."""
    if value is None or pd.isna(value):
        return None
    if isinstance(value, (float, np.floating)):
        f = Fraction(str(float(value)))
        return int(f) if f.denominator == 1 else f
    return int(value)


def recompute(respondents, published, results=None):
    """Every printed number recomputed from ``respondents`` by the analysis cells: the rows of
    the printed numbers with ``value`` replaced by the computed value (None for numbers that are
    not about respondents, such as the share of governments that took part, and for numbers the
    file cannot give: see :func:`why_missing`)."""
    results = run(respondents) if results is None else results
    values = []
    for _, row in published.iterrows():
        if row["statistic"] == "external":
            values.append(None)
            continue
        try:
            if row["table"] not in results:
                raise KeyError(f"no analysis cell computes '{row['table']}' (expected a variable of that name)")
            values.append(locate(results[row["table"]], row))
        except KeyError as exc:
            if why_missing(respondents, row) is None:
                raise AnalysisError("the analysis cells", None, "", exc) from None
            values.append(None)  # an empty group, or a question nobody in it answered
    out = published[COLUMNS].copy()
    out["value"] = pd.Series(values, index=out.index, dtype=object)
    return out


def compare(recomputed, published):
    """The printed numbers beside their recomputed values; ``matches`` tells whether the two are
    equal."""
    out = published[COLUMNS].copy().rename(columns={"value": "printed"})
    out["recomputed"] = recomputed["value"].to_numpy()
    out["matches"] = [r is not None and Fraction(r) == Fraction(p)
                      for r, p in zip(out["recomputed"], out["printed"])]
    return out

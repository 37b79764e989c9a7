"""An exercise's answer as the book shows it: the pandas result of a solution as an accessible
table with the book's labels (:func:`show_result`), and the answer as a sentence whose numbers
all come from that result (:func:`answer_text`, with :func:`share_summary` for shares per group).

A solution computes its result with pandas in view, groups in the book's order (the codebook's:
klein, middelgroot, groot; met, zonder) and with an ``n`` column; nothing here counts respondents.
"""

import pandas as pd

from ..data.codebook import SIZE, SUBSIDY, Codebook
from .page import PLACEHOLDER, HTML, Markdown
from .tables import result_html
from .text import group_name, markdown_text, number_text, with_size

GROUPING = (SIZE, SUBSIDY)  # index levels whose values are group codes
GROUP_HEADER = "Groep"  # the header of a column of groups, as in the book's tables


def _value_label(value, level, codebook):
    """A value of an index level as the book writes it: a group code by its name ('Klein'), an
    answer code of a codebook column by its label ('Ja, expliciet'); anything else unchanged."""
    if level in GROUPING and value in codebook.by_name[level].codes:
        return group_name(value)
    if level in codebook.by_name:
        return codebook.label(value, level)
    return str(value)


def row_labels(index, codebook=None):
    """The rows of a result as the book labels them: 'Klein', or for a combination of size and
    subsidy 'Klein · met subsidie' (the explorer's label of the same group)."""
    codebook = codebook or Codebook.load()
    labels = []
    for key in index:
        parts = key if isinstance(key, tuple) else (key,)
        names = [_value_label(v, level, codebook) for v, level in zip(parts, index.names)]
        labels.append(" · ".join([names[0], *(n[:1].lower() + n[1:] for n in names[1:])]))
    return labels


def _axis_name(name, codebook):
    if name in GROUPING:
        return GROUP_HEADER
    return codebook.label(name) if name else ""


def labelled(frame, codebook=None):
    """A result with the book's labels: rows and columns named by the codebook (group codes by
    their names, answer codes by their labels, a question by its title), in the result's order."""
    codebook = codebook or Codebook.load()
    shown = frame.copy()
    names = [_axis_name(n, codebook) for n in frame.index.names]
    corner = " · ".join(dict.fromkeys(n for n in names if n)) or None  # two group levels: 'Groep' once
    shown.index = pd.Index(row_labels(frame.index, codebook), name=corner)
    shown.columns = pd.Index([_value_label(c, frame.columns.name, codebook) for c in frame.columns],
                             name=_axis_name(frame.columns.name, codebook) or None)
    return shown


def show_result(frame, caption):
    """An exercise's pandas result as an accessible table with a caption, labelled as the book
    labels its tables (:func:`labelled`; see :func:`.tables.result_html`)."""
    return HTML(result_html(labelled(frame), caption))


def _names(labels):
    """'A', 'A en B', 'A, B en C'."""
    return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} en {labels[-1]}"


def share_summary(frame, column, n="n", unit="procent"):
    """Texts for the sentence of an answer that gives a share per group, from the result shown:
    ``per_groep``, every group with its n and share in the result's order ('Met subsidie (n = 222):
    88%; Zonder subsidie (n = 54): 89%', 'geen cijfer' where nobody answered) and ``spreiding``,
    where the share is highest and lowest ('het hoogst bij …: 89%, en het laagst bij …: 88%', every
    group that has it; 'in elke groep 88%' when all are equal). Each is true by the numbers of
    ``frame`` itself, whatever file they were computed from."""
    labels = row_labels(frame.index)
    rows = []
    for label, (_, row) in zip(labels, frame.iterrows()):
        count, value = int(row[n]), row[column]
        rows.append((with_size(label, count), None if count == 0 or pd.isna(value) else value))
    per_group = "; ".join(f"{label}: {'geen cijfer' if v is None else number_text(v, unit)}" for label, v in rows)
    known = [(label, v) for label, v in rows if v is not None]
    if not known:
        spread = "niet te berekenen: niemand beantwoordde de vraag"
    elif len(known) == 1:
        spread = f"alleen te berekenen voor {known[0][0]}: {number_text(known[0][1], unit)}"
    else:
        high, low = max(v for _, v in known), min(v for _, v in known)
        if high == low:
            spread = f"in elke groep{' met antwoorden' if len(known) < len(rows) else ''} {number_text(high, unit)}"
        else:
            spread = (f"het hoogst bij {_names([label for label, v in known if v == high])}: {number_text(high, unit)}, "
                      f"en het laagst bij {_names([label for label, v in known if v == low])}: {number_text(low, unit)}")
    return {"per_groep": per_group, "spreiding": spread}


def answer_text(template, **values):
    """An exercise's answer as a sentence, MyST rendered by the book and JupyterLab alike (as
    :meth:`.page.Page.text`): every ``{{name}}`` in ``template`` is the value given for it, a
    number or a text computed from the solution's result (escaped, so it never becomes markup)."""
    def fill(match):
        name = match.group(1)
        if name not in values:
            raise KeyError(f"{{{{{name}}}}}: no value of that name given to answer_text")
        return markdown_text(str(values[name]))

    filled = PLACEHOLDER.sub(fill, template)
    if "{{" in PLACEHOLDER.sub("", template):
        raise ValueError(f"a placeholder that is not {{{{name}}}}: {template[template.index('{{'):][:40]!r}")
    return Markdown(filled)

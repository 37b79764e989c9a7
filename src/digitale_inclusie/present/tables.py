"""Accessible HTML tables (caption, scoped headers), for computed numbers and for the data page.

The cells are computed elsewhere; a table only lays them out. A computed number that differs
from the one the report prints is marked, with the printed number beside it and, below the
table, the reason.
"""

from dataclasses import dataclass
from html import escape

from ..data.codebook import TOTAL
from .text import SMALL_GROUP, number_text


@dataclass(frozen=True)
class Cell:
    """One number of a table as shown, with what a reader or a download needs to know of it."""

    row: str  # row label as shown
    column: str  # column label as shown
    group: str  # group code: totaal, klein, ..., met, zonder
    n: int  # respondents in that group (in the file used)
    answered: int  # of them, those who answered the item: the denominator of a percentage
    variable: str  # codebook column, or '' when the number is not about one column
    answer: str  # answer or statistic, as shown
    value: object  # the computed number (int, Fraction or None)
    unit: str  # procent, uur or aantal
    printed: object = None  # the number the report prints, where it prints one
    reason: str = ""  # why the computed number differs from the printed one, when known
    key: tuple = ()  # the cell's labels in the result: (row,) or (row, column)

    @property
    def differs(self):
        return self.printed is not None and (self.value is None or float(self.value) != float(self.printed))


def cell_text(cell, long=True):
    """A number for running text or alt text: the computed value, and in brackets the printed
    one where they differ, the reason where the file gives none, and n for a small group."""
    notes = []
    if cell.value is None and cell.reason:
        notes.append(cell.reason)
    elif cell.differs:
        notes.append(f"rapport: {number_text(cell.printed, cell.unit, long)}")
    if cell.group != TOTAL and cell.n < SMALL_GROUP:
        notes.append(f"n = {cell.n}")
    text = number_text(cell.value, cell.unit, long)
    return f"{text} ({'; '.join(notes)})" if notes else text


def cell_html(cell, long=False):
    """One ``<td>``: the computed value, and the printed one where they differ. ``long`` writes
    the unit of hours out ('10 uur'), for tables that mix units."""
    shown = escape(number_text(cell.value, cell.unit, long))
    if not cell.differs:
        return f"<td>{shown}</td>"
    printed = escape(number_text(cell.printed, cell.unit, long))
    return (f'<td class="di-differs">{shown} <span class="di-mark" aria-hidden="true">*</span>'
            f'<br><span class="di-printed">rapport: {printed}</span></td>')


def block_table(cells, rows, columns, caption, number=None, row_header=""):
    """A table of computed numbers: ``rows`` and ``columns`` are the labels in order, ``cells``
    the :class:`Cell` objects (looked up by row and column label)."""
    by_place = {(c.row, c.column): c for c in cells}
    units = {c.unit for c in cells}
    html = ['<div class="di-table-wrap" tabindex="0" role="region" aria-label="'
            f'{escape(number or caption)}"><table class="di-table">']
    title = f"<strong>{escape(number)}:</strong> " if number else ""
    html.append(f"<caption>{title}{escape(caption)}</caption>")
    html.append("<thead><tr>" + f'<th scope="col">{escape(row_header)}</th>')
    html.extend(f'<th scope="col">{escape(c)}</th>' for c in columns)
    html.append("</tr></thead><tbody>")
    for r in rows:
        html.append(f'<tr><th scope="row">{escape(r)}</th>')
        for c in columns:
            cell = by_place.get((r, c))
            html.append(cell_html(cell, long=units != {"uur"}) if cell else "<td>–</td>")
        html.append("</tr>")
    html.append("</tbody></table>")
    differing = [c for c in cells if c.differs]
    if differing:
        html.append('<ul class="di-notes">')
        for c in differing:
            where = ", ".join(x for x in (c.row, c.column) if x and x not in ("Aandeel respondenten", "Waarde"))
            if c.value is None:
                text = (f"het rapport drukt {number_text(c.printed, c.unit)}; dit bestand geeft geen cijfer"
                        + (f": {c.reason}." if c.reason else "."))
            else:
                text = (f"het rapport drukt {number_text(c.printed, c.unit)}, hier berekend: "
                        f"{number_text(c.value, c.unit)}. {c.reason}")
            html.append(f'<li><span aria-hidden="true">*</span> {escape(where)}: {escape(text.strip())}</li>')
        html.append("</ul>")
    if units == {"uur"}:
        html.append('<p class="di-unit">Waarden in uur per week.</p>')
    html.append("</div>")
    return "".join(html)


def frame_table(frame, caption, css_class=""):
    """A DataFrame of text as an accessible table: the first column as row headers."""
    head = "".join(f'<th scope="col">{escape(str(c))}</th>' for c in frame.columns)
    body = []
    for _, row in frame.iterrows():
        values = [str(v) for v in row]
        first = f'<th scope="row">{escape(values[0])}</th>'
        body.append("<tr>" + first + "".join(f"<td>{escape(v)}</td>" for v in values[1:]) + "</tr>")
    classes = f"di-table {css_class}".strip()
    return (f'<div class="di-table-wrap" tabindex="0" role="region" aria-label="{escape(caption)}">'
            f'<table class="{classes}"><caption>{escape(caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>")


def result_html(frame, caption):
    """Any pandas result (an exercise's answer, say) as an accessible table: a caption, the
    index as row headers under the index's name, every header cell named, an empty value as '–'."""
    shown = frame.copy()
    corner = " / ".join(str(n) for n in [*shown.index.names, shown.columns.name] if n) or "Rij"
    shown.index = [str(i) for i in shown.index]
    shown.columns = [str(c) for c in shown.columns]
    shown = shown.astype(object).where(shown.notna(), "–").astype(str)
    shown.insert(0, corner, shown.index)
    return frame_table(shown, caption, css_class="di-result")


CATALOGUE_PAGE = "../book/catalogus.html"  # from a chapter page


def challenges_html(challenges, practices):
    """The challenges with the catalogue's actions that name them, as an accessible HTML table
    (a caption, the challenge as row header linking its section of chapter 5, the actions linking
    their entries in the catalogue). Every text from the YAML files is escaped, so nothing in
    them can become markup; anchors are ids the schema restricts to ``[a-z0-9-]``.
    ``challenges`` is a DataFrame indexed by challenge id with ``naam``, ``soort``,
    ``hoofdstuk`` and ``acties`` (a list of practice ids)."""
    names = {p["id"]: p["naam"] for p in practices}
    caption = "De uitdagingen uit het rapport en de acties uit de catalogus die ermee samenhangen"

    def link(href, text):
        return f'<a href="{escape(href)}">{escape(" ".join(str(text).split()))}</a>'

    rows = []
    for _, row in challenges.iterrows():
        actions = ", ".join(link(f"{CATALOGUE_PAGE}#praktijk-{i}", names[i]) for i in row["acties"]) or "geen"
        rows.append(f'<tr><th scope="row">{link("#" + row["hoofdstuk"], row["naam"])}</th>'
                    f"<td>{escape(str(row['soort']))}</td><td>{actions}</td></tr>")
    head = "".join(f'<th scope="col">{c}</th>' for c in ("Uitdaging", "Soort", "Acties in de catalogus"))
    return (f'<div class="di-table-wrap" tabindex="0" role="region" aria-label="{escape(caption)}">'
            f'<table class="di-table di-challenges"><caption>{escape(caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")

"""What the chapter notebooks call: recomputed tables and figures as accessible HTML.

A notebook loads a :class:`Context` once, then makes one call per table or figure. Every
number shown comes from the respondent file through :func:`~digitale_inclusie.tables.compute_tables`;
where it differs from the printed number (the register), the table shows both.
"""

from dataclasses import dataclass, field
from fractions import Fraction
from html import escape
from pathlib import Path

import pandas as pd

from .book import load_register
from .codebook import Codebook
from .paths import RESPONDENTS, respondents_source
from .published import KEY, load_published
from .respondents import load_respondents
from .rounding import dutch_number
from .tables import compare, compute_tables

BREAKDOWN_TABS = {"totaal": "Alle respondenten", "grootte": "Naar grootte", "subsidie": "Naar subsidie"}
SHORT_GROUPS = {"totaal": "Alle respondenten", "klein": "Klein", "middelgroot": "Middelgroot",
                "groot": "Groot", "met": "Met subsidie", "zonder": "Zonder subsidie"}


@dataclass
class Context:
    """Everything a chapter needs: printed numbers, respondent file, recomputed numbers."""

    published: pd.DataFrame
    respondents: pd.DataFrame
    register: pd.DataFrame
    source: Path
    compared: pd.DataFrame = field(init=False)

    def __post_init__(self):
        recomputed = compute_tables(self.respondents, self.published)
        self.compared = compare(recomputed, self.published)
        self.compared["exact"] = recomputed["exact"].to_numpy()
        reasons = {tuple(r[k] for k in KEY): r["reason"] for _, r in self.register.iterrows()}
        self.compared["reason"] = [reasons.get(tuple(r[k] for k in KEY), "")
                                   for _, r in self.compared.iterrows()]

    @classmethod
    def load(cls, path=None):
        source = Path(path) if path else respondents_source()
        return cls(published=load_published(), respondents=load_respondents(source, Codebook.load()),
                   register=load_register(), source=source)

    @property
    def reconstruction(self):
        """Whether the numbers come from the shipped reconstruction (not real survey data)."""
        return self.source.resolve() == RESPONDENTS.resolve()

    def rows(self, table):
        rows = self.compared[self.compared["table"] == table]
        if rows.empty:
            raise KeyError(f"no printed table '{table}'")
        return rows

    def row(self, table, group="totaal", item=None, category=None):
        rows = self.rows(table)
        rows = rows[rows["group"] == group]
        if item is not None:
            rows = rows[rows["item"] == item]
        if category is not None:
            rows = rows[rows["category"] == category]
        if len(rows) != 1:
            raise KeyError(f"{table}/{group}/{item}/{category}: {len(rows)} rows, expected one")
        return rows.iloc[0]

    def share_text(self, variable, code, group="totaal"):
        """The recomputed share of one answer as Dutch text, found by codebook column."""
        rows = self.compared[(self.compared["variable"] == variable) & (self.compared["code"] == code)
                             & (self.compared["group"] == group) & (self.compared["statistic"] == "share")]
        if len(rows) != 1:
            raise KeyError(f"{variable}={code} in {group}: {len(rows)} printed numbers, expected one")
        return format_value(rows["recomputed"].iloc[0], rows["unit"].iloc[0])

    def text(self, table, group="totaal", item=None, category=None):
        """The recomputed value as Dutch text with its unit, e.g. '72%' or '10 uur'."""
        row = self.row(table, group, item, category)
        return format_value(row["recomputed"], row["unit"], long=True)


def format_value(value, unit, long=False):
    """72 -> '72%'; hours with a decimal comma; None -> '–'."""
    if value is None:
        return "–"
    value = Fraction(value)
    text = str(value.numerator) if value.denominator == 1 else dutch_number(float(value), 1)
    if unit == "procent":
        return f"{text}%"
    if unit == "uur" and long:
        return f"{text} uur"
    return text


def _cell(row, long=False):
    """HTML of one table cell: the recomputed value, and the printed one where they differ.
    ``long`` writes the unit of hours out ('10 uur'), for tables that mix units."""
    shown = escape(format_value(row["recomputed"], row["unit"], long))
    if row["matches"]:
        return f"<td>{shown}</td>"
    printed = escape(format_value(row["printed"], row["unit"], long))
    return (f'<td class="di-differs">{shown} <span class="di-mark" aria-hidden="true">*</span>'
            f'<br><span class="di-printed">rapport: {printed}</span></td>')


def _layout(rows):
    """Rows and columns of a printed table as the report lays it out."""
    groups = list(dict.fromkeys(rows["group"]))
    items = list(dict.fromkeys(rows["item"]))
    categories = list(dict.fromkeys(rows["category"]))
    if len(groups) > 1 and len(items) > 1:
        return "group", groups, "item", items
    if len(groups) > 1:
        return "group", groups, "category", categories
    if len(items) > 1:
        return "item", items, "category", categories
    return "category", categories, "item", items


def html_table(rows, caption, number=None, row_header=None):
    """An accessible HTML table (caption, scoped headers) of printed-table rows, showing the
    recomputed numbers and, where they differ, the printed ones with the computed reason."""
    row_key, row_values, col_key, col_values = _layout(rows)
    label = {"group": lambda g: SHORT_GROUPS[g]}.get(row_key, lambda x: x)
    col_label = {"group": lambda g: SHORT_GROUPS[g]}.get(col_key, lambda x: x)
    units = set(rows["unit"])
    head = row_header or {"group": "Groep", "item": "", "category": ""}[row_key]
    html = ['<div class="di-table-wrap" tabindex="0"><table class="di-table">']
    title = f"<strong>{escape(number)}:</strong> " if number else ""
    html.append(f"<caption>{title}{escape(caption)}</caption>")
    html.append("<thead><tr>" + f'<th scope="col">{escape(head)}</th>')
    if len(col_values) == 1 and col_key == "item" and row_key == "category":
        html.append('<th scope="col">Waarde</th>')
    elif len(col_values) == 1 and col_key == "category" and col_values[0] in ("Ja", "Gebruikt"):
        html.append('<th scope="col">Aandeel respondenten</th>')
    else:
        html.extend(f'<th scope="col">{escape(col_label(c))}</th>' for c in col_values)
    html.append("</tr></thead><tbody>")
    notes = []
    for r in row_values:
        html.append(f'<tr><th scope="row">{escape(label(r))}</th>')
        for c in col_values:
            match = rows[(rows[row_key] == r) & (rows[col_key] == c)]
            if match.empty:
                html.append("<td>–</td>")
                continue
            row = match.iloc[0]
            html.append(_cell(row, long=units != {"uur"}))
            if not row["matches"]:
                notes.append(row)
        html.append("</tr>")
    html.append("</tbody></table>")
    if notes:
        html.append('<ul class="di-notes">')
        for row in notes:
            where = f"{SHORT_GROUPS[row['group']]}, {row['item']}"
            if row["category"] not in ("Ja", "Gebruikt"):
                where += f", {row['category']}"
            html.append(f"<li><span aria-hidden=\"true\">*</span> {escape(where)}: het rapport drukt "
                        f"{escape(format_value(row['printed'], row['unit']))}, de herberekening geeft "
                        f"{escape(format_value(row['recomputed'], row['unit']))}. "
                        f"{escape(row['reason'])}</li>")
        html.append("</ul>")
    if "uur" in units and len(units) == 1:
        html.append('<p class="di-unit">Waarden in uur per week.</p>')
    html.append("</div>")
    return "".join(html)


def caption_note(ctx, table):
    """The note under a table whose printed caption does not match its content; the text comes
    from the transcription (data/published), which keeps the printed caption."""
    note = ctx.rows(table)["note"].iloc[0]
    return f'<p class="di-unit">Let op: {escape(note)}</p>' if note else ""


def number_of(table):
    """'tabel_1' -> 'Tabel 1', 'figuur_6' -> 'Figuur 6', others None."""
    if table.startswith(("tabel_", "figuur_")):
        kind, n = table.split("_")
        return f"{kind.capitalize()} {n}"
    return None


# ---------------------------------------------------------------- charts

def _bars(rows, title):
    """Horizontal bars of shares: one bar per item, grouped by group when there are several."""
    from .style import PALETTE, TEXT, new_figure, percent_axis

    items = list(dict.fromkeys(rows["item"]))
    groups = list(dict.fromkeys(rows["group"]))
    value = {(r["item"], r["group"]): float(r["recomputed"]) for _, r in rows.iterrows()}
    lines = max(_wrap(i, 38).count("\n") + 1 for i in items)
    per_item = max(0.32 * len(groups), 0.2 * lines + 0.12)
    fig, ax = new_figure(0.9 + per_item * len(items) + (0.4 if len(groups) > 1 else 0))
    band = 0.8 / len(groups)
    for n, group in enumerate(groups):
        ys = [i + (n - (len(groups) - 1) / 2) * band for i in range(len(items))]
        xs = [value.get((item, group), 0.0) for item in items]
        bars = ax.barh(ys, xs, height=band * 0.95, color=PALETTE[n % len(PALETTE)],
                       label=SHORT_GROUPS[group])
        ax.bar_label(bars, labels=[f"{dutch_number(x)}%" for x in xs], padding=3, fontsize=9, color=TEXT)
    ax.set_yticks(range(len(items)), [_wrap(i, 38) for i in items])
    ax.invert_yaxis()  # first item on top, as printed
    ax.set_xlim(0, 108)
    percent_axis(ax.xaxis)
    ax.set_xlabel("Aandeel respondenten")
    ax.grid(axis="y", visible=False)
    if len(groups) > 1:
        ax.legend(loc="lower right", frameon=True)
    alt = f"Staafdiagram: {title}. " + "; ".join(
        (f"{SHORT_GROUPS[g]}: " if len(groups) > 1 else "")
        + ", ".join(f"{i} {format_value(value[(i, g)], 'procent')}" for i in items if (i, g) in value)
        for g in groups) + "."
    return fig, alt


def _stacked(rows, title, by):
    """100% stacked horizontal bars: one bar per item (or group), one segment per category."""
    from .style import PALETTE, label_colour, new_figure, percent_axis

    keys = list(dict.fromkeys(rows[by]))
    categories = list(dict.fromkeys(rows["category"]))
    labels = [_wrap(SHORT_GROUPS.get(k, k) if by == "group" else k, 55) for k in keys]
    lines = max(label.count("\n") + 1 for label in labels)
    fig, ax = new_figure(1.4 + len(keys) * max(0.45, 0.19 * lines + 0.12))
    left = [0.0] * len(keys)
    positions = list(range(len(keys)))[::-1]
    for n, category in enumerate(categories):
        values = []
        for k in keys:
            match = rows[(rows[by] == k) & (rows["category"] == category)]
            values.append(float(match["recomputed"].iloc[0]) if not match.empty else 0.0)
        color = PALETTE[n % len(PALETTE)]
        bars = ax.barh(positions, values, left=left, color=color, label=category, edgecolor="white")
        text_color = label_colour(color)
        if text_color:
            ax.bar_label(bars, labels=[f"{dutch_number(v)}%" if v >= 6 else "" for v in values],
                         label_type="center", fontsize=8.5, color=text_color)
        left = [a + b for a, b in zip(left, values)]
    ax.set_yticks(positions, labels)
    ax.set_xlim(0, 100)
    percent_axis(ax.xaxis)
    ax.set_xlabel("Aandeel respondenten")
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=len(categories), frameon=False)
    ax.grid(axis="y", visible=False)
    alt = f"Gestapeld staafdiagram: {title}. " + "; ".join(
        f"{SHORT_GROUPS.get(k, k) if by == 'group' else k}: " + ", ".join(
            f"{r['category']} {format_value(r['recomputed'], 'procent')}"
            for _, r in rows[rows[by] == k].iterrows()) for k in keys) + "."
    return fig, alt


def _means(rows, title):
    """Horizontal bars of mean hours per group."""
    from .style import PALETTE, TEXT, new_figure

    groups = list(dict.fromkeys(rows["group"]))
    values = [float(v) for v in rows["recomputed"]]
    fig, ax = new_figure(0.9 + 0.4 * len(groups))
    bars = ax.barh(list(range(len(groups)))[::-1], values, color=PALETTE[0])
    ax.bar_label(bars, labels=[f"{dutch_number(v)} uur" for v in values], padding=3, fontsize=9, color=TEXT)
    ax.set_yticks(list(range(len(groups)))[::-1], [SHORT_GROUPS[g] for g in groups])
    ax.set_xlim(0, max(values) * 1.25 + 1)
    ax.set_xlabel("Gemiddeld aantal uur per week")
    alt = f"Staafdiagram: {title}. " + "; ".join(
        f"{SHORT_GROUPS[g]} {format_value(v, 'uur', long=True)}" for g, v in zip(groups, rows["recomputed"])) + "."
    return fig, alt


def _wrap(text, width):
    import textwrap

    return "\n".join(textwrap.wrap(text, width)) or text


CHARTS = {"bars": _bars, "means": _means}


def chart_html(rows, kind, title, number=None, caption=None):
    """A chart of printed-table rows (recomputed values) as an accessible ``<figure>``."""
    from .style import figure_html

    if kind == "stacked":
        fig, alt = _stacked(rows, title, by="item" if rows["group"].nunique() == 1 else "group")
    else:
        fig, alt = CHARTS[kind](rows, title)
    return figure_html(fig, alt, caption or title, number)


def view_html(ctx, table, caption, chart=None, chart_title=None):
    """One view: the chart (if any) and the table beside it, both from recomputed numbers."""
    rows = ctx.rows(table)
    number = number_of(table)
    parts = []
    if chart:
        figure_number = number if number and number.startswith("Figuur") else None
        chart_caption = chart_title or caption
        if number and not figure_number:
            chart_caption = f"{chart_caption} (grafiek bij {number.lower()})"
        parts.append(chart_html(rows, chart, chart_title or caption, figure_number, chart_caption))
    table_number = number if number and number.startswith("Tabel") else None
    table_caption = caption if table_number or not number else f"{caption} (cijfers bij {number.lower()})"
    parts.append(html_table(rows, table_caption, table_number))
    return "".join(parts)


def views(ctx, tables, chart=None, chart_title=None):
    """The views of a block, keyed by breakdown: ``tables`` maps a breakdown to
    (printed table id, caption), or to a string: a note that the report gives no such numbers."""
    out = {}
    for breakdown, spec in tables.items():
        if isinstance(spec, str):
            out[breakdown] = f'<div class="di-missing"><p>{escape(spec)}</p></div>'
        else:
            table, caption = spec
            title = chart_title.get(breakdown) if isinstance(chart_title, dict) else chart_title
            out[breakdown] = view_html(ctx, table, caption, chart, title)
    return out


class HTML:
    """Minimal rich-display object (text/html) for notebooks and myst-nb's glue."""

    def __init__(self, html):
        self.html = html

    def _repr_html_(self):
        return self.html

    def __repr__(self):
        return "<HTML>"


def glue_views(name, block):
    """Glue each view of a block as ``{name}_{breakdown}`` for the page's tabs."""
    from myst_nb import glue

    for breakdown, html in block.items():
        glue(f"{name}_{breakdown}", HTML(html), display=False)


def glue_numbers(numbers):
    """Glue Dutch texts of numbers for the prose: {key: text}."""
    from myst_nb import glue

    for key, text in numbers.items():
        glue(key, text, display=False)


def widget(block):
    """A live switch between the views of a block (for a running notebook; the site shows the
    same views as tabs)."""
    import ipywidgets as widgets
    from IPython.display import HTML as IPyHTML
    from IPython.display import display

    labels = {BREAKDOWN_TABS[b]: b for b in block}
    toggle = widgets.ToggleButtons(options=list(labels), description="Opsplitsing:")
    output = widgets.Output()

    def show(change=None):
        output.clear_output()
        with output:
            display(IPyHTML(block[labels[toggle.value]]))

    toggle.observe(show, names="value")
    show()
    return widgets.VBox([toggle, output])


def data_notice(ctx):
    """The notice above every chapter: where the numbers come from."""
    if ctx.reconstruction:
        text = ("Alle cijfers in dit hoofdstuk zijn berekend uit het **gereconstrueerde "
                "respondentenbestand** van deze kennisbank, niet overgenomen uit het rapport. Dat "
                "bestand reproduceert de gedrukte cijfers; waar een gedrukt cijfer niet te "
                "reproduceren valt, tonen de tabellen beide, met de reden. Zie "
                "[Over de data en de methode](../book/over-de-data.md).")
    else:
        text = (f"Alle cijfers in dit hoofdstuk zijn berekend uit het respondentenbestand "
                f"`{ctx.source.name}`. Waar ze afwijken van het rapport, tonen de tabellen beide.")
    return f"```{{admonition}} Over deze cijfers\n:class: note\n{text}\n```"


# ---------------------------------------------------------------- weekly hours

HOUR_BANDS = (
    ("een halfuur of minder", None, Fraction(1, 2)),
    ("meer dan een halfuur tot 4 uur", Fraction(1, 2), Fraction(4)),
    ("meer dan 4 tot minder dan 20 uur", Fraction(4), Fraction(20) - Fraction(1, 1000)),
    ("20 tot minder dan 38 uur", Fraction(20) - Fraction(1, 1000), Fraction(38) - Fraction(1, 1000)),
    ("38 uur of meer (voltijds)", Fraction(38) - Fraction(1, 1000), None),
)


def hour_bands(respondents, group="totaal"):
    """Share of the group's respondents per band of weekly hours (exact percentages).

    The bands follow the cut points the report prints (half an hour, 4, 5, 20, 38 hours)."""
    from .tables import exact_hours, select_group
    from .rounding import percent

    from .codebook import HOURS

    hours = exact_hours(select_group(respondents, group)[HOURS])
    out = []
    for label, low, high in HOUR_BANDS:
        k = sum(1 for h in hours if (low is None or h > low) and (high is None or h <= high))
        out.append((label, percent(k, len(hours))))
    return out


def hours_html(ctx, caption):
    """Figure and table of the distribution of weekly hours over the printed bands: for all
    respondents, and per group only when the data are real (in the reconstruction the
    distribution within a group is not printed, so it would be invented)."""
    from .rounding import half_up
    from .style import PALETTE, figure_html, label_colour, new_figure, percent_axis

    groups = ["totaal"] + ([] if ctx.reconstruction else ["klein", "middelgroot", "groot", "met", "zonder"])
    table = {g: hour_bands(ctx.respondents, g) for g in groups}
    fig, ax = new_figure(1.2 + 0.45 * len(groups))
    positions = list(range(len(groups)))[::-1]
    left = [0.0] * len(groups)
    for n, (label, _, _) in enumerate(HOUR_BANDS):
        values = [float(table[g][n][1]) for g in groups]
        color = PALETTE[n]
        bars = ax.barh(positions, values, left=left, color=color, label=label, edgecolor="white")
        text_color = label_colour(color)
        if text_color:
            ax.bar_label(bars, labels=[f"{half_up(table[g][n][1])}%" if v >= 5 else "" for g, v in zip(groups, values)],
                         label_type="center", fontsize=8.5, color=text_color)
        left = [a + b for a, b in zip(left, values)]
    ax.set_yticks(positions, [SHORT_GROUPS[g] for g in groups])
    ax.set_xlim(0, 100)
    percent_axis(ax.xaxis)
    ax.set_xlabel("Aandeel respondenten")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.35 if len(groups) == 1 else -0.12), ncol=2, frameon=False)
    ax.grid(axis="y", visible=False)
    alt = "Gestapeld staafdiagram van de wekelijkse tijdsbesteding. " + "; ".join(
        f"{SHORT_GROUPS[g]}: " + ", ".join(f"{label} {half_up(v)}%" for label, v in table[g]) for g in groups) + "."
    html = [figure_html(fig, alt, caption)]
    html.append('<div class="di-table-wrap" tabindex="0"><table class="di-table">')
    html.append(f"<caption>{escape(caption)} (cijfers bij de grafiek)</caption><thead><tr><th scope=\"col\">Uren per week</th>")
    html.extend(f'<th scope="col">{escape(SHORT_GROUPS[g])}</th>' for g in groups)
    html.append("</tr></thead><tbody>")
    for n, (label, _, _) in enumerate(HOUR_BANDS):
        html.append(f'<tr><th scope="row">{escape(label)}</th>')
        html.extend(f"<td>{half_up(table[g][n][1])}%</td>" for g in groups)
        html.append("</tr>")
    html.append("</tbody></table></div>")
    if ctx.reconstruction:
        html.append('<p class="di-unit">Het rapport geeft de verdeling alleen voor alle respondenten samen. '
                    'Per groep kent het alleen het gemiddelde (zie de andere tabbladen); een verdeling per '
                    'groep uit het gereconstrueerde bestand zou verzonnen zijn en wordt daarom niet getoond. '
                    'Met het echte enquêtebestand toont deze figuur ook de groepen.</p>')
    return "".join(html)


# ---------------------------------------------------------------- figure 4

def phases_html(number, caption, phases, centre):
    """Figure 4: practice actions embedded in three policy phases that follow each other
    without a fixed start (a cycle), as a diagram."""
    from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

    from .style import PALETTE, TEXT, figure_html, new_figure

    fig, ax = new_figure(4.6)
    ax.set_xlim(-1.6, 1.6)
    ax.set_ylim(-1.35, 1.35)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.add_patch(Circle((0, 0), 0.42, color=PALETTE[0]))
    ax.text(0, 0, _wrap(centre, 14), ha="center", va="center", color="white", fontsize=10, weight="bold")
    import math

    angles = [90, 210, 330]
    points = []
    for n, (phase, angle) in enumerate(zip(phases, angles)):
        x, y = 1.0 * math.cos(math.radians(angle)), 1.0 * math.sin(math.radians(angle))
        points.append((x, y))
        ax.add_patch(FancyBboxPatch((x - 0.55, y - 0.2), 1.1, 0.4, boxstyle="round,pad=0.05",
                                    facecolor="white", edgecolor=PALETTE[n + 1], linewidth=2.5))
        ax.text(x, y, _wrap(phase, 22), ha="center", va="center", color=TEXT, fontsize=9)
    for n in range(3):
        ax.add_patch(FancyArrowPatch(points[n], points[(n + 1) % 3], connectionstyle="arc3,rad=0.45",
                                     arrowstyle="-|>", mutation_scale=16, shrinkA=34, shrinkB=34,
                                     color="#595959", linewidth=1.5))
    alt = (f"Schema: in het midden '{centre}', daaromheen drie beleidsfasen in een kring met pijlen "
           f"van de ene naar de volgende: " + ", ".join(f"'{p}'" for p in phases)
           + ". De kring heeft geen vast beginpunt.")
    return figure_html(fig, alt, caption, number)

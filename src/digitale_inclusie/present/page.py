"""What a page of the book calls after its analysis: one :class:`Page` per page.

A chapter notebook computes every table and figure with pandas in its own cells (see
:mod:`digitale_inclusie.analysis.cells`); :meth:`Page.show` then lays a result out: the chart, the
accessible table with the printed number beside any computed number that differs from it, and
the CSV download. Nothing here computes a statistic from respondents.
"""

import hashlib
from functools import cached_property
from html import escape
from pathlib import Path

import pandas as pd

from ..analysis.cells import labels_of, plain, why_missing
from ..data.codebook import SIZE, SIZES, SUBSIDIES, SUBSIDY, Codebook
from ..data.published import load_published
from ..data.respondents import answer_counts, group_members
from ..data.register import KEY, load_register, reasons
from ..paths import DATAPACKAGE, PUBLISHED, REGISTER, RESPONDENTS, respondents_source
from ..analysis.stats import percent_summing_to_100
from .text import GROUPS, inline_code, numbered, table_label
from . import charts, downloads
from .style import figure_html
from .tables import Cell, block_table, cell_text, frame_table, group_label

GROUP_ORDER = ("totaal",) + SIZES + SUBSIDIES


class _Rich:
    """Rich display of text made by the book, for a notebook and for myst-nb's glue."""

    def __init__(self, text):
        self.text = text

    def __repr__(self):
        return f"<{type(self).__name__}>"


class HTML(_Rich):
    def _repr_html_(self):
        return self.text


class Markdown(_Rich):
    """Rendered as MyST by the book (``nb_render_markdown_format: myst``)."""

    def _repr_markdown_(self):
        return self.text


class Page:
    """The presentation of one page: computed results next to the printed numbers, downloads.

    ``respondents`` is the DataFrame the page's analysis used; ``source`` the file it came from
    (default: the file in use, :func:`~digitale_inclusie.paths.respondents_source`)."""

    def __init__(self, respondents, source=None):
        self.df = respondents
        self.source = Path(source) if source else respondents_source()
        self.codebook = Codebook.load()
        published = load_published()
        self.printed = published[published["statistic"] != "external"]
        # the register explains the reconstruction's differences only, not those of another file
        self.reasons = reasons(load_register()) if self.reconstruction else {}
        self.sizes = {g: len(group_members(respondents, g)) for g in GROUP_ORDER}
        self._tested = {}  # claim id -> its row of claims.csv, tested on this page's respondents

    @property
    def reconstruction(self):
        """Whether the numbers come from the shipped reconstruction (not real survey data)."""
        return self.source.resolve() == RESPONDENTS.resolve()

    # ------------------------------------------------------------------ notice

    def notice(self):
        """The note above every chapter: where its numbers come from."""
        if self.reconstruction:
            text = ("Alle cijfers in dit hoofdstuk zijn berekend uit het **gereconstrueerde "
                    "respondentenbestand** van deze kennisbank, niet overgenomen uit het rapport. Dat "
                    "bestand reproduceert de gedrukte cijfers; waar een gedrukt cijfer niet te "
                    "reproduceren valt, tonen de tabellen beide, met de reden. Boven elke tabel staat de "
                    "code die haar berekent (**Toon code**), eronder een CSV-bestand met de cijfers. Zie "
                    "[Over de data en de methode](../book/over-de-data.md) en "
                    "[Zelf uitvoeren](../book/zelf-uitvoeren.md).")
        else:
            text = (f"Alle cijfers in dit hoofdstuk zijn berekend uit het respondentenbestand "
                    f"{inline_code(self.source.name)} ({len(self.df)} respondenten). Waar ze afwijken van het "
                    "rapport, tonen de tabellen beide. Boven elke tabel staat de code die haar "
                    "berekent (**Toon code**).")
        return Markdown(f"```{{admonition}} Over deze cijfers\n:class: note\n{text}\n```")

    def other_file_note(self):
        """For the data page, built with another file than the reconstruction: which numbers
        show that file and which describe the reconstruction. None for the reconstruction."""
        if self.reconstruction:
            return None
        return Markdown(f"```{{note}}\nDeze site is gebouwd met het respondentenbestand {inline_code(self.source.name)}, "
                        "niet met de reconstructie. De tabellen met aantallen respondenten hieronder tonen dat "
                        "bestand; de uitleg over de reconstructie, het register en de cijfers die overgeslagen "
                        "antwoorden nodig hebben, gaan over de meegeleverde reconstructie.\n```")

    # ------------------------------------------------------------------ results as cells

    def _label(self, value, variable=""):
        if value in GROUPS:
            return group_label(GROUPS[value], self.sizes[value])
        return self.codebook.label(value, variable or None)

    def _variable(self, result, labels, printed):
        """The codebook column a cell is about: one of its labels, else the column its printed
        counterpart is about, else the name of the result or of one of its axes (a grouping
        column such as 'grootte' is not an item)."""
        names = self.codebook.by_name
        for label in labels:
            if label in names:
                return label
        if printed is not None and printed["variable"] in names:
            return printed["variable"]
        for axis_name in (getattr(result, "name", None), result.index.name,
                          getattr(getattr(result, "columns", None), "name", None)):
            if axis_name in names and axis_name not in (SIZE, SUBSIDY):
                return axis_name
        return ""

    def _order(self, labels, variable=""):
        """Groups, codebook columns and answer codes (of ``variable`` when known) in their
        canonical order; other labels as given."""
        names = self.codebook.names
        field = self.codebook.by_name.get(variable)
        codes = list(field.codes) if field and field.codes else list(self.codebook.answer_labels)

        def key(pair):
            position, label = pair
            if label in GROUP_ORDER:
                return (0, GROUP_ORDER.index(label))
            if label in names:
                return (1, names.index(label))
            if label in codes:
                return (2, codes.index(label))
            return (3, position)

        return [label for _, label in sorted(enumerate(labels), key=key)]

    def cells(self, result, block, value_label=None, unit=None):
        """A result (Series or DataFrame) as :class:`Cell` objects, each with the printed number
        of the report beside it where the report prints one; plus rows, columns and the row
        header in the order shown."""
        frame = result.to_frame(value_label or "_value") if isinstance(result, pd.Series) else result
        series = isinstance(result, pd.Series)
        printed = self.printed[self.printed["table"] == block]
        variables = set(printed["variable"]) & set(self.codebook.names)
        hint = variables.pop() if len(variables) == 1 else ""  # the one item of e.g. Tabel 12
        frame = self._complete(frame, printed)
        rows_in = self._order(list(frame.index), hint)
        cols_in = [frame.columns[0]] if series else self._order(list(frame.columns), hint)
        cells = []
        for r in rows_in:
            for c in cols_in:
                labels = (r,) if series else (r, c)
                matches = [row for _, row in printed.iterrows() if set(labels) <= labels_of(row)]
                if len(matches) > 1:
                    raise KeyError(f"{block}: {len(matches)} printed numbers fit the cell {labels}")
                match = matches[0] if matches else None
                group = next((x for x in labels if x in GROUP_ORDER), "totaal")
                variable = self._variable(result, labels, match)
                answer = next((x for x in labels if x in self.codebook.answer_labels and x not in GROUP_ORDER), None)
                cell_unit = match["unit"] if match is not None else (unit or "procent")
                column_label = (value_label or self._default_header(cell_unit)) if series else self._label(c, variable)
                if answer:
                    answer_text = self._label(answer, variable)
                elif match is not None:
                    answer_text = match["category"]
                else:
                    answer_text = "" if series else str(c)
                value = plain(frame.at[r, c])
                reason = ""
                if match is not None and value is None:
                    reason = why_missing(self.df, match) or ""
                elif match is not None:
                    reason = self.reasons.get(tuple(match[k] for k in KEY), "")
                cells.append(Cell(
                    row=self._label(r, variable), column=column_label, group=group, n=self.sizes.get(group, 0),
                    answered=self._answered(variable, group), variable=variable, answer=answer_text, value=value, unit=cell_unit,
                    printed=match["value"] if match is not None else None, reason=reason, key=labels))
        rows = list(dict.fromkeys(c.row for c in cells))
        columns = list(dict.fromkeys(c.column for c in cells))
        by_group = all(r in GROUP_ORDER for r in rows_in)
        return cells, rows, columns, ("Groep" if by_group else "")

    def _complete(self, frame, printed):
        """The result with a row for every group (or item) the report prints but the file cannot
        give, e.g. a group without respondents: shown as '–' with the reason."""
        names = self.codebook.by_name
        index = list(frame.index)
        if any(x in GROUP_ORDER for x in index) or (not index and printed["group"].nunique() > 1):
            wanted = list(dict.fromkeys(printed["group"]))
        elif any(x in names for x in index) or (not index and printed["variable"].nunique() > 1):
            wanted = [v for v in dict.fromkeys(printed["variable"]) if v in names]
        else:
            return frame
        extra = [x for x in wanted if x not in index]
        return frame.reindex(index + extra) if extra else frame

    def _answered(self, variable, group):
        """How many of the group's respondents answered ``variable`` (a skipped answer is
        ``MISSING``): the denominator of its percentages, for the download."""
        members = group_members(self.df, group)
        return answer_counts(members, variable, ())[1] if variable in members else len(members)

    @staticmethod
    def _default_header(unit):
        return {"procent": "Aandeel respondenten", "uur": "Uur per week", "aantal": "Respondenten"}[unit]

    # ------------------------------------------------------------------ a table or figure

    def show(self, result, block, caption, chart=None, chart_title=None, figure=None, value_label=None,
             unit=None, row_header=None, note=None, sort=False):
        """Lay out one computed table or figure: chart (``bars``, ``stacked`` or ``means``),
        accessible table, download. ``block`` names the printed block it computes (``tabel_1``,
        ``figuur_1``, ``uren``, ...) or, for a result the report does not print, a name of its
        own; ``figure`` numbers a chart that shows a numbered table (Tabel 11 is Figuur 8);
        ``sort`` puts the rows of chart, table and CSV alike in the order of their value in the
        first column, largest first (see :meth:`sorted_rows`)."""
        cells, rows, columns, header = self.cells(result, block, value_label, unit)
        if sort:
            rows = self.sorted_rows(cells, rows, columns[0])
            cells = sorted(cells, key=lambda c: rows.index(c.row))
        number = numbered(block)
        figure_number = figure or (number if number and number.startswith("Figuur") else None)
        table_number = number if number and number.startswith("Tabel") else None
        label = number or table_label(block)
        filename = downloads.write_block(block, label, cells, self.codebook, self.reconstruction)
        parts = []
        if chart:
            title = chart_title or caption
            chart_caption = title if figure_number or not table_number else f"{title} (grafiek bij {table_number.lower()})"
            figures, alt = charts.CHARTS[chart](*self._chart_frames(cells, rows, columns, chart), title)
            parts.append(figure_html(figures, alt, chart_caption, figure_number,
                                     downloads.link_html(filename, f"cijfers van {(figure_number or label).lower()} als CSV")))
        table_caption = caption if table_number or not figure_number else f"{caption} (cijfers bij {figure_number.lower()})"
        parts.append(block_table(cells, rows, columns, table_caption, table_number,
                                 row_header if row_header is not None else header))
        if note:
            parts.append(f'<p class="di-unit">{escape(note)}</p>')
        parts.append(downloads.links_html(filename, label))
        return HTML("".join(parts))

    @staticmethod
    def sorted_rows(cells, rows, column):
        """``rows`` by their value in ``column``, largest first; rows with the same value keep
        their order (the codebook's), rows without a value come last."""
        value = {c.row: c.value for c in cells if c.column == column}
        return sorted(rows, key=lambda r: (value.get(r) is None, -(value.get(r) or 0)))

    @staticmethod
    def _chart_frames(cells, rows, columns, chart):
        """The numbers of a chart, one row per bar, and their texts for the alt text (with the
        printed number where it differs). Bars of percentages show items, so a table with
        groups as rows is turned."""
        values = pd.DataFrame(index=rows, columns=columns, dtype=object)
        texts = pd.DataFrame(index=rows, columns=columns, dtype=object)
        for c in cells:
            values.at[c.row, c.column] = c.value
            texts.at[c.row, c.column] = cell_text(c)
        if chart == "bars" and all(c.group != "totaal" for c in cells) and all(c.key[0] in GROUP_ORDER for c in cells):
            values, texts = values.T, texts.T
        return values, texts

    def claims(self, short=False, **names):
        """Glue claims of the register as sentences that follow the file in use:
        ``page.claims(c_x="h1-subsidie-burgers")``; ``short`` without numbers (key findings).
        The register is tested once per page, on this page's respondents."""
        from myst_nb import glue

        from ..analysis.claims import evaluate, sentence

        for name, claim_id in names.items():
            claim = self.claim_register[claim_id]
            if claim_id not in self._tested:
                self._tested[claim_id] = evaluate(claim, self.df, self.reconstruction)
            row = self._tested[claim_id]
            glue(name, sentence(claim, row, self._printed_side(claim, row), short=short), display=False)

    @cached_property
    def claim_register(self):
        """The claims register (loaded on first use: most pages need no claims)."""
        from ..analysis.claims import load_claims

        return {c["id"]: c for c in load_claims(codebook=self.codebook)}

    def _printed_side(self, claim, row):
        """For a claim's sentence: per side, the report's number where it prints one, and the
        share as the table shows it when the report rounds that row to 100 (largest remainder)."""
        def look(side):
            answers = claim.get("answers", [])
            if len(answers) != 1 or claim.get("pooled"):
                return None
            if claim["kind"] == "groups":
                groups = claim["first"] if side == 0 else claim["second"]
                group, item = (groups[0] if len(groups) == 1 else None), claim["item"]
            elif claim["kind"] == "items":
                group, item = "totaal", (claim["first"][0] if side == 0 else row.get("_rival"))
            else:
                group, item = claim.get("groups", ["totaal"])[0], claim["item"]
            rows = self.printed[(self.printed["group"] == group) & (self.printed["variable"] == item)
                                & (self.printed["code"] == answers[0])]
            if not (group and item) or len(rows) != 1:
                return None
            printed, shown = int(rows["value"].iloc[0]), None
            if rows["rounding"].iloc[0] == "largest_remainder":
                counts = group_members(self.df, group)[item].value_counts().reindex(self.codebook.answer_codes(item), fill_value=0)
                if counts.sum():
                    shown = int(percent_summing_to_100(counts)[answers[0]])
            return {"printed": printed, "shown": shown}
        return look

    def glue(self, result, block, **names):
        """Glue numbers of a result for the prose, found like the table's cells:
        ``page.glue(tabel_1, "tabel_1", h1_x=("groot", "uitkomst_burgers"))``; each reads as the
        table does, with the printed number where it differs ('44% (rapport: 45%)'), n for a
        small group, and '–' with the reason where the file gives no number."""
        from myst_nb import glue

        by_key = {c.key: c for c in self.cells(result, block)[0]}
        for name, key in names.items():
            key = key if isinstance(key, tuple) else (key,)
            if key not in by_key:
                raise KeyError(f"{block}: no cell {key} to glue as '{name}'")
            glue(name, cell_text(by_key[key]), display=False)

    def frame(self, frame, caption, row_header=""):
        """A small table of counts (e.g. a crosstab) with Dutch labels, as an accessible table."""
        shown = frame.copy()
        shown.index = [self._label(x) for x in shown.index]
        shown.columns = [self._label(x) for x in shown.columns]
        shown = shown.reset_index(names=row_header or " ")
        return HTML(frame_table(shown.astype(str), caption))

    def data_downloads(self):
        """Copy the data files in use into the downloads folder; a list of links to them."""
        files = [(DATAPACKAGE, "datapackage.json", "het codeboek (Frictionless data package)"),
                 (PUBLISHED, "cijfers.csv", "de gedrukte cijfers van het rapport"),
                 (REGISTER, "register.csv", "het register van gedrukte cijfers die niet te reproduceren zijn")]
        if self.reconstruction:
            files.insert(0, (self.source, "respondenten.csv",
                             f"het gereconstrueerde respondentenbestand ({len(self.df)} rijen)"))
        items = [(downloads.copy_file(source, name, self.reconstruction), text) for source, name, text in files]
        items.append((items[0][0].parent / downloads.README, "de toelichting bij alle cijferbestanden"))
        html = ['<ul class="di-downloads">']
        for path, text in items:
            name = path.name
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            html.append(f"<li>{downloads.link_html(name, name)}: {escape(text)} "
                        f'<span class="di-checksum">(SHA-256 <code>{digest[:16]}…</code>)</span></li>')
        if not self.reconstruction:
            html.append("<li>Het respondentenbestand zelf staat niet op deze site: ze is gebouwd met een ander "
                        "bestand (DIGITALE_INCLUSIE_DATA), mogelijk met echte enquêtedata die niet openbaar zijn.</li>")
        html.append("</ul>")
        return HTML("".join(html))

    def diagram(self, phase_names, centre, number, caption):
        """Figure 4: the policy phases around the practice actions (no numbers, no download)."""
        figures, alt = charts.phases(phase_names, centre)
        return HTML(figure_html(figures, alt, caption, number))

    def printed_caption(self, block):
        """The caption the report prints for a block whose content shows otherwise (from the
        transcription's note), as a sentence for under the table; '' when there is none."""
        notes = self.printed.loc[self.printed["table"] == block, "note"]
        return f"Let op: {notes.iloc[0]}" if len(notes) and notes.iloc[0] else ""

"""What a page of the book calls after its analysis: one :class:`Page` per page.

A chapter notebook computes every table and figure with pandas in its own cells (see
:mod:`digitale_inclusie.analysis.cells`), each in a variable named after the block it computes
(``tabel_6 = ...``). The page is made once, with the notebook's variables::

    page = Page(df, globals())

and shows a block by its name: ``page.show("tabel_6", "caption", chart=draw_tabel_6)`` places the
result ``tabel_6`` by the block's declaration (:mod:`digitale_inclusie.analysis.blocks`) and lays
it out: the chart, the accessible table with the printed number beside any computed number that
differs from it, and the CSV download. ``page.numbers``, ``page.text`` and ``page.summary`` give
the prose its numbers and sentences (``page.text("... {{h1_burgers}} ...")``), rendered alike by
the book and by JupyterLab. ``draw_tabel_6`` is the notebook's seaborn call (:mod:`.charts`).
Nothing here computes a statistic from respondents.
"""

import hashlib
import re
from functools import cached_property
from html import escape
from pathlib import Path

import pandas as pd

from ..analysis.blocks import declare, plain
from ..data.codebook import GROUPS, TOTAL, Codebook
from ..data.published import load_published
from ..data.register import load_register, reasons
from ..data.respondents import answer_counts, group_members, is_reconstruction
from ..paths import DATAPACKAGE, PUBLISHED, REGISTER, RESPONDENTS, respondents_source
from . import downloads
from .tables import Cell, block_table, cell_text, frame_table
from .text import block_label, group_label, inline_code, markdown_text, number_text, numbered

READING_PAGE = "../book/cijfers-lezen.md"  # "Hoe lees je de cijfers?": linked from every verdict
READING_LINK_TEXT = "Hoe lees je dit?"
PLACEHOLDER = re.compile(r"\{\{([A-Za-z0-9_.\-]+)\}\}")  # {{h1_burgers}}, {{h1-burgers-meest.kort}}
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
FINDINGS_PENDING = ("*De belangrijkste bevindingen verschijnen hier zodra het notebook tot het einde heeft "
                    "gelopen: hun cijfers worden verderop berekend.*")
DEFAULT_HEADER = {"procent": "Aandeel respondenten", "uur": "Uur per week", "aantal": "Respondenten"}


class _Rich:
    """Rich display of text made by the book, for a notebook and the book alike."""

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

    ``respondents`` is the DataFrame the page's analysis used; ``results`` where its results are
    found by name (a notebook passes ``globals()``); ``source`` the file the respondents came from
    (default: the file in use, :func:`~digitale_inclusie.paths.respondents_source`)."""

    def __init__(self, respondents, results=None, source=None):
        self.df = respondents
        self.results = results if results is not None else {}
        self.source = Path(source) if source else respondents_source()
        self.codebook = Codebook.load()
        self.published = load_published()
        self.blocks = declare(self.published, self.codebook)
        # the register explains the reconstruction's differences only, not those of another file
        self.reasons = reasons(load_register()) if self.reconstruction else {}
        self.sizes = {g: len(group_members(respondents, g)) for g in GROUPS}
        self._placed = {}  # block id -> (the result placed, its places)
        self._numbers = {}  # name -> a number as the prose reads it (page.numbers)
        self._findings = self._findings_handle = None  # the key findings, until page.summary

    @cached_property
    def reconstruction(self):
        """Whether the numbers come from the shipped reconstruction (not real survey data),
        recognised by the file's content (its checksum), not by its path."""
        return is_reconstruction(self.source)

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
            if self.source.resolve() != RESPONDENTS.resolve():  # a copy, e.g. beside a downloaded notebook
                text += f" Dit notebook las het uit {inline_code(self.source.name)}."
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

    def result(self, block):
        """The page's result named ``block`` (``tabel_6``)."""
        if block not in self.results:
            raise KeyError(f"{block}: no result of that name on this page (an analysis cell computes it: {block} = ...)")
        return self.results[block]

    def places(self, block):
        """The cells of a printed block, placed by its declaration (computed once per result)."""
        result = self.result(block)
        cached = self._placed.get(block)
        if cached is None or cached[0] is not result:
            cached = self._placed[block] = (result, self.blocks[block].place(result, self.df))
        return cached[1]

    def _label(self, key, kind, variable=""):
        """A row or column key as the table shows it: a group with its n, an item's title, an
        answer's label, a statistic by its name."""
        if kind == "group":
            return group_label(key, self.sizes[key])
        return self.codebook.label(key, variable or None)

    def _answered(self, variable, group):
        """How many of the group's respondents answered ``variable`` (a skipped answer is
        ``MISSING``): the denominator of its percentages, for the download."""
        members = group_members(self.df, group)
        return answer_counts(members, variable, ())[1] if variable in members else len(members)

    def _cell(self, block, place, value_label, unit):
        """A :class:`Cell` of a printed block, labelled for the page."""
        kinds = (block.rows.kind, block.columns.kind if block.columns else None)
        cell_unit = place.unit if place.printed else unit or block.unit
        if "answer" in kinds:
            answer = self.codebook.label(place.answer, place.variable)
        elif place.printed:
            answer = place.printed.category
        else:
            answer = "" if block.columns is None else str(place.column)
        if block.columns:
            column = self._label(place.column, kinds[1], place.variable)
        else:
            column = value_label or DEFAULT_HEADER[cell_unit]
        if place.printed and place.value is None:
            reason = place.missing
        else:
            reason = self.reasons.get(place.printed.key, "") if place.printed else ""
        return Cell(row=self._label(place.row, kinds[0], place.variable), column=column, group=place.group,
                    n=self.sizes.get(place.group, 0), answered=self._answered(place.variable, place.group),
                    variable=place.variable, answer=answer, value=place.value, unit=cell_unit,
                    printed=place.printed.value if place.printed else None, reason=reason,
                    key=(place.row,) if block.columns is None else (place.row, place.column))

    def _own_cells(self, block, value_label, unit):
        """The cells of a result the report does not print (``uren_verdeling``): its rows and
        columns as the result labels them, in its order."""
        result = self.result(block)
        series = isinstance(result, pd.Series)
        frame = result.to_frame(value_label or "_value") if series else result
        cells = []
        for r in frame.index:
            for c in frame.columns:
                cells.append(Cell(row=str(r), column=(value_label or DEFAULT_HEADER[unit or "procent"]) if series else str(c),
                                  group=TOTAL, n=self.sizes[TOTAL], answered=self.sizes[TOTAL], variable="",
                                  answer="" if series else str(c), value=plain(frame.at[r, c]), unit=unit or "procent",
                                  key=(r,) if series else (r, c)))
        return cells

    def cells(self, block, value_label=None, unit=None):
        """The page's result for ``block`` as :class:`Cell` objects in the order shown, each with
        the printed number of the report beside it where the report prints one; plus the row
        and column labels in order and the row header ('Groep' for a table of groups)."""
        if block in self.blocks:
            declared = self.blocks[block]
            cells = [self._cell(declared, place, value_label, unit) for place in self.places(block)]
            header = "Groep" if declared.rows.kind == "group" else ""
        else:
            if numbered(block) or block_label(block) != block:
                raise KeyError(f"{block}: a block of the report that the printed numbers do not declare")
            cells, header = self._own_cells(block, value_label, unit), ""
        rows = list(dict.fromkeys(c.row for c in cells))
        columns = list(dict.fromkeys(c.column for c in cells))
        return cells, rows, columns, header

    # ------------------------------------------------------------------ a table or figure

    def show(self, block, caption, chart=None, chart_title=None, figure=None, value_label=None, unit=None,
             row_header=None, transcription=False, sort=False, numbers=None):
        """Lay out one computed table or figure: chart, accessible table, download. ``chart`` is
        the function that draws the chart with seaborn, ``chart(ax, data)`` (see
        :mod:`.charts`: ``data`` has a row per bar, ``rij``, ``reeks``, ``waarde``, as the table
        shows them); the page lays it out as bars of shares, 100% stacked bars of answers or bars
        of mean hours, by what the block holds, and draws it in the site's light and dark
        colours. ``block`` names the printed block (``tabel_1``, ``figuur_1``,
        ``uren``, ...) or a result the report does not print; ``figure`` numbers a chart that shows
        a numbered table (Tabel 11 is Figuur 8); ``transcription`` puts the transcription's remark
        on the block under the table (where the report prints a wrong title); ``sort`` puts the
        rows of chart, table and CSV alike in the order of their value in the first column,
        largest first (see :meth:`sorted_rows`); ``numbers`` names numbers of the block for the
        prose, as :meth:`numbers` does (``numbers={"h2_klein": "klein"}``)."""
        if numbers:
            self.numbers(block, **numbers)
        cells, rows, columns, header = self.cells(block, value_label, unit)
        if sort:
            rows = self.sorted_rows(cells, rows, columns[0])
            cells = sorted(cells, key=lambda c: rows.index(c.row))
        number = numbered(block)
        figure_number = figure or (number if number and number.startswith("Figuur") else None)
        table_number = number if number and number.startswith("Tabel") else None
        label = number or block_label(block)
        filename = downloads.write_block(block, label, cells, self.codebook, self.reconstruction)
        parts = []
        if chart:
            from . import charts  # matplotlib: only pages with charts load it
            from .style import figure_html

            if not callable(chart):
                raise TypeError(f"{block}: chart is the function that draws it with seaborn, chart(ax, data)")
            title = chart_title or caption
            chart_caption = title if figure_number or not table_number else f"{title} (grafiek bij {table_number.lower()})"
            groups = header == "Groep"
            kind = self.chart_kind(block, cells)
            figures, alt = charts.CHARTS[kind](chart, *self._chart_frames(cells, rows, columns, kind, groups), title)
            # the link names its figure or table, or else the chart's title (never an internal name)
            number_of = figure_number or table_number
            csv_of = number_of.lower() if number_of else f"de grafiek ‘{title}’"
            parts.append(figure_html(figures, alt, chart_caption, figure_number,
                                     downloads.link_html(filename, f"cijfers van {csv_of} als CSV")))
        table_caption = caption if table_number or not figure_number else f"{caption} (cijfers bij {figure_number.lower()})"
        parts.append(block_table(cells, rows, columns, table_caption, table_number,
                                 row_header if row_header is not None else header))
        if transcription:
            parts.append(f'<p class="di-unit">{escape("Let op: " + self.blocks[block].note)}</p>')
        parts += [f'<p class="di-unit di-rounding">{escape(note)}</p>' for note in self.rounding_notes(block, cells)]
        parts.append(downloads.links_html(filename, label))
        return HTML("".join(parts))

    def rounding_notes(self, block, cells):
        """Under a table with rows rounded as a whole (:func:`~..analysis.stats.percent_of_rows`
        records them in the result's ``attrs``), one sentence per such row: that it is, whether
        the report prints it so (the printed numbers' ``rounding``), and what rounding each share
        half up would have given on this file instead."""
        from ..analysis.stats import ROUNDED_AS_WHOLE

        result = self.results.get(block)
        rows = getattr(result, "attrs", {}).get(ROUNDED_AS_WHOLE, {})
        notes = []
        for row, half_up in rows.items():
            label = self._label(row, self.blocks[block].rows.kind) if block in self.blocks else str(row)
            as_printed = ", zoals het rapport die rij afdrukt" if self._printed_as_whole(block, row) else ""
            own = [c for c in cells if c.key[:1] == (row,) and c.value is not None]
            if half_up is None or not own:
                notes.append(f"Afronding: de rij {label} wordt als geheel afgerond{as_printed}. In dit bestand "
                             "beantwoordde niemand uit die groep de vraag, dus er valt niets af te ronden.")
                continue
            text = (f"Afronding: de rij {label} is als geheel afgerond{as_printed}. Haar aandelen zijn samen "
                    "afgerond, zodat ze precies 100% geven: eerst allemaal naar beneden, daarna krijgen de "
                    "grootste resten er een punt bij.")
            changed = [(c, half_up.get(c.key[1])) for c in own if half_up.get(c.key[1]) != c.value]
            if changed:
                which = " en ".join(f'"{c.column}" {number_text(h, c.unit)} in plaats van {number_text(c.value, c.unit)}'
                                    for c, h in changed)
                total = sum(v for v in half_up.values() if v is not None)
                text += (f" Rond je elk aandeel apart half naar boven af, dan wordt {which}, en telt de rij "
                         f"op tot {total}%.")
            else:
                text += " In dit bestand geeft elk aandeel apart half naar boven afronden hier dezelfde cijfers."
            notes.append(text)
        return notes

    def _printed_as_whole(self, block, group):
        """Whether the report's numbers for this row of the block are rounded as a whole (the
        printed numbers' ``rounding`` column says ``largest_remainder``)."""
        printed = self.published
        rows = printed[(printed["table"] == block) & (printed["group"] == group)]
        return len(rows) > 0 and (rows["rounding"] == "largest_remainder").all()

    def chart_kind(self, block, cells):
        """How a block is charted: ``stacked`` (100% bars) where its columns or rows are the
        answers of a question, ``means`` where its numbers are hours, else ``bars``."""
        declared = self.blocks.get(block)
        if declared is not None and "answer" in (declared.rows.kind, declared.columns.kind if declared.columns else None):
            return "stacked"
        return "means" if cells and all(c.unit == "uur" for c in cells) else "bars"

    @staticmethod
    def sorted_rows(cells, rows, column):
        """``rows`` by their value in ``column``, largest first; rows with the same value keep
        their order (the codebook's), rows without a value come last."""
        value = {c.row: c.value for c in cells if c.column == column}
        return sorted(rows, key=lambda r: (value.get(r) is None, -(value.get(r) or 0)))

    @staticmethod
    def _chart_frames(cells, rows, columns, chart, groups):
        """The numbers of a chart, one row per bar, and their texts for the alt text (with the
        printed number where it differs). Bars of percentages show items, so a table with
        groups as rows is turned."""
        values = pd.DataFrame(index=rows, columns=columns, dtype=object)
        texts = pd.DataFrame(index=rows, columns=columns, dtype=object)
        for c in cells:
            values.at[c.row, c.column] = c.value
            texts.at[c.row, c.column] = cell_text(c)
        if chart == "bars" and groups and all(c.group != TOTAL for c in cells):
            values, texts = values.T, texts.T
        return values, texts

    # ------------------------------------------------------------------ numbers and sentences for the prose

    def numbers(self, block, **names):
        """Name numbers of a block for the prose (:meth:`text`), by their row (and column) key:
        ``page.numbers("tabel_1", h1_x=("groot", "uitkomst_burgers"))``; each reads as the table
        does, with the printed number where it differs ('44% (rapport: 45%)'), n for a small
        group, and '–' with the reason where the file gives no number."""
        by_key = {c.key: c for c in self.cells(block)[0]}
        for name, key in names.items():
            key = key if isinstance(key, tuple) else (key,)
            if key not in by_key:
                raise KeyError(f"{block}: no cell {key} to name '{name}'")
            if not NAME.fullmatch(name) or name in self.tested_claims:
                raise ValueError(f"{name!r}: a number's name is letters, digits and _ and not a claim's id")
            self._numbers[name] = cell_text(by_key[key])

    def word(self, key):
        """What a placeholder of :meth:`text` stands for, as MyST: a number named by
        :meth:`numbers` (escaped text), a claim of the register by its id (the sentence with
        its numbers, their uncertainty and a link to "Hoe lees je de cijfers?"), or a claim's id
        followed by ``.kort`` (the short form without numbers, with a qualifier where the claim
        is not confirmed, for the key findings). The whole register is tested once per page, on
        this page's respondents (its q-values need every claim)."""
        from .sentences import sentence

        if key in self._numbers:
            return markdown_text(self._numbers[key])
        claim_id, short = (key[:-5], True) if key.endswith(".kort") else (key, False)
        if claim_id not in self.tested_claims:
            raise KeyError(f"{{{{{key}}}}}: no number of that name on this page yet (page.numbers or "
                           f"page.show(..., numbers=...) names one) and no claim of that id in data/claims/claims.yaml")
        tested = self.tested_claims[claim_id]
        try:
            text = sentence(tested, self._printed_for(tested.claim), short=short, codebook=self.codebook)
        except KeyError as error:  # the sentence reads a table of the page that is not computed yet
            raise KeyError(f"{{{{{key}}}}} reads {error.args[0]}: put this text after that cell") from None
        if short:
            return markdown_text(text)
        link = "" if tested.claim["kind"] == "none" else f" [{READING_LINK_TEXT}]({READING_PAGE})"
        return markdown_text(text) + link

    def text(self, template):
        """Prose with computed numbers and sentences, as MyST that the book and JupyterLab both
        render: every ``{{key}}`` in ``template`` (MyST written by the book's authors) is replaced
        by :meth:`word`; whatever comes from data is escaped, so it never becomes markup."""
        filled = PLACEHOLDER.sub(lambda m: self.word(m.group(1)), template)
        if "{{" in PLACEHOLDER.sub("", template):
            raise ValueError(f"a placeholder that is not {{{{name}}}}: {template[template.index('{{'):][:40]!r}")
        return Markdown(filled)

    def findings(self, template):
        """The key findings at the top of a chapter. Their numbers are computed further down, so
        the cell shows a note until :meth:`summary` (the chapter's last text) fills it in, as a
        Jupyter display update: the book's run and JupyterLab both show the filled text there."""
        from IPython.display import display

        self._findings = template
        self._findings_handle = display(Markdown(FINDINGS_PENDING), display_id=True)

    def summary(self, template):
        """The chapter's summary (:meth:`text` of ``template``); it also fills in the key
        findings at the top (:meth:`findings`), now that every number is computed."""
        if self._findings is not None:
            filled = self.text(self._findings)
            if self._findings_handle is not None:
                self._findings_handle.update(filled)
            self._findings = None
        return self.text(template)

    @cached_property
    def tested_claims(self):
        """Every claim of the register tested on this page's respondents: {id: Tested}."""
        from ..analysis.claims import evaluate_register, load_claims

        return evaluate_register(self.df, self.reconstruction, load_claims(codebook=self.codebook))

    @cached_property
    def _printed_at(self):
        """(group, item, answer) -> [(block, printed number)] for every printed share."""
        out = {}
        for block in self.blocks.values():
            for (row, column), printed in block.printed.items():
                at = dict(block.fixed, **{block.rows.kind: row}, **({block.columns.kind: column} if block.columns else {}))
                if at.get("answer"):
                    out.setdefault((at.get("group", TOTAL), at.get("item"), at["answer"]), []).append((block, printed))
        return out

    def _printed_for(self, claim):
        """For a claim's sentence: ``look(group, item)``, the report's number for that share where
        it prints exactly one, and the share as its table shows it (a row the report rounds to
        100 shows another share than the claim's own count would); None otherwise."""
        answers = claim.get("answers", [])

        def look(group, item):
            if len(answers) != 1 or claim.get("pooled") or not (group and item):
                return None
            found = self._printed_at.get((group, item, answers[0]), [])
            if len(found) != 1:
                return None
            block, printed = found[0]
            shown = next(p.value for p in self.places(block.id) if p.printed is printed)
            return {"printed": int(printed.value), "shown": shown}
        return look

    # ------------------------------------------------------------------ other parts of a page

    def frame(self, frame, caption, row_header=""):
        """A small table of counts (a crosstab of groups) with Dutch labels, as an accessible table."""
        def label(key):
            return group_label(key, self.sizes[key]) if key in self.sizes else self.codebook.label(key)

        shown = frame.copy()
        shown.index = [label(x) for x in shown.index]
        shown.columns = [label(x) for x in shown.columns]
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
        from . import charts
        from .style import figure_html

        figures, alt = charts.phases(phase_names, centre)
        return HTML(figure_html(figures, alt, caption, number))


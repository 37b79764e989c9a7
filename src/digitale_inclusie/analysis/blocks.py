"""The report's printed blocks, declared once, and a computed result placed by its declaration.

A *block* is a numbered table or figure of the report (``tabel_6``, ``figuur_1``) or a named group
of printed numbers (``uren``, ``materiaal``, ...). :func:`declare` builds every block from the
printed numbers (``data/published/cijfers.csv``) and the codebook: what its rows and its columns
are, each an :class:`Axis` of one kind,

* ``group``: group codes of the codebook (``klein``, ``middelgroot``, ``groot``; ``met``, ``zonder``),
* ``item``: codebook columns (``samenwerking_besturen``, ...),
* ``answer``: answer codes of the codebook (``eerder_niet``, ``eerder_wel``, ``weet_niet``),
* ``statistic``: the report's names of statistics (``Gemiddelde``, ``4 uur of minder``, ...),

which keys each holds, in the order the book shows them (the codebook's), what is fixed for the
whole block (Tabel 6: the answer ``ja``), and which printed number belongs in which cell.

A chapter computes a block with pandas; :meth:`Block.place` checks the result against the
declaration and returns every cell of the block in order (:class:`Place`): no label of the
result is guessed at. A result that does not fit is an error naming the block and the row or
column: a key the block does not have, a missing key the data do not explain, or an axis named
after another question (the columns of Tabel 14 must be named ``meerjarenplanning_volgend``, the
question it shows, so that Tabel 14 and Tabel 15 cannot be swapped unnoticed). A key of the
block that the result lacks is a missing number only where the data explain why: the group has
no respondents, or none of them answered the question.
"""

from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np
import pandas as pd

from ..data.codebook import GROUPS, TOTAL, breakdown_of
from ..data.published import KEY
from ..data.respondents import answer_counts, group_members

KINDS = ("group", "item", "statistic", "answer")  # rows take the first kind that varies, columns the next


class BlockError(ValueError):
    """A computed result does not fit the declaration of its block."""


@dataclass(frozen=True)
class Axis:
    kind: str  # one of KINDS
    keys: tuple  # every key of the axis, in the order shown
    name: str = ""  # what the result must call this axis (index.name, columns.name), or '' when free


@dataclass(frozen=True)
class Printed:
    """One number as the report prints it."""

    key: tuple  # (table, breakdown, group, item, category): how the register names it
    value: Fraction
    unit: str
    category: str  # the printed column label, or the name of the statistic


@dataclass(frozen=True)
class Place:
    """One cell of a block, in codebook terms, with the computed value and the printed one."""

    row: str  # the row key
    column: object  # the column key, or None for a block of one column
    group: str
    variable: str  # the codebook column the number is about, or ''
    answer: str  # the answer code or the statistic, or '' (a count of respondents)
    value: object  # int, exact Fraction, or None where the data give no number
    unit: str
    printed: Printed = None
    missing: str = ""  # why the data give no number, when they do not


@dataclass(frozen=True)
class Block:
    id: str
    rows: Axis
    columns: Axis = None  # None: the result is a Series
    fixed: dict = field(default_factory=dict)  # kind -> the one key of a kind that does not vary
    unit: str = "procent"  # the unit of a cell the report does not print
    printed: dict = field(default_factory=dict)  # (row key, column key) -> Printed
    note: str = ""  # the transcription's remark on the block (e.g. a swapped printed title)

    def place(self, result, respondents):
        """Every cell of the block, in order, from ``result`` (computed on ``respondents``)."""
        self._check(result)
        frame = result.to_frame() if self.columns is None else result
        column_keys = self.columns.keys if self.columns else (None,)
        places = []
        for row in self.rows.keys:
            for column in column_keys:
                coordinates = dict(self.fixed)
                coordinates[self.rows.kind] = row
                if self.columns:
                    coordinates[self.columns.kind] = column
                group = coordinates.get("group", TOTAL)
                variable = coordinates.get("item", "")
                answer = coordinates.get("answer", coordinates.get("statistic", ""))
                present = row in frame.index and (self.columns is None or column in frame.columns)
                value = plain(frame.at[row, frame.columns[0] if self.columns is None else column]) if present else None
                missing = why_missing(respondents, group, variable) if value is None else ""
                if not present and missing is None:
                    where = row if column is None else f"{row} / {column}"
                    raise BlockError(f"{self.id}: the result has no number for {where}, although the file has "
                                     f"respondents in group '{group}' who answered (expected every "
                                     f"{self.rows.kind}{' and ' + self.columns.kind if self.columns else ''} of the block)")
                printed = self.printed.get((row, column))
                places.append(Place(row, column, group, variable, answer, value,
                                    printed.unit if printed else self.unit, printed, missing or ""))
        return places

    def _check(self, result):
        kind = "a Series" if self.columns is None else "a DataFrame"
        if not isinstance(result, pd.Series if self.columns is None else pd.DataFrame):
            raise BlockError(f"{self.id}: the result is {type(result).__name__}; expected {kind} with "
                             f"{self.rows.kind}s as rows" + (f" and {self.columns.kind}s as columns" if self.columns else ""))
        axes = [("row", self.rows, result.index)] + ([("column", self.columns, result.columns)] if self.columns else [])
        for what, axis, labels in axes:
            if axis.name and labels.name != axis.name:
                raise BlockError(f"{self.id}: the {what}s of the result are named {labels.name!r}; expected "
                                 f"{axis.name!r} (the {'grouping column' if axis.kind == 'group' else 'question'} "
                                 "the block shows)")
            unknown = [key for key in labels if key not in axis.keys]
            if unknown:
                raise BlockError(f"{self.id}: {what} {unknown[0]!r} of the result is not a {axis.kind} of the block; "
                                 f"expected {', '.join(map(str, axis.keys))}")
        item = self.fixed.get("item")
        if self.columns is None and item and self.rows.kind in ("group", "statistic") and result.name != item:
            raise BlockError(f"{self.id}: the result is named {result.name!r}; expected {item!r} (the question "
                             "the block shows)")


def declare(published, codebook):
    """Every printed block: block id -> :class:`Block`, from the printed numbers (numbers that
    are not about respondents left out) and the codebook."""
    shown = published[published["statistic"] != "external"]
    return {table: _declare(table, rows, codebook) for table, rows in shown.groupby("table", sort=False)}


def _coordinates(row, codebook):
    item = row["variable"] if row["variable"] in codebook.by_name else None
    answer = row["code"] if item and row["code"] in codebook.answer_codes(item) else None
    return {"group": row["group"], "item": item, "answer": answer, "statistic": None if answer else row["category"]}


def _declare(table, rows, codebook):
    coordinates = [_coordinates(row, codebook) for _, row in rows.iterrows()]
    values = {kind: list(dict.fromkeys(c[kind] for c in coordinates if c[kind] is not None)) for kind in KINDS}
    varying = [kind for kind in KINDS if len(values[kind]) > 1] or ["group"]
    if len(varying) > 2:
        raise ValueError(f"{table}: the printed numbers vary in {varying}; a block has rows and columns only")
    fixed = {kind: values[kind][0] for kind in KINDS if kind not in varying and len(values[kind]) == 1}
    items = sorted(values["item"], key=list(codebook.by_name).index)

    def axis(kind):
        if kind == "group":
            breakdowns = {breakdown_of(g) for g in values["group"]}
            name = next(iter(breakdowns)) if len(breakdowns) == 1 and TOTAL not in breakdowns else ""
            return Axis(kind, tuple(g for g in GROUPS if breakdown_of(g) in breakdowns), name)
        if kind == "item":
            return Axis(kind, tuple(items))
        if kind == "answer":
            codes = [code for item in items for code in codebook.answer_codes(item)]
            return Axis(kind, tuple(dict.fromkeys(codes)), fixed.get("item", ""))
        return Axis(kind, tuple(values["statistic"]))

    rows_axis = axis(varying[0])
    columns_axis = axis(varying[1]) if len(varying) > 1 else None
    printed = {}
    for (_, row), c in zip(rows.iterrows(), coordinates):
        key = (c[varying[0]], c[varying[1]] if columns_axis else None)
        printed[key] = Printed(tuple(row[k] for k in KEY),
                               row["value"], row["unit"], row["category"])
    units = set(rows["unit"])
    notes = [n for n in rows["note"] if n]
    return Block(table, rows_axis, columns_axis, fixed, units.pop() if len(units) == 1 else "procent", printed,
                 notes[0] if notes else "")


def why_missing(respondents, group, variable):
    """Why the file holds no number for ``variable`` in ``group``: the group has no respondents, or
    nobody in it answered. None when the file should hold one."""
    members = group_members(respondents, group)
    if members.empty:
        return "geen respondenten in deze groep"
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

"""The report's printed numbers (``data/published/cijfers.csv``): the oracle.

Every number the report prints is one row. The first six columns are the contract
``table,breakdown,group,item,category,value``. The printed numbers never decide what the book
computes (the chapter notebooks do, see :mod:`digitale_inclusie.analysis.cells`); they are shown
beside the computed numbers, checked by the tests, and used to build and audit the
reconstruction. For that the other columns say which codebook cell a printed number is about:

``unit``       procent, uur or aantal
``statistic``  share (percentage of the group's answering respondents whose ``variable``
               matches ``code``), mean, median, min, max, n (group size), or external
               (not computable from respondent data)
``variable``   the codebook column the number is computed from
``code``       a category code, or for numbers a condition: ``<=4``, ``>=20``, ``in:38|40``
``rounding``   half_up, largest_remainder (the row of one table, group and variable), exact
``section``, ``source``, ``note``  where the number stands and remarks
"""

import csv
import re
from fractions import Fraction

import pandas as pd

from ..errors import InputFileError, show
from ..paths import PUBLISHED
from .codebook import BREAKDOWNS

KEY = ["table", "breakdown", "group", "item", "category"]
CONTRACT = KEY + ["value"]
COLUMNS = CONTRACT + ["unit", "statistic", "variable", "code", "rounding", "section", "source", "note"]

STATISTICS = ("share", "mean", "median", "min", "max", "n", "external")
NUMBER = re.compile(r"-?[0-9]{1,7}(\.[0-9]{1,4})?")  # a printed number: plain decimal, no exponent
RANGES = {"procent": (0, 100), "uur": (0, 168), "aantal": (0, 1_000_000)}  # what a printed value can be
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
ROUNDINGS = ("half_up", "largest_remainder", "exact")
UNITS = ("procent", "uur", "aantal")


def load_published(path=PUBLISHED):
    """Read and check the published numbers; return a DataFrame with string columns and a
    ``value`` column of exact Fractions."""
    import io

    from ..fileio import read_bytes

    data = read_bytes(path)  # refuses a folder, FIFO, missing or unreadable file without reading
    path = str(path)
    try:
        frame = pd.read_csv(io.StringIO(data.decode("utf-8")), dtype=str, keep_default_na=False)
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise InputFileError(path, [f"cannot be read as UTF-8 CSV: {exc}"]) from exc
    problems = []
    if list(frame.columns) != COLUMNS:
        raise InputFileError(path, [f"header is {[show(c) for c in frame.columns][:20]}, expected {COLUMNS}"])
    if frame.empty:
        raise InputFileError(path, ["line 2: no printed numbers after the header; expected one line per printed number"])
    values = []
    for i, row in frame.iterrows():
        line = i + 2
        where = f"line {line} ({_label(row)})"
        if row["group"] not in BREAKDOWNS.get(row["breakdown"], ()):
            problems.append(f"{where}, column 'group': {show(row['group'])} is not a group of breakdown "
                            f"{show(row['breakdown'])} (expected one of {sorted(BREAKDOWNS)} with its groups)")
        for column, allowed in (("statistic", STATISTICS), ("rounding", ROUNDINGS), ("unit", UNITS)):
            if row[column] not in allowed:
                problems.append(f"{where}, column '{column}': {show(row[column])}, expected one of {list(allowed)}")
        value = row["value"]
        if not NUMBER.fullmatch(value):
            values.append(None)
            problems.append(f"{where}, column 'value': {show(value)} is not a plain number; expected digits with "
                            "at most 7 before and 4 after a decimal point, no exponent")
        else:
            values.append(Fraction(value))
            low, high = RANGES.get(row["unit"], (None, None))
            if low is not None and not low <= values[-1] <= high:
                problems.append(f"{where}, column 'value': {show(value)} is outside {low}-{high}, the range of "
                                f"unit {show(row['unit'])}")
        for column in COLUMNS:
            if CONTROL.search(row[column]):
                problems.append(f"{where}, column '{column}': {show(row[column])} holds a control or invisible "
                                "formatting character; expected visible text")
        if row["statistic"] not in ("n", "external") and not row["variable"]:
            problems.append(f"{where}, column 'variable': empty, a {row['statistic']} needs a variable")
    duplicated = frame[frame.duplicated(KEY, keep=False)]
    for i in duplicated.index:
        problems.append(f"line {i + 2}: key {tuple(frame.loc[i, KEY])} occurs more than once")
    if problems:
        raise InputFileError(path, problems)
    frame["value"] = values
    return frame


def _label(row):
    """table/group/item/category of a row for a message, invisible characters escaped and long
    values shortened."""
    parts = []
    for column in ("table", "group", "item", "category"):
        shown = show(row[column])
        parts.append(shown[1:-1] if shown.endswith("'") else shown)
    return "/".join(parts)


def row_groups(published):
    """Multi-category rows: (table, breakdown, group, variable) -> index labels of the
    published rows in printed column order."""
    shares = published[published["statistic"] == "share"]
    groups = {}
    for idx, row in shares.iterrows():
        groups.setdefault((row["table"], row["breakdown"], row["group"], row["variable"]), []).append(idx)
    return groups


def printed_group_sizes(published):
    """The printed number of respondents per group (block 'steekproef'): group -> n."""
    rows = published[published["statistic"] == "n"]
    return {row["group"]: int(row["value"]) for _, row in rows.iterrows()}


def write_csv(frame, path):
    """Write rows in the format of the printed numbers (values as plain numbers), atomically."""
    from ..fileio import atomic_write_text, csv_text

    out = frame.copy()
    out["value"] = [csv_number(v) for v in out["value"]]
    text = csv_text(out, quoting=csv.QUOTE_MINIMAL)
    atomic_write_text(path, text)


def csv_number(v):
    """A number as it is written in a CSV file: whole numbers plainly, others with up to four
    decimals (decimal point); missing -> empty."""
    if v is None or pd.isna(v):
        return ""
    v = Fraction(str(v)) if isinstance(v, float) else Fraction(v)
    if v.denominator == 1:
        return str(v.numerator)
    return f"{float(v):.4f}".rstrip("0")

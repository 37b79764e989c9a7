"""The report's statistics, exact: percentages with the report's rounding, and checks on them.

The chapter notebooks count with pandas and hand the counts to these helpers, so that the
rounding is the report's and no floating-point error can move a number across a rounding
boundary. Two rounding rules occur in the report (the audit confirms both):

* half up: every number on its own, to a whole percent or hour, halves upwards (62.5 -> 63),
  as statistics packages print them (:func:`percent`, :func:`round_half_up`);
* largest remainder: a row of percentages rounded so that it sums to 100; every share is
  rounded down and the points still missing go to the largest remainders, ties to the earlier
  column (:func:`percent_summing_to_100`, :func:`largest_remainder`).

:func:`percent_of_rows` applies both to a table of counts: half up, and the rows the report
rounds to 100 by largest remainder, named where the table is computed.
"""

from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from fractions import Fraction
from math import floor

import numpy as np
import pandas as pd

__all__ = ["ROUNDED_AS_WHOLE", "percent", "percent_of_rows", "round_half_up", "percent_summing_to_100",
           "largest_remainder", "exact_percent", "grim_counts"]


def _half_up_percent(k, m):
    """floor(100 k / m + 1/2) for whole k >= 0 and m > 0, in integers."""
    return (200 * k + m) // (2 * m)


def percent(numerator, denominator):
    """100 x numerator / denominator, rounded half up to a whole percent.

    Numerator and denominator are counts (whole numbers): numbers, Series or DataFrames. A
    DataFrame divided by a Series divides every row by the Series' value for that row, as in
    ``percent(counts, counts.sum(axis=1))``; Series and DataFrames are aligned on their labels
    like any pandas arithmetic. Where the denominator is 0 (nobody in the group answered) the
    result is missing (``None``, or ``<NA>`` in a Series or DataFrame), never an error."""
    if np.ndim(numerator) == 0 and np.ndim(denominator) == 0:
        k, m = _count(numerator), _count(denominator)
        return None if m == 0 else _half_up_percent(k, m)
    k, m = numerator, denominator
    if isinstance(k, pd.DataFrame) and isinstance(m, pd.Series):
        m = k.mul(0).add(m, axis=0)  # the row's denominator in every cell of that row
    elif np.ndim(m) == 0:  # one denominator for every cell
        m = k.mul(0).add(_count(m))
    elif np.ndim(k) == 0:
        k = m.mul(0).add(_count(k))
    k, m = _counts(k), _counts(m)
    empty = m.eq(0)
    result = (k * 200 + m) // m.where(~empty, 1).mul(2)
    return result.where(~empty).astype("Int64")


ROUNDED_AS_WHOLE = "rounded_as_whole"  # the key in a result's ``attrs`` (see percent_of_rows)


def percent_of_rows(counts, summing_to_100=()):
    """A table of counts (a DataFrame: a row per group or item, a column per answer) as
    percentages of each row's total, half up; the rows named in ``summing_to_100`` are rounded as
    a whole instead, by largest remainder, so that they sum to exactly 100 (as the report rounds
    a few rows). A named row that the table lacks (a group without respondents) is passed over.

    The result says how it was rounded, for the page that shows it: ``attrs["rounded_as_whole"]``
    maps every named row to what rounding each share half up would have given it ({column:
    percentage or None}), or to None where the table lacks the row."""
    shares = percent(counts, counts.sum(axis=1))
    half_up = {}
    for row in summing_to_100:
        half_up[row] = None
        if row in counts.index:
            half_up[row] = {column: (None if pd.isna(v) else int(v)) for column, v in shares.loc[row].items()}
            shares.loc[row] = percent_summing_to_100(counts.loc[row])
    shares.attrs[ROUNDED_AS_WHOLE] = half_up
    return shares


def _count(x):
    if isinstance(x, (bool, np.bool_)):
        return int(x)
    if isinstance(x, (int, np.integer)) and x >= 0:
        return int(x)
    if isinstance(x, float) and x.is_integer() and x >= 0:
        return int(x)
    raise TypeError(f"percent() takes counts (whole numbers >= 0), got {x!r}")


def _counts(x):
    if isinstance(x, (pd.Series, pd.DataFrame)):
        values = x.to_numpy(dtype=float, na_value=np.nan)
        if np.isnan(values).any() or (values < 0).any() or (values != np.floor(values)).any():
            raise TypeError("percent() takes counts (whole numbers >= 0), not shares or missing values")
        return x.astype("int64")
    raise TypeError(f"percent() takes numbers, Series or DataFrames, got {type(x).__name__}")


def round_half_up(x):
    """A mean, median or other number rounded to a whole number, halves upwards (10.5 -> 11).

    Works on a number, a Series or a DataFrame; missing stays missing. The value is first
    rounded to nine decimals, so that a mean that is exactly a half (say 10.5) but comes out of
    floating-point arithmetic as 10.4999999999 still rounds up. That is exact for hours given
    with up to three decimals and fewer than a million respondents."""
    if isinstance(x, (pd.Series, pd.DataFrame)):
        return x.map(_round_half_up_one).astype("Int64")
    return _round_half_up_one(x)


def _round_half_up_one(x):
    if x is None or pd.isna(x):
        return pd.NA
    if isinstance(x, Fraction):
        return floor(x + Fraction(1, 2))
    steady = Decimal(repr(float(x))).quantize(Decimal("1e-9"), rounding=ROUND_HALF_EVEN)
    return int(steady.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def exact_percent(k, m):
    """The unrounded percentage 100 k / m as an exact fraction (for explanations and checks)."""
    if m <= 0:
        raise ValueError(f"percentage of an empty group (k={k}, m={m})")
    return Fraction(100 * k, m)


def largest_remainder(values, total=100):
    """Round exact non-negative values that sum to ``total`` to whole numbers that sum to
    ``total``: round every value down, then give the missing units to the largest remainders
    (ties to the earlier position)."""
    values = [Fraction(v) for v in values]
    if sum(values) != total:
        raise ValueError(f"values sum to {float(sum(values))}, not {total}")
    floors = [floor(v) for v in values]
    missing = total - sum(floors)
    order = sorted(range(len(values)), key=lambda i: (-(values[i] - floors[i]), i))
    for i in order[:missing]:
        floors[i] += 1
    return floors


def percent_summing_to_100(counts):
    """Percentages of one row of counts (a Series: every answer of one question in one group),
    rounded by largest remainder so that the row sums to exactly 100; all missing when the row
    is empty."""
    counts = _counts(pd.Series(counts))
    m = int(counts.sum())
    if m == 0:
        return pd.Series(pd.NA, index=counts.index, dtype="Int64")
    shares = [Fraction(100 * int(k), m) for k in counts]
    return pd.Series(largest_remainder(shares), index=counts.index, dtype="Int64")


def grim_counts(p, m):
    """All counts k (0 <= k <= m) whose share k/m rounds half up to ``p`` percent: the GRIM test
    (is a printed percentage possible at all with m respondents?)."""
    lo = Fraction((2 * p - 1) * m, 200)  # k >= lo
    hi = Fraction((2 * p + 1) * m, 200)  # k < hi
    first = max(0, _ceil(lo))
    last = min(m, _ceil(hi) - 1)
    return list(range(first, last + 1))


def _ceil(x):
    return -(-x.numerator // x.denominator)

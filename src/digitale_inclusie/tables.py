"""Recompute the report's numbers from a respondent file.

The published file (``data/published/cijfers.csv``) is the specification: each of its rows
says which statistic of which column, in which group, with which rounding. Its ``value``
column is ignored here; :func:`compute_tables` returns the same rows with values computed
from the respondent file. The chapter notebooks call these functions.
"""

from fractions import Fraction
from statistics import median

import pandas as pd

from .codebook import HOURS, MISSING, SIZE, SUBSIDY
from .published import BREAKDOWNS, COLUMNS, row_groups
from .rounding import half_up, largest_remainder, percent


def hour_matches(code, hours):
    """Whether a number of hours meets a share condition such as '<=4', '>=20', 'in:38|40'."""
    if code.startswith("<="):
        return hours <= Fraction(code[2:])
    if code.startswith(">="):
        return hours >= Fraction(code[2:])
    if code.startswith("in:"):
        return any(hours == Fraction(v) for v in code[3:].split("|"))
    raise ValueError(f"unknown condition '{code}' for a number")


def select_group(respondents, group):
    """The respondents of a group: totaal, a size class or a subsidy status."""
    if group == "totaal":
        return respondents
    if group in BREAKDOWNS["grootte"]:
        return respondents[respondents[SIZE] == group]
    if group in BREAKDOWNS["subsidie"]:
        return respondents[respondents[SUBSIDY] == group]
    raise ValueError(f"unknown group '{group}'")


def exact_hours(values):
    """Hours as exact fractions (0.5 -> 1/2)."""
    return [Fraction(str(v)) for v in values]


def share_fraction(respondents, group, variable, code):
    """Exact share (percent) of the group's answering respondents whose ``variable`` is
    ``code``, with the number answering."""
    members = select_group(respondents, group)
    values = members[variable]
    if variable == HOURS:
        hours = exact_hours(values)
        k = sum(1 for h in hours if hour_matches(code, h))
        m = len(hours)
    else:
        answered = values[values != MISSING]
        k = int((answered == code).sum())
        m = len(answered)
    return percent(k, m), m


def compute_value(respondents, row):
    """Exact (unrounded) value of one published row; None when not computable."""
    stat, group, variable = row["statistic"], row["group"], row["variable"]
    members = select_group(respondents, group)
    if stat == "n":
        return Fraction(len(members))
    if stat == "external":
        return None
    if stat == "share":
        return share_fraction(respondents, group, variable, row["code"])[0]
    hours = exact_hours(members[variable])
    if not hours:
        raise ValueError(f"group '{group}' has no respondents")
    if stat == "mean":
        return sum(hours) / len(hours)
    if stat == "median":
        return Fraction(median(hours))
    if stat == "min":
        return min(hours)
    if stat == "max":
        return max(hours)
    raise ValueError(f"unknown statistic '{stat}'")


def compute_tables(respondents, published):
    """Every published row recomputed from ``respondents``, rounded like the report.

    Returns a DataFrame with the published columns; ``value`` holds ints (rounded) or exact
    Fractions (unrounded ``exact`` statistics), and None where a number cannot be computed
    from respondent data. The column ``exact`` holds the unrounded value.
    """
    out = published[COLUMNS].copy()
    exact = {i: compute_value(respondents, row) for i, row in published.iterrows()}
    values = {}
    for i, row in published.iterrows():
        if exact[i] is None:
            values[i] = None
        elif row["rounding"] == "half_up":
            values[i] = half_up(exact[i])
        elif row["rounding"] == "exact":
            values[i] = exact[i]
    lr = published[published["rounding"] == "largest_remainder"]
    for key, idxs in row_groups(lr).items():
        for i, v in zip(idxs, _largest_remainder_row(respondents, published, key, idxs)):
            values[i] = v
    out["value"] = [values[i] for i in published.index]
    out["exact"] = [exact[i] for i in published.index]
    return out


def _largest_remainder_row(respondents, published, key, idxs):
    _, _, group, variable = key
    shares = [share_fraction(respondents, group, variable, published.at[i, "code"])[0] for i in idxs]
    if sum(shares) != 100:
        raise ValueError(f"row {key} does not cover all answers of '{variable}' "
                         f"(its shares sum to {float(sum(shares)):.2f}%)")
    return largest_remainder(shares)


def compare(recomputed, published):
    """Published rows side by side with their recomputed values; ``matches`` tells whether
    the recomputed value equals the printed one."""
    out = published[COLUMNS].copy()
    out = out.rename(columns={"value": "printed"})
    out["recomputed"] = recomputed["value"].to_numpy()
    out["matches"] = [r is not None and Fraction(r) == Fraction(p)
                      for r, p in zip(out["recomputed"], out["printed"])]
    return out


def table_frame(recomputed, table, breakdown=None):
    """One report table as a wide DataFrame: groups as rows, items/categories as columns."""
    rows = recomputed[recomputed["table"] == table]
    if breakdown is not None:
        rows = rows[rows["breakdown"] == breakdown]
    columns = "item" if rows["category"].nunique() == 1 else ["item", "category"]
    wide = rows.pivot_table(index="group", columns=columns, values="value", aggfunc="first", sort=False)
    return wide.reindex(pd.unique(rows["group"]))

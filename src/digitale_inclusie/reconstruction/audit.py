"""Audit of the printed numbers: which of them cannot hold together with the others.

Three checks are run on every printed number, from the printed numbers alone:

* GRIM: can a percentage be k/n at all, with n the group's number of respondents?
* groups against the total: does the total lie in the range that the printed group
  percentages allow, weighted by the group sizes?
* rows: does a row that is rounded to sum to 100 (largest remainder) sum to 100; can a row
  marked ``largest_remainder`` really not be reproduced by ordinary rounding?

The reconstruction then decides jointly. The register lists every printed number that the
reconstructed respondent file does not reproduce, each with the reasons the checks found and
the value the reconstruction gives instead; numbers that are not about respondents at all
(the participation rate) are listed as not computable.
"""

from fractions import Fraction
from itertools import product

import pandas as pd

from ..analysis import compare, recompute
from ..data.codebook import BREAKDOWNS, Codebook
from ..data.respondents import answer_counts, group_members
from ..data.published import KEY, printed_group_sizes, row_groups
from ..data.register import COLUMNS as REGISTER_COLUMNS
from ..data.register import KIND_INCONSISTENT, KIND_NOT_COMPUTABLE
from ..stats import exact_percent as percent
from ..stats import grim_counts, largest_remainder
from ..stats import round_half_up as half_up
from ..vocab import decimal


def _counts(respondents, group, variable, code):
    """(k, m) of one printed number in ``respondents``, for the register's explanations; the
    numbers themselves come from the chapters' analysis."""
    return answer_counts(group_members(respondents, group), variable, [code])


def grim_reason(p, n):
    """Why no k/n rounds (half-up) to p percent, or None when one does."""
    if grim_counts(p, n):
        return None
    below = max(k for k in range(n + 1) if percent(k, n) < p)
    return (f"geen aantal op {n} rondt af op {p}%: {below}/{n} = {decimal(percent(below, n), 2)}% en "
            f"{below + 1}/{n} = {decimal(percent(below + 1, n), 2)}%")


def implied_total(published, variable, code, breakdown, sizes):
    """Range [lo, hi) of the total percentage that the printed group percentages of a
    breakdown allow (each group within its rounding interval, weighted by group size); None
    when a group is not printed."""
    rows = published[(published["variable"] == variable) & (published["code"] == code)
                     & (published["breakdown"] == breakdown) & (published["statistic"] == "share")]
    values = dict(zip(rows["group"], rows["value"]))
    groups = BREAKDOWNS[breakdown]
    if set(values) != set(groups):
        return None
    total = sum(sizes[g] for g in groups)
    lo = sum(sizes[g] * (values[g] - Fraction(1, 2)) for g in groups) / total
    hi = sum(sizes[g] * (values[g] + Fraction(1, 2)) for g in groups) / total
    return lo, hi, values


def total_reasons(published, row, sizes):
    """Conflicts between a total and the groups of a breakdown that involve this row."""
    variable, code = row["variable"], row["code"]
    total = published[(published["variable"] == variable) & (published["code"] == code)
                      & (published["group"] == "totaal") & (published["statistic"] == "share")]
    if total.empty:
        return []
    p_total = total["value"].iloc[0]
    reasons = []
    for breakdown in ("grootte", "subsidie"):
        if row["breakdown"] not in ("totaal", breakdown):
            continue
        implied = implied_total(published, variable, code, breakdown, sizes)
        if implied is None:
            continue
        lo, hi, values = implied
        if hi <= p_total - Fraction(1, 2) or lo >= p_total + Fraction(1, 2):
            groups = ", ".join(f"{g} {v}%" for g, v in values.items())
            reasons.append(f"het totaal {p_total}% past niet bij de groepen naar {breakdown} "
                           f"({groups}): gewogen naar groepsgrootte ligt het totaal tussen "
                           f"{decimal(lo, 1)}% en {decimal(hi, 1)}%")
    return reasons


def row_reasons(published, idx):
    """Problems of the multi-category row that printed number ``idx`` belongs to."""
    row = published.loc[idx]
    key = (row["table"], row["breakdown"], row["group"], row["variable"])
    idxs = row_groups(published).get(key, [idx])
    if row["rounding"] == "largest_remainder":
        total = sum(published.at[i, "value"] for i in idxs)
        if total != 100:
            return [f"de rij telt op tot {total}%, terwijl afronding volgens de grootste rest altijd "
                    "100% geeft"]
    return []


def row_feasible(values, n, rule):
    """Whether some answer counts of n respondents give the printed row ``values`` (all
    answers of one question, in column order) under a rounding rule."""
    if rule == "half_up":
        candidates = [grim_counts(v, n) for v in values]
    else:  # largest remainder: every share within one point of its printed value
        candidates = [[k for k in range(n + 1) if abs(percent(k, n) - v) < 1] for v in values]
    for counts in product(*candidates):
        if sum(counts) != n:
            continue
        shares = [percent(k, n) for k in counts]
        if rule == "half_up" and [half_up(s) for s in shares] == list(values):
            return True
        if rule == "largest_remainder" and largest_remainder(shares) == list(values):
            return True
    return False


def rounding_findings(published, codebook, sizes):
    """Rows marked ``largest_remainder``, each checked: ordinary rounding cannot give the row
    when everyone answers, and largest-remainder rounding can. Returns (key, ok, text)."""
    out = []
    lr = published[published["rounding"] == "largest_remainder"]
    for key, idxs in row_groups(lr).items():
        _, _, group, variable = key
        values = [published.at[i, "value"] for i in idxs]
        n = sizes[group]
        half = row_feasible(values, n, "half_up")
        largest = row_feasible(values, n, "largest_remainder")
        shown = "/".join(f"{v}%" for v in values)
        text = (f"{key[0]} {group} {variable}: {shown} bij n = {n}: gewone afronding "
                f"{'kan' if half else 'kan niet'}, grootste rest {'kan' if largest else 'kan niet'}")
        out.append((key, (not half) and largest, text))
    return out


def total_without_skips(published, row, sizes, respondents):
    """Why a printed total cannot hold when everyone answers, given its groups: with everyone
    answering, each group's count is one its own printed share allows (GRIM), and the total's
    count is their sum. Only breakdowns whose group numbers ``respondents`` reproduce count (a
    group number in conflict is the register's business). Returns the reason for the first
    breakdown whose every such sum misses the printed total, else None."""
    if row["group"] != "totaal":
        return None
    for breakdown in ("grootte", "subsidie"):
        groups = BREAKDOWNS[breakdown]
        rows = published[(published["variable"] == row["variable"]) & (published["code"] == row["code"])
                         & (published["breakdown"] == breakdown) & (published["statistic"] == "share")]
        printed = dict(zip(rows["group"], rows["value"]))
        if set(printed) != set(groups):
            continue
        answered = [_counts(respondents, g, row["variable"], row["code"]) for g in groups]
        if any(m == 0 or half_up(percent(k, m)) != printed[g] for g, (k, m) in zip(groups, answered)):
            continue
        counts = [grim_counts(printed[g], sizes[g]) for g in groups]
        if not all(counts):
            continue  # a group's own number is impossible: reported on its own
        sums = sorted({sum(combination) for combination in product(*counts)})
        n = sizes["totaal"]
        if any(half_up(percent(k, n)) == row["value"] for k in sums):
            continue
        parts = ", ".join(f"{g} {printed[g]}% van {sizes[g]}" for g in groups)
        shown = " of ".join(f"{k}/{n} = {decimal(percent(k, n), 2)}%" for k in sums[:3])
        return (f"als iedereen antwoordt, laten de groepen naar {breakdown} ({parts}) samen alleen "
                f"{shown} toe, en dat rondt niet af op {row['value']}%")
    return None


def rescued_by_nonresponse(published, respondents, sizes):
    """Printed percentages that are impossible when everyone answers, on their own (GRIM) or, for
    a total, together with its groups, but that the reconstruction reproduces because a few
    respondents skipped the question.

    Returns a DataFrame with the key columns, the printed value, the group size ``n``, the
    number answering ``m`` and a Dutch explanation."""
    records = []
    shares = published[(published["statistic"] == "share") & (published["rounding"] == "half_up")
                       & (published["unit"] == "procent")]
    for idx, row in shares.iterrows():
        n = sizes[row["group"]]
        grim = grim_reason(row["value"], n) or total_without_skips(published, row, sizes, respondents)
        if not grim:
            continue
        k, m = _counts(respondents, row["group"], row["variable"], row["code"])
        if m == 0:
            continue  # nobody in the group answered: nothing reproduced, nothing rescued
        exact = percent(k, m)
        if half_up(exact) != row["value"]:
            continue  # not reproduced: in the register
        records.append({**{k: row[k] for k in KEY}, "value": row["value"], "n": n, "m": m,
                        "reason": (f"{grim[0].upper()}{grim[1:]}; met {m} antwoorden wel: "
                                   f"{decimal(exact, 2)}%.")})
    return pd.DataFrame(records, columns=KEY + ["value", "n", "m", "reason"])


def explain(published, idx, sizes, reconstructed_m):
    """The computed reasons why printed number ``idx`` cannot hold together with the others."""
    row = published.loc[idx]
    reasons = []
    n = sizes[row["group"]]
    if row["statistic"] == "share" and row["unit"] == "procent" and row["rounding"] == "half_up":
        grim = grim_reason(row["value"], n)
        if grim:
            reasons.append(grim)
    reasons += row_reasons(published, idx)
    reasons += total_reasons(published, row, sizes)
    if not reasons:
        reasons.append("samen met de andere afgedrukte cijfers van dezelfde vraag niet haalbaar: "
                       "het integer programma vindt geen respondentenbestand dat ook dit cijfer "
                       "reproduceert")
    if reconstructed_m is not None and reconstructed_m != n:
        note = (f"in de reconstructie beantwoorden {reconstructed_m} van de {n} respondenten deze "
                "vraag (nodig voor andere cijfers van dezelfde vraag)")
        grim = grim_reason(row["value"], reconstructed_m)
        if grim:
            note += f", en dan is er {grim}"
        reasons.append(note)
    text = "; ".join(reasons)
    return text[0].upper() + text[1:] + "."


def audit(published, codebook=None):
    """Reconstruct, recompute and compare; return (register DataFrame, respondent frame)."""
    from .reconstruct import respondent_frame, solve  # scipy's solver: only when auditing

    codebook = codebook or Codebook.load()
    result = solve(published, codebook)
    respondents = respondent_frame(result, codebook)
    recomputed = recompute(respondents, published)  # the chapters' own analysis cells
    compared = compare(recomputed, published)
    sizes = printed_group_sizes(published)
    records = []  # one per printed number that the reconstruction does not reproduce
    for idx, row in compared[~compared["matches"]].iterrows():
        printed = published.loc[idx]
        if printed["statistic"] == "external":
            kind = KIND_NOT_COMPUTABLE
            reason = ("Niet uit respondentdata te berekenen: het gaat over lokale besturen, terwijl "
                      "de respondenten medewerkers zijn en het bestand niet zegt bij welk bestuur "
                      "iemand werkt.")
        else:
            kind = KIND_INCONSISTENT
            m = None
            if printed["statistic"] == "share" and printed["variable"] in codebook.by_name:
                m = _counts(respondents, printed["group"], printed["variable"], printed["code"])[1]
            reason = explain(published, idx, sizes, m)
        records.append({**{k: row[k] for k in KEY}, "value": row["printed"], "unit": printed["unit"],
                        "reconstructed": row["recomputed"], "kind": kind, "reason": reason})
    register = pd.DataFrame(records, columns=REGISTER_COLUMNS)
    return register, respondents

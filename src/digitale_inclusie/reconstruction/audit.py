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

from ..analysis.cells import compare, recompute
from ..analysis.stats import exact_percent as percent
from ..analysis.stats import grim_counts, largest_remainder
from ..analysis.stats import round_half_up as half_up
from ..data.codebook import BREAKDOWNS, HOURS, Codebook
from ..data.published import KEY, printed_group_sizes, row_groups
from ..data.register import COLUMNS as REGISTER_COLUMNS
from ..data.register import KIND_INCONSISTENT, KIND_NOT_COMPUTABLE, KIND_TRADE_OFF
from ..data.respondents import answer_counts, group_members
from ..present.text import block_label, decimal, group_name, lower_first, number_text


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
    return lo, hi, values, set(rows.index)


def total_reasons(published, row, sizes):
    """Conflicts between a total and the groups of a breakdown that involve this row:
    a list of (text, the printed numbers involved)."""
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
        lo, hi, values, members = implied
        if hi <= p_total - Fraction(1, 2) or lo >= p_total + Fraction(1, 2):
            groups = ", ".join(f"{g} {v}%" for g, v in values.items())
            reasons.append((f"het totaal {p_total}% past niet bij de groepen naar {breakdown} "
                            f"({groups}): gewogen naar groepsgrootte ligt het totaal tussen "
                            f"{decimal(lo, 1)}% en {decimal(hi, 1)}%",
                            frozenset(members | set(total.index))))
    return reasons


def row_reasons(published, idx):
    """Problems of the multi-category row that printed number ``idx`` belongs to: a list of
    (text, the printed numbers of the row)."""
    row = published.loc[idx]
    key = (row["table"], row["breakdown"], row["group"], row["variable"])
    idxs = row_groups(published).get(key, [idx])
    if row["rounding"] == "largest_remainder":
        total = sum(published.at[i, "value"] for i in idxs)
        if total != 100:
            return [(f"de rij telt op tot {total}%, terwijl afronding volgens de grootste rest altijd "
                     "100% geeft", frozenset(idxs))]
    return []


def proofs(published, idx, sizes):
    """Proofs from the printed numbers alone, with everyone answering, that number ``idx``
    cannot hold together with some printed numbers: a list of (text, the numbers involved,
    ``idx`` included). Three kinds: GRIM on the group size, the row's sum, the total against
    its groups."""
    row = published.loc[idx]
    out = []
    if row["statistic"] == "share" and row["unit"] == "procent" and row["rounding"] == "half_up":
        grim = grim_reason(row["value"], sizes[row["group"]])
        if grim:
            out.append((grim, frozenset({idx})))
    return out + row_reasons(published, idx) + total_reasons(published, row, sizes)


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


def number_label(published, idx):
    """'Tabel 1, kleine besturen (< 20.000 inwoners): Lokale verenigingen 36%'."""
    row = published.loc[idx]
    what = row["item"] if row["category"] in ("", "Ja") else f"{row['item']} ({row['category']})"
    return (f"{block_label(row['table'])}, {lower_first(group_name(row['group'], long=True))}: "
            f"{what} {number_text(row['value'], row['unit'], long=True)}")


def _labels(published, idxs):
    return "; ".join(number_label(published, i) for i in sorted(idxs))


def classify(published, idx, sizes, missed, reconstructed_m, alt=None):
    """Kind, reason and alternative of printed number ``idx``, which the reconstruction does
    not reproduce (``missed``: every printed number it does not reproduce).

    ``inconsistent`` ("cannot all hold") when both: a proof from the printed numbers alone
    (:func:`proofs`) in which every other number involved is reproduced, so that missing this
    one is what resolves it; and no respondent file with at most ``MAX_SKIPS`` skipped answers
    per question keeps this number together with every number the reconstruction keeps
    (``alt``, an :class:`~.reconstruct.Alternative`). Otherwise ``afweging`` ("trade-off"):
    the reconstruction could have kept it and chose, by its weights, to miss it; the
    alternative it did not choose is described."""
    from .reconstruct import MAX_SKIPS

    n = sizes[published.at[idx, "group"]]
    found = proofs(published, idx, sizes)
    binding = [text for text, members in found if not (members - {idx}) & missed]
    resolved = [(text, members) for text, members in found if (members - {idx}) & missed]
    keeps_rest = alt is not None and alt.feasible_keeping_rest
    kind = KIND_INCONSISTENT if binding and not keeps_rest else KIND_TRADE_OFF
    parts = []
    if binding:
        parts.append("; ".join(binding))
    for text, members in resolved:
        parts.append(f"{text}, maar dat conflict lost de reconstructie al op door "
                     f"{_labels(published, (members - {idx}) & missed)} te missen")
    if not found:
        parts.append("uit de gedrukte cijfers alleen volgt geen tegenspraak (met iedereen die "
                     "antwoordt)")
    if reconstructed_m is not None and reconstructed_m != n:
        note = (f"in de reconstructie beantwoorden {reconstructed_m} van de {n} respondenten deze "
                "vraag (nodig voor andere cijfers van dezelfde vraag)")
        grim = grim_reason(published.at[idx, "value"], reconstructed_m)
        if grim:
            note += f"; met {reconstructed_m} antwoorden: {grim}"
        parts.append(note)
    if kind == KIND_INCONSISTENT:
        if alt is not None:
            parts.append(f"ook met tot {MAX_SKIPS} overgeslagen antwoorden per vraag bestaat geen "
                         "respondentenbestand dat dit cijfer haalt samen met alle cijfers van de "
                         "vraag die de reconstructie wel haalt: deze cijfers kunnen niet allemaal "
                         "kloppen")
    elif binding:
        parts.append("dat bewijs geldt alleen als iedereen antwoordt: met overgeslagen antwoorden "
                     "kunnen deze cijfers wel samen kloppen, dus dit cijfer missen is een afweging "
                     "van de reconstructie")
    else:
        parts.append("geen bewijs uit de gedrukte cijfers alleen houdt nog stand, dus dit cijfer "
                     "missen is een afweging van de reconstructie (welke respondenten de vraag "
                     "overslaan, welk cijfer wijkt)")
    reason = "; ".join(parts)
    reason = reason[0].upper() + reason[1:] + "."
    return kind, reason, alternative_text(published, alt, missed)


def alternative_text(published, alt, missed):
    """The files the reconstruction did not choose that keep the number, in Dutch."""
    from .reconstruct import W_MISS

    if alt is None:
        return ""
    instead = set(alt.dropped_instead) - missed
    also = set(alt.missed_now) - set(alt.dropped_instead) - {alt.number}
    count = ("evenveel gemiste cijfers op deze vraag" if len(alt.dropped_instead) == len(alt.missed_now)
             else f"{len(alt.dropped_instead)} gemiste cijfers op deze vraag in plaats van "
                  f"{len(alt.missed_now)}")
    text = (f"Met zo weinig mogelijk gemiste cijfers haalt een bestand dit cijfer als het in plaats "
            f"daarvan {_labels(published, instead)} mist"
            + (f", en dan haalt het ook {_labels(published, also)}" if also else "")
            + f" ({count}).")
    if alt.feasible_keeping_rest:
        text += (f" Een bestand met {alt.skips_keeping_rest} in plaats van {alt.skips} overgeslagen "
                 "antwoorden op deze vraag haalt dit cijfer én alle cijfers die de reconstructie "
                 f"haalt; de reconstructie weegt één gemist cijfer als {W_MISS} overgeslagen "
                 "antwoorden en koos daarom dit cijfer te missen.")
    return text


def audit(published, codebook=None):
    """Reconstruct, recompute and compare; return (register DataFrame, respondent frame)."""
    from .reconstruct import alternative, respondent_frame, solve  # scipy: only when auditing

    codebook = codebook or Codebook.load()
    result = solve(published, codebook)
    respondents = respondent_frame(result, codebook)
    recomputed = recompute(respondents, published)  # the chapters' own analysis cells
    compared = compare(recomputed, published)
    sizes = printed_group_sizes(published)
    missed = set(compared.index[~compared["matches"]])
    question_of = {v: q for q, variables in codebook.questions.items() for v in variables}
    skips = {s.question: sum(s.skips.values()) for s in result.solutions}
    records = []  # one per printed number that the reconstruction does not reproduce
    for idx, row in compared[~compared["matches"]].iterrows():
        printed = published.loc[idx]
        alt_text = ""
        if printed["statistic"] == "external":
            kind = KIND_NOT_COMPUTABLE
            reason = ("Niet uit respondentdata te berekenen: het gaat over lokale besturen, terwijl "
                      "de respondenten medewerkers zijn en het bestand niet zegt bij welk bestuur "
                      "iemand werkt.")
        else:
            m, alt = None, None
            if printed["statistic"] == "share" and printed["variable"] in codebook.by_name:
                m = _counts(respondents, printed["group"], printed["variable"], printed["code"])[1]
            question = question_of.get(printed["variable"])
            if question in skips and printed["variable"] != HOURS:
                mine = {i for i in missed if question_of.get(published.at[i, "variable"]) == question}
                alt = alternative(question, published, codebook, result.cells, mine, idx, skips[question])
            kind, reason, alt_text = classify(published, idx, sizes, missed, m, alt)
        records.append({**{k: row[k] for k in KEY}, "value": row["printed"], "unit": printed["unit"],
                        "reconstructed": row["recomputed"], "kind": kind, "reason": reason,
                        "alternative": alt_text})
    register = pd.DataFrame(records, columns=REGISTER_COLUMNS)
    return register, respondents

"""The report's claims, tested on a respondent file.

Every statement of the report that compares groups or items, or asserts a level, is an entry of
``data/claims/claims.yaml``. :func:`evaluate` tests one on a respondent DataFrame and returns a row
of ``claims.csv`` (columns :data:`COLUMNS`, contract in the README) with a verdict:

* ``bevestigd``: the data go the way the report says, and the test says it is not chance
  (p < 0.05), or for a level: the whole 95% interval lies on the claimed side;
* ``niet_significant``: the data cannot tell (the difference could be chance, or the interval
  straddles the level);
* ``tegengesproken``: the data significantly go the other way;
* ``niet_toetsbaar``: the file cannot test it: the survey has no question for it, a group is
  empty, or (in the shipped reconstruction) the answer would rest on what the reconstruction made
  up rather than on the printed numbers: the spread of hours within a group, and how answers to
  two questions combine within respondents.

Shares get a 95% Wilson interval; two groups are compared with a chi-square test, or Fisher's
exact test when an expected count is below 5; hours with Mann-Whitney or Kruskal-Wallis; two items
answered by the same respondents with an exact McNemar test. All from scipy. The chapters write
a tested claim as a Dutch sentence with :mod:`digitale_inclusie.present.sentences`.
"""

import json

import pandas as pd
import yaml
from scipy import stats

from ..data.codebook import GROUPS, HOURS, MISSING, Codebook
from ..data.respondents import answer_counts, group_members
from ..errors import InputFileError
from ..paths import DATA
from ..present.text import decimal, group_name
from .stats import percent

CLAIMS = DATA / "claims" / "claims.yaml"
CLAIMS_SCHEMA = DATA / "claims" / "claims.schema.json"
COLUMNS = ["claim_id", "chapter", "statement", "compared", "values", "n", "direction_report",
           "direction_data", "test", "p_value", "verdict", "note"]
VERDICTS = ("bevestigd", "niet_significant", "tegengesproken", "niet_toetsbaar")
ALPHA = 0.05


def load_claims(path=CLAIMS, codebook=None):
    """The claims register, checked against its schema and the codebook."""
    import jsonschema

    try:
        claims = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise InputFileError(path, [f"not valid YAML: {exc}"]) from None
    schema = json.loads(CLAIMS_SCHEMA.read_text(encoding="utf-8"))
    problems = [f"entry {'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
                for e in jsonschema.Draft202012Validator(schema).iter_errors(claims)]
    if problems:
        raise InputFileError(path, problems)
    codebook = codebook or Codebook.load()
    ids = [c["id"] for c in claims]
    problems = [f"id '{i}' occurs more than once" for i in sorted({i for i in ids if ids.count(i) > 1})]
    for claim in claims:
        items = [claim["item"]] if "item" in claim else claim.get("first", []) + claim.get("second", [])
        if claim["kind"] in ("groups", "level", "items"):
            for item in items:
                if item not in codebook.by_name:
                    problems.append(f"claim '{claim['id']}': '{item}' is not a codebook column")
                elif claim.get("answers") and not set(claim["answers"]) <= set(codebook.answer_codes(item)):
                    problems.append(f"claim '{claim['id']}': answers {claim['answers']} are not all codes of '{item}'")
        groups = claim.get("groups", []) + claim.get("order", [])
        if claim["kind"] == "groups":
            groups += claim["first"] + claim["second"]
        unknown = sorted(set(groups) - set(GROUPS))
        if unknown:
            problems.append(f"claim '{claim['id']}': unknown group(s) {unknown}")
    if problems:
        raise InputFileError(path, problems)
    return claims


# ---------------------------------------------------------------- counting

def wilson(k, m):
    """The 95% Wilson interval of k/m, in percent."""
    interval = stats.binomtest(k, m).proportion_ci(confidence_level=0.95, method="wilson")
    return 100 * interval.low, 100 * interval.high


def share_text(k, m):
    """'76% [70–81]': the share rounded half up, with its 95% Wilson interval."""
    low, high = wilson(k, m)
    return f"{percent(k, m)}% [{decimal(low)}–{decimal(high)}]"


def _names(groups):
    return " + ".join(group_name(g).lower() for g in groups)


def _direction(a, b):
    return "hoger" if a > b else "lager" if a < b else "gelijk"


def _verdict(report, data, p):
    """The verdict of a comparison from the report's direction, the data's and the p-value."""
    if p is None:
        return "niet_toetsbaar"
    if report == "gelijk":
        return "bevestigd" if p >= ALPHA else "tegengesproken"
    if p >= ALPHA:
        return "niet_significant"
    return "bevestigd" if data == report else "tegengesproken"


def _row(claim, **fields):
    """A row of claims.csv; private fields (``_sides``: (k, m) per side, ``_means``, ``_bounds``)
    carry the numbers for :func:`..present.sentences.sentence` and are not written."""
    row = {column: "" for column in COLUMNS}
    row.update(claim_id=claim["id"], chapter=str(claim["chapter"]), statement=claim["statement"],
               direction_report=claim.get("direction", ""))
    row.update({k: v for k, v in fields.items() if v is not None})
    if isinstance(row["p_value"], float):
        row["p_value"] = f"{row['p_value']:.4g}"
    return row


# ---------------------------------------------------------------- kinds

def _groups(claim, df, reconstruction):
    first, second = group_members(df, *claim["first"]), group_members(df, *claim["second"])
    (k1, m1), (k2, m2) = (answer_counts(first, claim["item"], claim["answers"]),
                          answer_counts(second, claim["item"], claim["answers"]))
    compared = f"{claim['item']} = {' of '.join(claim['answers'])}: {_names(claim['first'])} tegenover {_names(claim['second'])}"
    if not m1 or not m2:
        return _row(claim, compared=compared, n=f"{m1} · {m2}", verdict="niet_toetsbaar",
                    note="een van de groepen heeft geen antwoorden op deze vraag")
    data = _direction(k1 * m2, k2 * m1)  # k1/m1 against k2/m2, exactly
    table = [[k1, m1 - k1], [k2, m2 - k2]]
    if k1 + k2 in (0, m1 + m2):
        test, p = "geen spreiding (iedereen hetzelfde antwoord)", 1.0
    elif min(stats.contingency.expected_freq(table).ravel()) < 5:
        test, p = "Fisher exact", float(stats.fisher_exact(table).pvalue)
    else:
        test, p = "chi-kwadraat", float(stats.chi2_contingency(table).pvalue)
    values, n = f"{share_text(k1, m1)} · {share_text(k2, m2)}", f"{m1} · {m2}"
    if reconstruction and claim.get("invented"):
        return _row(claim, compared=compared, values=values, n=n, direction_data=data, verdict="niet_toetsbaar",
                    note=claim["invented"], _sides=[(k1, m1), (k2, m2)])
    return _row(claim, compared=compared, values=values, n=n, direction_data=data, test=test, p_value=p,
                verdict=_verdict(claim["direction"], data, p), _sides=[(k1, m1), (k2, m2)])


def _hours(claim, df, reconstruction):
    samples = [group_members(df, g)[HOURS].astype(float) for g in claim["order"]]
    compared = f"{HOURS}, gemiddelde: " + " → ".join(group_name(g).lower() for g in claim["order"])
    n = " · ".join(str(len(s)) for s in samples)
    if any(s.empty for s in samples):
        return _row(claim, compared=compared, n=n, verdict="niet_toetsbaar", note="een van de groepen is leeg")
    means = [s.mean() for s in samples]
    steps = [_direction(b, a) for a, b in zip(means, means[1:])]
    data = "stijgend" if set(steps) == {"hoger"} else "dalend" if set(steps) == {"lager"} else "geen vaste volgorde"
    values = " · ".join(f"{decimal(m, 1)} uur" for m in means)
    if reconstruction:
        return _row(claim, compared=compared, values=values, n=n, direction_data=data, verdict="niet_toetsbaar",
                    note="De gemiddelden liggen vast door het rapport, de spreiding binnen de groepen niet: die "
                         "koos de reconstructie, dus een toets zou iets verzonnens toetsen.", _means=means)
    if len(samples) == 2:
        test, p = "Mann-Whitney", float(stats.mannwhitneyu(*samples).pvalue)
    else:
        test, p = "Kruskal-Wallis", float(stats.kruskal(*samples).pvalue) if any(s.nunique() > 1 for s in samples) else 1.0
    report = "hoger" if claim["direction"] == "stijgend" else "lager"
    found = "hoger" if data == "stijgend" else "lager" if data == "dalend" else "anders"
    verdict = _verdict(report, found, p)
    if verdict == "bevestigd" and found != report:
        verdict = "niet_significant"
    return _row(claim, compared=compared, values=values, n=n, direction_data=data, test=test, p_value=p,
                verdict=verdict, _means=means)


def _level(claim, df, reconstruction):
    threshold, direction = claim["threshold"], claim["direction"]
    values, ns, verdicts, ps, sides = [], [], [], [], []
    for group in claim.get("groups", ["totaal"]):
        part = group_members(df, group)
        if "at_most" in claim:
            k, m = int((part[claim["item"]] <= claim["at_most"]).sum()), int(part[claim["item"]].notna().sum())
        else:
            k, m = answer_counts(part, claim["item"], claim["answers"])
        ns.append(str(m))
        if not m:
            verdicts.append("niet_toetsbaar")
            values.append(f"{group_name(group).lower()}: geen antwoorden")
            continue
        low, high = wilson(k, m)
        sides.append((k, m, low, high))
        values.append((f"{group_name(group).lower()}: " if "groups" in claim else "") + share_text(k, m))
        if direction == "nul":
            verdicts.append("bevestigd" if k == 0 else "tegengesproken")
            continue
        ps.append(float(stats.binomtest(k, m, threshold / 100).pvalue))
        if direction == "ongeveer":
            verdicts.append("bevestigd" if low <= threshold <= high else "tegengesproken")
        elif (low > threshold) if direction == "boven" else (high < threshold):
            verdicts.append("bevestigd")
        elif (high < threshold) if direction == "boven" else (low > threshold):
            verdicts.append("tegengesproken")
        else:
            verdicts.append("niet_significant")
    for verdict in ("niet_toetsbaar", "tegengesproken", "niet_significant", "bevestigd"):
        if verdict in verdicts:
            break
    what = f"{claim['item']} ≤ {claim['at_most']}" if "at_most" in claim else f"{claim['item']} = {' of '.join(claim['answers'])}"
    return _row(claim, compared=f"{what} tegenover {decimal(threshold, 1 if threshold % 1 else 0)}%",
                values=" · ".join(values), n=" · ".join(ns), direction_data="", test="Wilson-interval (95%)",
                p_value=max(ps) if ps else None, verdict=verdict, _bounds=sides)


def _items(claim, df, reconstruction):
    answers = claim["answers"]
    shares = {}
    for item in claim["first"] + claim["second"]:
        k, m = answer_counts(df, item, answers)
        shares[item] = (k, m)
    pooled = [tuple(sum(shares[i][j] for i in claim[side]) for j in (0, 1)) for side in ("first", "second")]
    if not all(m for _, m in shares.values()):
        return _row(claim, compared=_items_compared(claim), verdict="niet_toetsbaar",
                    note="een van de vragen heeft geen antwoorden")
    if claim.get("pooled"):
        (k1, m1), (k2, m2) = pooled
        rival = None
    else:  # the first item against its closest rival
        (k1, m1) = shares[claim["first"][0]]
        pick = max if claim["direction"] == "hoger" else min
        rival = pick(claim["second"], key=lambda i: shares[i][0] / shares[i][1])
        k2, m2 = shares[rival]
    data = _direction(k1 * m2, k2 * m1)
    values = f"{share_text(k1, m1)} · {share_text(k2, m2)}" + (f" ({rival})" if rival else " (samen)")
    n = f"{m1} · {m2}"
    if reconstruction:
        return _row(claim, compared=_items_compared(claim), values=values, n=n, direction_data=data,
                    verdict="niet_toetsbaar", _sides=[(k1, m1), (k2, m2)], _rival=rival,
                    note="Dezelfde respondenten beantwoordden beide; een toets hangt af van hoe hun antwoorden "
                         "samengaan, en dat koos de reconstructie. De richting volgt wel uit de gedrukte cijfers.")
    if rival is None:
        return _row(claim, compared=_items_compared(claim), values=values, n=n, direction_data=data,
                    verdict="niet_toetsbaar", note="een gemiddelde over vragen van dezelfde respondenten: geen toets",
                    _sides=[(k1, m1), (k2, m2)])
    both = df[(df[claim["first"][0]] != MISSING) & (df[rival] != MISSING)]
    a, b = both[claim["first"][0]].isin(answers), both[rival].isin(answers)
    discordant = int((a & ~b).sum()), int((~a & b).sum())
    p = float(stats.binomtest(discordant[0], sum(discordant), 0.5).pvalue) if sum(discordant) else 1.0
    return _row(claim, compared=_items_compared(claim), values=values, n=n, direction_data=data,
                test="McNemar (exact)", p_value=p, verdict=_verdict(claim["direction"], data, p),
                _sides=[(k1, m1), (k2, m2)], _rival=rival)


def _items_compared(claim):
    first = ", ".join(claim["first"])
    second = ", ".join(claim["second"]) if len(claim["second"]) <= 3 else f"{len(claim['second'])} andere vragen"
    return f"{' of '.join(claim['answers'])}: {first} tegenover {second}"


def _none(claim, df, reconstruction):
    return _row(claim, compared="", verdict="niet_toetsbaar", note=claim["note"])


KINDS = {"groups": _groups, "hours": _hours, "level": _level, "items": _items, "none": _none}


def evaluate(claim, df, reconstruction):
    """One claim tested on the respondents ``df``: a row of claims.csv. ``reconstruction`` says
    whether ``df`` is the shipped reconstruction (then what it made up is not tested)."""
    return KINDS[claim["kind"]](claim, df, reconstruction)


def evaluate_all(df, reconstruction, claims=None):
    """Every claim of the register tested on ``df``, as a DataFrame with :data:`COLUMNS`."""
    claims = claims if claims is not None else load_claims()
    return pd.DataFrame([evaluate(claim, df, reconstruction) for claim in claims], columns=COLUMNS)

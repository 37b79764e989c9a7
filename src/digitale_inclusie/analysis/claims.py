"""The report's claims, tested on a respondent file.

Every statement of the report that compares groups or items, or asserts a level, is an entry of
``data/claims/claims.yaml``. :func:`evaluate_register` tests all of them on a respondent
DataFrame; each claim becomes a row of ``claims.csv`` (columns :data:`COLUMNS`, contract in the
README). A claim is one or more **comparisons** (:class:`Unit`): two groups, a group against
each rival group (never a pooled rest), an item against each rival item, a share against a
level, a shift in hours, the change of a gap. Each comparison has an effect with its 95%
interval and two p-values (:mod:`.inference`): of "no difference", and of the equivalence test
"the difference lies inside the claim's margin" (±10 points, ±2 hours, or the claim's
``margin``).

The verdict (rules in :func:`_decide`, documented in the README):

* a claimed direction (``hoger``, ``lager``, ``boven``, ``onder``, ``stijgend``, ``kleiner``):
  the p-values of the claim's comparisons are Holm-adjusted within the claim; the claim's
  p-value is the largest (every comparison must hold) or, where a comparison's interval lies
  on the other side, the smallest of those; q is Benjamini-Hochberg over the register.
  ``bevestigd``: every interval on the claimed side and q < 0.05; ``tegengesproken``: an
  interval on the other side and q < 0.05; ``niet_significant``: neither, and every interval
  inside the margin (the file shows at most a small difference); ``onbeslist``: the file
  cannot tell.
* a claimed equality (``gelijk``, ``ongeveer``): ``bevestigd`` only when every interval lies
  inside the margin and the equivalence test's q < 0.05; ``tegengesproken`` when an interval
  lies wholly outside the margin; else ``onbeslist``. Absence of evidence never confirms.
* ``niet_toetsbaar``: no data, an empty group, or (in the shipped reconstruction, recognised by
  its checksum) an answer resting on what the reconstruction made up: the spread of hours within
  a group, how answers to two questions combine within respondents, a split the report does
  not print. The direction the printed numbers fix is still given.

The chapters write a tested claim as a Dutch sentence with :mod:`..present.sentences`.
"""

import json
from dataclasses import dataclass, field
from itertools import product

import numpy as np
import pandas as pd

from ..data.codebook import GROUPS, HOURS, MISSING, Codebook
from ..data.respondents import answer_counts, group_members
from ..errors import InputFileError
from ..paths import DATA
from ..present.text import decimal, group_name
from . import inference
from .inference import ALPHA, wilson
from .stats import percent

CLAIMS = DATA / "claims" / "claims.yaml"
CLAIMS_SCHEMA = DATA / "claims" / "claims.schema.json"
COLUMNS = ["claim_id", "chapter", "statement", "compared", "values", "n", "direction_report",
           "direction_data", "test", "p_value", "verdict", "note",
           "effect", "effect_low", "effect_high", "margin", "q_value", "detectable", "basis", "report_check"]
VERDICTS = ("bevestigd", "onbeslist", "niet_significant", "tegengesproken", "niet_toetsbaar")
MARGINS = {"punten": 10.0, "uur": 2.0}  # default equivalence margins: percentage points, hours
EXPECTED = {"hoger": 1, "stijgend": 1, "boven": 1, "kleiner": 1, "lager": -1, "dalend": -1, "onder": -1,
            "gelijk": 0, "ongeveer": 0}
__all__ = ["ALPHA", "COLUMNS", "VERDICTS", "evaluate_all", "evaluate_register", "load_claims", "share_text", "wilson"]


def load_claims(path=CLAIMS, codebook=None):
    """The claims register, checked against its schema and the codebook."""
    import jsonschema

    from ..data.yamlfile import load_yaml

    claims = load_yaml(path)  # no aliases, duplicate keys or invisible characters
    schema = json.loads(CLAIMS_SCHEMA.read_text(encoding="utf-8"))
    problems = [f"entry {'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
                for e in jsonschema.Draft202012Validator(schema).iter_errors(claims)]
    if problems:
        raise InputFileError(path, problems)
    codebook = codebook or Codebook.load()
    ids = [c["id"] for c in claims]
    problems = [f"id '{i}' occurs more than once" for i in sorted({i for i in ids if ids.count(i) > 1})]
    for claim in claims:
        problems += _check_claim(claim, codebook)
    if problems:
        raise InputFileError(path, problems)
    return claims


def _check_claim(claim, codebook):
    problems, kind = [], claim["kind"]
    items = []
    if kind in ("groups", "level", "gaps"):
        items = claim.get("items", []) + claim.get("count_of", []) + ([claim["item"]] if "item" in claim else [])
        items = [i for i in items if "at_most" not in claim]  # hours: a number, no answer codes
        if "at_most" in claim and claim["item"] not in codebook.by_name:
            problems.append(f"claim '{claim['id']}': '{claim['item']}' is not a codebook column")
    elif kind == "items":
        items = claim["first"] + claim["second"]
    if kind == "gaps":
        items.append(claim["reference"]["item"])
    for item in items:
        if item not in codebook.by_name:
            problems.append(f"claim '{claim['id']}': '{item}' is not a codebook column")
        elif claim.get("answers") and not set(claim["answers"]) <= set(codebook.answer_codes(item)):
            problems.append(f"claim '{claim['id']}': answers {claim['answers']} are not all codes of '{item}'")
    groups = claim.get("groups", []) + claim.get("order", [])
    if kind in ("groups", "gaps"):
        groups += claim["first"] + claim["second"]
    unknown = sorted(set(groups) - set(GROUPS))
    if unknown:
        problems.append(f"claim '{claim['id']}': unknown group(s) {unknown}")
    return problems


# ---------------------------------------------------------------- the numbers of one comparison

def share_text(k, m):
    """'76% [70–81]': the share rounded half up, with its 95% Wilson interval."""
    low, high = wilson(k, m)
    return f"{percent(k, m)}% [{decimal(low)}–{decimal(high)}]"


@dataclass
class Unit:
    """One comparison of a claim: ``subject`` against ``rival`` (group or item codes; for a
    level ``rival`` is empty), within the group ``within`` (items compared in one group)."""

    effect: inference.Effect
    p_equivalent: float
    subject: str
    rival: str = ""
    within: str = ""
    sides: tuple = ()  # ((k, m), (k, m)) shares; ((k, m),) a level; hours: ((median, mean, n), ...); gaps below
    values: str = ""
    n: str = ""
    p_holm: float = 1.0
    p_holm_equivalent: float = 1.0
    clear: str = ""  # after the register's correction: 'verschil', 'gelijk' or '' (see _decide)


@dataclass
class Tested:
    """A claim tested on a file: its units and what decides it (private to this module and
    :mod:`..present.sentences`); :meth:`row` is its row of claims.csv."""

    claim: dict
    units: list = field(default_factory=list)
    margin: float = 0.0
    unit: str = "punten"
    verdict: str = ""
    note: str = ""
    p: float = None  # the claim's p-value (Holm within the claim), before the register's correction
    q: float = None
    deciding: Unit = None
    test: str = ""
    compared: str = ""
    direction_data: str = ""
    check: str = ""  # the report's words against its own printed numbers (report_check)

    @property
    def expected(self):
        return EXPECTED.get(self.claim.get("direction"), 0)

    @property
    def testable(self):
        return self.verdict != "niet_toetsbaar"

    def row(self):
        claim, unit = self.claim, self.deciding
        row = dict.fromkeys(COLUMNS, "")
        row.update(claim_id=claim["id"], chapter=str(claim["chapter"]), statement=claim["statement"],
                   direction_report=claim.get("direction", ""), compared=self.compared,
                   values=" · ".join(u.values for u in self.units), n=" · ".join(u.n for u in self.units),
                   direction_data=self.direction_data, verdict=self.verdict, note=self.note,
                   basis=claim.get("basis", ""), report_check=self.check)
        if self.units:
            row["margin"] = _number(self.margin)
        if self.p is not None:
            row.update(test=self.test, p_value=f"{self.p:.4g}", q_value=f"{self.q:.4g}")
        if unit is not None:  # set for tested claims only
            effect = unit.effect
            row.update(effect=_number(effect.estimate), effect_low=_number(effect.low),
                       effect_high=_number(effect.high), detectable=_number(effect.detectable))
        return row


def _number(x):
    return "" if x is None or not np.isfinite(x) else f"{x:.4g}"


def _margin(claim, unit):
    return float(claim.get("margin", MARGINS[unit]))


# ---------------------------------------------------------------- kinds: the comparisons of a claim

def _share_units(claim, df, margin):
    units = []
    for first, second in product(claim["first"], claim["second"]):
        (k1, m1), (k2, m2) = (answer_counts(group_members(df, first), claim["item"], claim["answers"]),
                              answer_counts(group_members(df, second), claim["item"], claim["answers"]))
        if not m1 or not m2:
            return None
        units.append(Unit(inference.two_shares(k1, m1, k2, m2), inference.tost_two_shares(k1, m1, k2, m2, margin),
                          first, second, sides=((k1, m1), (k2, m2)),
                          values=f"{share_text(k1, m1)} · {share_text(k2, m2)}", n=f"{m1} · {m2}"))
    return units


def _groups(tested, df, reconstruction):
    claim = tested.claim
    tested.compared = (f"{claim['item']} = {' of '.join(claim['answers'])}: "
                       + "; ".join(f"{group_name(a).lower()} tegenover {group_name(b).lower()}"
                                   for a, b in product(claim["first"], claim["second"])))
    tested.units = _share_units(claim, df, tested.margin)
    if tested.units is None:
        tested.units = []
        return _untestable(tested, "een van de groepen heeft geen antwoorden op deze vraag")
    tested.test = _test_name(tested.units)
    if reconstruction and claim.get("invented"):
        return _untestable(tested, claim["invented"], keep=True)


def _hours(tested, df, reconstruction):
    claim, order = tested.claim, tested.claim["order"]
    tested.unit, tested.margin = "uur", _margin(claim, "uur")
    samples = {g: group_members(df, g)[HOURS].astype(float).to_numpy() for g in order}
    tested.compared = f"{HOURS}: " + "; ".join(f"{group_name(b).lower()} tegenover {group_name(a).lower()}"
                                               for a, b in zip(order, order[1:]))
    if any(len(s) == 0 for s in samples.values()):
        return _untestable(tested, "een van de groepen is leeg")
    for earlier, later in zip(order, order[1:]):
        x, y = samples[later], samples[earlier]
        effect = inference.hodges_lehmann(x, y)
        tested.units.append(Unit(effect, inference.tost_shift(x, y, tested.margin), later, earlier,
                                 sides=((float(np.median(x)), float(x.mean()), len(x)),
                                        (float(np.median(y)), float(y.mean()), len(y))),
                                 values=f"mediaan {decimal(np.median(x), 1)} · {decimal(np.median(y), 1)} uur, "
                                        f"gemiddeld {decimal(x.mean(), 1)} · {decimal(y.mean(), 1)} uur",
                                 n=f"{len(x)} · {len(y)}"))
    tested.test = _test_name(tested.units)
    if reconstruction:
        return _untestable(tested, "De gemiddelden liggen vast door het rapport, de spreiding binnen de groepen "
                                   "niet: die koos de reconstructie, dus een toets zou iets verzonnens toetsen.",
                           keep=True)


def _level_counts(claim, part, item):
    if "at_most" in claim:
        values = part[item]
        return int((values <= claim["at_most"]).sum()), int(values.notna().sum())
    if "count_of" in claim:
        answered = (part[claim["count_of"]] != MISSING).all(axis=1)
        hits = part.loc[answered, claim["count_of"]].isin(claim["answers"]).sum(axis=1)
        return int((hits >= claim["at_least"]).sum()), int(answered.sum())
    return answer_counts(part, item, claim["answers"])


def _level(tested, df, reconstruction):
    claim = tested.claim
    threshold = claim["threshold"]
    if "items" in claim:
        places = [("totaal", item) for item in claim["items"]]
    else:
        places = [(g, claim.get("item", "")) for g in claim.get("groups", ["totaal"])]
    what = (f"{claim['item']} ≤ {claim['at_most']}" if "at_most" in claim
            else f"minstens {claim['at_least']} van {', '.join(claim['count_of'])} = {' of '.join(claim['answers'])}"
            if "count_of" in claim else f"{' of '.join(claim['answers'])}")
    tested.compared = f"{what} tegenover {decimal(threshold, 1 if threshold % 1 else 0)}%"
    for group, item in places:
        k, m = _level_counts(claim, group_members(df, group), item)
        if not m:
            return _untestable(tested, f"{_place_name(group, item)}: geen antwoorden")
        effect = inference.share_level(k, m, threshold)
        p_equivalent = inference.tost_share_level(k, m, threshold, tested.margin)
        name = _place_name(group, item) if len(places) > 1 else ""
        tested.units.append(Unit(effect, p_equivalent, item if "items" in claim else group, within=group,
                                 sides=((k, m),), values=(f"{name}: " if name else "") + share_text(k, m), n=str(m)))
    tested.test = "binomiaal (exact) tegen het niveau; Wilson-interval (95%)"
    if reconstruction and claim.get("invented"):
        return _untestable(tested, claim["invented"], keep=True)


def _place_name(group, item):
    return item if item and group == "totaal" else group_name(group).lower()


def _items(tested, df, reconstruction):
    claim, answers = tested.claim, tested.claim["answers"]
    groups = claim.get("groups", ["totaal"])
    rivals = ", ".join(claim["second"]) if len(claim["second"]) <= 3 else f"{len(claim['second'])} andere vragen"
    tested.compared = (f"{' of '.join(answers)}: {', '.join(claim['first'])} tegenover "
                       f"{'het gemiddelde van ' if claim.get('pooled') else 'elk van '}{rivals}"
                       + (f", binnen {', '.join(group_name(g).lower() for g in groups)}" if groups != ["totaal"] else ""))
    for group in groups:
        part = group_members(df, group)
        if claim.get("pooled"):
            unit = _pooled_unit(claim, part, tested.margin, group)
            if unit is None:
                return _untestable(tested, "geen respondent beantwoordde vragen aan beide kanten")
            tested.units.append(unit)
            continue
        for first, second in product(claim["first"], claim["second"]):
            both = part[(part[first] != MISSING) & (part[second] != MISSING)]
            if both.empty:
                return _untestable(tested, f"niemand beantwoordde zowel {first} als {second}")
            a, b = both[first].isin(answers).to_numpy(), both[second].isin(answers).to_numpy()
            (k1, m1), (k2, m2) = answer_counts(part, first, answers), answer_counts(part, second, answers)
            tested.units.append(Unit(inference.paired_shares(a, b),
                                     inference.tost_mean(100 * (a.astype(float) - b), tested.margin),
                                     first, second, within=group, sides=((k1, m1), (k2, m2)),
                                     values=f"{share_text(k1, m1)} · {share_text(k2, m2)}", n=f"{m1} · {m2}"))
    tested.test = _test_name(tested.units)
    if reconstruction:
        return _untestable(tested, "Dezelfde respondenten beantwoordden beide vragen; een toets hangt af van hoe hun "
                                   "antwoorden samengaan, en dat koos de reconstructie. De richting volgt wel uit de "
                                   "gedrukte cijfers.", keep=True)


def _pooled_unit(claim, part, margin, group):
    """Items pooled per side: per respondent the share of the first items and of the second
    items answered with ``answers`` (among those answered), and the mean of the difference."""
    def share(items):
        answered = part[items] != MISSING
        hits = part[items].isin(claim["answers"]) & answered
        return 100 * hits.sum(axis=1) / answered.sum(axis=1).where(answered.sum(axis=1) > 0)

    first, second = share(claim["first"]), share(claim["second"])
    keep = first.notna() & second.notna()
    if not keep.any():
        return None
    d = (first - second)[keep].to_numpy()
    a, b = first[keep].to_numpy(), second[keep].to_numpy()
    return Unit(inference.mean_difference(d, "t-toets op het verschil per respondent"), inference.tost_mean(d, margin),
                "eerste", "tweede", within=group, sides=((float(a.mean()), int(keep.sum())), (float(b.mean()), int(keep.sum()))),
                values=f"{decimal(a.mean())}% · {decimal(b.mean())}% (gemiddeld per respondent)", n=str(int(keep.sum())))


def _gaps(tested, df, reconstruction):
    """Whether the gap between two groups is smaller on ``item``/``answers`` than on the
    ``reference``: per respondent z = reference − item (0/100 each), compared between the two
    groups with Welch's t (the difference of the means of z is the change of the gap),
    signed so that a positive effect means the gap shrinks in the reference's direction."""
    claim, reference = tested.claim, tested.claim["reference"]
    sign = 1 if reference["direction"] == "hoger" else -1
    tested.compared = (f"verschil op {claim['item']} = {' of '.join(claim['answers'])} tegenover verschil op "
                       f"{reference['item']} = {' of '.join(reference['answers'])}: "
                       + "; ".join(f"{group_name(a).lower()} tegenover {group_name(b).lower()}"
                                   for a, b in product(claim["first"], claim["second"])))
    for first, second in product(claim["first"], claim["second"]):
        z, shares = {}, {}
        for group in (first, second):
            part = group_members(df, group)
            both = part[(part[claim["item"]] != MISSING) & (part[reference["item"]] != MISSING)]
            x_item = 100.0 * both[claim["item"]].isin(claim["answers"]).to_numpy()
            x_ref = 100.0 * both[reference["item"]].isin(reference["answers"]).to_numpy()
            if not len(both):
                return _untestable(tested, f"{group_name(group).lower()}: geen antwoorden op beide vragen")
            z[group] = sign * (x_ref - x_item)
            shares[group] = (float(x_item.mean()), float(x_ref.mean()), len(both))
        effect = inference.two_means(z[first], z[second], "Welch-t op de verandering van het verschil")
        gap_item = shares[first][0] - shares[second][0]
        gap_ref = shares[first][1] - shares[second][1]
        tested.units.append(Unit(effect, inference.tost_two_means(z[first], z[second], tested.margin), first, second,
                                 sides=(shares[first], shares[second]),
                                 values=(f"verschil {decimal(gap_item)} punten ({decimal(shares[first][0])}% · "
                                         f"{decimal(shares[second][0])}%) tegenover {decimal(gap_ref)} punten "
                                         f"({decimal(shares[first][1])}% · {decimal(shares[second][1])}%)"),
                                 n=f"{shares[first][2]} · {shares[second][2]}"))
    tested.test = _test_name(tested.units)
    if reconstruction and reference["item"] != claim["item"]:
        return _untestable(tested, "Beide planningen komen van dezelfde respondenten; hoe hun antwoorden samengaan, "
                                   "koos de reconstructie.", keep=True)


def _none(tested, df, reconstruction):
    return _untestable(tested, tested.claim["note"])


def _untestable(tested, note, keep=False):
    """Mark the claim untestable; its comparisons are dropped unless ``keep`` (the shipped
    reconstruction: the printed numbers still fix the direction the sentence gives)."""
    tested.verdict, tested.note = "niet_toetsbaar", note
    if not keep:
        tested.units = []


def _test_name(units):
    names = list(dict.fromkeys(u.effect.test for u in units))
    holm = "; Holm over de vergelijkingen" if len(units) > 1 else ""
    return " / ".join(names) + holm


KINDS = {"groups": _groups, "hours": _hours, "level": _level, "items": _items, "gaps": _gaps, "none": _none}


# ---------------------------------------------------------------- verdicts

def _direction_data(tested):
    """What the file shows, from the point estimates: every comparison the same way, or not."""
    signs = {int(np.sign(round(u.effect.estimate, 9))) for u in tested.units}
    kind = tested.claim["kind"]
    words = {"level": ("boven", "onder", "gelijk aan het niveau"), "hours": ("stijgend", "dalend", "gelijk"),
             "gaps": ("kleiner", "groter", "gelijk")}.get(kind, ("hoger", "lager", "gelijk"))
    if len(signs) != 1:
        return "gemengd"
    return {1: words[0], -1: words[1], 0: words[2]}[signs.pop()]


def _claim_p(tested):
    """Holm within the claim; the claim's p-value (before the register's correction)."""
    units, expected = tested.units, tested.expected
    for unit, p in zip(units, inference.holm([u.effect.p for u in units])):
        unit.p_holm = float(p)
    for unit, p in zip(units, inference.holm([u.p_equivalent for u in units])):
        unit.p_holm_equivalent = float(p)
    if expected == 0:
        return max(u.p_holm_equivalent for u in units)
    against = [u.p_holm for u in units if u.effect.side() == -expected]
    return min(against) if against else max(u.p_holm for u in units)


def _decide(tested, q):
    units, expected, margin = tested.units, tested.expected, tested.margin
    clear = q < ALPHA
    if expected == 0:
        if clear and all(u.effect.within(margin) for u in units):
            return "bevestigd"
        if any(u.effect.beyond(margin) for u in units):
            return "tegengesproken"
        return "onbeslist"
    if clear and any(u.effect.side() == -expected for u in units):
        return "tegengesproken"
    if clear and all(u.effect.side() == expected for u in units):
        return "bevestigd"
    if all(u.effect.within(margin) for u in units):
        return "niet_significant"
    return "onbeslist"


def _bh_with(pvalues, index, p):
    """The q-value at ``index`` when the claim there had p-value ``p``: how strong one
    comparison is, judged as if its claim were that comparison alone, after the register's
    correction."""
    trial = list(pvalues)
    trial[index] = p
    return inference.benjamini_hochberg(trial)[index]


def evaluate_register(df, reconstruction, claims=None):
    """Every claim of the register tested on ``df``: {claim id: :class:`Tested`}, in the
    register's order. ``reconstruction`` says whether ``df`` is the shipped reconstruction
    (then what it made up is not tested). q-values are Benjamini-Hochberg over the claims
    tested on this file; every comparison is marked ``clear`` ('verschil': its interval on one
    side of zero; 'gelijk': inside the margin) when its own Holm-adjusted p-value, corrected with
    the rest of the register, stays below 0.05."""
    from ..data.published import load_published

    claims = claims if claims is not None else load_claims()
    published = load_published()
    register = {}
    for claim in claims:
        tested = Tested(claim, margin=_margin(claim, "punten"))
        tested.check = report_check(claim, published)
        KINDS[claim["kind"]](tested, df, reconstruction)
        if tested.units:
            tested.direction_data = _direction_data(tested)
        if tested.testable and tested.units:
            tested.p = _claim_p(tested)
        register[claim["id"]] = tested
    testable = [t for t in register.values() if t.p is not None]
    pvalues = [t.p for t in testable]
    for index, (tested, q) in enumerate(zip(testable, inference.benjamini_hochberg(pvalues))):
        tested.q = float(q)
        tested.verdict = _decide(tested, tested.q)
        if tested.verdict == "onbeslist":
            tested.note = _undecided_note(tested)
        for unit in tested.units:
            if unit.effect.side() and _bh_with(pvalues, index, unit.p_holm) < ALPHA:
                unit.clear = "verschil"
            elif unit.effect.within(tested.margin) and _bh_with(pvalues, index, unit.p_holm_equivalent) < ALPHA:
                unit.clear = "gelijk"
        tested.deciding = _deciding(tested)
    return register


def _undecided_note(tested):
    """Why the file cannot tell, with the smallest effect it could detect."""
    detectable = [u.effect.detectable for u in tested.units if np.isfinite(u.effect.detectable)]
    unit = "uur" if tested.unit == "uur" else "procentpunten"
    if not detectable:
        return "Dit bestand is te klein om een verschil te meten."
    return (f"Dit bestand kan het niet uitmaken: het ziet een verschil pas betrouwbaar (met 80% kans) vanaf "
            f"ongeveer {decimal(max(detectable))} {unit}.")


def _deciding(tested):
    """The comparison whose numbers the row reports: the one whose Holm p-value is the claim's."""
    key = (lambda u: u.p_holm_equivalent) if tested.expected == 0 else (lambda u: u.p_holm)
    return min(tested.units, key=lambda u: abs(key(u) - tested.p))


def evaluate_all(df, reconstruction, claims=None):
    """Every claim of the register tested on ``df``, as a DataFrame with :data:`COLUMNS`."""
    register = evaluate_register(df, reconstruction, claims)
    return pd.DataFrame([tested.row() for tested in register.values()], columns=COLUMNS)


# ---------------------------------------------------------------- the report's words against its own numbers

def report_check(claim, published=None):
    """For a claim with ``printed`` (the block whose printed shares the claim reads, and the
    report's ``words``), whether the words hold by the report's own printed numbers: '' where
    they do, else a Dutch remark ("het rapport schrijft ‘twee op drie’ (66,7%) bij 63%"). A
    printed 0% is read as 'fewer than 0.5%': at n respondents that allows up to ⌊n/200⌋."""
    spec = claim.get("printed")
    if not spec:
        return ""
    if published is None:
        from ..data.published import load_published

        published = load_published()
    groups = claim.get("groups", ["totaal"])
    rows = published[(published["table"] == spec["table"]) & (published["variable"] == claim["item"])
                     & published["code"].isin(claim["answers"]) & published["group"].isin(groups)]
    words, threshold, direction = spec["words"], claim["threshold"], claim["direction"]
    remarks = []
    for _, printed in rows.iterrows():
        value = float(printed["value"])
        where = "" if printed["group"] == "totaal" else f" ({group_name(printed['group']).lower()})"
        shown = f"{decimal(value)}%{where}"
        if spec.get("zero") and value == 0:
            n = published[(published["table"] == "steekproef") & (published["group"] == printed["group"])
                          & (published["statistic"] == "n")]["value"]
            if len(n):
                most = int(float(n.iloc[0])) // 200 - (1 if int(float(n.iloc[0])) % 200 == 0 else 0)
                remarks.append(f"een gedrukte 0%{where} laat bij {int(float(n.iloc[0]))} respondenten tot {most} "
                               f"antwoord(en) toe; ‘{words}’ is dus ‘hooguit {most}’")
        elif direction == "ongeveer" and abs(value - threshold) > spec.get("tolerance", 2.5):
            remarks.append(f"het rapport schrijft ‘{words}’ ({decimal(threshold, 1 if threshold % 1 else 0)}%) "
                           f"bij {shown}")
        elif (direction == "boven" and value <= threshold) or (direction == "onder" and value >= threshold):
            remarks.append(f"het rapport schrijft ‘{words}’ bij {shown}")
    return "; ".join(remarks)

"""The report's claims as Dutch sentences that follow the file in use (for the chapters).

A claim tested by :mod:`digitale_inclusie.analysis.claims` is written from its comparisons.
Each comparison gets its own word from the data: ``vaker``/``minder vaak`` where the difference
is clear after the register's correction, ``ongeveer even vaak`` where the file shows the
difference lies inside the margin, and otherwise the direction of the point estimate with a
plain-Dutch hedge ("dit bestand kan niet uitmaken of dat verschil echt is"). Where all
comparisons of a claim read alike, the claim's template gives one sentence; where they differ,
each comparison gets its own clause. The numbers follow in the order of the words. Where the
data do not confirm the report, the report's statement and what these data show stand side by
side. No sentence is fixed: every word that states a direction or a level comes from the file.
"""

from ..analysis.stats import percent, round_half_up
from ..data.codebook import SIZES
from .text import SMALL_GROUP, decimal, signed

SUBJECTS = {"totaal": "alle besturen", "klein": "kleine", "middelgroot": "middelgrote", "groot": "grote",
            "met": "besturen met subsidie", "zonder": "besturen zonder subsidie"}
WORDS = {  # the claim's word set -> the word per reading of a comparison, and its 'than'
    "vaker": {"hoger": ("vaker", "dan"), "lager": ("minder vaak", "dan"), "gelijk": ("ongeveer even vaak", "als"),
              "nul": ("even vaak", "als")},
    "meer": {"hoger": ("doorgaans meer", "dan"), "lager": ("doorgaans minder", "dan"),
             "gelijk": ("ongeveer evenveel", "als"), "nul": ("evenveel", "als")},
    "gemiddeld meer": {"hoger": ("gemiddeld meer", "dan"), "lager": ("gemiddeld minder", "dan"),
                       "gelijk": ("gemiddeld ongeveer evenveel", "als"), "nul": ("gemiddeld evenveel", "als")},
    "kleiner": {"hoger": ("kleiner", "dan"), "lager": ("groter", "dan"), "gelijk": ("ongeveer even groot", "als"),
                "nul": ("even groot", "als")},
}
LEVEL_WORDS = {"hoger": "meer dan", "lager": "minder dan", "gelijk": "ongeveer", "nul": "precies"}
VERDICT_WORDS = {
    "tegengesproken": "een duidelijk ander beeld",
    "onbeslist": "onbeslist, dit bestand kan het niet uitmaken",
    "niet_significant": "hooguit een klein verschil",
    "niet_toetsbaar": "niet te toetsen",
}
SHORT_QUALIFIER = {
    "tegengesproken": " Dat wijkt af van het rapport.",
    "onbeslist": " Dit bestand kan dat niet met zekerheid zeggen.",
    "niet_significant": " Het verschil is hooguit klein.",
    "niet_toetsbaar": " Dit bestand kan dat niet toetsen.",
}


def _join(parts):
    parts = list(parts)
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]


def _groups_phrase(groups, with_noun=True):
    """'kleine en middelgrote besturen', 'besturen met subsidie'."""
    groups = list(dict.fromkeys(groups))
    if all(g in SIZES for g in groups):
        return _join(SUBJECTS[g] for g in groups) + (" besturen" if with_noun else "")
    return _join(SUBJECTS[g] for g in groups)


def _name(claim, code, codebook=None):
    names = claim.get("names", {})
    if code in names:
        return names[code]
    if codebook is not None and code in getattr(codebook, "by_name", {}):
        return _lower_first(codebook.label(code))
    return code


def _lower_first(text):
    """'Webinars over ...' -> 'webinars over ...'; a word with more capitals or not a word
    ('B-profielen', 'DigiWatte', 'Vlaams Lerend Netwerk') keeps its first letter."""
    word = text.split(" ", 1)[0]
    if len(word) > 1 and word[1:].islower() and word.isalpha() and " " in text and not text.split(" ", 2)[1][:1].isupper():
        return text[:1].lower() + text[1:]
    return text


def _subject(claim, units, codebook, side):
    kind = claim["kind"]
    codes = [u.subject if side == 0 else u.rival for u in units]
    if kind in ("groups", "hours", "gaps") or (kind == "level" and "items" not in claim):
        if kind == "level":
            codes = [u.within for u in units]
        return _groups_phrase(codes)
    if kind == "items" and claim.get("pooled"):
        return claim["all"] if side == 0 else claim["rivals"]
    codes = list(dict.fromkeys(codes))
    if side == 1 and len(codes) > 2 and claim.get("rivals"):
        return claim["rivals"]
    if side == 0 and len(codes) > 2 and claim.get("all"):
        return claim["all"]
    return _join(_name(claim, c, codebook) for c in codes)


def _reading(unit, tested):
    """How a comparison reads: (word key, hedged). A clear difference reads by its estimate; an
    unclear one by the numbers as the sentence shows them (rounded), so that a word never
    contradicts them ('vaker' beside '50% tegenover 50%' becomes 'even vaak')."""
    if unit.clear == "verschil" and tested.testable:
        return _sign(unit.effect.estimate), False
    if unit.clear == "gelijk" and tested.testable:
        return "gelijk", False
    return _shown_sign(tested, unit), tested.testable


def _shown_sign(tested, unit):
    claim, kind = tested.claim, tested.claim["kind"]
    if kind in ("groups", "items") and not claim.get("pooled"):
        (k1, m1), (k2, m2) = unit.sides
        return _sign(percent(k1, m1) - percent(k2, m2))
    if kind == "items":
        (a, _), (b, _) = unit.sides
        return _sign(round_half_up(a) - round_half_up(b))
    if kind == "level":
        (k, m), = unit.sides
        return _sign(percent(k, m) - claim["threshold"])
    if kind == "hours" and not tested.testable:  # the sentence quotes the means
        (_, mean1, _), (_, mean2, _) = unit.sides
        return _sign(round_half_up(mean1) - round_half_up(mean2))
    if kind == "gaps" and not tested.testable:
        (item1, ref1, _), (item2, ref2, _) = unit.sides
        sign = 1 if claim["reference"]["direction"] == "hoger" else -1
        return _sign(round_half_up(sign * (ref1 - ref2)) - round_half_up(sign * (item1 - item2)))
    return _sign(round_half_up(unit.effect.estimate))


def _sign(x):
    return "hoger" if x > 1e-9 else "lager" if x < -1e-9 else "nul"


# ---------------------------------------------------------------- numbers

def _interval(effect, unit):
    if effect.low == float("-inf") or effect.high == float("inf"):
        return "het bestand is te klein voor een interval"
    return f"95%-interval {signed(effect.low)} tot {signed(effect.high)} {unit}"



def _share(k, m, printed=None):
    """'67% van 24' (n for a small group), with the report's number where it prints another."""
    share = percent(k, m)
    if printed and printed.get("shown") is not None:
        share = printed["shown"]
    out = f"{share}%" + (f" van {m}" if m < SMALL_GROUP else "")
    value = printed.get("printed") if printed else None
    return out + (f" [rapport: {value}%]" if value is not None and value != share else "")


def _unit_numbers(tested, unit, printed):
    """The comparison's numbers, in the order of the words: subject, then rival."""
    kind = tested.claim["kind"]
    look = printed or (lambda group, item: None)
    item = tested.claim.get("item")
    if kind == "groups":
        (k1, m1), (k2, m2) = unit.sides
        return f"{_share(k1, m1, look(unit.subject, item))} tegenover {_share(k2, m2, look(unit.rival, item))}"
    if kind == "items" and not tested.claim.get("pooled"):
        (k1, m1), (k2, m2) = unit.sides
        return (f"{_share(k1, m1, look(unit.within, unit.subject))} tegenover "
                f"{_share(k2, m2, look(unit.within, unit.rival))}")
    if kind == "items":
        (a, n), (b, _) = unit.sides
        return f"gemiddeld {decimal(a)}% tegenover {decimal(b)}% per respondent"
    if kind == "level":
        (k, m), = unit.sides
        return _share(k, m, look(unit.within, item if "items" not in tested.claim else unit.subject))
    if kind == "hours":
        (median1, mean1, n1), (median2, mean2, n2) = unit.sides
        if not tested.testable:
            return f"gemiddeld {round_half_up(mean1)} tegenover {round_half_up(mean2)} uur per week"
        return (f"mediaan {decimal(median1, 1 if median1 % 1 else 0)} tegenover "
                f"{decimal(median2, 1 if median2 % 1 else 0)} uur per week, gemiddeld "
                f"{round_half_up(mean1)} tegenover {round_half_up(mean2)} uur")
    if kind == "gaps":
        (item1, ref1, _), (item2, ref2, _) = unit.sides
        return (f"{signed(item1 - item2)} procentpunten ({decimal(item1)}% tegenover {decimal(item2)}%) "
                f"tegenover {signed(ref1 - ref2)} procentpunten ({decimal(ref1)}% tegenover {decimal(ref2)}%)")
    return ""


def _effect_text(tested, unit, hedged):
    """The difference and its uncertainty in plain Dutch."""
    effect, kind = unit.effect, tested.claim["kind"]
    measure = "uur" if kind == "hours" else "procentpunten"
    if not tested.testable:
        return ""
    if kind == "level":
        threshold = tested.claim["threshold"]
        level = f"{decimal(threshold, 1 if threshold % 1 else 0)}%"
        low, high = effect.low + threshold, effect.high + threshold
        span = f"95%-interval: tussen {decimal(max(low, 0))} en {decimal(min(high, 100))} van de 100"
        if unit.clear == "verschil":
            return f"{span}, duidelijk {'boven' if effect.estimate > 0 else 'onder'} {level}"
        if unit.clear == "gelijk":
            return f"{span}, dicht bij {level} (binnen ±{decimal(tested.margin)} procentpunten)"
    elif kind == "hours":
        span = f"verschuiving {signed(effect.estimate)} uur, {_interval(effect, measure)}"
    elif kind == "gaps":
        span = f"het verschil krimpt met {signed(effect.estimate)} {measure}, {_interval(effect, measure)}"
    else:
        span = f"verschil {signed(effect.estimate)} {measure}, {_interval(effect, measure)}"
    if unit.clear == "verschil":
        return f"{span}: een duidelijk verschil"
    if unit.clear == "gelijk":
        return f"{span}: hooguit {decimal(tested.margin)} {measure} verschil"
    if not hedged:
        return span
    if effect.side():
        return (f"{span}; op zich wijst het interval op een verschil, maar na correctie voor de vele "
                f"vergelijkingen op deze site is dat niet duidelijk genoeg")
    detectable = effect.detectable
    more = (f"; pas vanaf zo'n {decimal(round_half_up(detectable))} {measure} zou het een verschil betrouwbaar zien"
            if detectable == detectable and detectable < 1e6 else "")
    if kind == "level":
        return f"{span}; dit bestand kan niet uitmaken aan welke kant van {level} het ligt{more}"
    return f"{span}; dit bestand kan niet uitmaken of dat verschil echt is{more}"


# ---------------------------------------------------------------- sentences

def _fill(tested, units, reading, codebook):
    """The claim's template, for ``units`` that read alike."""
    claim = tested.claim
    if claim["kind"] == "level":
        return claim["text"].format(niveau=LEVEL_WORDS[reading], wie=_subject(claim, units, codebook, 0))
    if len(units) > 1 and reading in claim.get("texts", {}):
        return claim["texts"][reading]
    words = claim.get("words", "kleiner" if claim["kind"] == "gaps" else "vaker")
    if claim["kind"] == "hours" and not tested.testable:  # the sentence then quotes the means only
        words = "gemiddeld meer"
    word, than = WORDS[words][reading]
    rivals = _subject(claim, units, codebook, 1)
    within = _groups_phrase(u.within for u in units) if claim["kind"] == "items" else ""
    if claim["kind"] == "gaps":
        return claim["text"].format(wie=_subject(claim, units, codebook, 0), tegen=rivals, vaker=word, dan=than)
    return claim["text"].format(wie=_subject(claim, units, codebook, 0), vaker=word, binnen=within,
                                dan=f"{than} {rivals}".rstrip())


def _attributed(claim, why):
    """The report's claim, attributed, with why the file in use cannot test it."""
    statement = _lower_first(claim["statement"]).rstrip(".")
    return f"Volgens het rapport: {statement} ({why[0].lower()}{why[1:].rstrip('.')})."


def _report_side(claim):
    source = "het rapport" if claim.get("basis") == "tekst" else f"onze lezing van het rapport ({claim['source']})"
    statement = _lower_first(claim["statement"]).rstrip(".")
    return f"Volgens {source}: {statement}"


def sentence(tested, printed=None, short=False, codebook=None):
    """A tested claim (:class:`..analysis.claims.Tested`) as a Dutch sentence that follows the
    data. ``printed(group, item)`` gives, for a share, the report's number and how its table
    shows the share ({"printed": ..., "shown": ...}) or None; ``short`` gives the sentence
    without numbers, with a qualifier where the claim is not confirmed (for key findings)."""
    claim = tested.claim
    if claim["kind"] == "none" or "text" not in claim:
        return claim["statement"]
    if not tested.units or (not tested.testable and claim.get("invented") and tested.note == claim["invented"]):
        why = tested.note if tested.units else f"dit bestand kan het niet toetsen: {tested.note}"
        return _attributed(claim, why)
    readings = [_reading(u, tested) for u in tested.units]
    uniform = len(set(readings)) == 1
    if uniform:
        reading, hedged = readings[0]
        text = _cap(_fill(tested, tested.units, reading, codebook))
        if short:
            return text + "." + ("" if tested.verdict == "bevestigd" else SHORT_QUALIFIER.get(tested.verdict, ""))
        details = _details(tested, tested.units, hedged, printed)
        out = f"{text} ({details})."
    else:
        if short:
            return _report_side(claim) + ". Deze gegevens tonen dat niet voor elke vergelijking."
        if len(tested.units) > 3:
            out = _cap(_mixed_summary(tested, readings, printed, codebook)) + "."
        else:
            clauses = [f"{_fill(tested, [u], r, codebook)} ({_details(tested, [u], h, printed)})"
                       for u, (r, h) in zip(tested.units, readings)]
            out = _cap("; ".join(clauses)) + "."
    if not tested.testable:
        return out
    if tested.verdict != "bevestigd" or not uniform:
        out += f" {_report_side(claim)}; deze gegevens: {VERDICT_WORDS.get(tested.verdict, tested.verdict)}."
    if tested.check:
        out += f" (Let op: {tested.check}.)"
    return out


def _mixed_summary(tested, readings, printed, codebook):
    """Many comparisons that do not read alike (an item against each of its rivals, a level for
    each of several items): how many read which way, and the closest one in full."""
    claim = tested.claim
    tally = {}
    for unit, (reading, hedged) in zip(tested.units, readings):
        word = _comparison_word(claim, tested, reading)
        key = word + (" (onzeker)" if hedged and reading != "gelijk" else "")
        tally[key] = tally.get(key, 0) + 1
    counts = ", ".join(f"{n} keer {word}" for word, n in sorted(tally.items(), key=lambda kv: -kv[1]))
    closest = min(zip(tested.units, readings), key=lambda ur: abs(ur[0].effect.estimate))
    unit, (reading, hedged) = closest
    full = f"{_fill(tested, [unit], reading, codebook)} ({_details(tested, [unit], hedged, printed)})"
    return f"de {len(tested.units)} vergelijkingen wijzen niet allemaal dezelfde kant uit: {counts}; de nauwste: {full}"


def _comparison_word(claim, tested, reading):
    if claim["kind"] == "level":
        return LEVEL_WORDS[reading] + " " + decimal(claim["threshold"], 1 if claim["threshold"] % 1 else 0) + "%"
    words = claim.get("words", "kleiner" if claim["kind"] == "gaps" else "vaker")
    return WORDS[words][reading][0]


def _details(tested, units, hedged, printed):
    """Numbers and uncertainty of comparisons that read alike; for an item against many rivals
    in one group: the subject's share, the rivals' range and the closest comparison."""
    claim = tested.claim
    if claim["kind"] == "items" and not claim.get("pooled") and len(claim["second"]) > 3 and len(units) > 3:
        closest = min(units, key=lambda u: abs(u.effect.estimate))
        shares = sorted(percent(k, m) for _, (k, m) in (u.sides for u in units))
        subject = _unit_numbers(tested, closest, printed).split(" tegenover ")[0]
        text = (f"{subject} tegenover {shares[0]}% tot {shares[-1]}% voor de {len(units)} andere; "
                f"dichtstbij: {_unit_numbers(tested, closest, printed)}")
        effect = _effect_text(tested, closest, hedged)
        return text + (f"; {effect}" if effect else "") + _untested(tested)
    parts = []
    for unit in units:
        numbers = _unit_numbers(tested, unit, printed)
        effect = _effect_text(tested, unit, hedged)
        parts.append(_where(tested, unit, len(units)) + numbers + (f"; {effect}" if effect else ""))
    return " · ".join(parts) + _untested(tested)


def _where(tested, unit, count):
    """'kleine besturen: ' before the numbers of one comparison among several, where the
    words alone do not say which is which."""
    claim = tested.claim
    if count < 2:
        return ""
    if claim["kind"] == "items" and unit.within != "totaal":
        return f"{_groups_phrase([unit.within])}: "
    if claim["kind"] == "level" and "items" in claim:
        return f"{_name(claim, unit.subject)}: "
    if claim["kind"] == "items" and len(claim["first"]) > 1 and len(claim["second"]) > 1:
        return f"{_name(claim, unit.subject)} tegenover {_name(claim, unit.rival)}: "
    if claim["kind"] == "level":
        return f"{_groups_phrase([unit.within])}: "
    return ""


def _untested(tested):
    return "; op dit gereconstrueerde bestand niet te toetsen" if not tested.testable else ""


def _cap(text):
    return text[:1].upper() + text[1:]

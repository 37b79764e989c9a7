"""The sentences of "Hoe lees je de cijfers?": worked examples from the file in use, in plain
Dutch (natural frequencies: "tussen 58 en 69 van de 100"). Every number comes from the
arguments; nothing here is fixed text about a finding."""

import pandas as pd

from ..analysis.inference import wilson
from ..analysis.stats import percent, round_half_up
from ..data.codebook import GROUPS, TOTAL
from ..data.respondents import group_members
from .text import SMALL_GROUP, decimal, group_name, lower_first, signed

VERDICT_LABELS = {"bevestigd": "Bevestigd", "onbeslist": "Onbeslist", "niet_significant": "Niet significant",
                  "tegengesproken": "Tegengesproken", "niet_toetsbaar": "Niet toetsbaar"}


def example_share(k, m, what):
    """'Van de 276 respondenten die antwoordden, zeggen er 243 dat ... (88%). Het
    95%-interval loopt van 84 tot 91: ...' for ``k`` of ``m``."""
    if not m:
        return f"In dit bestand beantwoordde niemand de vraag of {what}; er is dus geen voorbeeld."
    low, high = wilson(k, m)
    who = "De enige respondent die de vraag beantwoordde, zegt" if m == 1 else \
        f"Van de {m} respondenten die de vraag beantwoordden, zeggen er {k}"
    if m == 1:
        who += "" if k else " niet"
    return (f"{who} dat {what}: "
            f"{percent(k, m)}%. Het 95%-interval loopt van {decimal(low)} tot {decimal(high)}: bij een "
            f"gelijkaardige groep medewerkers zou je waarschijnlijk tussen {decimal(low)} en {decimal(high)} "
            f"van de 100 vinden.")


def example_comparison(tested):
    """A two-group claim's numbers read aloud: shares, difference, interval, what it means."""
    if not tested.units:
        return "In dit bestand is een van beide groepen leeg; er is dus geen voorbeeld van een vergelijking."
    unit = tested.units[0]
    (k1, m1), (k2, m2) = unit.sides
    effect = unit.effect
    first, second = lower_first(group_name(unit.subject, long=True)), lower_first(group_name(unit.rival, long=True))
    text = (f"Zo ziet {percent(k1, m1)}% van de respondenten uit {first} (n = {m1}) positieve resultaten voor "
            f"burgers, tegenover {percent(k2, m2)}% uit {second} (n = {m2}): een verschil van "
            f"{signed(effect.estimate)} procentpunten, met een 95%-interval van {signed(effect.low)} tot "
            f"{signed(effect.high)}.")
    if effect.side() == 0:
        return text + " Nul ligt in dat interval: dit bestand kan niet uitmaken of er een verschil is."
    side = "boven" if effect.side() > 0 else "onder"
    return text + f" Het hele interval ligt {side} nul."



def verdict_counts(tested):
    """How many claims of the register got each verdict on this file, as a small table."""
    verdicts = pd.Series([t.verdict for t in tested.values()])
    counts = verdicts.value_counts().reindex(list(VERDICT_LABELS), fill_value=0)
    return pd.DataFrame({"Oordeel": [VERDICT_LABELS[v] for v in counts.index],
                         "Aantal uitspraken": counts.to_numpy()})


def many_tests(tested, alpha):
    """How many tests the register makes on this file, and what chance alone would give."""
    claims = [t for t in tested.values() if t.p is not None]
    comparisons = sum(len(t.units) for t in claims)
    expected = comparisons * alpha
    return (f"Op dit bestand toetst de site {len(claims)} uitspraken met samen {comparisons} vergelijkingen. "
            f"Als er nergens een echt verschil was, zou je bij een grens van {round_half_up(100 * alpha)}% "
            f"toch bij ongeveer {decimal(expected, 1 if expected < 10 else 0)} vergelijkingen een 'verschil' "
            f"vinden, puur door toeval.")


def small_groups(df, tested):
    """The groups under the small-group threshold in this file, with the widest 'smallest
    detectable difference' among the comparisons that involve them."""
    sizes = {g: len(group_members(df, g)) for g in GROUPS if g != TOTAL}
    small = [g for g, n in sizes.items() if n < SMALL_GROUP]
    if not small:
        return (f"In dit bestand telt elke groep minstens {SMALL_GROUP} respondenten. Hoe kleiner een groep, "
                "hoe breder haar intervallen en hoe groter een verschil moet zijn voor het bestand het ziet.")
    detectable = [u.effect.detectable for t in tested.values() if t.p is not None and t.unit == "punten"
                  for u in t.units if {u.subject, u.rival, u.within} & set(small)]
    named = ", ".join(f"{lower_first(group_name(g, long=True))}: n = {sizes[g]}{', leeg' if not sizes[g] else ''}"
                      for g in small)
    text = f"Kleine groepen in dit bestand (minder dan {SMALL_GROUP} respondenten): {named}."
    finite = [d for d in detectable if d == d and d < 1e6]
    if finite:
        text += (f" Bij vergelijkingen met zo'n groep ziet het bestand een verschil pas betrouwbaar (met 80% kans) "
                 f"vanaf ongeveer {round_half_up(min(finite))} tot {round_half_up(max(finite))} procentpunten; "
                 "kleinere verschillen blijven onbeslist.")
    return text


def sample_note(published, n):
    """Who took part, from the report's printed sample description and this file's size."""
    rows = published[published["table"] == "steekproef"]
    total = rows[(rows["group"] == TOTAL) & (rows["statistic"] == "n")]["value"]
    share = rows[rows["statistic"] == "external"]["value"]
    parts = []
    if len(total):
        parts.append(f"Volgens het rapport vulden {int(total.iloc[0])} medewerkers van lokale besturen de enquête in")
    if len(share):
        parts.append(f"uit ongeveer {int(share.iloc[0])}% van alle Vlaamse lokale besturen")
    text = (", ".join(parts) + ".") if parts else ""
    return (text + f" Het bestand dat deze site gebruikt, telt {n} respondenten.").strip()


def words_check(tested):
    """The first place where the report's words do not match its own printed numbers, as an
    example ('' when there is none)."""
    for t in tested.values():
        if t.check:
            return f"Een voorbeeld: {t.check}."
    return ""


def built_on(page):
    """Which file this site was built on, and what that means for the verdicts."""
    if page.reconstruction:
        return ("Deze site is gebouwd op de meegeleverde reconstructie: uitspraken die op verzonnen delen "
                "zouden steunen, zijn hier dus niet toetsbaar.")
    return (f"Deze site is gebouwd op het bestand {page.source.name} ({len(page.df)} respondenten), niet op de "
            "reconstructie: elke uitspraak waarvoor de enquête een vraag heeft, is hier getoetst.")

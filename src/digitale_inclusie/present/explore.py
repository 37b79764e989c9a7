"""Verken zelf: any question of a chapter, by any breakdown, computed from the respondent file.

:func:`explore` is the one function behind it: it counts the answers to one codebook item per
group of a breakdown (all respondents, size, subsidy, size × subsidy), gives the shares with n
per group (hours: n, mean and median), tests whether the groups differ (chi-square test of
independence, or Kruskal–Wallis for hours: scipy) in plain Dutch, and draws the shares with one
seaborn call. :func:`explorer` puts it behind two ipywidgets dropdowns in a live notebook; while
the site is built (``DIGITALE_INCLUSIE_SITE``) it shows one computed view and a note instead, as
a static page cannot run widgets.
"""

from dataclasses import dataclass

import pandas as pd
from scipy import stats

from ..analysis.inference import ALPHA
from ..analysis.stats import percent_of_rows
from ..data.codebook import HOURS, MISSING, SIZE, SIZES, SUBSIDIES, SUBSIDY
from ..paths import for_site
from .text import decimal, group_name

BREAKDOWNS = {"totaal": "Alle respondenten", "grootte": "Naar grootte", "subsidie": "Naar subsidie",
              "grootte_subsidie": "Naar grootte en subsidie"}


@dataclass
class Exploration:
    item: str
    breakdown: str
    table: pd.DataFrame  # a row per group: n, then the shares (percent) or the mean and median hours
    test: str  # the test between the groups, in plain Dutch
    long: pd.DataFrame  # the shares in long form, for the chart (groep, antwoord, aandeel)
    sizes: pd.Series = None  # respondents per group (answered or not), for the row labels
    counts: pd.DataFrame = None  # answers per group (columns as in ``table``): the shares' numerators


def _groups(df, breakdown):
    """Each respondent's group under ``breakdown`` as a Dutch label, and the labels in the
    codebook's order."""
    if breakdown == "totaal":
        return pd.Series("Alle respondenten", index=df.index), ["Alle respondenten"]
    if breakdown == "grootte_subsidie":
        order = [f"{group_name(a)} · {group_name(b).lower()}" for a in SIZES for b in SUBSIDIES]
        return df[SIZE].map(group_name) + " · " + df[SUBSIDY].map(group_name).str.lower(), order
    if breakdown in (SIZE, SUBSIDY):
        return df[breakdown].map(group_name), [group_name(g) for g in (SIZES if breakdown == SIZE else SUBSIDIES)]
    raise ValueError(f"breakdown {breakdown!r}, expected one of {sorted(BREAKDOWNS)}")


def printed_splits(published):
    """(variable, breakdown) pairs the report prints: on the reconstruction only those splits
    rest on the report's numbers."""
    rows = published[published["variable"] != ""]
    return set(zip(rows["variable"], rows["breakdown"]))


def explore(df, item, breakdown, codebook, reconstruction=False, printed=frozenset()):
    """The answers to ``item`` per group of ``breakdown`` (see the module's description). On the
    shipped reconstruction (``reconstruction``) a split that the report does not print
    (``printed``: :func:`printed_splits`) is shown but not tested, and neither is the spread of
    hours: both are the reconstruction's choice, not data."""
    groups, order = _groups(df, breakdown)
    sizes = groups.value_counts()
    invented = reconstruction and breakdown != "totaal" and (
        item == HOURS or (item, breakdown) not in printed)
    if item == HOURS:
        hours = df[HOURS].astype(float)
        table = hours.groupby(groups.rename("groep")).agg(n="count", gemiddelde="mean", mediaan="median")
        table = table.reindex([g for g in order if g in table.index])
        samples = [s.to_numpy() for _, s in hours.groupby(groups) if len(s)]
        test = _invented(item) if invented else _kruskal(samples)
        long = table.reset_index(names="groep").rename(columns={"gemiddelde": "aandeel"}).assign(antwoord="gemiddelde uren")
        return Exploration(item, breakdown, table, test, long[["groep", "antwoord", "aandeel"]], sizes)
    answered = df[item] != MISSING
    codes = codebook.answer_codes(item)
    counts = pd.crosstab(groups[answered].rename("groep"), df.loc[answered, item]).reindex(columns=codes, fill_value=0)
    counts = counts.reindex([g for g in order if g in counts.index])
    labels = {c: codebook.label(c, item) for c in codes}
    shares = percent_of_rows(counts).rename(columns=labels)
    table = pd.concat([counts.sum(axis=1).rename("n"), shares], axis=1)
    long = shares.stack().rename("aandeel").reset_index()
    long.columns = ["groep", "antwoord", "aandeel"]
    return Exploration(item, breakdown, table, _invented(item) if invented else _chi_square(counts), long, sizes,
                       counts.rename(columns=labels))


def _invented(item):
    what = "de spreiding van de uren binnen de groepen" if item == HOURS else "deze opsplitsing"
    return (f"Het rapport drukt {what} niet af: in het gereconstrueerde bestand is dat een keuze van de "
            "reconstructie, geen gegeven. De cijfers tonen wat het bestand bevat; een toets zou iets "
            "verzonnens toetsen en staat er daarom niet.")


def _chi_square(counts):
    kept = counts.loc[counts.sum(axis=1) > 0, counts.sum(axis=0) > 0]
    if len(kept) < 2:
        return "Eén groep: er valt niets te vergelijken."
    if kept.shape[1] < 2:
        return "Iedereen gaf hetzelfde antwoord: er valt niets te vergelijken."
    result = stats.chi2_contingency(kept.to_numpy())
    return _verdict(result.pvalue, "de verdeling van de antwoorden", "chi-kwadraattoets")


def _kruskal(samples):
    if len(samples) < 2:
        return "Eén groep: er valt niets te vergelijken."
    if all(len(set(s)) == 1 for s in samples) and len({s[0] for s in samples}) == 1:
        return "Iedereen gaf hetzelfde aantal uren: er valt niets te vergelijken."
    return _verdict(stats.kruskal(*samples).pvalue, "het aantal uren", "Kruskal-Wallistoets")


def _verdict(p, what, test):
    shown = "p < 0,001" if p < 0.001 else f"p = {decimal(p, 3)}"
    if p < ALPHA:
        return (f"Tussen de groepen verschilt {what} duidelijk ({test}, {shown}). Eén toets: er is niet "
                "gecorrigeerd voor andere vergelijkingen die je maakt.")
    return (f"Dit bestand toont geen duidelijk verschil in {what} tussen de groepen ({test}, {shown}); dat "
            "betekent niet dat ze gelijk zijn: bij kleine groepen blijft een verschil vaak onzichtbaar.")


def chart(exploration, ax=None):
    """The shares (or mean hours) per group, drawn with one seaborn call."""
    import seaborn as sns

    return sns.barplot(data=exploration.long, x="aandeel", y="antwoord", hue="groep", orient="h", ax=ax,
                       palette="colorblind")


def explorer(df, codebook, items, item=None, breakdown="grootte"):
    """Two dropdowns (question, breakdown) that show :func:`explore`'s table, chart and test.
    While the site is built it returns the view of ``item`` (default the first) with a note."""
    from IPython.display import HTML, display

    from ..data.published import load_published
    from ..data.respondents import is_reconstruction
    from ..paths import respondents_source

    item = item or items[0]
    options = {"reconstruction": is_reconstruction(respondents_source()),
               "printed": printed_splits(load_published())}
    if for_site():
        shown = explore(df, item, breakdown, codebook, **options)
        return HTML(_view_html(shown, codebook) + '<p class="di-note">Kies in JupyterLab zelf een vraag en een '
                    "opsplitsing: op deze statische pagina werken de keuzelijsten niet (zie Zelf uitvoeren).</p>")
    import ipywidgets as widgets
    import matplotlib.pyplot as plt

    question = widgets.Dropdown(options=[(codebook.label(i), i) for i in items], value=item, description="Vraag")
    split = widgets.Dropdown(options=[(label, key) for key, label in BREAKDOWNS.items()], value=breakdown,
                             description="Opsplitsing")
    out = widgets.Output()

    def show(*_):
        with out:
            out.clear_output(wait=True)
            shown = explore(df, question.value, split.value, codebook, **options)
            display(HTML(_view_html(shown, codebook)))
            chart(shown)
            plt.show()

    question.observe(show, names="value")
    split.observe(show, names="value")
    show()
    return widgets.VBox([question, split, out])


def _view_html(exploration, codebook):
    """The view as an accessible table (each group with its size, as everywhere in the book; the
    column n counts who answered) and the test."""
    from html import escape

    from .tables import result_html
    from .text import with_size

    title = f"{codebook.label(exploration.item)} — {BREAKDOWNS[exploration.breakdown].lower()}"
    table = exploration.table.copy()
    for column in table.columns:
        if column != "n":  # shares are whole percentages; hours get one decimal, with a comma
            table[column] = [f"{v}%" if exploration.item != HOURS else decimal(v, 1) for v in table[column]]
    table = table.rename(columns={"n": "n (antwoordde)"})
    table.index = [with_size(g, int(exploration.sizes.get(g, 0))) for g in table.index]
    table.index.name = "Groep"
    return result_html(table, title) + f"<p>{escape(exploration.test)}</p>"

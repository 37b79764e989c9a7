"""The page "Zelfscan": a local government ticks what it does, the survey's own questions, and
sees beside each answer how peers of its size (and its subsidy status) answered, with what the
catalogue and the toolbox offer for what it does not do yet.

:func:`peer_numbers` computes, when the site is built and from the respondent file in use, what
the page and the notebook compare with: per question and group (all, each size class, with and
without subsidy) who answered, how many of them do it (the share, rounded half up, with its 95%
Wilson interval), for the weekly hours the deciles, and per pillar the mean and median number of
actions a respondent does. :func:`compare` is the comparison itself, for one government's answers
(the notebook's widgets and the tests use it; the page's script does the same with the numbers
:func:`scan_html` puts in the page). :func:`suggestions` follows the YAML links that exist: a
policy action to its fiche, the practices of its phase and their materials; a material to its
toolbox entry. Nothing a visitor enters leaves the browser.
"""

import json
from dataclasses import dataclass
from html import escape

import pandas as pd

from ..analysis.inference import wilson
from ..analysis.stats import percent
from ..data.catalog import anchor as material_anchor
from ..data.codebook import GROUPS, HOURS, MISSING, SIZES, SUBSIDIES, TOTAL
from ..data.respondents import group_members
from .explore import printed_splits
from .text import decimal, group_name, lower_first

# (pillar id, title, question prefixes): the parts of the scan, in the report's order
PILLARS = [
    ("visie", "Visievorming en voorbereiding", ["beleid_visie_"]),
    ("coord", "Coördinatie en communicatie", ["beleid_coord_"]),
    ("part", "Participatie en evaluatie", ["beleid_part_"]),
    ("uitkomsten", "Resultaten van jullie acties", ["uitkomsten"]),
    ("materiaal", "Ondersteunend materiaal dat jullie al gebruikten", ["materiaal"]),
    ("planning", "Digitale inclusie in de meerjarenplanning", ["meerjarenplanning_"]),
]
POSITIVE = ("eerder_wel", "ja", "expliciet")  # the answer that means "we do this" (per item, the one it has)
NEGATIVE = ("eerder_niet", "nee", "neen")  # "not yet": the answer that calls for suggestions
PEER_GROUPS = GROUPS  # totaal, klein, middelgroot, groot, met, zonder
CATALOGUE_PAGE = "catalogus.html"  # from book/zelfscan.html
TOOLBOX_PAGE = "toolbox.html"


def pillar_items(codebook):
    """[(pillar id, title, [items])]."""
    out = []
    for pillar, title, prefixes in PILLARS:
        questions = [q for q in codebook.questions if any(q == p or (p.endswith("_") and q.startswith(p)) for p in prefixes)]
        out.append((pillar, title, [i for q in questions for i in codebook.items(q)]))
    return out


def positive_code(codebook, item):
    return next(c for c in codebook.answer_codes(item) if c in POSITIVE)


def negative_code(codebook, item):
    return next(c for c in codebook.answer_codes(item) if c in NEGATIVE)


@dataclass(frozen=True)
class Peers:
    """How a group of respondents answered one question: ``n`` answered, ``k`` of them gave the
    positive answer; ``share`` (rounded half up) and its 95% interval ``low``-``high``."""

    n: int
    k: int

    @property
    def share(self):
        return percent(self.k, self.n) if self.n else None

    @property
    def interval(self):
        return wilson(self.k, self.n) if self.n else (None, None)


def peer_numbers(df, codebook, published=None, reconstruction=False):
    """Everything the scan compares with, for every peer group: {"items": {item: {group: Peers}},
    "hours": {group: [n, deciles 10..90]}, "pillars": {pillar: {group: (mean, median)}},
    "invented": {item: [groups]}} — on the reconstruction, the groups whose split of an item the
    report does not print (there the reconstruction chose it)."""
    printed = printed_splits(published) if published is not None else set()
    numbers = {"items": {}, "hours": {}, "pillars": {}, "invented": {}}
    members_of = {group: group_members(df, group) for group in PEER_GROUPS}
    for pillar, _, items in pillar_items(codebook):
        for item in items:
            code = positive_code(codebook, item)
            numbers["items"][item] = {}
            for group, members in members_of.items():
                answered = members[item] != MISSING
                numbers["items"][item][group] = Peers(int(answered.sum()), int((members[item] == code).sum()))
            if reconstruction:
                numbers["invented"][item] = [g for g in PEER_GROUPS if g != TOTAL and
                                             (item, "grootte" if g in SIZES else "subsidie") not in printed]
        numbers["pillars"][pillar] = {}
        for group, members in members_of.items():
            done = sum((members[i] == positive_code(codebook, i)).astype(int) for i in items)
            numbers["pillars"][pillar][group] = (float(done.mean()), float(done.median())) if len(members) else (None, None)
    for group, members in members_of.items():
        hours = members[HOURS].astype(float)
        deciles = [float(hours.quantile(q / 10)) for q in range(1, 10)] if len(hours) else []
        numbers["hours"][group] = [len(hours), deciles]
    return numbers


def compare(numbers, codebook, answers, size, subsidy=None):
    """One government's scan against its peers: a DataFrame, one row per question answered
    (``answers``: item -> answer code, and ``uren_per_week`` -> hours), with its answer, the
    share of peers of its size (and of its subsidy status) that do it, n and interval."""
    rows = []
    labels = {i: (p, t) for p, t, items in pillar_items(codebook) for i in items}
    for item, answer in answers.items():
        if item == HOURS:
            n, deciles = numbers["hours"][size]
            below = sum(1 for d in deciles if d < float(answer))
            rows.append({"onderdeel": "Tijd", "vraag": codebook.label(HOURS), "antwoord": decimal(float(answer), 1),
                         "groep": size, "n": n, "aandeel": None, "ondergrens": None, "bovengrens": None,
                         "meer_dan_tienden": below})
            continue
        _, title = labels[item]
        for group in [size] + ([subsidy] if subsidy else []):
            peers = numbers["items"][item][group]
            low, high = peers.interval
            rows.append({"onderdeel": title, "vraag": codebook.label(item), "antwoord": codebook.label(answer, item),
                         "groep": group, "n": peers.n, "aandeel": peers.share, "ondergrens": low, "bovengrens": high,
                         "meer_dan_tienden": None})
    return pd.DataFrame(rows)


def suggestions(catalogue, materials, item):
    """What the catalogue and the toolbox offer for a question answered 'not yet', by the links
    of the YAML files: [(href, text)] (empty where they link nothing)."""
    action = next((a for a in catalogue["beleidsacties"] if a["variabele"] == item), None)
    if action is not None:
        out = [(f"{CATALOGUE_PAGE}#beleidsactie-{action['id']}", f"Fiche: {action['naam']}")]
        practices = [p for p in catalogue["praktijken"] if p["fase"] == action["fase"]]
        out += [(f"{CATALOGUE_PAGE}#praktijk-{p['id']}", f"Praktijk: {p['naam']}") for p in practices]
        seen = set()
        names = {m["id"]: m for m in materials}
        for p in practices:
            for m in p["materialen"]:
                if m not in seen and m in names:
                    seen.add(m)
                    out.append((f"{TOOLBOX_PAGE}#{material_anchor(names[m])}", f"Materiaal: {names[m]['naam']}"))
        return out
    material = next((m for m in materials if m.get("variabele") == item), None)
    if material is not None:
        return [(f"{TOOLBOX_PAGE}#{material_anchor(material)}", f"Materiaal: {material['naam']}")]
    return []


# ---------------------------------------------------------------------- the page

def _radio(name, value, label, index):
    ident = f"zs-{name}-{index}"
    return (f'<label class="di-zs-option" for="{ident}"><input type="radio" id="{ident}" name="{escape(name)}" '
            f'value="{escape(value)}"> {escape(label)}</label>')


def _peer_data(numbers, item):
    data = {}
    for group, peers in numbers["items"][item].items():
        low, high = peers.interval
        data[group] = [peers.n, peers.share, None if low is None else round(low), None if high is None else round(high)]
    return escape(json.dumps(data, separators=(",", ":")))


def _static_peers(numbers, codebook, item):
    """For print and without JavaScript: the share of every group that gave the "yes" answer."""
    parts = []
    for group in PEER_GROUPS:
        peers = numbers["items"][item][group]
        shown = "–" if peers.share is None else f"{peers.share}%"
        parts.append(f"{group_name(group)}: {shown} (n = {peers.n})")
    yes = codebook.label(positive_code(codebook, item), item)
    return f"Antwoordden \"{yes}\": " + " · ".join(parts) + "."


def item_html(numbers, codebook, catalogue, materials, item):
    """One question: its answers as radio buttons, the peers' shares (static), the place for the
    comparison and the suggestions shown for 'not yet'."""
    codes = codebook.answer_codes(item)
    options = "".join(_radio(item, c, codebook.label(c, item), k) for k, c in enumerate(codes))
    tips = suggestions(catalogue, materials, item)
    tips_html = ""
    if tips:
        links = "".join(f'<li><a href="{escape(href)}">{escape(text)}</a></li>' for href, text in tips)
        tips_html = (f'<div class="di-zs-tips" hidden><p>Wat kan helpen, uit de catalogus en de toolbox:</p>'
                     f"<ul>{links}</ul></div>")
    invented = escape(json.dumps(numbers["invented"].get(item, [])))
    return (f'<fieldset class="di-zs-item" data-item="{escape(item)}" data-positive="{positive_code(codebook, item)}" '
            f'data-negative="{negative_code(codebook, item)}" data-peers="{_peer_data(numbers, item)}" '
            f'data-invented="{invented}"><legend>{escape(codebook.label(item))}</legend>'
            f'<div class="di-zs-options">{options}</div>'
            f'<p class="di-zs-peers">{escape(_static_peers(numbers, codebook, item))}</p>'
            f'<p class="di-zs-result" hidden></p>{tips_html}</fieldset>')


def hours_html(numbers, codebook):
    data = escape(json.dumps({g: v for g, v in numbers["hours"].items()}, separators=(",", ":")))
    medians = " · ".join(f"{group_name(g)}: {decimal(v[1][4], 1) if v[1] else '–'} uur"
                         for g, v in numbers["hours"].items())
    return (f'<div class="di-zs-item di-zs-hours" data-item="{HOURS}" data-hours="{data}">'
            f'<p><label for="zs-uren">{escape(codebook.label(HOURS))}: hoeveel uur per week werken jullie samen aan '
            f"digitale inclusie?</label></p>"
            f'<p><input type="number" id="zs-uren" name="{HOURS}" min="0" max="200" step="0.5" inputmode="decimal"> uur</p>'
            f'<p class="di-zs-peers">De helft van de besturen werkt er hooguit zoveel uur aan (mediaan): {escape(medians)}.</p>'
            f'<p class="di-zs-result" hidden></p></div>')


def scan_html(numbers, codebook, catalogue, materials):
    """The whole scan as a form: the government's size and subsidy, the pillars with their
    questions, the weekly hours, and what the visitor can do with the result."""
    size = "".join(_radio("grootte", s, group_name(s, long=True), k) for k, s in enumerate(SIZES))
    subsidy = "".join(_radio("subsidie", s, group_name(s, long=True), k) for k, s in enumerate(SUBSIDIES))
    groups = escape(json.dumps({g: group_name(g, long=True) for g in PEER_GROUPS}, ensure_ascii=False))
    parts = [f'<form class="di-zelfscan" id="di-zelfscan" novalidate data-groups="{groups}">',
             '<fieldset class="di-zs-who"><legend>Jullie bestuur</legend>',
             f'<fieldset class="di-zs-item"><legend>Grootte</legend><div class="di-zs-options">{size}</div></fieldset>',
             f'<fieldset class="di-zs-item"><legend>Iedereen-Digitaalsubsidie</legend><div class="di-zs-options">{subsidy}</div></fieldset>',
             "</fieldset>"]
    for pillar, title, items in pillar_items(codebook):
        summary = escape(json.dumps({g: v for g, v in numbers["pillars"][pillar].items()}, separators=(",", ":")))
        parts.append(f'<fieldset class="di-zs-pillar" id="zs-{pillar}" data-pillar="{pillar}" data-summary="{summary}">'
                     f'<legend>{escape(title)}</legend><p class="di-zs-summary" hidden></p>')
        parts += [item_html(numbers, codebook, catalogue, materials, i) for i in items]
        parts.append("</fieldset>")
    parts.append(f'<fieldset class="di-zs-pillar" id="zs-tijd" data-pillar="tijd"><legend>Tijd</legend>'
                 f"{hours_html(numbers, codebook)}</fieldset>")
    parts.append('<div class="di-zs-actions" hidden>'
                 '<p><input type="checkbox" id="zs-bewaar"> <label for="zs-bewaar">Bewaar mijn antwoorden in deze '
                 "browser (anders zijn ze weg als je de pagina sluit)</label></p>"
                 '<p><button type="button" id="zs-csv">Resultaat als CSV</button> '
                 '<button type="button" id="zs-print">Afdrukken</button> '
                 '<button type="reset" id="zs-wis">Wis alles</button></p>'
                 '<p class="di-zs-status" id="zs-status" role="status" aria-live="polite"></p></div></form>')
    return "".join(parts)


# ---------------------------------------------------------------------- the notebook's scan

EXAMPLE = {  # the imagined small municipality of the page's example: a few answers, for the site
    "grootte": "klein", "subsidie": "zonder",
    "answers": {"beleid_visie_noden": "eerder_niet", "beleid_coord_communicatie": "eerder_wel",
                "beleid_part_inwoners": "eerder_niet", "materiaal_webinars": "nee", HOURS: 4},
}


def comparison_html(numbers, codebook, catalogue, materials, answers, size, subsidy):
    """:func:`compare` as an accessible table, with the suggestions for every "not yet"."""
    from .tables import result_html

    result = compare(numbers, codebook, answers, size, subsidy)
    shown = pd.DataFrame({
        "Vraag": result["vraag"], "Jullie antwoord": result["antwoord"],
        "Vergelijkingsgroep": [group_name(g, long=True) for g in result["groep"]],
        "Antwoorden": result["n"],
        "Aandeel met het ja-antwoord (95%-interval)": [
            (f"{int(r.aandeel)}% ({decimal(r.ondergrens, 0)}–{decimal(r.bovengrens, 0)})" if pd.notna(r.aandeel)
             else f"jullie werken meer uren dan ongeveer {int(r.meer_dan_tienden)} op de 10"
             if pd.notna(r.meer_dan_tienden) else "–")
            for r in result.itertuples()],
    }).set_index("Vraag")
    html = [result_html(shown, f"Zelfscan: {lower_first(group_name(size, long=True))}"
                               + (f", {lower_first(group_name(subsidy, long=True))}" if subsidy else ""))]
    for item, answer in answers.items():
        if item != HOURS and answer == negative_code(codebook, item):
            tips = suggestions(catalogue, materials, item)
            if tips:
                links = "".join(f'<li><a href="../book/{escape(h)}">{escape(t)}</a></li>' for h, t in tips)
                html.append(f"<p>Voor {escape(codebook.label(item))}:</p><ul>{links}</ul>")
    return "".join(html)


def scanner(df, codebook, published=None, reconstruction=False):
    """The scan in a notebook: in JupyterLab, lists for the size and subsidy, a row of buttons per
    question (by pillar) and the hours, with the comparison updated at every answer; while the
    site is built, the comparison for the page's imagined small municipality and a note."""
    from IPython.display import HTML, display

    from ..data.catalog import load_catalogue, load_materials
    from ..paths import for_site

    numbers = peer_numbers(df, codebook, published, reconstruction)
    catalogue, materials = load_catalogue(), load_materials()
    if for_site():
        example = comparison_html(numbers, codebook, catalogue, materials, EXAMPLE["answers"], EXAMPLE["grootte"],
                                  EXAMPLE["subsidie"])
        return HTML(example + '<p class="di-note">Een voorbeeld: een klein bestuur zonder subsidie dat vier vragen '
                    "invulde. In JupyterLab vul je hier zelf alle vragen in; op de site doe je dat op de pagina "
                    '<a href="../book/zelfscan.html">Zelfscan</a>.</p>')
    import ipywidgets as widgets

    size = widgets.Dropdown(options=[(group_name(s, long=True), s) for s in SIZES], description="Grootte")
    subsidy = widgets.Dropdown(options=[(group_name(s, long=True), s) for s in SUBSIDIES], description="Subsidie")
    buttons = {}
    pages = []
    for _, title, items in pillar_items(codebook):
        rows = []
        for item in items:
            choice = widgets.ToggleButtons(options=[("–", "")] + [(codebook.label(c, item), c) for c in codebook.answer_codes(item)],
                                           value="", description="", style={"button_width": "auto"})
            buttons[item] = choice
            rows.append(widgets.VBox([widgets.Label(codebook.label(item)), choice]))
        pages.append((title, widgets.VBox(rows)))
    hours = widgets.BoundedFloatText(value=0, min=0, max=200, step=0.5, description="Uur per week")
    tabs = widgets.Accordion(children=[p for _, p in pages])
    for k, (title, _) in enumerate(pages):
        tabs.set_title(k, title)
    out = widgets.Output()

    def show(*_):
        answers = {i: b.value for i, b in buttons.items() if b.value}
        if hours.value:
            answers[HOURS] = hours.value
        with out:
            out.clear_output(wait=True)
            if answers:
                display(HTML(comparison_html(numbers, codebook, catalogue, materials, answers, size.value, subsidy.value)))
            else:
                display(HTML("<p>Kies bij een vraag een antwoord: de vergelijking verschijnt hier.</p>"))

    for control in [size, subsidy, hours, *buttons.values()]:
        control.observe(show, names="value")
    show()
    return widgets.VBox([size, subsidy, tabs, hours, out])

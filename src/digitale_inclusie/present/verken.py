"""The page "Verken de cijfers": every question of the survey by every breakdown, computed at
build time by :func:`.explore.explore` (the function behind the notebooks' "Verken zelf").

The page holds one view per question and breakdown (:func:`view_html`): the table with n per
group and each share with its 95% interval (hours: n, mean, median), the test between the
groups, and a CSV of exactly what the table shows. Without JavaScript the page is the list of all
views, by chapter and question; ``verken.js`` (``digitale_inclusie/sphinx/assets``, loaded on
this page only) turns it into two lists to choose from, shows the chosen view alone and draws its
numbers as bars (each share cell carries its number in ``data-p``, each mean in ``data-v``). The
browser only chooses and draws: every number is in the page as built, from the respondent file
in use; nothing is fetched. Every text from the codebook is escaped.
"""

from html import escape

import pandas as pd

from ..analysis.inference import wilson
from ..data.codebook import HOURS
from ..fileio import atomic_write_text, csv_text
from .downloads import folder as downloads_folder
from .downloads import link_html
from .explore import BREAKDOWNS, explore, printed_splits
from .text import decimal, with_size

# the questions of the survey, by the chapter that discusses them (every item of the codebook
# but the respondent's id and the two groups; a test checks that none is missing)
CHAPTERS = [
    ("Hoofdstuk 1: waarom?", "01_waarom", ["uitkomsten"]),
    ("Hoofdstuk 2: wie en hoeveel uur?", "02_wie", [HOURS, "functieprofielen", "samenwerking"]),
    ("Hoofdstuk 3: welke acties en welk beleid?", "03_acties", ["beleid_"]),
    ("Hoofdstuk 4: welk materiaal?", "04_materiaal", ["materiaal", "aanbod_"]),
    ("Hoofdstuk 6: de toekomst", "06_toekomst", ["meerjarenplanning_"]),
]
CSV_FOLDER = "verken"  # under the downloads: one CSV per view
CSV_COLUMNS = ["vraag", "variabele", "opsplitsing", "groep", "n_groep", "n_antwoord", "antwoord", "aandeel",
               "ondergrens", "bovengrens", "gemiddelde", "mediaan"]


def chapter_items(codebook):
    """[(chapter title, notebook, [items])]: every item of the codebook's questions, by chapter."""
    out = []
    for title, notebook, prefixes in CHAPTERS:
        items = []
        for prefix in prefixes:
            if prefix == HOURS:
                items.append(HOURS)
                continue
            questions = [q for q in codebook.questions if q == prefix or (prefix.endswith("_") and q.startswith(prefix))]
            items += [i for q in questions for i in codebook.items(q)]
        out.append((title, notebook, items))
    return out


def view_id(item, breakdown):
    """The anchor of a view: ``v-uitkomst_burgers-grootte`` (items and breakdowns are codebook
    names: letters, digits and _)."""
    return f"v-{item}-{breakdown}"


def view_title(exploration, codebook):
    """'Burgers: naar grootte': the view's caption, and what its CSV link names."""
    return f"{codebook.label(exploration.item)}: {BREAKDOWNS[exploration.breakdown].lower()}"


def rows(exploration, codebook):
    """The view's numbers, one dict per group and answer (hours: per group), as the table and the
    CSV show them: shares with their 95% Wilson interval over who answered."""
    out = []
    table = exploration.table
    for group in table.index:
        size = int(exploration.sizes.get(group, 0))
        answered = int(table.at[group, "n"])
        base = {"vraag": codebook.label(exploration.item), "variabele": exploration.item,
                "opsplitsing": BREAKDOWNS[exploration.breakdown], "groep": group, "n_groep": size,
                "n_antwoord": answered}
        if exploration.item == HOURS:
            out.append({**base, "antwoord": "", "aandeel": None, "ondergrens": None, "bovengrens": None,
                        "gemiddelde": float(table.at[group, "gemiddelde"]), "mediaan": float(table.at[group, "mediaan"])})
            continue
        for answer in table.columns[1:]:
            share = table.at[group, answer]
            count = exploration.counts.at[group, answer]
            low, high = wilson(int(count), answered) if answered else (None, None)
            out.append({**base, "antwoord": answer, "aandeel": share, "ondergrens": low, "bovengrens": high,
                        "gemiddelde": None, "mediaan": None})
    return out


def _share(row):
    """A share as the bars draw it (empty where there is none)."""
    return "" if row["aandeel"] is None or pd.isna(row["aandeel"]) else f"{float(row['aandeel']):g}"


def _share_text(row):
    if row["aandeel"] is None or pd.isna(row["aandeel"]):
        return "–"
    return f"{row['aandeel']}% ({decimal(row['ondergrens'], 0)}–{decimal(row['bovengrens'], 0)})"


def table_html(exploration, codebook, view_rows, caption_id):
    """The view's table: a caption (its id ``caption_id`` names the view), a row per group (with
    its size and who answered), a column per answer ('62% (55–68)': the share and its 95%
    interval) or mean and median hours."""
    hours = exploration.item == HOURS
    answers = [] if hours else list(exploration.table.columns[1:])
    heads = ["Groep", "Antwoordden"] + (["Gemiddeld (uur per week)", "Mediaan (uur per week)"] if hours
                                         else [f"{a}: aandeel (95%-interval)" for a in answers])
    body = []
    for group in exploration.table.index:
        group_rows = [r for r in view_rows if r["groep"] == group]
        first = group_rows[0]
        if hours:
            cells = (f'<td data-v="{first["gemiddelde"]:.2f}">{escape(decimal(first["gemiddelde"], 1))}</td>'
                     f'<td>{escape(decimal(first["mediaan"], 1))}</td>')
        else:
            cells = "".join(f'<td data-p="{_share(r)}">{escape(_share_text(r))}</td>' for r in group_rows)
        body.append(f'<tr><th scope="row">{escape(with_size(group, first["n_groep"]))}</th>'
                    f'<td>{first["n_antwoord"]}</td>{cells}</tr>')
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in heads)
    title = view_title(exploration, codebook)
    return (f'<div class="di-table-wrap" tabindex="0" role="region" aria-label="{escape(title)}">'
            f'<table class="di-table di-verken-table"><caption id="{caption_id}">{escape(title)}</caption>'
            f'<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>')


def view_csv(view_rows):
    """The CSV of a view: exactly the numbers its table shows, one row per group and answer."""
    frame = pd.DataFrame(view_rows, columns=CSV_COLUMNS).astype(object)
    for column in ("ondergrens", "bovengrens"):  # whole percentages, as the table shows them
        frame[column] = ["" if v is None or pd.isna(v) else decimal(v, 0) for v in frame[column]]
    for column in ("gemiddelde", "mediaan"):  # one decimal (a point: a CSV file's decimal sign)
        frame[column] = ["" if v is None or pd.isna(v) else f"{float(v):.1f}" for v in frame[column]]
    frame["aandeel"] = ["" if v is None or pd.isna(v) else f"{float(v):g}" for v in frame["aandeel"]]
    return csv_text(frame)


def view_html(exploration, codebook, csv_href, view_rows=None):
    """One view: its table, test and CSV link, in a ``<section>`` named by the table's caption
    (``view_rows``: :func:`rows`, when the caller has them already)."""
    view_rows = rows(exploration, codebook) if view_rows is None else view_rows
    anchor = view_id(exploration.item, exploration.breakdown)
    title = view_title(exploration, codebook)
    return (f'<section class="di-verken-view" id="{anchor}" aria-labelledby="{anchor}-t">'
            f"{table_html(exploration, codebook, view_rows, f'{anchor}-t')}"
            f'<p class="di-verken-test">{escape(exploration.test)}</p>'
            f'<p class="di-download">{link_html(csv_href, f"{title} als CSV")}</p></section>')


def form_html(chapters, codebook):
    """The two lists to choose from (hidden until the script runs: without it they would do nothing)."""
    options = []
    for title, _, items in chapters:
        options.append(f'<optgroup label="{escape(title)}">' + "".join(
            f'<option value="{escape(i)}">{escape(codebook.label(i))}</option>' for i in items) + "</optgroup>")
    breakdowns = "".join(f'<option value="{k}">{escape(v)}</option>' for k, v in BREAKDOWNS.items())
    return ('<form class="di-verken-form" id="di-verken-form" hidden>'
            '<p><label for="di-verken-vraag">Vraag</label>'
            f'<select id="di-verken-vraag" name="vraag">{"".join(options)}</select></p>'
            '<p><label for="di-verken-opsplitsing">Opsplitsing</label>'
            f'<select id="di-verken-opsplitsing" name="opsplitsing">{breakdowns}</select></p>'
            '<p class="di-verken-status" id="di-verken-status" role="status" aria-live="polite"></p></form>')


def explorer_page(df, codebook, published, reconstruction):
    """The whole explorer: the form and every view, by chapter and question; writes each view's
    CSV into the downloads (``verken/<item>-<breakdown>.csv``). Returns HTML."""
    chapters = chapter_items(codebook)
    printed = printed_splits(published)
    target = downloads_folder() / CSV_FOLDER
    parts = [form_html(chapters, codebook), '<div class="di-verken-views" id="di-verken-views">']
    for title, _, items in chapters:
        parts.append(f'<h3 class="di-verken-chapter">{escape(title)}</h3>')
        for item in items:
            parts.append(f'<h4 class="di-verken-question" id="q-{escape(item)}">{escape(codebook.label(item))}</h4>')
            for breakdown in BREAKDOWNS:
                exploration = explore(df, item, breakdown, codebook, reconstruction=reconstruction, printed=printed)
                name = f"{item}-{breakdown}.csv"
                view_rows = rows(exploration, codebook)  # one view's numbers, for its CSV and its table
                atomic_write_text(target / name, view_csv(view_rows))
                parts.append(view_html(exploration, codebook, f"{CSV_FOLDER}/{name}", view_rows))
    parts.append("</div>")
    return "".join(parts)

"""Helpers for the book's pages: Dutch tables built from the data."""

import pandas as pd

from .codebook import SIZE, SIZES, SUBSIDIES, SUBSIDY
from .errors import InputFileError
from .paths import CONTEXT, REGISTER

GROUP_LABELS = {
    "totaal": "Alle respondenten",
    "klein": "Kleine besturen (< 20.000 inwoners)",
    "middelgroot": "Middelgrote besturen (20.000-50.000 inwoners)",
    "groot": "Grote besturen (> 50.000 inwoners)",
    "met": "Besturen met Iedereen-Digitaalsubsidie",
    "zonder": "Besturen zonder Iedereen-Digitaalsubsidie",
}
UNIT_SUFFIX = {"procent": "%", "uur": " uur", "aantal": ""}
TABLE_LABELS = {
    "steekproef": "Steekproef",
    "uren": "Tijdsbesteding",
    "functieprofielen": "Functieprofielen",
    "samenwerking": "Externe samenwerking",
    "materiaal": "Ondersteunend materiaal",
}


def lower_first(text):
    """'Besturen met Iedereen-Digitaalsubsidie' -> 'besturen met Iedereen-Digitaalsubsidie'."""
    return text[:1].lower() + text[1:]


def table_label(table):
    """'tabel_12' -> 'Tabel 12', 'figuur_1' -> 'Figuur 1', others by name."""
    if table.startswith(("tabel_", "figuur_")):
        kind, number = table.split("_")
        return f"{kind.capitalize()} {number}"
    return TABLE_LABELS.get(table, table)


def group_sizes(respondents):
    """Number of respondents per group, as a table with Dutch labels."""
    counts = [("totaal", len(respondents))]
    counts += [(s, int((respondents[SIZE] == s).sum())) for s in SIZES]
    counts += [(g, int((respondents[SUBSIDY] == g).sum())) for g in SUBSIDIES]
    return pd.DataFrame({"Groep": [GROUP_LABELS[g] for g, _ in counts],
                         "Respondenten": [n for _, n in counts]})


def cross_table(respondents):
    """Respondents by size class and subsidy status (chosen by the reconstruction)."""
    table = pd.crosstab(respondents[SIZE], respondents[SUBSIDY]).reindex(index=list(SIZES), columns=list(SUBSIDIES))
    table.index = [GROUP_LABELS[s] for s in table.index]
    table.columns = ["Met subsidie", "Zonder subsidie"]
    return table


def load_register(path=REGISTER):
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def register_table(register):
    """The audit register in Dutch, for reading."""
    return pd.DataFrame({
        "Waar": [table_label(t) for t in register["table"]],
        "Groep": [GROUP_LABELS[g] for g in register["group"]],
        "Cijfer": [f"{i} – {c}" for i, c in zip(register["item"], register["category"])],
        "Gedrukt": [f"{v}{UNIT_SUFFIX[u]}" for v, u in zip(register["value"], register["unit"])],
        "Reconstructie": [f"{v}{UNIT_SUFFIX[u]}" if v else "–"
                          for v, u in zip(register["reconstructed"], register["unit"])],
        "Waarom": register["reason"],
    })


def register_html(register, caption):
    """The audit register as an accessible HTML table (caption, scoped headers)."""
    from html import escape

    frame = register_table(register)
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in frame.columns)
    body = []
    for _, row in frame.iterrows():
        cells = [f'<th scope="row">{escape(row.iloc[0])}</th>']
        cells += [f"<td>{escape(str(v))}</td>" for v in row.iloc[1:]]
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (f'<div class="di-table-wrap" tabindex="0"><table class="di-table di-register"><caption>{escape(caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>")


def rescued_markdown(rescued):
    """Printed numbers that need a few skipped answers, as a Markdown list."""
    return "\n".join(
        f"- **{table_label(r['table'])}, {lower_first(GROUP_LABELS[r['group']])}: {r['item']}**: "
        f"gedrukt {r['value']}%. {r['reason']}" for _, r in rescued.iterrows())


CONTEXT_COLUMNS = ["key", "value", "unit", "label", "year", "source", "address"]


def load_context(path=CONTEXT):
    """Context figures around the report (not survey results), checked: key -> row."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    if list(frame.columns) != CONTEXT_COLUMNS:
        raise InputFileError(path, [f"line 1: header is {list(frame.columns)}, expected {CONTEXT_COLUMNS}"])
    problems = []
    for i, row in frame.iterrows():
        if not row["value"].isdigit():
            problems.append(f"line {i + 2}, column 'value': '{row['value']}' is not a whole number")
        if row["unit"] not in UNIT_SUFFIX:
            problems.append(f"line {i + 2}, column 'unit': '{row['unit']}', expected one of {sorted(UNIT_SUFFIX)}")
        if not row["source"]:
            problems.append(f"line {i + 2}, column 'source': empty, every figure needs its source")
    if frame["key"].duplicated().any():
        problems.append(f"column 'key': duplicated {sorted(frame.loc[frame['key'].duplicated(), 'key'])}")
    if problems:
        raise InputFileError(path, problems)
    return {row["key"]: row for _, row in frame.iterrows()}


def context_text(row):
    """A context figure as Dutch text: '46%' or '108'."""
    return f"{row['value']}{UNIT_SUFFIX[row['unit']]}"


def toc_files(book_root):
    """Every file named in a Jupyter Book's _toc.yml (root first), without suffix."""
    import yaml

    from pathlib import Path

    toc = yaml.safe_load((Path(book_root) / "_toc.yml").read_text(encoding="utf-8"))
    found = []

    def walk(node):
        if isinstance(node, dict):
            found.extend(node[key] for key in ("root", "file") if key in node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(toc)
    return found

"""The register and the numbers rescued by skipped answers, as the data page shows them."""

from fractions import Fraction
from html import escape

import pandas as pd

from .text import block_label, group_name, lower_first, number_text


def register_frame(register):
    """The register (``data/register.csv``) with Dutch column names, for reading; the column of
    alternatives only when some entry has one."""
    frame = pd.DataFrame({
        "Waar": [block_label(t) for t in register["table"]],
        "Groep": [group_name(g, long=True) for g in register["group"]],
        "Cijfer": [f"{i} – {c}" for i, c in zip(register["item"], register["category"])],
        "Gedrukt": [number_text(Fraction(v), u, long=True) for v, u in zip(register["value"], register["unit"])],
        "Reconstructie": [number_text(Fraction(v) if v else None, u, long=True)
                          for v, u in zip(register["reconstructed"], register["unit"])],
        "Waarom": list(register["reason"]),
    })
    if (register["alternative"] != "").any():
        frame["Niet gekozen alternatief"] = [a or "–" for a in register["alternative"]]
    return frame


def register_html(register, caption):
    """The register (or part of it) for reading at any width: one entry per printed number, a
    description list of what was printed and reconstructed, why, and the alternative not
    chosen (the same columns as :func:`register_frame`); a sentence when it is empty."""
    if register.empty:
        return f"<p>{escape(caption)}: geen.</p>"
    frame = register_frame(register)
    entries = []
    for _, row in frame.iterrows():
        head = (f"{row['Waar']}, {lower_first(row['Groep'])}: {row['Cijfer']}: gedrukt "
                f"{row['Gedrukt']}, reconstructie {row['Reconstructie']}")
        body = f"<p><strong>Waarom.</strong> {escape(row['Waarom'])}</p>"
        if "Niet gekozen alternatief" in frame and row["Niet gekozen alternatief"] != "–":
            body += (f"<p><strong>Niet gekozen alternatief.</strong> "
                     f"{escape(row['Niet gekozen alternatief'])}</p>")
        entries.append(f"<dt>{escape(head)}</dt><dd>{body}</dd>")
    return (f'<figure class="di-register">'
            f'<figcaption>{escape(caption)}</figcaption><dl>{"".join(entries)}</dl></figure>')


def rescued_markdown(rescued):
    """Printed numbers that are only possible when a few respondents skipped the question, as a
    Markdown list; a sentence when there are none."""
    if rescued.empty:
        return "Met dit respondentenbestand is er geen enkel zo'n cijfer."
    return "\n".join(
        f"- **{escape(block_label(r['table']))}, {lower_first(group_name(r['group'], long=True))}: {escape(r['item'])}**: "
        f"gedrukt {r['value']}%. {escape(r['reason'])}" for _, r in rescued.iterrows())

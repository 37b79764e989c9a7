"""The register and the numbers rescued by skipped answers, as the data page shows them."""

from html import escape

import pandas as pd

from ..vocab import GROUPS_LONG, UNIT_SUFFIX, lower_first, table_label
from .tables import frame_table


def register_frame(register):
    """The register (``data/register.csv``) with Dutch column names, for reading."""
    return pd.DataFrame({
        "Waar": [table_label(t) for t in register["table"]],
        "Groep": [GROUPS_LONG[g] for g in register["group"]],
        "Cijfer": [f"{i} – {c}" for i, c in zip(register["item"], register["category"])],
        "Gedrukt": [f"{v}{UNIT_SUFFIX[u]}" for v, u in zip(register["value"], register["unit"])],
        "Reconstructie": [f"{v}{UNIT_SUFFIX[u]}" if v else "–"
                          for v, u in zip(register["reconstructed"], register["unit"])],
        "Waarom": register["reason"],
    })


def register_html(register, caption):
    """The register as an accessible table."""
    return frame_table(register_frame(register), caption, css_class="di-register")


def rescued_markdown(rescued):
    """Printed numbers that are only possible when a few respondents skipped the question, as a
    Markdown list; a sentence when there are none."""
    if rescued.empty:
        return "Met dit respondentenbestand is er geen enkel zo'n cijfer."
    return "\n".join(
        f"- **{escape(table_label(r['table']))}, {lower_first(GROUPS_LONG[r['group']])}: {escape(r['item'])}**: "
        f"gedrukt {r['value']}%. {escape(r['reason'])}" for _, r in rescued.iterrows())

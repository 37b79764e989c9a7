"""The book's Dutch vocabulary, defined once: group labels, table names, number formatting.

Labels of survey items and answers come from the codebook (``data/datapackage.json``:
a column's ``title``, an answer code's ``label``), so they too are defined in one place.
"""

import re
from fractions import Fraction

import pandas as pd

GROUPS = {  # short labels: table rows, chart legends
    "totaal": "Alle respondenten",
    "klein": "Klein",
    "middelgroot": "Middelgroot",
    "groot": "Groot",
    "met": "Met subsidie",
    "zonder": "Zonder subsidie",
}
GROUPS_LONG = {  # in running text and on the data page
    "totaal": "Alle respondenten",
    "klein": "Kleine besturen (< 20.000 inwoners)",
    "middelgroot": "Middelgrote besturen (20.000-50.000 inwoners)",
    "groot": "Grote besturen (> 50.000 inwoners)",
    "met": "Besturen met Iedereen-Digitaalsubsidie",
    "zonder": "Besturen zonder Iedereen-Digitaalsubsidie",
}
BREAKDOWN_LABELS = {"totaal": "alle respondenten", "grootte": "naar grootte", "subsidie": "naar subsidie"}
UNIT_SUFFIX = {"procent": "%", "uur": " uur", "aantal": ""}
UNIT_NAMES = {"procent": "procent van wie antwoordde", "uur": "uur per week", "aantal": "aantal respondenten"}
NAMED_TABLES = {  # printed numbers outside a numbered table, by the name used in data/published
    "steekproef": "Steekproef",
    "uren": "Tijdsbesteding",
    "functieprofielen": "Functieprofielen",
    "samenwerking": "Externe samenwerking",
    "materiaal": "Ondersteunend materiaal",
}
MISSING_VALUE = "–"


def decimal(x, decimals=0):
    """A number with a decimal comma: decimal(12.5, 1) -> '12,5'; decimal(3) -> '3'."""
    return f"{float(x):.{decimals}f}".replace(".", ",")


def number_text(value, unit, long=False):
    """A value as the book prints it: 72 -> '72%'; hours with a decimal comma ('12,5'), with
    ' uur' when ``long``; a missing value -> '–'."""
    if value is None or pd.isna(value):
        return MISSING_VALUE
    value = Fraction(str(value)) if isinstance(value, float) else Fraction(value)
    text = str(value.numerator) if value.denominator == 1 else decimal(value, 1)
    if unit == "procent":
        return f"{text}%"
    if unit == "uur" and long:
        return f"{text} uur"
    return text


def table_label(table):
    """'tabel_12' -> 'Tabel 12', 'figuur_1' -> 'Figuur 1'; other printed blocks by their name."""
    if table.startswith(("tabel_", "figuur_")):
        kind, number = table.split("_", 1)
        return f"{kind.capitalize()} {number}"
    return NAMED_TABLES.get(table, table)


def numbered(table):
    """'Tabel 1' or 'Figuur 6' for a numbered table or figure of the report, else None."""
    return table_label(table) if table.startswith(("tabel_", "figuur_")) else None


def lower_first(text):
    """'Besturen met Iedereen-Digitaalsubsidie' -> 'besturen met Iedereen-Digitaalsubsidie'."""
    return text[:1].lower() + text[1:]


def inline_code(text):
    """Any text (a file name, say) as a Markdown/MyST code span that shows it literally: a
    fence of more backquotes than the text holds in a row, and every character that is not
    printable (a line break, a NUL, a zero-width space) shown as an escape, so that the text can
    neither end the span nor start a block."""
    shown = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in str(text))
    longest = max((len(run) for run in re.findall(r"`+", shown)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if shown.startswith("`") or shown.endswith("`") or not shown.strip() else ""
    return f"{fence}{pad}{shown}{pad}{fence}"
